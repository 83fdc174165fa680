package adversarialnmf.solver;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;
import adversarialnmf.linalg.MissingEntries;
import adversarialnmf.linalg.OverflowSafe;

/**
 * The out-of-sample rule of every Frobenius-loss method (and, applied to Ã, a projection onto ANMF's
 * adversarial basis): nonnegative least squares onto a fixed basis B, x = argmin_{x ≥ 0} ‖y − B x‖².
 * Precomputes BᵀB once; each column is one exact {@link NonnegativeQuadratic} solve of the n x n Gram
 * system (the KKT conditions of the NNLS hold to rounding). For L2,1 and capped NMF, whose per-column
 * losses ‖y − Bx‖ and min(‖y − Bx‖, θ) are increasing functions of ‖y − Bx‖², this is also the
 * minimiser (docs/ALGORITHM.md §7). A column with missing entries is fitted on its observed entries
 * only, min ‖M ∘ (y − B x)‖², with the Gram matrix of the observed rows of B (the same mask as a
 * masked fit).
 */
public final class NonnegativeProjection implements OutOfSampleRule {

  private static final long serialVersionUID = -3617395218771904731L;

  private final DenseMatrix basis;
  private final DenseMatrix gram;
  private final String description;

  public NonnegativeProjection(DenseMatrix basis) {
    this(basis, "nonnegative least squares onto A");
  }

  /** NNLS onto {@code basis}, described as {@code description} in the models' output. */
  public NonnegativeProjection(DenseMatrix basis, String description) {
    this.basis = basis.copy();
    this.gram = MatrixOps.gramOfColumns(basis);
    this.description = description;
  }

  @Override
  public int rank() {
    return basis.cols();
  }

  @Override
  public int dimension() {
    return basis.rows();
  }

  @Override
  public String describe() {
    return description;
  }

  /** The basis B the columns are projected onto (m x n), copy. */
  public DenseMatrix basis() {
    return basis.copy();
  }

  /** Coefficients (n x N) of every column of y; missing entries of y are left out of its fit. */
  @Override
  public DenseMatrix coefficients(DataMatrix y) {
    requireDimension(y.rows());
    double largest = y.max();
    if (largest > OverflowSafe.SAFE_MAX && Double.isFinite(largest)) {
      // x is positively homogeneous in y: solve for y 2^-k (exact), then scale back
      double scale = OverflowSafe.powerOfTwoScale(largest);
      DenseMatrix x = coefficients(y.scaled(scale));
      MatrixOps.scale(x, 1.0 / scale);
      return x;
    }
    DenseMatrix cross = y.transposeTimes(basis); // N x n: row j is (Bᵀ y_j)ᵀ, 0 at missing entries
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
        NonnegativeQuadratic.solve(gram.data(), crossRow, coefficients);
      } else {
        missing.observedGram(j, false, basis, gram, observedGram);
        NonnegativeQuadratic.solve(observedGram.data(), crossRow, coefficients);
      }
      for (int r = 0; r < n; r++) {
        x.set(r, j, coefficients[r]);
      }
    }
    return x;
  }

  /** Coefficients of one vector y (length m); NaN entries are missing and left out of the fit. */
  @Override
  public double[] coefficients(double[] y) {
    requireDimension(y.length);
    double largest = 0.0;
    for (double v : y) {
      if (v > largest) { // NaN (missing) entries compare false
        largest = v;
      }
    }
    if (largest > OverflowSafe.SAFE_MAX && Double.isFinite(largest)) {
      double scale = OverflowSafe.powerOfTwoScale(largest); // as in coefficients(DataMatrix)
      double[] scaled = y.clone();
      for (int i = 0; i < scaled.length; i++) {
        scaled[i] *= scale;
      }
      double[] x = coefficients(scaled);
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
      NonnegativeQuadratic.solve(gram.data(), cross, x);
    } else {
      DenseMatrix observedGram = new DenseMatrix(n, n);
      MissingEntries.ofColumns(y.length, 1, new int[] {0, missingCount},
          java.util.Arrays.copyOf(missingRows, missingCount)).observedGram(0, false, basis, gram, observedGram);
      NonnegativeQuadratic.solve(observedGram.data(), cross, x);
    }
    return x;
  }
}
