package adversarialnmf.linalg;

/**
 * The level-3 products, Gram matrices and Cholesky factorizations of the math core, on row-major
 * flat arrays, behind one seam with two implementations: {@link JavaBlas} (our blocked kernels,
 * bit-identical for every thread count) and {@link NativeBlas} (the machine's BLAS and LAPACK,
 * e.g. OpenBLAS, through dev.ludovic.netlib). {@link MatrixOps} and {@link Cholesky} call
 * {@link #selected()}; nothing else needs to know which one runs.
 *
 * <p>The choice is made once, at first use: the native path when it loads and a short probe
 * shows it faster than ours, ours otherwise. The system property {@value #PROPERTY} ({@code
 * native} or {@code java}) forces one; {@code native} falls back to ours, with a warning on the
 * log, when no system BLAS loads.
 */
public interface Blas {

  /** System property that forces an implementation: {@code native} or {@code java}. */
  String PROPERTY = "adversarialnmf.blas";

  /** The implementation in use (chosen at first use; see {@link BlasSelection}). */
  static Blas selected() {
    return BlasSelection.current();
  }

  /** Short name for logs and model descriptions: "java" or "native". */
  String name();

  /** One line saying which implementation runs and why it was chosen. */
  String describe();

  /**
   * C = s op(A) op(B), or C + s op(A) op(B) when {@code accumulate}; op(A) is rows x depth, op(B)
   * depth x cols, all row-major, C distinct from A and B. {@code parallelism} caps the tasks of
   * our kernels; a native BLAS runs on its own threads (OPENBLAS_NUM_THREADS).
   */
  void multiply(boolean transposeA, DenseMatrix a, boolean transposeB, DenseMatrix b, double s,
      boolean accumulate, DenseMatrix c, Parallelism parallelism);

  /** G = Aᵀ A ({@code ofColumns}) or A Aᵀ, exactly symmetric. */
  void gram(DenseMatrix a, boolean ofColumns, DenseMatrix g, Parallelism parallelism);

  /**
   * Overwrites the lower triangle of the row-major n x n array {@code k} (a symmetric positive
   * definite matrix) with its Cholesky factor L, K = L Lᵀ; the upper triangle is left undefined.
   *
   * @throws ArithmeticException if the matrix is not numerically positive definite
   */
  void choleskyFactor(double[] k, int n);

  /** B ← K⁻¹ B for B of shape n x cols (row-major), K = L Lᵀ with L from {@link #choleskyFactor}. */
  void choleskySolve(double[] lower, int n, double[] b, int cols);

  /** B ← B K⁻¹ for B of shape rows x n (row-major). */
  void choleskySolveRows(double[] lower, int n, double[] b, int rows);
}
