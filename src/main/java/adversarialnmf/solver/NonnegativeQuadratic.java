package adversarialnmf.solver;

import java.util.Arrays;

/**
 * min ½ xᵀGx − cᵀx over x ≥ 0 for a small symmetric positive semidefinite G (n x n, row-major):
 * cyclic exact coordinate descent until the largest coordinate step is below a relative tolerance
 * (at convergence the KKT conditions hold: x ≥ 0, Gx − c ≥ 0, x ∘ (Gx − c) = 0). The NNLS rule and
 * the Newton steps of the nonlinear out-of-sample rules share it. For a nonsymmetric G with positive
 * diagonal the same sweep is projected Gauss-Seidel for the linear complementarity problem
 * x ≥ 0, Gx − c ≥ 0, x ∘ (Gx − c) = 0 (the orthogonal rule).
 */
public final class NonnegativeQuadratic {

  /** Relative step size at which a problem is considered solved. */
  static final double STEP_TOLERANCE = 1e-12;
  /** Sweep cap; the system is n x n with n small, so this is never the binding limit in practice. */
  static final int MAX_SWEEPS = 5000;

  private NonnegativeQuadratic() {
  }

  /** Solves from x = 0 (overwrites x). */
  public static void solve(double[] gram, double[] cross, double[] x) {
    Arrays.fill(x, 0.0);
    solveFrom(gram, cross, x);
  }

  /** Solves warm-started at the given nonnegative x (overwritten by the minimiser). */
  public static void solveFrom(double[] gram, double[] cross, double[] x) {
    int n = cross.length;
    double scale = 0.0;
    for (int r = 0; r < n; r++) {
      double diagonal = gram[r * n + r];
      if (diagonal > 0.0) {
        scale = Math.max(scale, Math.max(Math.abs(cross[r]) / diagonal, x[r]));
      }
    }
    if (scale == 0.0) {
      Arrays.fill(x, 0.0);
      return;
    }
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      double largestStep = 0.0;
      for (int r = 0; r < n; r++) {
        double diagonal = gram[r * n + r];
        if (diagonal <= 0.0) {
          x[r] = 0.0; // the objective does not depend on x_r
          continue;
        }
        double gradient = -cross[r];
        int base = r * n;
        for (int c = 0; c < n; c++) {
          gradient += gram[base + c] * x[c];
        }
        double updated = Math.max(0.0, x[r] - gradient / diagonal);
        largestStep = Math.max(largestStep, Math.abs(updated - x[r]));
        x[r] = updated;
      }
      if (largestStep <= STEP_TOLERANCE * scale) {
        return;
      }
    }
  }
}
