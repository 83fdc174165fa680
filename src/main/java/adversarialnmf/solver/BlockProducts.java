package adversarialnmf.solver;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;

/** Block queries and steps that several block-form solvers share. */
public final class BlockProducts {

  private BlockProducts() {
  }

  /** ‖Y_b‖² as sum 0. */
  public static ColumnBlocks.BlockQuery squaredNorm() {
    return (y, state) -> BlockStatistics.ofSums(y.squaredNorm());
  }

  /** Y_b Xᵀ_b (m x n) and X_b X_bᵀ (n x n, the Gram matrix of Xᵀ_b's columns). */
  public static BlockStatistics productsOfX(DataMatrix y, DenseMatrix xt) {
    int n = xt.cols();
    DenseMatrix yXt = new DenseMatrix(y.rows(), n);
    y.times(xt, yXt);
    DenseMatrix gramX = new DenseMatrix(n, n);
    MatrixOps.gramOfColumns(xt, gramX);
    return BlockStatistics.ofMatrices(yXt, gramX);
  }

  /**
   * Xᵀ_b with column r (row r of X) multiplied, or if {@code divide} divided, by
   * {@code factors[r]}, as a new matrix; a factor 0 leaves its column alone.
   */
  public static DenseMatrix scaleColumns(DenseMatrix xt, double[] factors, boolean divide) {
    DenseMatrix out = xt.copy();
    int n = xt.cols();
    double[] d = out.data();
    for (int r = 0; r < n; r++) {
      double f = factors[r];
      if (f == 0.0) {
        continue;
      }
      for (int j = r; j < d.length; j += n) {
        if (divide) {
          d[j] /= f;
        } else {
          d[j] *= f;
        }
      }
    }
    return out;
  }

  /** A step that scales every block's Xᵀ_b as {@link #scaleColumns}; no statistics. */
  public static ColumnBlocks.BlockStep scaleCoefficients(double[] factors, boolean divide) {
    return (y, state) -> new ColumnBlocks.Result(state.withXt(scaleColumns(state.xt(), factors, divide)),
        BlockStatistics.ofSums());
  }
}
