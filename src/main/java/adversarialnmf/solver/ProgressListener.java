package adversarialnmf.solver;

/**
 * Told where a fit stands, at most once per {@link #intervalNanos()} (and never on the fit's
 * last iteration, which the result describes). Called in the fit's own thread: keep it short.
 */
public interface ProgressListener {

  /** How long the run loop waits between two reports. */
  long intervalNanos();

  void progress(FitProgress progress);
}
