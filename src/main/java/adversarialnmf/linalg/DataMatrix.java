package adversarialnmf.linalg;

/**
 * The data matrix Y (m attributes x N instances) as the solvers see it: only the products and
 * norms they need, so that a dense and a sparse Y are interchangeable and a sparse Y is never
 * densified by a solver that does not need it.
 */
public interface DataMatrix {

  /** m, the number of attributes (rows of Y). */
  int rows();

  /** N, the number of instances (columns of Y). */
  int cols();

  /** Y B for B of shape N x k, written into out (m x k), on {@link Parallelism#current()}. */
  void times(DenseMatrix b, DenseMatrix out);

  /** Yᵀ B for B of shape m x k, written into out (N x k), on {@link Parallelism#current()}. */
  void transposeTimes(DenseMatrix b, DenseMatrix out);

  /**
   * Y B split into at most {@code parallelism.threads()} tasks; the same bits for every thread
   * count. Implementations that cannot split fall back to {@link #times(DenseMatrix, DenseMatrix)}.
   */
  default void times(DenseMatrix b, DenseMatrix out, Parallelism parallelism) {
    times(b, out);
  }

  /** Yᵀ B split into at most {@code parallelism.threads()} tasks; see {@link #times(DenseMatrix, DenseMatrix, Parallelism)}. */
  default void transposeTimes(DenseMatrix b, DenseMatrix out, Parallelism parallelism) {
    transposeTimes(b, out);
  }

  /** ‖Y‖²_F, accurate to about one rounding ({@link MatrixOps#accurateSumOfSquares}). */
  double squaredNorm();

  /** ‖y_j‖² for every instance j (column of Y). */
  double[] columnSquaredNorms();

  /** Sum of all entries. */
  double sum();

  /** Largest entry (0 for an all-zero or empty matrix of nonnegative data). */
  double max();

  /** Number of stored entries (m N when dense). */
  long storedEntries();

  /** True if entries are stored sparsely. */
  boolean isSparse();

  /** A dense m x N copy (costs m N doubles). */
  DenseMatrix toDense();

  /** Copies column j (one instance) into out (length m). */
  void column(int j, double[] out);

  /** A new data matrix with every entry multiplied by s (the missing entries stay missing). */
  DataMatrix scaled(double s);

  /**
   * A new data matrix with entry (i, j) set to ((y_ij r_i) / d_j) s, in that order (one instance
   * rescaled alone gives the same bits): attribute weights r (null for all 1), instance divisors d
   * (null for all 1), then the factor s. Zeros stay zeros and the missing entries stay missing.
   */
  DataMatrix rescaled(double[] attributeWeights, double[] instanceDivisors, double s);

  /**
   * The entries that were not observed; they hold 0 in every product and norm above, so that
   * solvers that fit a mask subtract the model there (none unless the data were built with them).
   */
  default MissingEntries missing() {
    return MissingEntries.none(rows(), cols());
  }

  default DenseMatrix times(DenseMatrix b) {
    DenseMatrix out = new DenseMatrix(rows(), b.cols());
    times(b, out);
    return out;
  }

  default DenseMatrix transposeTimes(DenseMatrix b) {
    DenseMatrix out = new DenseMatrix(cols(), b.cols());
    transposeTimes(b, out);
    return out;
  }
}
