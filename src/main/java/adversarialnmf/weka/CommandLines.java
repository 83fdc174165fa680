package adversarialnmf.weka;

/** How the package's command-line tools end: the exit status and the one line a user reads on an error. */
public final class CommandLines {

  /** The status of a run stopped by an interrupt (Ctrl-C): 128 + SIGINT, as a shell reports it. */
  public static final int INTERRUPTED_STATUS = 130;

  private CommandLines() {
  }

  /** A tool's work, which may fail with any exception. */
  @FunctionalInterface
  public interface Body {
    void run() throws Exception;
  }

  /**
   * Runs a tool's main body: 0 on success; on an interrupt its message and
   * {@link #INTERRUPTED_STATUS}; on any other error {@code tool}'s one-line message, the hint to
   * run it with -h, and 1.
   */
  public static int status(String tool, Body body) {
    try {
      body.run();
      return 0;
    } catch (InterruptedException e) {
      System.err.println(e.getMessage());
      return INTERRUPTED_STATUS;
    } catch (Exception e) {
      System.err.println(tool + ": " + e.getMessage());
      System.err.println("Run with -h for the options.");
      return 1;
    }
  }

  /** {@link #status}, then exits with it unless it is 0 (a tool run inside Weka's GUI keeps its JVM then). */
  public static void exitOnError(String tool, Body body) {
    int status = status(tool, body);
    if (status != 0) {
      System.exit(status);
    }
  }
}
