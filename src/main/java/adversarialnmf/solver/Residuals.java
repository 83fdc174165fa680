package adversarialnmf.solver;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;

/**
 * Residuals of Y ≈ A X without forming A X: the total ‖Y − A X‖²_F from ‖Y‖², Y Xᵀ and the two n x n
 * Gram matrices, and the per-instance ‖y_j − A x_j‖² from ‖y_j‖², Yᵀ A and AᵀA X.
 */
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

  /**
   * ‖y_j − A x_j‖² = ‖y_j‖² − 2 (YᵀA)_j · x_j + x_jᵀ (AᵀA) x_j for every instance j, clipped at 0
   * against cancellation; O(N n) given the products, all held with one row per instance.
   *
   * @param columnNorms2 ‖y_j‖² (length N)
   * @param ytA Yᵀ A (N x n)
   * @param xt Xᵀ (N x n)
   * @param xtGramA Xᵀ AᵀA (N x n)
   * @param out the N squared residuals (overwritten)
   */
  public static void columnSquaredResiduals(double[] columnNorms2, DenseMatrix ytA, DenseMatrix xt,
      DenseMatrix xtGramA, double[] out) {
    int count = xt.rows();
    int n = xt.cols();
    if (ytA.rows() != count || ytA.cols() != n || xtGramA.rows() != count || xtGramA.cols() != n
        || columnNorms2.length != count || out.length != count) {
      throw new IllegalArgumentException("column residuals: Y^T A " + ytA.shape() + ", X^T " + xt.shape()
          + ", X^T A^T A " + xtGramA.shape() + ", " + columnNorms2.length + " column norms, "
          + out.length + " outputs disagree");
    }
    double[] xd = xt.data();
    double[] cross = ytA.data();
    double[] quad = xtGramA.data();
    for (int j = 0; j < count; j++) {
      int base = j * n;
      double s = columnNorms2[j];
      for (int r = 0; r < n; r++) {
        s += xd[base + r] * (quad[base + r] - 2.0 * cross[base + r]);
      }
      out[j] = s < 0.0 ? 0.0 : s;
    }
  }
}
