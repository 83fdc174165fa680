package adversarialnmf.linalg;

/**
 * Cholesky factor K = L Lᵀ of a symmetric positive definite matrix, kept in one reusable flat array
 * so a solver can refactor a matrix of the same size every iteration without allocating. Solves
 * run in place on row-major right-hand sides with sequential inner loops.
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
    double[] k = spd.data();
    int n = size;
    for (int i = 0; i < n; i++) {
      int iBase = i * n;
      for (int j = 0; j <= i; j++) {
        int jBase = j * n;
        double s = k[iBase + j];
        for (int p = 0; p < j; p++) {
          s -= lower[iBase + p] * lower[jBase + p];
        }
        if (i == j) {
          if (!(s > 0.0)) {
            throw new ArithmeticException("matrix is not positive definite (pivot " + i + " = " + s + ")");
          }
          lower[iBase + i] = Math.sqrt(s);
        } else {
          lower[iBase + j] = s / lower[jBase + j];
        }
      }
    }
  }

  /** B ← K⁻¹ B for B of shape size x k (each column a right-hand side). */
  public void solveInPlace(DenseMatrix b) {
    if (b.rows() != size) {
      throw new IllegalArgumentException("K⁻¹ B needs B with " + size + " rows, got " + b.shape());
    }
    int n = size;
    int k = b.cols();
    double[] bd = b.data();
    // L W = B, row by row (each row of W is a combination of earlier rows)
    for (int i = 0; i < n; i++) {
      int iBase = i * k;
      for (int p = 0; p < i; p++) {
        double l = lower[i * n + p];
        if (l == 0.0) {
          continue;
        }
        int pBase = p * k;
        for (int c = 0; c < k; c++) {
          bd[iBase + c] -= l * bd[pBase + c];
        }
      }
      double inv = 1.0 / lower[i * n + i];
      for (int c = 0; c < k; c++) {
        bd[iBase + c] *= inv;
      }
    }
    // Lᵀ V = W, from the last row up
    for (int i = n - 1; i >= 0; i--) {
      int iBase = i * k;
      for (int p = i + 1; p < n; p++) {
        double l = lower[p * n + i];
        if (l == 0.0) {
          continue;
        }
        int pBase = p * k;
        for (int c = 0; c < k; c++) {
          bd[iBase + c] -= l * bd[pBase + c];
        }
      }
      double inv = 1.0 / lower[i * n + i];
      for (int c = 0; c < k; c++) {
        bd[iBase + c] *= inv;
      }
    }
  }

  /** B ← B K⁻¹ for B of shape r x size (K symmetric, so each row is solved on its own). */
  public void solveRowsInPlace(DenseMatrix b) {
    if (b.cols() != size) {
      throw new IllegalArgumentException("B K⁻¹ needs B with " + size + " columns, got " + b.shape());
    }
    int n = size;
    double[] bd = b.data();
    for (int r = 0; r < b.rows(); r++) {
      int base = r * n;
      for (int i = 0; i < n; i++) {
        double s = bd[base + i];
        int iBase = i * n;
        for (int p = 0; p < i; p++) {
          s -= lower[iBase + p] * bd[base + p];
        }
        bd[base + i] = s / lower[iBase + i];
      }
      for (int i = n - 1; i >= 0; i--) {
        double s = bd[base + i];
        for (int p = i + 1; p < n; p++) {
          s -= lower[p * n + i] * bd[base + p];
        }
        bd[base + i] = s / lower[i * n + i];
      }
    }
  }
}
