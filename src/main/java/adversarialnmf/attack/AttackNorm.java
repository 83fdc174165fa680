package adversarialnmf.attack;

import adversarialnmf.Choice;
import adversarialnmf.linalg.OverflowSafe;

/**
 * The norm that bounds an attack's perturbation δ of an instance y, with the exact Euclidean
 * projection onto the feasible set {‖δ‖ ≤ ε, y + δ ≥ 0} (docs/ATTACK.md §3). The radius ε is in
 * the instance's own units; the callers make it relative to the data.
 */
public enum AttackNorm implements Choice {
  /** ‖δ‖∞ ≤ ε: every attribute moves by at most ε. */
  INFINITY("inf", "max norm: every attribute moves by at most epsilon"),
  /** ‖δ‖₂ ≤ ε: the perturbation's Euclidean length is at most ε. */
  EUCLIDEAN("2", "Euclidean norm: the perturbation's length is at most epsilon");

  /** Bisection steps on the multiplier of the Euclidean projection: its bracket shrinks to rounding. */
  private static final int BISECTION_STEPS = 200;

  private final String key;
  private final String description;

  AttackNorm(String key, String description) {
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

  /** ‖δ‖ in this norm. */
  public double norm(double[] delta) {
    if (this == EUCLIDEAN) {
      return OverflowSafe.norm(delta);
    }
    double largest = 0.0;
    for (double v : delta) {
      largest = Math.max(largest, Math.abs(v));
    }
    return largest;
  }

  /**
   * The steepest-ascent step of length {@code length} in this norm for gradient g: length·sign(g)
   * for the max norm, length·g/‖g‖₂ for the Euclidean (zero for g = 0).
   */
  public double[] steepestStep(double[] gradient, double length) {
    double[] step = new double[gradient.length];
    double scale = this == EUCLIDEAN ? OverflowSafe.norm(gradient) : 1.0;
    if (scale == 0.0) {
      return step;
    }
    for (int i = 0; i < step.length; i++) {
      step[i] = this == EUCLIDEAN ? length * gradient[i] / scale : length * Math.signum(gradient[i]);
    }
    return step;
  }

  /**
   * The point of {δ : ‖δ‖ ≤ radius, y + δ ≥ 0} nearest to {@code delta} (y ≥ 0, so δ = 0 is
   * feasible). Max norm: the box clip δᵢ ∈ [max(−ε, −yᵢ), ε]. Euclidean: δᵢ(μ) = max(dᵢ/(1 + μ), −yᵢ)
   * with the multiplier μ ≥ 0 of the ball found by bisection (‖δ(μ)‖ falls as μ grows); the upper
   * end of the final bracket is returned, so the budget holds exactly.
   */
  public double[] project(double[] delta, double[] y, double radius) {
    double[] out = new double[delta.length];
    if (radius == 0.0) {
      return out;
    }
    if (this == INFINITY) {
      for (int i = 0; i < out.length; i++) {
        out[i] = Math.min(radius, Math.max(Math.max(-radius, -y[i]), delta[i]));
      }
      return out;
    }
    shrunk(delta, y, 0.0, out);
    if (OverflowSafe.norm(out) <= radius) {
      return out;
    }
    double low = 0.0;
    double high = 1.0;
    while (OverflowSafe.norm(shrunk(delta, y, high, out)) > radius) {
      low = high;
      high *= 2.0;
    }
    for (int step = 0; step < BISECTION_STEPS && high - low > Math.ulp(high); step++) {
      double middle = 0.5 * (low + high);
      if (OverflowSafe.norm(shrunk(delta, y, middle, out)) > radius) {
        low = middle;
      } else {
        high = middle;
      }
    }
    return shrunk(delta, y, high, out);
  }

  /** δ(μ) of the Euclidean projection, into {@code out}. */
  private static double[] shrunk(double[] delta, double[] y, double multiplier, double[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.max(delta[i] / (1.0 + multiplier), -y[i]);
    }
    return out;
  }
}
