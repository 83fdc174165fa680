package adversarialnmf.solver;

import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;

/**
 * {@link MultiplicativeUpdateNmf} in block form. One iteration is one pass over the blocks: each
 * block gets A and AᵀA, updates Xᵀ_b ← Xᵀ_b ∘ (Y_bᵀA) / (Xᵀ_b AᵀA) and returns Y_b Xᵀ_b and
 * X_b X_bᵀ; A ← A ∘ Y Xᵀ / (A X Xᵀ) and the objective follow from the sums on the driver.
 */
final class MultiplicativeBlockIteration implements IterativeSolver.BlockIteration {

  private final ColumnBlocks blocks;
  private final double yNorm2;
  private final DenseMatrix a;
  private final DenseMatrix gramA;
  private final DenseMatrix aGramX;
  private DenseMatrix yXt;
  private DenseMatrix gramX;

  MultiplicativeBlockIteration(ColumnBlocks blocks, DenseMatrix startBasis) {
    this.blocks = blocks;
    this.yNorm2 = blocks.aggregate(BlockProducts.squaredNorm()).sum(0);
    this.a = startBasis.copy();
    int n = a.cols();
    this.gramA = new DenseMatrix(n, n);
    this.aGramX = new DenseMatrix(a.rows(), n);
    keep(blocks.aggregate((y, state) -> BlockProducts.productsOfX(y, state.xt())));
    MatrixOps.gramOfColumns(a, gramA);
  }

  private void keep(BlockStatistics products) {
    yXt = products.matrix(0);
    gramX = products.matrix(1);
  }

  /** Xᵀ_b ← Xᵀ_b ∘ (Y_bᵀ A) / (Xᵀ_b AᵀA), then the products of the new Xᵀ_b. */
  private static ColumnBlocks.BlockStep coefficientStep(DenseMatrix a, DenseMatrix gramA) {
    return (y, state) -> {
      DenseMatrix xt = state.xt().copy();
      DenseMatrix ytA = new DenseMatrix(xt.rows(), xt.cols());
      y.transposeTimes(a, ytA);
      MultiplicativeUpdate.frobeniusStep(xt, gramA, ytA, new DenseMatrix(xt.rows(), xt.cols()));
      return new ColumnBlocks.Result(state.withXt(xt), BlockProducts.productsOfX(y, xt));
    };
  }

  @Override
  public void iterate() {
    // copies: a step may be replayed (a retried task) after the driver has moved A on
    keep(blocks.update(coefficientStep(a.copy(), gramA.copy())));
    MultiplicativeUpdate.frobeniusStep(a, gramX, yXt, aGramX);
    MatrixOps.gramOfColumns(a, gramA);
  }

  @Override
  public double objective() {
    return Residuals.squaredResidual(yNorm2, yXt, a, gramA, gramX);
  }

  @Override
  public boolean isFinite() {
    return a.isFinite() && yXt.isFinite() && gramX.isFinite();
  }

  @Override
  public void finish(Factorization.Builder result, int iterations) {
    result.factors(a, blocks.coefficients());
  }
}
