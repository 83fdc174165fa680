package adversarialnmf.solver;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;
import adversarialnmf.linalg.MissingEntries;
import adversarialnmf.linalg.OverflowSafe;
import java.io.Serializable;

/**
 * Nonnegative least squares onto a fixed basis A: x = argmin_{x ≥ 0} ‖y − A x‖². Precomputes
 * AᵀA once; each column is then solved by cyclic coordinate descent on the n x n Gram system
 * until the largest coordinate step is below a relative tolerance (exact at convergence: the
 * KKT conditions of the NNLS hold). A column with missing entries is fitted on its observed
 * entries only, min ‖M ∘ (y − A x)‖², with the Gram matrix of the observed rows of A (the same mask
 * as a masked fit). Serializable so fitted models can carry it.
 */
public final class NonnegativeProjection implements Serializable {

  private static final long serialVersionUID = -3617395218771904731L;

  /** Relative step size at which a column is considered solved. */
  static final double STEP_TOLERANCE = 1e-12;
  /** Sweep cap; the Gram system is n x n with n small, so this is never the binding limit in practice. */
  static final int MAX_SWEEPS = 5000;

  private final DenseMatrix basis;
  private final DenseMatrix gram;

  public NonnegativeProjection(DenseMatrix basis) {
    this.basis = basis.copy();
    this.gram = MatrixOps.gramOfColumns(basis);
  }

  public int rank() {
    return basis.cols();
  }

  public int dimension() {
    return basis.rows();
  }

  /** Coefficients (n x N) of every column of y; missing entries of y are left out of its fit. */
  public DenseMatrix project(DataMatrix y) {
    requireRows(y.rows());
    double largest = y.max();
    if (largest > OverflowSafe.SAFE_MAX && Double.isFinite(largest)) {
      // x is positively homogeneous in y: solve for y 2^-k (exact), then scale back
      double scale = OverflowSafe.powerOfTwoScale(largest);
      DenseMatrix x = project(y.scaled(scale));
      MatrixOps.scale(x, 1.0 / scale);
      return x;
    }
    DenseMatrix cross = y.transposeTimes(basis); // N x n: row j is (Aᵀ y_j)ᵀ, 0 at missing entries
    int n = rank();
    int count = y.cols();
    MissingEntries missing = y.missing();
    DenseMatrix observedGram = missing.isEmpty() ? null : new DenseMatrix(n, n);
    DenseMatrix x = new DenseMatrix(n, count);
    double[] coefficients = new double[n];
    double[] crossRow = new double[n];
    for (int j = 0; j < count; j++) {
      FitInterruptedException.checkInterrupted("the nonnegative projection onto the basis");
      System.arraycopy(cross.data(), j * n, crossRow, 0, n);
      if (missing.isEmpty() || missing.countInColumn(j) == 0) {
        solve(crossRow, gram, coefficients);
      } else {
        missing.observedGram(j, false, basis, gram, observedGram);
        solve(crossRow, observedGram, coefficients);
      }
      for (int r = 0; r < n; r++) {
        x.set(r, j, coefficients[r]);
      }
    }
    return x;
  }

  /** Coefficients of one vector y (length m); NaN entries are missing and left out of the fit. */
  public double[] project(double[] y) {
    requireRows(y.length);
    double largest = 0.0;
    for (double v : y) {
      if (v > largest) { // NaN (missing) entries compare false
        largest = v;
      }
    }
    if (largest > OverflowSafe.SAFE_MAX && Double.isFinite(largest)) {
      double scale = OverflowSafe.powerOfTwoScale(largest); // as in project(DataMatrix)
      double[] scaled = y.clone();
      for (int i = 0; i < scaled.length; i++) {
        scaled[i] *= scale;
      }
      double[] x = project(scaled);
      for (int r = 0; r < x.length; r++) {
        x[r] /= scale;
      }
      return x;
    }
    int n = rank();
    double[] cross = new double[n];
    double[] bd = basis.data();
    int[] missingRows = new int[y.length];
    int missingCount = 0;
    for (int i = 0; i < y.length; i++) {
      double yi = y[i];
      if (Double.isNaN(yi)) {
        missingRows[missingCount++] = i;
        continue;
      }
      if (yi == 0.0) {
        continue;
      }
      int base = i * n;
      for (int r = 0; r < n; r++) {
        cross[r] += yi * bd[base + r];
      }
    }
    double[] x = new double[n];
    if (missingCount == 0) {
      solve(cross, gram, x);
    } else {
      DenseMatrix observedGram = new DenseMatrix(n, n);
      MissingEntries.ofColumns(y.length, 1, new int[] {0, missingCount},
          java.util.Arrays.copyOf(missingRows, missingCount)).observedGram(0, false, basis, gram, observedGram);
      solve(cross, observedGram, x);
    }
    return x;
  }

  /** Coordinate descent for min ½ xᵀGx − cᵀx, x ≥ 0, starting from the unconstrained-clipped guess 0. */
  private static void solve(double[] cross, DenseMatrix gram, double[] x) {
    int n = cross.length;
    double[] g = gram.data();
    java.util.Arrays.fill(x, 0.0);
    double scale = 0.0;
    for (int r = 0; r < n; r++) {
      if (g[r * n + r] > 0.0) {
        scale = Math.max(scale, Math.abs(cross[r]) / g[r * n + r]);
      }
    }
    if (scale == 0.0) {
      return;
    }
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      double largestStep = 0.0;
      for (int r = 0; r < n; r++) {
        double diagonal = g[r * n + r];
        if (diagonal <= 0.0) {
          continue;
        }
        double gradient = -cross[r];
        int base = r * n;
        for (int c = 0; c < n; c++) {
          gradient += g[base + c] * x[c];
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

  private void requireRows(int rows) {
    if (rows != dimension()) {
      throw new IllegalArgumentException(
          "cannot project a vector of length " + rows + " onto a basis of dimension " + dimension());
    }
  }
}
