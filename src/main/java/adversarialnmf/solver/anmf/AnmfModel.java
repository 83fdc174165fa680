package adversarialnmf.solver.anmf;

import java.io.Serializable;

/**
 * Model (9) of ANMF: its four weights and whether the bases are scale-fixed. An immutable,
 * validated value made by {@link #builder()}, the same for every solver; each solver takes its own
 * settings beside it ({@link AdmmSettings}, {@link GradientSettings}). The weights default to the
 * paper's (α 0.6, β 1e-5, γ 1e-3, λ 1e-3).
 */
public final class AnmfModel implements Serializable {

  private static final long serialVersionUID = 4107398541771202916L;

  /**
   * The range of every weight (alpha, beta, gamma, lambda, and the ADMM's mu): the solvers multiply
   * up to three of them with squares of data in [0, 1], which must stay far inside double precision.
   */
  public static final double MIN_WEIGHT = 1e-50;
  public static final double MAX_WEIGHT = 1e50;

  private final double alpha;
  private final double beta;
  private final double gamma;
  private final double lambda;
  private final boolean unitNormBases;

  private AnmfModel(Builder b) {
    this.alpha = b.alpha;
    this.beta = b.beta;
    this.gamma = b.gamma;
    this.lambda = b.lambda;
    this.unitNormBases = b.unitNormBases;
  }

  /** The paper's weights, bases free in scale. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder preset to this model, to change one or two weights. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.alpha = alpha;
    b.beta = beta;
    b.gamma = gamma;
    b.lambda = lambda;
    b.unitNormBases = unitNormBases;
    return b;
  }

  /** α, weight of ‖ÃX − Y‖² (the learner's fit to the attacked data). */
  public double alpha() {
    return alpha;
  }

  /** β, weight of ‖AX − Y‖² (the learner's fit to the clean data). */
  public double beta() {
    return beta;
  }

  /** γ, weight of the penalty ‖Ã(λI + XXᵀ) − λA − ZXᵀ‖² that replaces the attacker's optimality (7). */
  public double gamma() {
    return gamma;
  }

  /** λ, the attacker's cost of moving Ã away from A. */
  public double lambda() {
    return lambda;
  }

  /**
   * The scale-fixed model: every column of A and of Ã has unit Euclidean norm. Model (9) is
   * unchanged otherwise; the constraint removes the scaling direction (A/c, Ã/c, cX) along which
   * (9) has no minimiser with a shifted target (docs/ALGORITHM.md §5.1, §5.4). Only the ADMM
   * solves it.
   */
  public boolean unitNormBases() {
    return unitNormBases;
  }

  /** The weights, for the solvers' descriptions: "alpha=0.6 beta=1.0E-5 gamma=0.001 lambda=0.001". */
  public String describeWeights() {
    return "alpha=" + alpha + " beta=" + beta + " gamma=" + gamma + " lambda=" + lambda;
  }

  @Override
  public String toString() {
    return "AnmfModel[" + describeWeights() + (unitNormBases ? ", unit-norm columns of A and \u00c3" : "") + "]";
  }

  /**
   * {@code value} if it is a weight in [{@link #MIN_WEIGHT}, {@link #MAX_WEIGHT}].
   *
   * @throws IllegalArgumentException naming the weight, its value and the range
   */
  static double checkedWeight(String name, double value) {
    if (!(value >= MIN_WEIGHT && value <= MAX_WEIGHT)) {
      throw new IllegalArgumentException(name + " must be a number in [" + MIN_WEIGHT + ", " + MAX_WEIGHT
          + "], got " + value + (value > 0.0 && Double.isFinite(value) ? " (products of weights this far from 1"
          + " with the data's squares leave double precision)" : ""));
    }
    return value;
  }

  /** Collects the weights; {@link #build()} validates them all at once. */
  public static final class Builder {
    private double alpha = 0.6;
    private double beta = 1e-5;
    private double gamma = 1e-3;
    private double lambda = 1e-3;
    private boolean unitNormBases = false;

    private Builder() {
    }

    public Builder alpha(double value) {
      alpha = value;
      return this;
    }

    public Builder beta(double value) {
      beta = value;
      return this;
    }

    public Builder gamma(double value) {
      gamma = value;
      return this;
    }

    public Builder lambda(double value) {
      lambda = value;
      return this;
    }

    public Builder unitNormBases(boolean value) {
      unitNormBases = value;
      return this;
    }

    /** @throws IllegalArgumentException naming the weight, its value and what is valid */
    public AnmfModel build() {
      checkedWeight("alpha", alpha);
      checkedWeight("beta", beta);
      checkedWeight("gamma", gamma);
      checkedWeight("lambda", lambda);
      return new AnmfModel(this);
    }
  }
}
