package adversarialnmf.solver;

/**
 * Thrown when the thread running a fit, an initialisation, a projection or a benchmark loop is
 * interrupted (for example by the Explorer's Stop button, which on Java 20+ can do nothing else).
 * Long loops call {@link #checkInterrupted} once per iteration and per inner step. Like {@link
 * InterruptedException}, it clears the thread's interrupt flag, so the same thread can fit again;
 * nothing has been changed by the interrupted work (faces keep their previous model and buffers).
 */
public final class FitInterruptedException extends RuntimeException {

  private static final long serialVersionUID = -6217384905213859271L;

  private final String activity;
  private final String step;

  /** @param activity what was running, e.g. "k-means++ seeding" */
  public FitInterruptedException(String activity) {
    this(activity, null);
  }

  /**
   * @param activity what was running, e.g. the solver's full description
   * @param step where it was, short enough for a dialog line, e.g. "iteration 12 of 500"; or null
   */
  public FitInterruptedException(String activity, String step) {
    super(activity + (step == null ? "" : " at " + step) + " was interrupted (the thread's interrupt flag was set,"
        + " e.g. by a Stop button); it stopped without a result and can be run again");
    this.activity = activity;
    this.step = step;
  }

  /** What was running when the interrupt was seen. */
  public String activity() {
    return activity;
  }

  /** Where the work stopped, for a one-line notice: "at iteration 12 of 500", else "in " + the activity. */
  public String where() {
    return step != null ? "at " + step : "in " + activity;
  }

  /**
   * Throws if the current thread has been interrupted, clearing its flag.
   *
   * @param activity what is running (a constant, so the check costs no allocation)
   */
  public static void checkInterrupted(String activity) {
    if (Thread.interrupted()) {
      throw new FitInterruptedException(activity);
    }
  }
}
