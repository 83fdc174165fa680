package adversarialnmf.solver;

import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;

/**
 * {@link HalsNmf} in block form. The rows of Xᵀ are independent given AᵀA and Yᵀ A, so each block
 * sweeps its own rows; one pass per iteration: the block gets A, AᵀA and the column norms of A,
 * rescales and sweeps its X_b and returns Y_b X_bᵀ and X_b X_bᵀ, from which A is swept on the
 * driver.
 */
final class HalsBlockIteration extends FrobeniusBlockIteration {

  HalsBlockIteration(ColumnBlocks blocks, DenseMatrix startBasis) {
    super(blocks, startBasis);
  }

  /** Xᵀ_b's rows rescaled by the norms of A, then one exact sweep with (AᵀA, Y_bᵀA). */
  private static ColumnBlocks.BlockStep coefficientSweep(DenseMatrix a, DenseMatrix gramA, double[] norms) {
    return (y, state) -> {
      DenseMatrix xt = BlockProducts.scaleColumns(state.xt(), norms, false);
      DenseMatrix ytA = new DenseMatrix(xt.rows(), a.cols());
      y.transposeTimes(a, ytA);
      HalsNmf.sweep(xt, gramA, ytA);
      return new ColumnBlocks.Result(state.withXt(xt), BlockProducts.productsOfX(y, xt));
    };
  }

  @Override
  public void iterate() {
    double[] norms = HalsNmf.normaliseBasisColumns(a, gramA);
    keep(blocks.update(coefficientSweep(a.copy(), gramA.copy(), norms)));
    HalsNmf.sweep(a, gramX, yXt);
    MatrixOps.gramOfColumns(a, gramA);
  }

  @Override
  public void finish(Factorization.Builder result, int iterations) {
    blocks.update(BlockProducts.scaleCoefficients(HalsNmf.normaliseBasisColumns(a, gramA), false));
    result.factors(a, blocks.coefficients());
  }
}
