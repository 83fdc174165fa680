package adversarialnmf.solver;

import java.util.Locale;

/**
 * Memory before allocation: the solvers' estimates of what a fit allocates ({@link
 * FactorizationSolver#workingSetBytes}), the heap the JVM can still give, and the check that refuses
 * a fit at once, with both figures and what would be cheaper, instead of an OutOfMemoryError
 * minutes in.
 */
public final class WorkingSet {

  private WorkingSet() {
  }

  /** Bytes of {@code entries} doubles. */
  public static long doubles(long entries) {
    return 8L * entries;
  }

  /** What the solvers without an m x N workspace allocate: a dozen factor-sized matrices. */
  static long factorSized(long m, long count, long rank) {
    return doubles(12L * (m + count) * rank);
  }

  /** The heap this JVM can still allocate: its maximum minus what is in use now. */
  public static long freeHeapBytes() {
    Runtime runtime = Runtime.getRuntime();
    return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
  }

  /** The free heap, collecting garbage first if it looks too small for {@code needed} (only then). */
  public static long freeHeapBytesFor(long needed) {
    long free = freeHeapBytes();
    if (needed > free) {
      System.gc(); // garbage counts as used until collected; only worth it before refusing a fit
      free = freeHeapBytes();
    }
    return free;
  }

  /** Bytes for people: "2.8 GB", "310 MB". */
  public static String readable(long bytes) {
    String[] units = {"bytes", "KB", "MB", "GB", "TB"};
    double value = bytes;
    int unit = 0;
    while (value >= 1000 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    return unit == 0 ? bytes + " bytes" : String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value,
        units[unit]);
  }
}
