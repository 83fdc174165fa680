package adversarialnmf.linalg;

/**
 * Cholesky factor K = L Lᵀ of a symmetric positive definite matrix, kept in one reusable flat array
 * so a solver can refactor a matrix of the same size every iteration without allocating. Solves
 * run in place on row-major right-hand sides; the factorization and solves go through the
 * {@link Blas} in use (LAPACK's dpotrf/dpotrs on the native path).
 */
public final class Cholesky {

  private final int size;
  /** L, row-major, lower triangle (the upper triangle is left as garbage and never read). */
  private final double[] lower;

  /** A workspace for matrices of size x size; call {@link #factor} before solving. */
  public Cholesky(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("Cholesky size must be at least 1, got " + size);
    }
    this.size = size;
    this.lower = new double[size * size];
  }

  /** Factors a new matrix and returns the factor. */
  public static Cholesky of(DenseMatrix spd) {
    Cholesky c = new Cholesky(spd.rows());
    c.factor(spd);
    return c;
  }

  public int size() {
    return size;
  }

  /**
   * Factors {@code spd} (read only, lower triangle used).
   *
   * @throws ArithmeticException if the matrix is not numerically positive definite
   */
  public void factor(DenseMatrix spd) {
    if (spd.rows() != size || spd.cols() != size) {
      throw new IllegalArgumentException("Cholesky workspace is " + size + "x" + size
          + ", matrix is " + spd.shape());
    }
    System.arraycopy(spd.data(), 0, lower, 0, lower.length);
    Blas.selected().choleskyFactor(lower, size);
  }

  /** B ← K⁻¹ B for B of shape size x k (each column a right-hand side). */
  public void solveInPlace(DenseMatrix b) {
    if (b.rows() != size) {
      throw new IllegalArgumentException("K⁻¹ B needs B with " + size + " rows, got " + b.shape());
    }
    Blas.selected().choleskySolve(lower, size, b.data(), b.cols());
  }

  /** B ← B K⁻¹ for B of shape r x size (K symmetric, so each row is solved on its own). */
  public void solveRowsInPlace(DenseMatrix b) {
    if (b.cols() != size) {
      throw new IllegalArgumentException("B K⁻¹ needs B with " + size + " columns, got " + b.shape());
    }
    Blas.selected().choleskySolveRows(lower, size, b.data(), b.rows());
  }
}
