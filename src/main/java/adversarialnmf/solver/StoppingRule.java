package adversarialnmf.solver;

import java.io.Serializable;

/** When an iterative solver stops: an iteration cap and a relative tolerance. */
public final class StoppingRule implements Serializable {

  private static final long serialVersionUID = -2470166932116480237L;

  private final int maxIterations;
  private final double tolerance;

  public StoppingRule(int maxIterations, double tolerance) {
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maximum iterations must be at least 1, got " + maxIterations);
    }
    if (!(tolerance >= 0.0) || Double.isInfinite(tolerance)) {
      throw new IllegalArgumentException("tolerance must be a finite number >= 0, got " + tolerance);
    }
    this.maxIterations = maxIterations;
    this.tolerance = tolerance;
  }

  public int maxIterations() {
    return maxIterations;
  }

  public double tolerance() {
    return tolerance;
  }

  /** The default test: relative decrease of the objective, |f_prev − f| / max(|f_prev|, tiny) ≤ tol. */
  public boolean relativeChangeBelow(double previous, double current) {
    double denominator = Math.max(Math.abs(previous), Double.MIN_NORMAL);
    return Math.abs(previous - current) / denominator <= tolerance;
  }
}
