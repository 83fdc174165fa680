package adversarialnmf.solver;

import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;

/**
 * The out-of-sample rule of KL NMF: x = argmin_{x ≥ 0} D(y‖Ax) = Σ_i [y_i log(y_i/(Ax)_i) − y_i + (Ax)_i],
 * the divergence the fit minimised, with A fixed. D is convex in x; it is minimised by
 * {@link NonnegativeNewton} with its Hessian Aᵀ diag(y/(Ax)²) A, from the positive start whose sum
 * matches (Σ(Ax) = Σy holds at any minimiser with x > 0). (Ax)_i is floored as in the fit.
 */
public final class KullbackLeiblerRule implements OutOfSampleRule {

  private static final long serialVersionUID = 4718093427795436209L;

  private final DenseMatrix basis;
  private final double[] columnSums;

  public KullbackLeiblerRule(DenseMatrix basis) {
    this.basis = basis.copy();
    int n = basis.cols();
    this.columnSums = new double[n];
    double[] a = basis.data();
    for (int i = 0; i < basis.rows(); i++) {
      for (int r = 0; r < n; r++) {
        columnSums[r] += a[i * n + r];
      }
    }
  }

  @Override
  public int dimension() {
    return basis.rows();
  }

  @Override
  public int rank() {
    return basis.cols();
  }

  @Override
  public String describe() {
    return "Kullback-Leibler divergence onto A (Newton)";
  }

  @Override
  public double[] coefficients(double[] y) {
    requireDimension(y.length);
    int n = rank();
    double[] x = new double[n];
    Divergence divergence = new Divergence(y);
    double total = 0.0;
    for (double v : y) {
      if (!Double.isNaN(v)) {
        total += v;
      }
    }
    double basisTotal = 0.0;
    for (double s : divergence.columnSums) {
      basisTotal += s;
    }
    if (total == 0.0 || basisTotal == 0.0) {
      return x; // D(0‖Ax) = Σ(Ax) is minimised by x = 0
    }
    java.util.Arrays.fill(x, total / basisTotal);
    NonnegativeNewton.minimise(divergence, x);
    return x;
  }

  /**
   * D(y‖Ax) up to the constant Σ y log y − y, with its derivatives; over the observed (non-NaN)
   * entries of y only.
   */
  private final class Divergence implements NonnegativeNewton.Objective {
    private final double[] y;
    private final double[] ax;
    /** Σ_i a_ir over the observed rows. */
    private final double[] columnSums;

    Divergence(double[] y) {
      this.y = y;
      this.ax = new double[y.length];
      double[] sums = KullbackLeiblerRule.this.columnSums;
      double[] a = basis.data();
      int n = sums.length;
      for (int i = 0; i < y.length; i++) {
        if (Double.isNaN(y[i])) {
          if (sums == KullbackLeiblerRule.this.columnSums) {
            sums = sums.clone();
          }
          for (int r = 0; r < n; r++) {
            sums[r] -= a[i * n + r];
          }
        }
      }
      this.columnSums = sums;
    }

    private void reconstruct(double[] x) {
      double[] product = MatrixOps.timesVector(basis, x);
      for (int i = 0; i < product.length; i++) {
        ax[i] = Math.max(product[i], MultiplicativeUpdate.DENOMINATOR_FLOOR);
      }
    }

    @Override
    public double value(double[] x) {
      reconstruct(x);
      double f = 0.0;
      for (int i = 0; i < y.length; i++) {
        if (Double.isNaN(y[i])) {
          continue;
        }
        f += ax[i];
        if (y[i] > 0.0) {
          f -= y[i] * Math.log(ax[i]);
        }
      }
      return f;
    }

    @Override
    public void derivatives(double[] x, double[] g, double[] h) {
      reconstruct(x);
      int n = x.length;
      System.arraycopy(columnSums, 0, g, 0, n);
      java.util.Arrays.fill(h, 0.0);
      double[] a = basis.data();
      for (int i = 0; i < y.length; i++) {
        if (!(y[i] > 0.0)) {
          continue; // 0 adds only to Σ(Ax); NaN is missing
        }
        double ratio = y[i] / ax[i];
        double weight = ratio / ax[i];
        int base = i * n;
        for (int r = 0; r < n; r++) {
          double ar = a[base + r];
          if (ar == 0.0) {
            continue;
          }
          g[r] -= ratio * ar;
          double war = weight * ar;
          for (int c = r; c < n; c++) {
            h[r * n + c] += war * a[base + c];
          }
        }
      }
      for (int r = 0; r < n; r++) {
        for (int c = 0; c < r; c++) {
          h[r * n + c] = h[c * n + r];
        }
      }
    }
  }
}
