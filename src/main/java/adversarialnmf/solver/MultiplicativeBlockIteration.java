package adversarialnmf.solver;

import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;

/**
 * {@link MultiplicativeUpdateNmf} in block form. One iteration is one pass over the blocks: each
 * block gets A and AᵀA, updates its X_b ← X_b ∘ (Y_bᵀA)ᵀ / (AᵀA X_b) and returns Y_b X_bᵀ and
 * X_b X_bᵀ; A ← A ∘ Y Xᵀ / (A X Xᵀ) and the objective follow from the sums.
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
    keep(blocks.aggregate((y, state) -> productsOfX(y, state.x())));
    MatrixOps.multiplyTransposeA(a, a, gramA);
  }

  /** Y_b X_bᵀ and X_b X_bᵀ. */
  private static BlockStatistics productsOfX(adversarialnmf.linalg.DataMatrix y, DenseMatrix x) {
    DenseMatrix gram = new DenseMatrix(x.rows(), x.rows());
    MatrixOps.multiplyTransposeB(x, x, gram);
    return BlockStatistics.ofMatrices(BlockProducts.dataTimesTransposed(y, x), gram);
  }

  private void keep(BlockStatistics products) {
    yXt = products.matrix(0);
    gramX = products.matrix(1);
  }

  /** X_b ← X_b ∘ (Y_bᵀ A)ᵀ / (AᵀA X_b), then the products of the new X_b. */
  private static ColumnBlocks.BlockStep coefficientStep(DenseMatrix a, DenseMatrix gramA) {
    return (y, state) -> {
      DenseMatrix x = state.x().copy();
      int n = x.rows();
      int count = x.cols();
      DenseMatrix ytA = new DenseMatrix(count, n);
      y.transposeTimes(a, ytA);
      DenseMatrix gramAX = new DenseMatrix(n, count);
      MatrixOps.multiply(gramA, x, gramAX);
      double[] xd = x.data();
      double[] num = ytA.data();
      double[] den = gramAX.data();
      for (int r = 0; r < n; r++) {
        for (int j = 0; j < count; j++) {
          int idx = r * count + j;
          xd[idx] *= num[j * n + r] / Math.max(den[idx], MultiplicativeUpdateNmf.DENOMINATOR_FLOOR);
        }
      }
      return new ColumnBlocks.Result(state.withX(x), productsOfX(y, x));
    };
  }

  @Override
  public void iterate() {
    keep(blocks.update(coefficientStep(a.copy(), gramA.copy())));
    MatrixOps.multiply(a, gramX, aGramX);
    double[] ad = a.data();
    double[] yx = yXt.data();
    double[] agx = aGramX.data();
    for (int i = 0; i < ad.length; i++) {
      ad[i] *= yx[i] / Math.max(agx[i], MultiplicativeUpdateNmf.DENOMINATOR_FLOOR);
    }
    MatrixOps.multiplyTransposeA(a, a, gramA);
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
