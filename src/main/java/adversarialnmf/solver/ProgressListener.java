package adversarialnmf.solver;

/**
 * Told where a fit stands, at most once per {@link #intervalNanos()} (and never on the fit's
 * last iteration, which the result describes). Called in the fit's own thread: keep it short.
 */
public interface ProgressListener {

  /** Time between two reports of the package's own listeners (the Explorer's log, the Spark job's), in nanoseconds. */
  long REPORT_INTERVAL_NANOS = 3_000_000_000L;

  /** A listener that hands each report, as one line, to {@code lines}, every {@link #REPORT_INTERVAL_NANOS}. */
  static ProgressListener ofLines(java.util.function.Consumer<String> lines) {
    return new ProgressListener() {
      @Override
      public long intervalNanos() {
        return REPORT_INTERVAL_NANOS;
      }

      @Override
      public void progress(FitProgress progress) {
        lines.accept(progress.toString());
      }
    };
  }

  /** How long the run loop waits between two reports. */
  long intervalNanos();

  void progress(FitProgress progress);
}
