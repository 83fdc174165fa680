package adversarialnmf.linalg;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.NativeBLAS;
import dev.ludovic.netlib.lapack.LAPACK;
import dev.ludovic.netlib.lapack.NativeLAPACK;
import java.util.Optional;
import org.netlib.util.intW;

/**
 * The machine's BLAS and LAPACK (OpenBLAS, MKL, reference) through dev.ludovic.netlib's JNI
 * layer, behind the {@link Blas} seam (LAPACK loaded at the first Cholesky step; where it does not
 * load, our factorisation and solve stand in). Our matrices are row-major, Fortran's column-major: a
 * row-major array read column-major is the transpose, so C = op(A) op(B) is computed as
 * Cᵀ = op(B)ᵀ op(A)ᵀ, a symmetric matrix is its own transpose, and a row-major lower triangle is
 * LAPACK's column-major upper one. Results agree with {@link JavaBlas} to rounding (about 1e-15
 * relative per product), not bit for bit; the BLAS picks its own threads and summation order.
 */
final class NativeBlas implements Blas {

  private final BLAS blas;
  private final String library;
  /**
   * LAPACK, loaded at the first Cholesky step (MU and HALS never take one, and loading it costs a
   * fresh JVM about 0.06 s); null until then, empty if it does not load, when our own
   * factorisation and solve run (the same row-major lower factor).
   */
  private volatile Optional<LAPACK> lapack;

  private NativeBlas(BLAS blas, String library) {
    this.blas = blas;
    this.library = library;
  }

  /**
   * The native BLAS if it loads (LAPACK follows at the first Cholesky step).
   *
   * @throws LinkageError or RuntimeException when no system library (or no JNI shim for this
   *     platform) is found
   */
  static NativeBlas load() {
    BLAS blas = NativeBLAS.getInstance();
    String library = System.getProperty("dev.ludovic.netlib.blas.nativeLib", "libblas.so.3");
    return new NativeBlas(blas, library);
  }

  /** The native LAPACK, or null where it does not load. */
  private LAPACK lapack() {
    Optional<LAPACK> loaded = lapack;
    if (loaded == null) {
      synchronized (this) {
        loaded = lapack;
        if (loaded == null) {
          try {
            loaded = Optional.of(NativeLAPACK.getInstance());
          } catch (RuntimeException | LinkageError e) {
            loaded = Optional.empty();
          }
          lapack = loaded;
        }
      }
    }
    return loaded.orElse(null);
  }

  @Override
  public String name() {
    return "native";
  }

  @Override
  public String describe() {
    return "native (" + library + " through dev.ludovic.netlib)";
  }

  @Override
  public void multiply(boolean transposeA, DenseMatrix a, boolean transposeB, DenseMatrix b,
      double s, boolean accumulate, DenseMatrix c, Parallelism parallelism) {
    int m = c.rows();
    int n = c.cols();
    int k = transposeA ? a.rows() : a.cols();
    if (m == 0 || n == 0) {
      return;
    }
    if (k == 0) {
      if (!accumulate) {
        java.util.Arrays.fill(c.data(), 0.0);
      }
      return;
    }
    if (prefersColumnMajorResult(m, n, k)) {
      multiplyIntoTranspose(transposeA, a, transposeB, b, s, accumulate, c, k);
      return;
    }
    // column-major: Cᵀ (n x m) = op(B)ᵀ (n x k) op(A)ᵀ (k x m); leading dimensions are the
    // row-major column counts of the stored arrays
    blas.dgemm(transposeB ? "T" : "N", transposeA ? "T" : "N", n, m, k, s, b.data(), b.cols(),
        a.data(), a.cols(), accumulate ? 1.0 : 0.0, c.data(), n);
  }

  /** Largest scratch array kept between products (8 MB): a fit calls these products every iteration. */
  private static final int KEPT_SCRATCH_DOUBLES = 1 << 20;
  private static final ThreadLocal<double[]> SCRATCH = ThreadLocal.withInitial(() -> new double[0]);

  /**
   * An array of at least {@code length} doubles for this thread, contents undefined: the one kept
   * if it is long enough, else a new one (kept when at most {@link #KEPT_SCRATCH_DOUBLES}), so that
   * an iteration allocates nothing and a fresh heap does not copy the data in early collections.
   */
  private static double[] scratch(int length) {
    double[] kept = SCRATCH.get();
    if (kept.length >= length) {
      return kept;
    }
    double[] fresh = new double[length];
    if (length <= KEPT_SCRATCH_DOUBLES) {
      SCRATCH.set(fresh);
    }
    return fresh;
  }

  /**
   * Whether a tall, narrow C with a deep inner dimension (Y Xᵀ, Yᵀ A: m x n, n the rank, k the
   * data's other side) is computed faster as the column-major C itself than as Cᵀ: OpenBLAS
   * splits and packs along the result's leading side, and Cᵀ's is the rank. Measured on
   * OpenBLAS 0.3.21 (docs/BENCHMARKS.md, issue 22): 1.2–1.7× on one thread and 1.5–2.4× on two for
   * ranks 10–20 with k ≥ 16n; at k ≈ 10n and rank 40 no faster on one thread, and below 8n slower.
   */
  static boolean prefersColumnMajorResult(int m, int n, int k) {
    return m > n && k >= 16L * n;
  }

  /**
   * C = s op(A) op(B) (+ C) as the column-major C = op(A) op(B) into a scratch array (a row-major
   * A read column-major is Aᵀ, so the flags flip), then transposed onto C's rows.
   */
  private void multiplyIntoTranspose(boolean transposeA, DenseMatrix a, boolean transposeB, DenseMatrix b,
      double s, boolean accumulate, DenseMatrix c, int k) {
    int m = c.rows();
    int n = c.cols();
    double[] columnMajor = scratch(m * n);
    blas.dgemm(transposeA ? "N" : "T", transposeB ? "N" : "T", m, n, k, s, a.data(), a.cols(),
        b.data(), b.cols(), 0.0, columnMajor, m);
    double[] cd = c.data();
    for (int i = 0; i < m; i++) {
      int row = i * n;
      for (int j = 0; j < n; j++) {
        double value = columnMajor[j * m + i];
        cd[row + j] = accumulate ? cd[row + j] + value : value;
      }
    }
  }

  @Override
  public void gram(DenseMatrix a, boolean ofColumns, DenseMatrix g, Parallelism parallelism) {
    int side = g.rows();
    int depth = ofColumns ? a.rows() : a.cols();
    double[] gd = g.data();
    if (side == 0) {
      return;
    }
    if (depth == 0) {
      java.util.Arrays.fill(gd, 0.0);
      return;
    }
    // A read column-major is Aᵀ: Aᵀ A = (Aᵀ)(Aᵀ)ᵀ is "N", A Aᵀ = (Aᵀ)ᵀ(Aᵀ) is "T"
    blas.dsyrk("U", ofColumns ? "N" : "T", side, depth, 1.0, a.data(), a.cols(), 0.0, gd, side);
    // column-major upper = row-major lower: copy it onto the row-major upper triangle
    for (int i = 0; i < side; i++) {
      for (int j = i + 1; j < side; j++) {
        gd[i * side + j] = gd[j * side + i];
      }
    }
  }

  @Override
  public void choleskyFactor(double[] k, int n) {
    LAPACK lapack = lapack();
    if (lapack == null) {
      JavaBlas.INSTANCE.choleskyFactor(k, n);
      return;
    }
    intW info = new intW(0);
    lapack.dpotrf("U", n, k, n, info);
    if (info.val != 0) {
      throw new ArithmeticException("matrix is not positive definite (LAPACK dpotrf info " + info.val
          + ": the leading minor of order " + info.val + " is not positive)");
    }
  }

  @Override
  public void choleskySolve(double[] lower, int n, double[] b, int cols) {
    // B (n x cols, row-major) is Bᵀ column-major; K⁻¹ B = (Bᵀ K⁻¹)ᵀ and K = Uᵀ U column-major
    blas.dtrsm("R", "U", "N", "N", cols, n, 1.0, lower, n, b, cols);
    blas.dtrsm("R", "U", "T", "N", cols, n, 1.0, lower, n, b, cols);
  }

  @Override
  public void choleskySolveRows(double[] lower, int n, double[] b, int rows) {
    // B (rows x n, row-major) is Bᵀ column-major, n x rows: (B K⁻¹)ᵀ = K⁻¹ Bᵀ
    LAPACK lapack = lapack();
    if (lapack == null) {
      JavaBlas.INSTANCE.choleskySolveRows(lower, n, b, rows);
      return;
    }
    intW info = new intW(0);
    lapack.dpotrs("U", n, rows, lower, n, b, n, info);
    if (info.val != 0) {
      throw new IllegalArgumentException("LAPACK dpotrs rejected argument " + (-info.val));
    }
  }
}
