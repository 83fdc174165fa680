package adversarialnmf.solver;

/**
 * min f(x) over x ≥ 0 for a smooth convex-enough f of a few variables (the out-of-sample problems of
 * KL and ANMF): each step minimises the quadratic model f(x) + gᵀd + ½ dᵀHd over x + d ≥ 0 with a
 * positive semidefinite curvature H (the Hessian, or its Gauss-Newton part), then backtracks along d
 * until the Armijo condition f(x + s d) ≤ f(x) + 10⁻⁴ s gᵀd holds. The step d vanishes exactly at a
 * KKT point (x ≥ 0, g ≥ 0, x ∘ g = 0), so the loop stops when d, or the decrease it promises, is
 * negligible. With H the Hessian this is Newton's method near the solution.
 */
public final class NonnegativeNewton {

  /** Newton steps at most; convergence takes a handful on the problems of this package. */
  static final int MAX_STEPS = 200;
  /** Relative size of a step (against the iterate) at which the solve is finished. */
  static final double STEP_TOLERANCE = 1e-12;
  /** Relative decrease (against |f|) below which a step is not worth taking. */
  static final double DECREASE_TOLERANCE = 1e-15;
  private static final double ARMIJO = 1e-4;
  private static final int MAX_HALVINGS = 60;

  private NonnegativeNewton() {
  }

  /** A smooth function of n variables with its derivatives. */
  public interface Objective {
    /** f(x); +∞ outside its domain. */
    double value(double[] x);

    /** Writes the gradient at x into g and a positive semidefinite curvature (n x n, row-major) into h. */
    void derivatives(double[] x, double[] g, double[] h);
  }

  /**
   * Minimises f from the nonnegative start x (overwritten by the minimiser; f(start) must be finite).
   *
   * @return the number of Newton steps taken
   */
  public static int minimise(Objective f, double[] x) {
    int n = x.length;
    double[] g = new double[n];
    double[] h = new double[n * n];
    double[] cross = new double[n];
    double[] candidate = new double[n];
    double[] trial = new double[n];
    boolean[] support = new boolean[n];
    double fx = f.value(x);
    for (int step = 0; step < MAX_STEPS; step++) {
      f.derivatives(x, g, h);
      regularise(h, n);
      // the model's minimiser x' = argmin_{x' ≥ 0} ½ x'ᵀHx' − (Hx − g)ᵀx'
      for (int r = 0; r < n; r++) {
        double s = -g[r];
        for (int c = 0; c < n; c++) {
          s += h[r * n + c] * x[c];
        }
        cross[r] = s;
      }
      for (int r = 0; r < n; r++) {
        support[r] = x[r] > 0.0;
      }
      NonnegativeQuadratic.solve(h, cross, candidate, support);
      double slope = 0.0;
      double largestStep = 0.0;
      double largestEntry = 0.0;
      for (int r = 0; r < n; r++) {
        double d = candidate[r] - x[r];
        slope += g[r] * d;
        largestStep = Math.max(largestStep, Math.abs(d));
        largestEntry = Math.max(largestEntry, Math.max(x[r], candidate[r]));
      }
      if (largestStep <= STEP_TOLERANCE * largestEntry || slope >= -DECREASE_TOLERANCE * Math.abs(fx)) {
        return step;
      }
      double length = 1.0;
      double ft = Double.NaN;
      for (int halving = 0; halving <= MAX_HALVINGS; halving++) {
        for (int r = 0; r < n; r++) {
          trial[r] = Math.max(0.0, x[r] + length * (candidate[r] - x[r]));
        }
        ft = f.value(trial);
        if (ft <= fx + ARMIJO * length * slope) {
          break;
        }
        length *= 0.5;
      }
      if (!(ft < fx)) {
        return step; // no representable decrease along d: x is a minimiser to working precision
      }
      System.arraycopy(trial, 0, x, 0, n);
      fx = ft;
    }
    return MAX_STEPS;
  }

  /** Adds a relative ridge so the coordinate solve is defined where H is singular. */
  private static void regularise(double[] h, int n) {
    double largest = 0.0;
    for (int r = 0; r < n; r++) {
      largest = Math.max(largest, h[r * n + r]);
    }
    double ridge = largest > 0.0 ? 1e-13 * largest : Double.MIN_NORMAL;
    for (int r = 0; r < n; r++) {
      h[r * n + r] += ridge;
    }
  }
}
