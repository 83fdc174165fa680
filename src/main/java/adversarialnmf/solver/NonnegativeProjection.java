package adversarialnmf.solver;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;

/**
 * The out-of-sample rule of every Frobenius-loss method (and, applied to Ã, a projection onto ANMF's
 * adversarial basis): nonnegative least squares onto a fixed basis B, x = argmin_{x ≥ 0} ‖y − B x‖².
 * Precomputes BᵀB once; each column is one {@link NonnegativeQuadratic} solve of the n x n Gram
 * system (exact at convergence: the KKT conditions of the NNLS hold). For L2,1 and capped NMF, whose
 * per-column losses ‖y − Bx‖ and min(‖y − Bx‖, θ) are increasing functions of ‖y − Bx‖², this is
 * also the minimiser (docs/ALGORITHM.md §7).
 */
public final class NonnegativeProjection implements OutOfSampleRule {

  private static final long serialVersionUID = -3617395218771904731L;

  private final DenseMatrix basis;
  private final DenseMatrix gram;
  private final String description;

  public NonnegativeProjection(DenseMatrix basis) {
    this(basis, "nonnegative least squares onto A");
  }

  /** NNLS onto {@code basis}, described as {@code description} in the models' output. */
  public NonnegativeProjection(DenseMatrix basis, String description) {
    this.basis = basis.copy();
    this.gram = MatrixOps.gramOfColumns(basis);
    this.description = description;
  }

  @Override
  public int rank() {
    return basis.cols();
  }

  @Override
  public int dimension() {
    return basis.rows();
  }

  @Override
  public String describe() {
    return description;
  }

  /** Coefficients (n x N) of every column of y. */
  @Override
  public DenseMatrix coefficients(DataMatrix y) {
    requireDimension(y.rows());
    DenseMatrix cross = y.transposeTimes(basis); // N x n: row j is (Bᵀ y_j)ᵀ
    int n = rank();
    int count = y.cols();
    DenseMatrix x = new DenseMatrix(n, count);
    double[] coefficients = new double[n];
    double[] crossRow = new double[n];
    for (int j = 0; j < count; j++) {
      FitInterruptedException.checkInterrupted("the nonnegative projection onto the basis");
      System.arraycopy(cross.data(), j * n, crossRow, 0, n);
      NonnegativeQuadratic.solve(gram.data(), crossRow, coefficients);
      for (int r = 0; r < n; r++) {
        x.set(r, j, coefficients[r]);
      }
    }
    return x;
  }

  /** Coefficients of one vector y (length m). */
  @Override
  public double[] coefficients(double[] y) {
    requireDimension(y.length);
    double[] x = new double[rank()];
    NonnegativeQuadratic.solve(gram.data(), MatrixOps.transposeTimesVector(basis, y), x);
    return x;
  }
}
