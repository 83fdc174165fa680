package adversarialnmf.solver;

import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;
import java.util.Arrays;

/**
 * Orthogonal NMF of Ding, Li, Peng &amp; Park (KDD 2006), orthogonality on the cluster-indicator
 * factor: min ‖Y − AX‖²_F over A, X ≥ 0 subject to X Xᵀ = I, by their multiplicative updates
 * A ← A ∘ (Y Xᵀ) / (A X Xᵀ) and X ← X ∘ sqrt((AᵀY) / (AᵀY Xᵀ X)). The X-update comes from the
 * Lagrangian of the constraint; it is not proven to decrease ‖Y − AX‖² at every step, and the
 * constraint holds only approximately (the trace {@link #ORTHOGONALITY_TRACE} records
 * ‖X Xᵀ − I‖_F). The objective reported is ‖Y − AX‖²_F.
 */
public final class OrthogonalNmf extends ColumnLossNmf {

  /** Name of the trace of ‖X Xᵀ − I‖_F, recorded when the coefficients are orthogonal. */
  public static final String ORTHOGONALITY_TRACE = "orthogonality residual";

  /** The orthogonal X-update of Ding et al.; capped NMF uses it too. */
  static final CoefficientRule.Factory ORTHOGONAL_RULE = new CoefficientRule.Factory() {
    @Override
    public CoefficientRule create(int count, int rank) {
      return new OrthogonalCoefficients(count, rank);
    }

    @Override
    public boolean orthogonal() {
      return true;
    }
  };

  public OrthogonalNmf(StoppingRule stopping) {
    super(stopping);
  }

  @Override
  public String describe() {
    return "orthogonal NMF (Ding et al. 2006, X Xᵀ = I)";
  }

  @Override
  ColumnLoss loss(double[] startSquaredResiduals, double residualFloor) {
    return (squaredResiduals, weights) -> {
      Arrays.fill(weights, 1.0);
      double sum = 0.0;
      for (double r2 : squaredResiduals) {
        sum += r2;
      }
      return sum;
    };
  }

  @Override
  CoefficientRule.Factory coefficientRule() {
    return ORTHOGONAL_RULE;
  }

  @Override
  public boolean fitsMissingEntries() {
    return false;
  }

  @Override
  protected String missingEntriesHint() {
    return ORTHOGONAL_MISSING_HINT;
  }

  /** Why the orthogonal rule refuses a mask. */
  static final String ORTHOGONAL_MISSING_HINT = "the orthogonal X-update of Ding et al. cancels A^T A X against"
      + " A^T A X X^T X, which a mask breaks, so it has no masked form; impute the missing values first"
      + " (-missing mean)";

  /**
   * Xᵀ ← Xᵀ ∘ sqrt((YᵀA) / (Xᵀ crossGram)) given crossGram = X YᵀA (summed over all instances, so
   * that column blocks can apply it to their own rows of Xᵀ); {@code denominator} is a workspace
   * of Xᵀ's shape.
   */
  static void step(DenseMatrix xt, DenseMatrix ytA, DenseMatrix crossGram, DenseMatrix denominator) {
    MatrixOps.multiply(xt, crossGram, denominator);
    double[] xd = xt.data();
    double[] num = ytA.data();
    double[] den = denominator.data();
    for (int i = 0; i < xd.length; i++) {
      xd[i] *= Math.sqrt(num[i] / Math.max(den[i], MultiplicativeUpdate.DENOMINATOR_FLOOR));
    }
  }

  /**
   * X ← X ∘ sqrt((AᵀY) / (AᵀY Xᵀ X)), on Xᵀ: Xᵀ ← Xᵀ ∘ sqrt((YᵀA) / (Xᵀ X YᵀA)), with the n x n
   * matrix X YᵀA formed first so that no N x N product appears.
   */
  private static final class OrthogonalCoefficients implements CoefficientRule {
    private final DenseMatrix crossGram;
    private final DenseMatrix denominator;
    private final DenseMatrix gramX;

    OrthogonalCoefficients(int count, int rank) {
      this.crossGram = new DenseMatrix(rank, rank);
      this.denominator = new DenseMatrix(count, rank);
      this.gramX = new DenseMatrix(rank, rank);
    }

    /**
     * Scales each row of X to unit norm and the matching column of A inversely: A X, hence the
     * start's fit, is unchanged, but X Xᵀ = I now holds on the diagonal, so the first orthogonal
     * X-update does not have to shrink X wholesale while A lags one half-step behind (which
     * otherwise inflates the residuals of the first iterations many times over).
     */
    @Override
    public void prepare(DenseMatrix a, DenseMatrix xt) {
      int n = xt.cols();
      double[] xd = xt.data();
      double[] ad = a.data();
      for (int r = 0; r < n; r++) {
        double norm2 = 0.0;
        for (int j = r; j < xd.length; j += n) {
          norm2 += xd[j] * xd[j];
        }
        if (norm2 == 0.0) {
          continue;
        }
        double norm = Math.sqrt(norm2);
        for (int j = r; j < xd.length; j += n) {
          xd[j] /= norm;
        }
        for (int i = r; i < ad.length; i += n) {
          ad[i] *= norm;
        }
      }
    }

    @Override
    public void update(DenseMatrix xt, DenseMatrix ytA, DenseMatrix gramA,
        MultiplicativeUpdate.DenominatorCorrection correction) {
      MatrixOps.multiplyTransposeA(xt, ytA, crossGram);
      step(xt, ytA, crossGram, denominator);
    }

    @Override
    public void recordTraces(DenseMatrix xt, TraceRecorder recorder) {
      MatrixOps.gramOfColumns(xt, gramX);
      MatrixOps.addToDiagonal(gramX, -1.0);
      recorder.record(ORTHOGONALITY_TRACE, Math.sqrt(MatrixOps.squaredNorm(gramX)));
    }
  }
}
