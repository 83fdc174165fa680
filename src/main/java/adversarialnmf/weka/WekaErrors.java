package adversarialnmf.weka;

import adversarialnmf.solver.FitInterruptedException;

/** How the core's failures reach Weka users: as the checked exceptions Weka's tools expect. */
public final class WekaErrors {

  private WekaErrors() {
  }

  /**
   * The core's interruption as Java's {@link InterruptedException} (what Weka's GUIs and
   * executors recognise), its message prefixed by {@code who} and the core exception as cause.
   */
  public static InterruptedException interrupted(String who, FitInterruptedException stopped) {
    InterruptedException weka = new InterruptedException(who + ": " + stopped.getMessage());
    weka.initCause(stopped);
    return weka;
  }
}
