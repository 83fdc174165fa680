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

  /** Y_b X_bᵀ (m x n), the products every fit of Y ≈ A X needs of the data. */
  public static DenseMatrix dataTimesTransposed(DataMatrix y, DenseMatrix x) {
    DenseMatrix xt = new DenseMatrix(x.cols(), x.rows());
    MatrixOps.transpose(x, xt);
    DenseMatrix out = new DenseMatrix(y.rows(), x.rows());
    y.times(xt, out);
    return out;
  }

  /**
   * X_b with row r multiplied (or, if {@code divide}, divided) by {@code factors[r]}, a new
   * matrix; a factor 0 leaves its row alone (a zero row has nothing to normalise).
   */
  public static DenseMatrix scaleRows(DenseMatrix x, double[] factors, boolean divide) {
    DenseMatrix out = x.copy();
    int count = x.cols();
    double[] d = out.data();
    for (int r = 0; r < x.rows(); r++) {
      double f = factors[r];
      if (f == 0.0) {
        continue;
      }
      for (int j = r * count; j < (r + 1) * count; j++) {
        if (divide) {
          d[j] /= f;
        } else {
          d[j] *= f;
        }
      }
    }
    return out;
  }

  /** A step that scales the rows of every block's X as {@link #scaleRows}; no statistics. */
  public static ColumnBlocks.BlockStep scaleCoefficientRows(double[] factors, boolean divide) {
    return (y, state) -> new ColumnBlocks.Result(state.withX(scaleRows(state.x(), factors, divide)),
        BlockStatistics.ofSums());
  }
}
