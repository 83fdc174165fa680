package adversarialnmf.solver;

import adversarialnmf.linalg.Cholesky;
import adversarialnmf.linalg.DenseMatrix;
import java.util.Arrays;

/**
 * min ½ xᵀGx − cᵀx over x ≥ 0 for a small symmetric positive semidefinite G (n x n, row-major), and
 * the linear complementarity problem of a nonsymmetric G. The symmetric case is solved exactly by the
 * active-set method of Lawson &amp; Hanson in the Gram form of Bro &amp; de Jong (1997): each step solves
 * the free coordinates' system by Cholesky, so the result meets the KKT conditions x ≥ 0, Gx − c ≥ 0,
 * x ∘ (Gx − c) = 0 to rounding, in at most a few n steps (coordinate descent, by contrast, needs
 * thousands of sweeps on the correlated bases of face images). The NNLS rule and the Newton steps of
 * the nonlinear out-of-sample rules use it.
 */
public final class NonnegativeQuadratic {

  /** Relative size (against max |c_r| / G_rr) of a gradient entry that still counts as zero. */
  static final double GRADIENT_TOLERANCE = 1e-13;
  /** Relative step size at which projected Gauss-Seidel stops. */
  static final double STEP_TOLERANCE = 1e-12;
  /** Sweep cap of projected Gauss-Seidel. */
  static final int MAX_SWEEPS = 5000;

  private NonnegativeQuadratic() {
  }

  /** Solves the symmetric problem exactly (overwrites x with the minimiser). */
  public static void solve(double[] gram, double[] cross, double[] x) {
    solve(gram, cross, x, null);
  }

  /**
   * {@link #solve(double[], double[], double[])} from a guess of the free set (the coordinates
   * positive at the minimiser; null for none): the guess is first pruned to a set whose own
   * minimiser is positive, then the active-set steps go on from there as from zero. The minimiser
   * is unique (G plus its ridge is definite), so the guess changes only how many steps it takes: a
   * Newton step of a nonlinear rule guesses the support of the current iterate, which changes little
   * from step to step.
   */
  public static void solve(double[] gram, double[] cross, double[] x, boolean[] freeGuess) {
    int n = cross.length;
    Arrays.fill(x, 0.0);
    double largestCross = 0.0;
    double largestDiagonal = 0.0;
    for (int r = 0; r < n; r++) {
      largestCross = Math.max(largestCross, Math.abs(cross[r]));
      largestDiagonal = Math.max(largestDiagonal, gram[r * n + r]);
    }
    if (largestCross == 0.0 || largestDiagonal == 0.0) {
      return;
    }
    // keeps the free systems definite when G is singular; far below any tolerance of a caller
    double ridge = 1e-14 * largestDiagonal;
    double tolerance = GRADIENT_TOLERANCE * largestCross;
    boolean[] free = new boolean[n];
    double[] negativeGradient = new double[n];
    double[] candidate = new double[n];
    if (freeGuess != null) {
      startFromGuess(gram, cross, freeGuess, ridge, free, x, candidate);
    }
    int steps = 0;
    while (steps++ < 3 * n + 10) {
      negativeGradient(gram, cross, x, negativeGradient);
      int entering = -1;
      double best = tolerance;
      for (int r = 0; r < n; r++) {
        if (!free[r] && gram[r * n + r] > 0.0 && negativeGradient[r] > best) {
          best = negativeGradient[r];
          entering = r;
        }
      }
      if (entering < 0) {
        return; // KKT: every fixed coordinate has a nonnegative gradient
      }
      free[entering] = true;
      while (true) {
        solveFree(gram, cross, free, ridge, candidate);
        double step = 1.0;
        int leaving = -1;
        for (int r = 0; r < n; r++) {
          if (free[r] && candidate[r] <= 0.0) {
            double ratio = x[r] / (x[r] - candidate[r]);
            if (ratio < step) {
              step = ratio;
              leaving = r;
            }
          }
        }
        if (leaving < 0) {
          System.arraycopy(candidate, 0, x, 0, n);
          break;
        }
        for (int r = 0; r < n; r++) {
          x[r] += step * (candidate[r] - x[r]);
          if (free[r] && (r == leaving || x[r] <= 0.0)) {
            free[r] = false;
            x[r] = 0.0;
          }
        }
      }
    }
  }

  /**
   * Sets {@code free} to the largest subset of the guess (by dropping every coordinate whose
   * free-set solution is not positive, until none is) whose free-set solution is positive, and x to
   * that solution: the state the active-set loop keeps between its steps.
   */
  private static void startFromGuess(double[] gram, double[] cross, boolean[] freeGuess, double ridge,
      boolean[] free, double[] x, double[] candidate) {
    int n = cross.length;
    int size = 0;
    for (int r = 0; r < n; r++) {
      free[r] = freeGuess[r] && gram[r * n + r] > 0.0;
      size += free[r] ? 1 : 0;
    }
    while (size > 0) {
      solveFree(gram, cross, free, ridge, candidate);
      int dropped = 0;
      for (int r = 0; r < n; r++) {
        if (free[r] && candidate[r] <= 0.0) {
          free[r] = false;
          dropped++;
        }
      }
      if (dropped == 0) {
        System.arraycopy(candidate, 0, x, 0, n);
        return;
      }
      size -= dropped;
    }
  }

  /**
   * Projected Gauss-Seidel for x ≥ 0, Gx − c ≥ 0, x ∘ (Gx − c) = 0 with a nonsymmetric G of positive
   * diagonal (the orthogonal rule), until the largest coordinate step is below a relative tolerance.
   */
  public static void solveComplementarity(double[] gram, double[] cross, double[] x) {
    int n = cross.length;
    Arrays.fill(x, 0.0);
    double scale = 0.0;
    for (int r = 0; r < n; r++) {
      double diagonal = gram[r * n + r];
      if (diagonal > 0.0) {
        scale = Math.max(scale, Math.abs(cross[r]) / diagonal);
      }
    }
    if (scale == 0.0) {
      return;
    }
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      double largestStep = 0.0;
      for (int r = 0; r < n; r++) {
        double diagonal = gram[r * n + r];
        if (diagonal <= 0.0) {
          continue; // the coordinate carries no mass: it stays at 0
        }
        double w = -cross[r];
        int base = r * n;
        for (int c = 0; c < n; c++) {
          w += gram[base + c] * x[c];
        }
        double updated = Math.max(0.0, x[r] - w / diagonal);
        largestStep = Math.max(largestStep, Math.abs(updated - x[r]));
        x[r] = updated;
      }
      if (largestStep <= STEP_TOLERANCE * scale) {
        return;
      }
    }
  }

  private static void negativeGradient(double[] gram, double[] cross, double[] x, double[] out) {
    int n = cross.length;
    for (int r = 0; r < n; r++) {
      double s = cross[r];
      int base = r * n;
      for (int c = 0; c < n; c++) {
        s -= gram[base + c] * x[c];
      }
      out[r] = s;
    }
  }

  /** out = the solution of G_FF z = c_F on the free set F, 0 elsewhere. */
  private static void solveFree(double[] gram, double[] cross, boolean[] free, double ridge, double[] out) {
    int n = cross.length;
    int[] index = new int[n];
    int size = 0;
    for (int r = 0; r < n; r++) {
      if (free[r]) {
        index[size++] = r;
      }
    }
    DenseMatrix system = new DenseMatrix(size, size);
    DenseMatrix rhs = new DenseMatrix(size, 1);
    for (int p = 0; p < size; p++) {
      for (int q = 0; q < size; q++) {
        system.set(p, q, gram[index[p] * n + index[q]]);
      }
      system.set(p, p, system.get(p, p) + ridge);
      rhs.set(p, 0, cross[index[p]]);
    }
    Cholesky.of(system).solveInPlace(rhs);
    Arrays.fill(out, 0.0);
    for (int p = 0; p < size; p++) {
      out[index[p]] = rhs.get(p, 0);
    }
  }
}
