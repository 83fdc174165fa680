package adversarialnmf.solver.anmf;

import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;
import adversarialnmf.solver.Factorization;

/**
 * What of an ANMF fit settles while model (9) drifts along its scaling direction
 * (A, Ã, X) → (A/c, Ã/c, cX) (docs/ALGORITHM.md §5.1, §5.5): per iteration, the relative change of
 * the scale-free coefficients X̂ = diag(‖a_r‖) X (invariant under the drift), the number of instances
 * whose cluster (argmax of X̂) changed, and objective (9) at the fixed-scale representative
 * (A/c, Ã/c, cX) with c = ‖A‖/‖A⁰‖ (the scale of the start), read off the iteration's own objective
 * evaluation ({@link AnmfObjective#lastValueAtScale}). O(nN) per iteration.
 */
final class SettlingTracker {

  /** Trace: ‖X̂_k − X̂_{k−1}‖ / ‖X̂_k‖ (entry 0 NaN). */
  static final String SCALE_FREE_CHANGE = "scale-free change";
  /** Trace: instances whose cluster changed in the iteration (entry 0 NaN). */
  static final String ASSIGNMENT_CHANGES = "assignment changes";
  /** Trace: objective (9) at the representative of the iterate with ‖A‖ = ‖A⁰‖. */
  static final String FIXED_SCALE_OBJECTIVE = "fixed-scale objective";

  private final double startNorm;
  private final DenseMatrix previous;
  private final DenseMatrix current;
  private int[] previousLabels;
  private final double[] change;
  private final double[] moved;
  private final double[] fixedScale;

  SettlingTracker(DenseMatrix startBasis, int count, int maxIterations) {
    int n = startBasis.cols();
    this.startNorm = Math.sqrt(MatrixOps.squaredNorm(startBasis));
    this.previous = new DenseMatrix(n, count);
    this.current = new DenseMatrix(n, count);
    this.change = new double[maxIterations + 1];
    this.moved = new double[maxIterations + 1];
    this.fixedScale = new double[maxIterations + 1];
    change[0] = Double.NaN;
    moved[0] = Double.NaN;
  }

  /**
   * Records iteration {@code k} (0 = the start) from the factors A, Ã, X, which {@code evaluated}
   * has just evaluated (its value along the scaling direction gives the fixed-scale objective).
   */
  void record(int k, DenseMatrix a, DenseMatrix x, AnmfObjective evaluated) {
    double[] norms = Factorization.columnNorms(a);
    int n = x.rows();
    int count = x.cols();
    double[] xd = x.data();
    double[] cd = current.data();
    for (int r = 0; r < n; r++) {
      for (int j = 0; j < count; j++) {
        cd[r * count + j] = norms[r] * xd[r * count + j];
      }
    }
    java.util.Arrays.fill(norms, 1.0); // X̂ already carries ‖a_r‖
    int[] labels = Factorization.argmax(current, norms);
    if (k > 0) {
      change[k] = Math.sqrt(MatrixOps.squaredDistance(current, previous) / Math.max(MatrixOps.squaredNorm(current),
          Double.MIN_NORMAL));
      int changed = 0;
      for (int j = 0; j < count; j++) {
        if (labels[j] != previousLabels[j]) {
          changed++;
        }
      }
      moved[k] = changed;
    }
    previous.assign(current);
    previousLabels = labels;
    fixedScale[k] = evaluated.lastValueAtScale(Math.sqrt(MatrixOps.squaredNorm(a)) / startNorm);
  }

  /** The scale-free change of the last recorded iteration. */
  double scaleFreeChange(int k) {
    return change[k];
  }

  void finish(Factorization.Builder result, int iterations) {
    result.trace(SCALE_FREE_CHANGE, java.util.Arrays.copyOf(change, iterations + 1))
        .trace(ASSIGNMENT_CHANGES, java.util.Arrays.copyOf(moved, iterations + 1))
        .trace(FIXED_SCALE_OBJECTIVE, java.util.Arrays.copyOf(fixedScale, iterations + 1));
  }
}
