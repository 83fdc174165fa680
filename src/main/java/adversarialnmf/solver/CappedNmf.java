package adversarialnmf.solver;

import java.io.Serializable;
import java.util.Arrays;

/**
 * Capped-norm NMF of Gao, Nie, Cai &amp; Huang (CIKM 2015): min Σ_j min(‖y_j − A x_j‖₂, θ) over
 * A, X ≥ 0 (the capped, unsquared L2 norm of each instance's residual), so an instance whose
 * residual exceeds θ contributes the constant θ and no longer influences the factors. Their
 * reweighted updates: w_j = 1 / ‖y_j − A x_j‖ if the residual is at most θ, else 0;
 * A ← A ∘ (Y W Xᵀ) / (A X W Xᵀ); X by the orthogonal rule of Ding et al. as in the authors'
 * model ({@link OrthogonalNmf}'s rule, X Xᵀ = I), or by the Lee-Seung rule when
 * {@link Options#orthogonalCoefficients()} is false. W cancels in the X-update, so a capped
 * instance keeps a meaningful coefficient column (the authors' code sets it to 0 by 0/ε).
 *
 * <p>θ is either fixed or, by default, data driven: the {@link Options#DEFAULT_INLIER_QUANTILE}
 * quantile of the residual norms at the start, i.e. at most the worst-fitted 10% of instances
 * start capped. The trace {@link #CAP_TRACE} holds θ and {@link #CAPPED_TRACE} the number of
 * capped instances per iteration.
 */
public final class CappedNmf extends ColumnLossNmf {

  /** Name of the trace holding the cap θ used (constant over the fit). */
  public static final String CAP_TRACE = "cap";

  /** Name of the trace of the number of instances whose residual exceeds θ. */
  public static final String CAPPED_TRACE = "capped instances";

  private final Options options;

  public CappedNmf(StoppingRule stopping, Options options) {
    super(stopping);
    this.options = options;
  }

  @Override
  public boolean fitsMissingEntries() {
    return !options.orthogonalCoefficients();
  }

  @Override
  protected String missingEntriesHint() {
    return OrthogonalNmf.ORTHOGONAL_MISSING_HINT + ", or use the Lee-Seung coefficient update (-lee-seung)";
  }

  @Override
  CoefficientRule.Factory coefficientRule() {
    return options.orthogonalCoefficients() ? OrthogonalNmf.ORTHOGONAL_RULE : LEE_SEUNG;
  }

  public Options options() {
    return options;
  }

  @Override
  public String describe() {
    return "capped-norm NMF (Gao et al. 2015, cap " + options.describeCap()
        + (options.orthogonalCoefficients() ? ", X Xᵀ = I" : "") + ")";
  }

  @Override
  ColumnLoss loss(double[] startSquaredResiduals, double residualFloor) {
    double cap = options.hasFixedCap() ? options.fixedCap()
        : quantileOfNorms(startSquaredResiduals, options.inlierQuantile());
    return new CappedLoss(cap, residualFloor);
  }

  /**
   * The q-quantile of the norms √s_j: the smallest norm with at least ⌈qN⌉ norms at or below it.
   */
  static double quantileOfNorms(double[] squaredNorms, double q) {
    double[] sorted = squaredNorms.clone();
    Arrays.sort(sorted);
    int index = Math.max(0, (int) Math.ceil(q * sorted.length) - 1);
    return Math.sqrt(sorted[index]);
  }

  private static final class CappedLoss implements ColumnLoss {
    private static final long serialVersionUID = 7085187316962046442L;

    private final double cap;
    private final double residualFloor;

    CappedLoss(double cap, double residualFloor) {
      this.cap = cap;
      this.residualFloor = residualFloor;
    }

    @Override
    public double evaluate(double[] squaredResiduals, double[] weights) {
      double sum = 0.0;
      for (int j = 0; j < squaredResiduals.length; j++) {
        double r = Math.sqrt(squaredResiduals[j]);
        if (r > cap) {
          sum += cap;
          weights[j] = 0.0;
        } else {
          sum += r;
          weights[j] = 1.0 / Math.max(r, residualFloor);
        }
      }
      return sum;
    }

    @Override
    public void recordTraces(TraceRecorder recorder, int zeroWeightInstances) {
      recorder.record(CAP_TRACE, cap);
      recorder.record(CAPPED_TRACE, zeroWeightInstances); // exactly the instances above the cap
    }
  }

  /** The cap rule and the coefficient update; immutable and validated. */
  public static final class Options implements Serializable {

    private static final long serialVersionUID = 2365406357916811170L;

    /** Default inlier quantile for the data-driven cap. */
    public static final double DEFAULT_INLIER_QUANTILE = 0.9;

    private final double inlierQuantile;
    private final double fixedCap;
    private final boolean orthogonalCoefficients;

    private Options(double inlierQuantile, double fixedCap, boolean orthogonalCoefficients) {
      this.inlierQuantile = inlierQuantile;
      this.fixedCap = fixedCap;
      this.orthogonalCoefficients = orthogonalCoefficients;
    }

    /** The authors' model with the default data-driven cap. */
    public static Options defaults() {
      return quantileCap(DEFAULT_INLIER_QUANTILE, true);
    }

    /**
     * θ = the {@code inlierQuantile} quantile of the residual norms at the start.
     *
     * @param inlierQuantile in (0, 1]; 1 caps nothing at the start
     */
    public static Options quantileCap(double inlierQuantile, boolean orthogonalCoefficients) {
      return new Options(checkedQuantile(inlierQuantile), Double.NaN, orthogonalCoefficients);
    }

    /** {@code inlierQuantile} if it is a valid quantile for the cap, in (0, 1]. */
    public static double checkedQuantile(double inlierQuantile) {
      if (!(inlierQuantile > 0.0 && inlierQuantile <= 1.0)) {
        throw new IllegalArgumentException(
            "inlier quantile of the cap must be in (0, 1], got " + inlierQuantile);
      }
      return inlierQuantile;
    }

    /** A fixed cap θ > 0 on the residual norm ‖y_j − A x_j‖ (in the units of the data). */
    public static Options fixedCap(double cap, boolean orthogonalCoefficients) {
      if (!(cap > 0.0) || Double.isInfinite(cap)) {
        throw new IllegalArgumentException("cap must be a finite number > 0, got " + cap);
      }
      return new Options(Double.NaN, cap, orthogonalCoefficients);
    }

    public boolean hasFixedCap() {
      return !Double.isNaN(fixedCap);
    }

    /** The fixed cap, or NaN when the cap is data driven. */
    public double fixedCap() {
      return fixedCap;
    }

    /** The quantile of the start residual norms used as cap, or NaN when the cap is fixed. */
    public double inlierQuantile() {
      return inlierQuantile;
    }

    public boolean orthogonalCoefficients() {
      return orthogonalCoefficients;
    }

    String describeCap() {
      return hasFixedCap() ? String.valueOf(fixedCap)
          : inlierQuantile + " quantile of the start residual norms";
    }
  }
}
