package adversarialnmf.solver;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;

/** ‖Y − A X‖²_F without forming A X: from ‖Y‖², Y Xᵀ and the two n x n Gram matrices. */
public final class Residuals {

  private Residuals() {
  }

  /**
   * ‖Y − AX‖² = ‖Y‖² − 2⟨Y Xᵀ, A⟩ + ⟨AᵀA, X Xᵀ⟩; clipped at 0 against cancellation.
   *
   * @param yNorm2 ‖Y‖²
   * @param yXt Y Xᵀ (m x n)
   * @param a A (m x n)
   * @param gramA AᵀA (n x n)
   * @param gramX X Xᵀ (n x n)
   */
  public static double squaredResidual(double yNorm2, DenseMatrix yXt, DenseMatrix a,
      DenseMatrix gramA, DenseMatrix gramX) {
    return Math.max(0.0, yNorm2 - 2.0 * MatrixOps.dot(yXt, a) + MatrixOps.dot(gramA, gramX));
  }

  /** ‖Y − AX‖² by the Gram route, computing the products it needs (O(nnz n + (m+N) n²)). */
  public static double squaredResidual(DataMatrix y, DenseMatrix a, DenseMatrix x) {
    DenseMatrix yXt = y.times(x.transpose());
    return squaredResidual(y.squaredNorm(), yXt, a, MatrixOps.gramOfColumns(a), MatrixOps.gramOfRows(x));
  }
}
