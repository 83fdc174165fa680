package adversarialnmf.attack;

import adversarialnmf.cluster.NmfClustering;
import adversarialnmf.cluster.PredictionRule;
import java.io.Serializable;
import java.util.Random;

/**
 * A test-time attack on a fitted NMF clustering (docs/ATTACK.md): each raw instance y ≥ 0 gets the
 * perturbation δ, ‖δ‖ ≤ ε and y + δ ≥ 0, that maximises the damage to its coefficients h(y + δ)
 * under the clustering's own out-of-sample rule (preprocessing, scale and rule as a new instance
 * meets them), found by projected gradient ascent: the gradient runs through the rule's
 * {@link CoefficientJacobian} and the preprocessing's {@code pullBack}, every iterate is scored by
 * the rule itself, and the best one is kept. The coefficient goal starts from the closed form of
 * the rule's local linearisation h ≈ J y (the top right-singular vector of J, the worst Euclidean
 * direction of an unconstrained least-squares rule); the cluster goal starts from δ = 0. A random
 * feasible start replaces a start whose gradient vanishes. Immutable.
 */
public final class ProjectedGradientAttack implements Serializable {

  private static final long serialVersionUID = -1186072302913376404L;

  /** Total step length over the run, in radii (Madry et al.'s 2.5 ε): the ascent can cross the ball. */
  static final double STEP_BUDGET = 2.5;
  /** Power iterations for the top singular vector of the n-row Jacobian. */
  private static final int POWER_ITERATIONS = 100;

  private final NmfClustering clustering;
  private final CoefficientJacobian jacobian;
  private final AttackNorm norm;
  private final AttackGoal goal;
  private final int steps;

  /**
   * @param steps gradient steps per instance (0: only the start, the closed form for the coefficient goal)
   */
  public ProjectedGradientAttack(NmfClustering clustering, AttackNorm norm, AttackGoal goal, int steps) {
    if (steps < 0) {
      throw new IllegalArgumentException("the attack needs 0 or more gradient steps, got " + steps);
    }
    this.clustering = clustering;
    this.jacobian = CoefficientJacobian.of(clustering.coefficientRule(),
        clustering.predictionRule() == PredictionRule.ADVERSARIAL_BASIS
            ? clustering.factorization().adversarialBasis() : clustering.factorization().basis());
    this.norm = norm;
    this.goal = goal;
    this.steps = steps;
  }

  public AttackNorm norm() {
    return norm;
  }

  public AttackGoal goal() {
    return goal;
  }

  /** True if the gradient is the rule's own (false: a surrogate's, see {@link CoefficientJacobian}). */
  public boolean exactGradient() {
    return jacobian.exact();
  }

  /**
   * The attacked instance y + δ (a new array) for a raw instance y ≥ 0 without missing values and a
   * radius ε ≥ 0 in y's units.
   */
  public double[] attack(double[] y, double radius, Random random) {
    Target target = new Target(y);
    double[] best = start(target, radius, random);
    double bestValue = target.objective(best);
    double[] delta = best;
    double stepLength = steps == 0 ? 0.0 : STEP_BUDGET * radius / steps;
    for (int step = 0; step < steps; step++) {
      double[] gradient = target.gradient(delta);
      double[] move = norm.steepestStep(gradient, stepLength);
      for (int i = 0; i < move.length; i++) {
        move[i] += delta[i];
      }
      delta = norm.project(move, y, radius);
      double value = target.objective(delta);
      if (value > bestValue) {
        bestValue = value;
        best = delta;
      }
    }
    double[] attacked = y.clone();
    for (int i = 0; i < attacked.length; i++) {
      attacked[i] = Math.max(0.0, y[i] + best[i]); // rounding of y + (−y) must not go below 0
    }
    return attacked;
  }

  /** The objective the attack maximises at y + δ (docs/ATTACK.md §2). */
  public double objective(double[] y, double[] delta) {
    return new Target(y).objective(delta);
  }

  /** Its gradient over δ, as the ascent uses it. */
  public double[] gradient(double[] y, double[] delta) {
    return new Target(y).gradient(delta);
  }

  private double[] start(Target target, double radius, Random random) {
    double[] zero = new double[target.y.length];
    double[] start = zero;
    if (goal == AttackGoal.COEFFICIENTS) {
      double[] direction = target.worstLinearDirection();
      if (direction != null) {
        double[] plus = norm.project(norm.steepestStep(direction, radius), target.y, radius);
        double[] minus = norm.project(norm.steepestStep(negated(direction), radius), target.y, radius);
        start = target.objective(plus) >= target.objective(minus) ? plus : minus;
      }
    }
    if (radius > 0.0 && isZero(target.gradient(start)) && target.objective(start) == target.objective(zero)) {
      double[] draw = new double[zero.length];
      for (int i = 0; i < draw.length; i++) {
        draw[i] = random.nextGaussian();
      }
      start = norm.project(norm.steepestStep(draw, radius), target.y, radius);
    }
    return start;
  }

  private static double[] negated(double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = -v[i];
    }
    return out;
  }

  private static boolean isZero(double[] v) {
    for (double x : v) {
      if (x != 0.0) {
        return false;
      }
    }
    return true;
  }

  /** The attack on one instance: its clean coefficients and cluster, the objective and its gradient. */
  private final class Target {
    final double[] y;
    final double[] clean;
    final int cluster;

    Target(double[] y) {
      this.y = y;
      this.clean = clustering.coefficientsOf(y);
      this.cluster = clustering.clusterOf(clean);
    }

    double[] shifted(double[] delta) {
      double[] out = new double[y.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = y[i] + delta[i];
      }
      return out;
    }

    double objective(double[] delta) {
      double[] h = clustering.coefficientsOf(shifted(delta));
      if (goal == AttackGoal.COEFFICIENTS) {
        double sum = 0.0;
        for (int r = 0; r < h.length; r++) {
          double d = h[r] - clean[r];
          sum += d * d;
        }
        return 0.5 * sum;
      }
      double[] scores = clustering.assignmentScores(h);
      return scores[runnerUp(scores)] - scores[cluster];
    }

    /** The gradient over δ: Jᵀ of the objective's gradient over h, pulled back through the preprocessing. */
    double[] gradient(double[] delta) {
      double[] raw = shifted(delta);
      double[] h = clustering.coefficientsOf(raw);
      double[] overCoefficients;
      if (goal == AttackGoal.COEFFICIENTS) {
        overCoefficients = new double[h.length];
        for (int r = 0; r < h.length; r++) {
          overCoefficients[r] = h[r] - clean[r];
        }
      } else {
        overCoefficients = clustering.scoreGapGradient(h, runnerUp(clustering.assignmentScores(h)), cluster);
      }
      return overFitted(raw, h, overCoefficients);
    }

    /** Jᵀg of the whole map raw instance → coefficients. */
    double[] overFitted(double[] raw, double[] h, double[] g) {
      return clustering.preprocessing().pullBack(raw, clustering.dataScale(), jacobian.transposeTimes(h, g));
    }

    /** The best-scoring cluster other than the instance's own. */
    int runnerUp(double[] scores) {
      int best = -1;
      for (int c = 0; c < scores.length; c++) {
        if (c != cluster && (best < 0 || scores[c] > scores[best])) {
          best = c;
        }
      }
      return best;
    }

    /**
     * The top right-singular vector of the Jacobian J of the raw instance's coefficients at y (its
     * rows Jᵀe_r; the top eigenvector w of JJᵀ by power iteration, then Jᵀw), or null if J = 0.
     */
    double[] worstLinearDirection() {
      int n = clean.length;
      double[][] rows = new double[n][];
      for (int r = 0; r < n; r++) {
        double[] unit = new double[n];
        unit[r] = 1.0;
        rows[r] = overFitted(y, clean, unit);
      }
      double[][] gram = new double[n][n];
      for (int r = 0; r < n; r++) {
        for (int s = 0; s <= r; s++) {
          double dot = 0.0;
          for (int i = 0; i < y.length; i++) {
            dot += rows[r][i] * rows[s][i];
          }
          gram[r][s] = dot;
          gram[s][r] = dot;
        }
      }
      double[] w = new double[n];
      java.util.Arrays.fill(w, 1.0);
      for (int iteration = 0; iteration < POWER_ITERATIONS; iteration++) {
        double[] next = new double[n];
        double length = 0.0;
        for (int r = 0; r < n; r++) {
          for (int s = 0; s < n; s++) {
            next[r] += gram[r][s] * w[s];
          }
          length += next[r] * next[r];
        }
        if (length == 0.0) {
          return null;
        }
        length = Math.sqrt(length);
        for (int r = 0; r < n; r++) {
          w[r] = next[r] / length;
        }
      }
      double[] direction = new double[y.length];
      for (int r = 0; r < n; r++) {
        for (int i = 0; i < y.length; i++) {
          direction[i] += w[r] * rows[r][i];
        }
      }
      return isZero(direction) ? null : direction;
    }
  }
}
