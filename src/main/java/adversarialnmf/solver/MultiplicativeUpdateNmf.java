package adversarialnmf.solver;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;

/**
 * Standard NMF (1), min ‖Y − AX‖²_F over A, X ≥ 0, by the multiplicative updates of Lee &amp; Seung
 * (2001): X ← X ∘ AᵀY / (AᵀA X), A ← A ∘ Y Xᵀ / (A X Xᵀ), both the one kernel
 * {@link MultiplicativeUpdate#frobeniusStep} (X held transposed). Each update cannot increase the
 * objective. Y is touched only through Yᵀ A and Y Xᵀ, so a sparse Y stays sparse. With missing
 * entries it fits only the observed ones, ‖M ∘ (Y − AX)‖², by the same steps with the model at the
 * missing entries taken out of both denominators ({@link MaskedModel}, docs/MISSING.md).
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
  public boolean fitsMissingEntries() {
    return true;
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
    /** The model at the missing entries, current for (A, X) between iterations; null if none. */
    private final MaskedModel masked;
    private final MultiplicativeUpdate.DenominatorCorrection coefficientCorrection;
    private final MultiplicativeUpdate.DenominatorCorrection basisCorrection;

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
      this.masked = MaskedModel.of(y);
      this.coefficientCorrection = masked == null ? MultiplicativeUpdate.NO_CORRECTION
          : product -> masked.maskCoefficientProduct(a, product);
      this.basisCorrection = masked == null ? MultiplicativeUpdate.NO_CORRECTION
          : product -> masked.maskBasisProduct(xt, product);
      refreshProductsOfX();
      MatrixOps.gramOfColumns(a, gramA);
      evaluateMaskedModel();
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
      MultiplicativeUpdate.frobeniusStep(xt, gramA, ytA, xtGramA, coefficientCorrection);
      // A ← A ∘ (Y Xᵀ) / (A X Xᵀ)
      refreshProductsOfX();
      evaluateMaskedModel();
      MultiplicativeUpdate.frobeniusStep(a, gramX, yXt, aGramX, basisCorrection);
      MatrixOps.gramOfColumns(a, gramA);
      evaluateMaskedModel();
    }

    private void evaluateMaskedModel() {
      if (masked != null) {
        masked.evaluate(a, xt);
      }
    }

    @Override
    protected double objective() {
      // iterate() leaves Y Xᵀ, X Xᵀ and AᵀA current for the new A and X
      double unmasked = Residuals.squaredResidual(yNorm2, yXt, a, gramA, gramX);
      return masked == null ? unmasked : Math.max(0.0, unmasked - masked.squares());
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
