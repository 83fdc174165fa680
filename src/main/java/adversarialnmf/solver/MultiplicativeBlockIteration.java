package adversarialnmf.solver;

import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;

/**
 * {@link MultiplicativeUpdateNmf} in block form. One iteration is one pass over the blocks: each
 * block gets A and AᵀA, updates Xᵀ_b ← Xᵀ_b ∘ (Y_bᵀA) / (Xᵀ_b AᵀA) and returns Y_b Xᵀ_b and
 * X_b X_bᵀ; A ← A ∘ Y Xᵀ / (A X Xᵀ) and the objective follow from the sums on the driver.
 */
final class MultiplicativeBlockIteration extends FrobeniusBlockIteration {

  private final DenseMatrix aGramX;

  MultiplicativeBlockIteration(ColumnBlocks blocks, DenseMatrix startBasis) {
    super(blocks, startBasis);
    this.aGramX = new DenseMatrix(a.rows(), a.cols());
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
  public void finish(Factorization.Builder result, int iterations) {
    result.factors(a, blocks.coefficients());
  }
}
