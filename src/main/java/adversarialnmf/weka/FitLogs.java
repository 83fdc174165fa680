package adversarialnmf.weka;

import adversarialnmf.solver.ProgressListener;
import weka.gui.Logger;

/**
 * The log a fit running in the current thread reports its progress to. Weka's Cluster tab
 * copies the clusterer before it runs (so a log set on the clusterer in the GUI is lost) and
 * runs it in a thread of its own; the Factorization view's log wrapper binds the Explorer's log to
 * that thread when the tab first writes to the log from it, and unbinds it when the task ends.
 */
public final class FitLogs {

  private static final ThreadLocal<Logger> CURRENT = new ThreadLocal<Logger>();

  private FitLogs() {
  }

  public static void bindToCurrentThread(Logger log) {
    CURRENT.set(log);
  }

  public static void unbindCurrentThread() {
    CURRENT.remove();
  }

  /** The log bound to the current thread, or null. */
  public static Logger ofCurrentThread() {
    return CURRENT.get();
  }

  /** Reports of a fit of {@code method} to the status bar and log bound to this thread, or null if none is. */
  public static ProgressListener progressListener(String method) {
    Logger log = CURRENT.get();
    return log == null ? null : ProgressListener.ofLines(line -> {
      log.statusMessage(method + ": " + line);
      log.logMessage(method + ": " + line);
    });
  }
}
