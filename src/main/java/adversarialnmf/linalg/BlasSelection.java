package adversarialnmf.linalg;

import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * Which {@link Blas} runs: chosen once, at first use, and written to the log. The system
 * property {@value Blas#PROPERTY} forces {@code java} or {@code native}; without it the native
 * path is taken when it loads and a one-off probe (a 384 x 384 by 384 x 48 product, the best of a
 * few runs each) shows it faster than ours. Tests and the benchmark may {@link #use} another
 * implementation for a scope of their own.
 */
public final class BlasSelection {

  private static final System.Logger LOG = System.getLogger(BlasSelection.class.getName());

  /** Timed runs per contender in the probe; the fastest counts (outside load only adds time). */
  private static final int PROBE_RUNS = 12;

  /** The implementation in use, and the one chosen at first use with the reason for it. */
  private static volatile Blas current;
  private static volatile Blas chosen;
  private static volatile String reason;

  private BlasSelection() {
  }

  /** The implementation in use, choosing it on the first call. */
  public static Blas current() {
    Blas blas = current;
    if (blas == null) {
      synchronized (BlasSelection.class) {
        if (current == null) {
          chosen = choose();
          current = chosen;
          LOG.log(System.Logger.Level.INFO, "adversarialNMF linear algebra: " + describe());
        }
        blas = current;
      }
    }
    return blas;
  }

  /** "java (our kernels)" or "native (...)", with why it was chosen. */
  public static String describe() {
    Blas blas = current();
    return blas.describe() + "; " + (blas == chosen ? reason : "set by BlasSelection.use");
  }

  /** Our kernels: always available. */
  public static Blas java() {
    return JavaBlas.INSTANCE;
  }

  /** The native path if a system BLAS and LAPACK load here. */
  public static Optional<Blas> nativeIfAvailable() {
    return Optional.ofNullable(NativeHolder.INSTANCE);
  }

  /**
   * Makes {@code blas} the implementation in use and returns the previous one, so a caller can
   * restore it; for tests and the benchmark, which compare the two paths in one JVM.
   */
  public static synchronized Blas use(Blas blas) {
    Blas previous = current();
    current = blas;
    return previous;
  }

  private static Blas choose() {
    String forced = System.getProperty(Blas.PROPERTY, "").trim().toLowerCase(Locale.ROOT);
    Optional<Blas> nativeBlas = nativeIfAvailable();
    switch (forced) {
      case "java":
        reason = "forced by -D" + Blas.PROPERTY + "=java";
        return JavaBlas.INSTANCE;
      case "native":
        if (nativeBlas.isPresent()) {
          reason = "forced by -D" + Blas.PROPERTY + "=native";
          return nativeBlas.get();
        }
        reason = "-D" + Blas.PROPERTY + "=native, but no system BLAS loads (" + NativeHolder.failure + ")";
        LOG.log(System.Logger.Level.WARNING, "adversarialNMF: " + reason + "; using our kernels");
        return JavaBlas.INSTANCE;
      case "":
        break;
      default:
        throw new IllegalArgumentException("-D" + Blas.PROPERTY + "=" + forced
            + " is not a choice; use native or java (or leave it unset to choose by a probe)");
    }
    if (!nativeBlas.isPresent()) {
      reason = "no system BLAS loads (" + NativeHolder.failure + ")";
      return JavaBlas.INSTANCE;
    }
    double nativeSeconds = probe(nativeBlas.get(), Double.POSITIVE_INFINITY);
    if (beyondOurKernels(nativeSeconds, Parallelism.allProcessors().threads())) {
      reason = String.format(Locale.ROOT, "probe: native %.2f ms (%.0f GFLOP/s, beyond our kernels)",
          nativeSeconds * 1e3, PROBE_FLOPS / nativeSeconds / 1e9);
      return nativeBlas.get();
    }
    double javaSeconds = probe(JavaBlas.INSTANCE, nativeSeconds);
    reason = String.format(Locale.ROOT, "probe: native %.2f ms, java %.2f ms", nativeSeconds * 1e3,
        javaSeconds * 1e3);
    return nativeSeconds < javaSeconds ? nativeBlas.get() : JavaBlas.INSTANCE;
  }

  /** The probe's side and rank (a 384 x 384 by 384 x 48 product) and its flops. */
  private static final int PROBE_SIDE = 384;
  private static final int PROBE_RANK = 48;
  private static final double PROBE_FLOPS = 2.0 * PROBE_SIDE * PROBE_SIDE * PROBE_RANK;

  /**
   * A rate per thread that our kernels never reach: their best measured is 14.5 GFLOP/s on one
   * core (docs/BENCHMARKS.md; ourKernelsStayBelowTheRateThatSkipsTheRace checks each machine the
   * tests run on), where an optimised BLAS does 40-70 and a reference BLAS 1-3.
   */
  static final double BEYOND_OUR_KERNELS_GFLOPS_PER_THREAD = 18.0;

  /**
   * True when the native product ran faster than our kernels can on {@code threads} threads, so
   * that racing them would only spend a fresh JVM's time on their cold first runs (about 60 ms).
   */
  static boolean beyondOurKernels(double nativeSeconds, int threads) {
    return PROBE_FLOPS / nativeSeconds / 1e9 >= BEYOND_OUR_KERNELS_GFLOPS_PER_THREAD * threads;
  }

  /** Runs after which a contender more than twice as slow as its rival stops: it cannot win. */
  private static final int PROBE_RUNS_TO_LOSE = 3;

  /**
   * Fastest of {@link #PROBE_RUNS} products of a representative shape, in seconds; fewer when,
   * after {@link #PROBE_RUNS_TO_LOSE}, the best is still over twice {@code rival}'s (a cold JIT
   * makes our first runs slow; stopping early saves a fresh JVM's first fit about 0.1 s).
   */
  private static double probe(Blas blas, double rival) {
    int side = PROBE_SIDE;
    int rank = PROBE_RANK;
    Random random = new Random(1L);
    DenseMatrix a = new DenseMatrix(side, side);
    DenseMatrix b = new DenseMatrix(side, rank);
    DenseMatrix c = new DenseMatrix(side, rank);
    java.util.Arrays.setAll(a.data(), i -> random.nextDouble());
    java.util.Arrays.setAll(b.data(), i -> random.nextDouble());
    double best = Double.POSITIVE_INFINITY;
    for (int run = 0; run < PROBE_RUNS; run++) {
      long start = System.nanoTime();
      blas.multiply(false, a, false, b, 1.0, false, c, Parallelism.allProcessors());
      best = Math.min(best, (System.nanoTime() - start) / 1e9);
      if (run + 1 >= PROBE_RUNS_TO_LOSE && best > 2.0 * rival) {
        break;
      }
    }
    return best;
  }

  /** Loads the native path once, on first request; null (with the cause kept) when it cannot. */
  private static final class NativeHolder {
    static String failure = "";
    static final Blas INSTANCE = tryLoad();

    private static Blas tryLoad() {
      try {
        return NativeBlas.load();
      } catch (RuntimeException | LinkageError e) {
        failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return null;
      }
    }
  }
}
