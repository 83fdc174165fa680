package adversarialnmf.solver;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;

/**
 * Standard NMF (1), min ‖Y − AX‖²_F over A, X ≥ 0, by the multiplicative updates of Lee &amp; Seung
 * (2001): X ← X ∘ AᵀY / (AᵀA X), A ← A ∘ Y Xᵀ / (A X Xᵀ), both the one kernel
 * {@link MultiplicativeUpdate#frobeniusStep} (X held transposed). Each update cannot increase the
 * objective. Y is touched only through Yᵀ A and Y Xᵀ, so a sparse Y stays sparse.
 */
public final class MultiplicativeUpdateNmf extends IterativeSolver {

  public MultiplicativeUpdateNmf(StoppingRule stopping) {
    super(stopping);
  }

  @Override
  public String describe() {
    return "NMF (Frobenius, multiplicative updates)";
  }

  @Override
  protected Run start(DataMatrix y, Factors start) {
    return new MuRun(y, start);
  }

  @Override
  protected BlockIteration startBlocks(ColumnBlocks blocks, DenseMatrix startBasis) {
    return new MultiplicativeBlockIteration(blocks, startBasis);
  }

  @Override
  public boolean hasBlockForm() {
    return true;
  }

  private final class MuRun extends Run {
    private final DataMatrix y;
    private final double yNorm2;
    private final DenseMatrix a;
    /** X transposed (N x n), so that its update is the same kernel as A's. */
    private final DenseMatrix xt;
    private final DenseMatrix ytA;
    private final DenseMatrix gramA;
    private final DenseMatrix xtGramA;
    private final DenseMatrix yXt;
    private final DenseMatrix gramX;
    private final DenseMatrix aGramX;

    MuRun(DataMatrix y, Factors start) {
      this.y = y;
      this.yNorm2 = y.squaredNorm();
      this.a = start.basis().copy();
      this.xt = start.coefficients().transpose();
      int m = a.rows();
      int n = a.cols();
      int count = xt.rows();
      this.ytA = new DenseMatrix(count, n);
      this.gramA = new DenseMatrix(n, n);
      this.xtGramA = new DenseMatrix(count, n);
      this.yXt = new DenseMatrix(m, n);
      this.gramX = new DenseMatrix(n, n);
      this.aGramX = new DenseMatrix(m, n);
      refreshProductsOfX();
      MatrixOps.gramOfColumns(a, gramA);
    }

    /** Y Xᵀ and X Xᵀ at the current X. */
    private void refreshProductsOfX() {
      y.times(xt, yXt);
      MatrixOps.gramOfColumns(xt, gramX);
    }

    @Override
    protected void iterate() {
      // Xᵀ ← Xᵀ ∘ (YᵀA) / (Xᵀ AᵀA)
      y.transposeTimes(a, ytA);
      MultiplicativeUpdate.frobeniusStep(xt, gramA, ytA, xtGramA);
      // A ← A ∘ (Y Xᵀ) / (A X Xᵀ)
      refreshProductsOfX();
      MultiplicativeUpdate.frobeniusStep(a, gramX, yXt, aGramX);
      MatrixOps.gramOfColumns(a, gramA);
    }

    @Override
    protected double objective() {
      // iterate() leaves Y Xᵀ, X Xᵀ and AᵀA current for the new A and X
      return Residuals.squaredResidual(yNorm2, yXt, a, gramA, gramX);
    }

    @Override
    protected boolean isFinite() {
      return a.isFinite() && xt.isFinite();
    }

    @Override
    protected void finish(Factorization.Builder result, int iterations) {
      result.factors(a, xt.transpose());
    }
  }
}
