package adversarialnmf.solver;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;

/**
 * Standard NMF (1), min ‖Y − AX‖²_F over A, X ≥ 0, by the multiplicative updates of Lee &amp; Seung
 * (2001): X ← X ∘ AᵀY / (AᵀA X), A ← A ∘ Y Xᵀ / (A X Xᵀ). Each update cannot increase the objective.
 * Y is touched only through Yᵀ A and Y Xᵀ, so a sparse Y stays sparse.
 */
public final class MultiplicativeUpdateNmf extends IterativeSolver {

  /** Guards the divisions; small against any real entry of the denominators. */
  static final double DENOMINATOR_FLOOR = 1e-12;

  public MultiplicativeUpdateNmf(StoppingRule stopping) {
    super(stopping);
  }

  @Override
  public String describe() {
    return "NMF (Frobenius, multiplicative updates)";
  }

  @Override
  protected String divergenceHint() {
    return "the data probably hold values too large for double precision; use the scaling option";
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
    private final DenseMatrix x;
    private final DenseMatrix xt;
    private final DenseMatrix ytA;
    private final DenseMatrix gramA;
    private final DenseMatrix gramAX;
    private final DenseMatrix yXt;
    private final DenseMatrix gramX;
    private final DenseMatrix aGramX;

    MuRun(DataMatrix y, Factors start) {
      this.y = y;
      this.yNorm2 = y.squaredNorm();
      this.a = start.basis().copy();
      this.x = start.coefficients().copy();
      int m = a.rows();
      int n = a.cols();
      int count = x.cols();
      this.xt = new DenseMatrix(count, n);
      this.ytA = new DenseMatrix(count, n);
      this.gramA = new DenseMatrix(n, n);
      this.gramAX = new DenseMatrix(n, count);
      this.yXt = new DenseMatrix(m, n);
      this.gramX = new DenseMatrix(n, n);
      this.aGramX = new DenseMatrix(m, n);
      refreshObjectiveProducts();
    }

    /** Y Xᵀ, X Xᵀ and AᵀA at the current iterate: what the objective needs. */
    private void refreshObjectiveProducts() {
      MatrixOps.transpose(x, xt);
      y.times(xt, yXt);
      MatrixOps.multiplyTransposeB(x, x, gramX);
      MatrixOps.multiplyTransposeA(a, a, gramA);
    }

    @Override
    protected void iterate() {
      // X ← X ∘ (AᵀY) / (AᵀA X); AᵀY is held transposed as Yᵀ A (N x n).
      y.transposeTimes(a, ytA);
      MatrixOps.multiply(gramA, x, gramAX);
      int n = x.rows();
      int count = x.cols();
      double[] xd = x.data();
      double[] num = ytA.data();
      double[] den = gramAX.data();
      for (int r = 0; r < n; r++) {
        for (int j = 0; j < count; j++) {
          int idx = r * count + j;
          xd[idx] *= num[j * n + r] / Math.max(den[idx], DENOMINATOR_FLOOR);
        }
      }
      // A ← A ∘ (Y Xᵀ) / (A X Xᵀ)
      MatrixOps.transpose(x, xt);
      y.times(xt, yXt);
      MatrixOps.multiplyTransposeB(x, x, gramX);
      MatrixOps.multiply(a, gramX, aGramX);
      double[] ad = a.data();
      double[] yx = yXt.data();
      double[] agx = aGramX.data();
      for (int i = 0; i < ad.length; i++) {
        ad[i] *= yx[i] / Math.max(agx[i], DENOMINATOR_FLOOR);
      }
      MatrixOps.multiplyTransposeA(a, a, gramA);
    }

    @Override
    protected double objective() {
      // iterate() leaves Y Xᵀ, X Xᵀ and AᵀA current for the new A and X
      return Residuals.squaredResidual(yNorm2, yXt, a, gramA, gramX);
    }

    @Override
    protected boolean isFinite() {
      return a.isFinite() && x.isFinite();
    }

    @Override
    protected void finish(Factorization.Builder result, int iterations) {
      result.factors(a, x);
    }
  }
}
