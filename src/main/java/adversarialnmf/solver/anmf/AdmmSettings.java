package adversarialnmf.solver.anmf;

import adversarialnmf.Choice;

import java.io.Serializable;

/**
 * The settings of ANMF's ADMM solver (Algorithm 1, corrected), apart from model (9)
 * ({@link AnmfModel}): an immutable, validated value made by {@link #builder()}. The defaults are the
 * choices measured in docs/ALGORITHM.md §5 (μ 100 fixed, rescaled start, exact U, relative-change
 * rule), because the paper's μ = 1 does not converge on real data. {@link #paperSettings()} gives
 * Algorithm 1 as printed (misprints fixed): μ = 1 fixed, start as given, clipped U, rule (26).
 */
public final class AdmmSettings implements Serializable {

  private static final long serialVersionUID = -3361571096204302319L;

  /** How the U sub-problem min_{U ≥ 0} γ‖DU − λ(A − Ã)‖² + μ/2‖U − Xᵀ − M5/μ‖² is solved. */
  public enum UUpdate implements Choice {
    /** Exact non-negative minimiser by accelerated projected gradient (FISTA), warm-started. */
    EXACT_NONNEGATIVE("exact", "exact nonnegative minimiser (accelerated projected gradient)"),
    /** As printed in Algorithm 1: the unconstrained minimiser, then negatives set to zero. */
    PAPER_CLIP("paper", "as printed in Algorithm 1: unconstrained solve, then max(0, .)");

    private final String key;
    private final String description;

    UUpdate(String key, String description) {
      this.key = key;
      this.description = description;
    }

    @Override
    public String key() {
      return key;
    }

    @Override
    public String description() {
      return description;
    }
  }

  /** When the ADMM has converged (the iteration cap always applies). */
  public enum ToleranceRule implements Choice {
    /** Rule (26): ‖Y − AX‖² ≤ ε and ‖A_{k+1} − A_k‖² ≤ ε, both absolute. */
    PAPER_RULE_26("paper", "rule (26): ||Y - AX||^2 <= tolerance and ||A_k+1 - A_k||^2 <= tolerance"),
    /** Relative primal and relative dual residual (Boyd et al. 2011, §3.3.1, relative form) both ≤ ε. */
    RELATIVE_RESIDUALS("residuals", "relative primal and dual residuals <= tolerance"),
    /** Relative primal residual ≤ ε and relative change of objective (9) over one iteration ≤ ε. */
    RELATIVE_CHANGE("change", "relative primal residual and relative change of (9) <= tolerance"),
    /**
     * Relative primal residual and the relative change of the scale-free coefficients
     * diag(‖a_r‖) X both ≤ ε, the drift-invariant form of the iterate (docs/ALGORITHM.md §5.5).
     */
    SCALE_FREE_CHANGE("scale-free", "relative primal residual and relative change of diag(||a_r||) X <= tolerance");

    private final String key;
    private final String description;

    ToleranceRule(String key, String description) {
      this.key = key;
      this.description = description;
    }

    @Override
    public String key() {
      return key;
    }

    @Override
    public String description() {
      return description;
    }
  }

  /** The linear solve of the unconstrained U update (PAPER_CLIP mode), (2γDᵀD + μI) U = R3. */
  public enum LinearSolve implements Choice {
    /** Gram Cholesky or conjugate gradients, whichever the flop estimate favours. */
    AUTO("auto", "Gram Cholesky or conjugate gradients, by flop estimate"),
    /** Cholesky of the min(m, N) Gram matrix of D (Woodbury when m &lt; N). */
    GRAM_CHOLESKY("cholesky", "Cholesky of the min(m, N) Gram matrix"),
    /** Matrix-free conjugate gradients, warm-started from the previous U. */
    CONJUGATE_GRADIENT("cg", "conjugate gradients, warm-started");

    private final String key;
    private final String description;

    LinearSolve(String key, String description) {
      this.key = key;
      this.description = description;
    }

    @Override
    public String key() {
      return key;
    }

    @Override
    public String description() {
      return description;
    }
  }

  private final double mu;
  private final UUpdate uUpdate;
  private final int uInnerIterations;
  private final LinearSolve linearSolve;
  private final boolean adaptivePenalty;
  private final double penaltyFactor;
  private final double penaltyThreshold;
  private final boolean rescaleStart;
  private final ToleranceRule toleranceRule;

  private AdmmSettings(Builder b) {
    this.mu = b.mu;
    this.uUpdate = b.uUpdate;
    this.uInnerIterations = b.uInnerIterations;
    this.linearSolve = b.linearSolve;
    this.adaptivePenalty = b.adaptivePenalty;
    this.penaltyFactor = b.penaltyFactor;
    this.penaltyThreshold = b.penaltyThreshold;
    this.rescaleStart = b.rescaleStart;
    this.toleranceRule = b.toleranceRule;
  }

  /** The defaults: the measured settings (see docs/ALGORITHM.md). */
  public static Builder builder() {
    return new Builder();
  }

  /** Algorithm 1 with the paper's settings: μ = 1 fixed, no rescaling, printed clip for U, rule (26). */
  public static AdmmSettings paperSettings() {
    return builder().mu(1.0).adaptivePenalty(false).rescaleStart(false).uUpdate(UUpdate.PAPER_CLIP)
        .toleranceRule(ToleranceRule.PAPER_RULE_26).build();
  }

  /** A builder preset to these settings, to change one or two. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.mu = mu;
    b.uUpdate = uUpdate;
    b.uInnerIterations = uInnerIterations;
    b.linearSolve = linearSolve;
    b.adaptivePenalty = adaptivePenalty;
    b.penaltyFactor = penaltyFactor;
    b.penaltyThreshold = penaltyThreshold;
    b.rescaleStart = rescaleStart;
    b.toleranceRule = toleranceRule;
    return b;
  }

  /** μ, the ADMM penalty (the starting value when the penalty is adaptive). */
  public double mu() {
    return mu;
  }

  public UUpdate uUpdate() {
    return uUpdate;
  }

  /** Cap on the projected-gradient steps of the exact U update per ADMM iteration. */
  public int uInnerIterations() {
    return uInnerIterations;
  }

  public LinearSolve linearSolve() {
    return linearSolve;
  }

  /** Residual balancing (Boyd et al. 2011, §3.4.1) of μ on the relative residuals. */
  public boolean adaptivePenalty() {
    return adaptivePenalty;
  }

  /** τ: μ is multiplied or divided by this when the residuals are out of balance. */
  public double penaltyFactor() {
    return penaltyFactor;
  }

  /** The imbalance ratio of the relative residuals that triggers a change of μ. */
  public double penaltyThreshold() {
    return penaltyThreshold;
  }

  /** Whether X0 is scaled by ⟨A0X0, Y⟩ / ‖A0X0‖² before the first iteration. */
  public boolean rescaleStart() {
    return rescaleStart;
  }

  public ToleranceRule toleranceRule() {
    return toleranceRule;
  }

  /**
   * One line for the ADMM's description and logs, with the model it solves: "alpha=0.6 beta=1.0E-5
   * gamma=0.001 lambda=0.001 mu=100.0, U update exact (≤ 20 inner steps), start rescaled, stop
   * relative change".
   */
  public String describe(AnmfModel model) {
    StringBuilder s = new StringBuilder(model.describeWeights());
    s.append(" mu=").append(mu);
    if (adaptivePenalty) {
      s.append(" (adaptive, factor ").append(penaltyFactor).append(", threshold ").append(penaltyThreshold)
          .append(')');
    }
    s.append(", U update ").append(uUpdate == UUpdate.EXACT_NONNEGATIVE
        ? "exact (≤ " + uInnerIterations + " inner steps)" : "paper clip");
    s.append(", start ").append(rescaleStart ? "rescaled" : "as given");
    if (model.unitNormBases()) {
      s.append(", unit-norm columns of A and \u00c3");
    }
    s.append(", stop ").append(toleranceRule == ToleranceRule.PAPER_RULE_26 ? "rule (26)"
        : toleranceRule == ToleranceRule.RELATIVE_RESIDUALS ? "relative residuals"
        : toleranceRule == ToleranceRule.SCALE_FREE_CHANGE ? "scale-free change" : "relative change");
    return s.toString();
  }

  @Override
  public String toString() {
    return "AdmmSettings[mu=" + mu + (adaptivePenalty ? " adaptive" : "") + ", U update " + uUpdate.key()
        + ", start " + (rescaleStart ? "rescaled" : "as given") + ", stop " + toleranceRule.key() + "]";
  }

  /** Collects settings; {@link #build()} validates them all at once. */
  public static final class Builder {
    private double mu = 100.0;
    private UUpdate uUpdate = UUpdate.EXACT_NONNEGATIVE;
    private int uInnerIterations = 20;
    private LinearSolve linearSolve = LinearSolve.AUTO;
    private boolean adaptivePenalty = false;
    private double penaltyFactor = 2.0;
    private double penaltyThreshold = 10.0;
    private boolean rescaleStart = true;
    private ToleranceRule toleranceRule = ToleranceRule.RELATIVE_CHANGE;

    private Builder() {
    }

    public Builder mu(double value) {
      mu = value;
      return this;
    }

    public Builder uUpdate(UUpdate value) {
      uUpdate = value;
      return this;
    }

    public Builder uInnerIterations(int value) {
      uInnerIterations = value;
      return this;
    }

    public Builder linearSolve(LinearSolve value) {
      linearSolve = value;
      return this;
    }

    public Builder adaptivePenalty(boolean value) {
      adaptivePenalty = value;
      return this;
    }

    public Builder penaltyFactor(double value) {
      penaltyFactor = value;
      return this;
    }

    public Builder penaltyThreshold(double value) {
      penaltyThreshold = value;
      return this;
    }

    public Builder rescaleStart(boolean value) {
      rescaleStart = value;
      return this;
    }

    public Builder toleranceRule(ToleranceRule value) {
      toleranceRule = value;
      return this;
    }

    /** @throws IllegalArgumentException naming the setting, its value and what is valid */
    public AdmmSettings build() {
      AnmfModel.checkedWeight("mu", mu);
      requireNonNull("uUpdate", uUpdate);
      requireNonNull("linearSolve", linearSolve);
      requireNonNull("toleranceRule", toleranceRule);
      if (uInnerIterations < 1) {
        throw new IllegalArgumentException(
            "uInnerIterations must be at least 1, got " + uInnerIterations);
      }
      if (!(penaltyFactor > 1.0) || Double.isInfinite(penaltyFactor)) {
        throw new IllegalArgumentException(
            "penaltyFactor must be a finite number > 1, got " + penaltyFactor);
      }
      if (!(penaltyThreshold > 1.0) || Double.isInfinite(penaltyThreshold)) {
        throw new IllegalArgumentException(
            "penaltyThreshold must be a finite number > 1, got " + penaltyThreshold);
      }
      return new AdmmSettings(this);
    }

    private static void requireNonNull(String name, Object value) {
      if (value == null) {
        throw new IllegalArgumentException(name + " must be set, got null");
      }
    }
  }
}
