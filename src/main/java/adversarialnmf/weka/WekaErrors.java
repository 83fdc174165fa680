package adversarialnmf.weka;

import adversarialnmf.solver.FitInterruptedException;
import weka.gui.Logger;

/** How the core's failures reach Weka users: as the checked exceptions Weka's tools expect. */
public final class WekaErrors {

  private WekaErrors() {
  }

  /**
   * The core's interruption as Java's {@link InterruptedException} (what Weka's GUIs and
   * executors recognise), with the core exception (the full solver description) as cause. Its
   * message is two short lines, since the Explorer shows it in a dialog that does not wrap; the
   * status line of the log bound to this thread ({@link FitLogs}), which showed the fit's
   * progress, gets its first line.
   */
  public static InterruptedException interrupted(String who, FitInterruptedException stopped) {
    String notice = who + " was stopped " + stopped.where() + ".";
    Logger log = FitLogs.ofCurrentThread();
    if (log != null) {
      log.statusMessage(notice);
    }
    InterruptedException weka = new InterruptedException(notice + "\nNothing was changed; it can be run again.");
    weka.initCause(stopped);
    return weka;
  }
}
