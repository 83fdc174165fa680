package adversarialnmf.solver;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseData;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;
import adversarialnmf.linalg.MissingEntries;
import adversarialnmf.linalg.SparseData;
import java.util.Arrays;

/**
 * NMF under the generalised Kullback-Leibler divergence
 * D(Y‖AX) = Σ_ij [ y_ij log(y_ij / (AX)_ij) − y_ij + (AX)_ij ] (with 0 log 0 = 0), by the
 * multiplicative updates of Lee &amp; Seung (2001), each of which cannot increase D:
 * X_rj ← X_rj (Aᵀ Q)_rj / Σ_i A_ir and A_ir ← A_ir (Q Xᵀ)_ir / Σ_j X_rj, with Q = Y ./ (AX)
 * ({@link MultiplicativeUpdate#apply(DenseMatrix, DenseMatrix, double[])} on A and on Xᵀ).
 *
 * <p>Q is zero wherever Y is, so it is evaluated only at the stored entries of a sparse Y and
 * is accumulated straight into Qᵀ A or Q Xᵀ (O(nnz·n) per evaluation, two per iteration, Y never
 * densified and Q never stored); Σ_ij (AX)_ij is (column sums of A)·(row sums of X). A dense Y
 * needs the full product A X (O(m N n)). With missing entries D runs over the observed entries
 * only: Q is 0 there already (Y holds 0), and the sums of A and X in the denominators and in
 * Σ (AX)_ij leave out the missing entries (docs/MISSING.md).
 */
public final class KullbackLeiblerNmf extends IterativeSolver {

  public KullbackLeiblerNmf(StoppingRule stopping) {
    super(stopping);
  }

  @Override
  public String describe() {
    return "NMF (Kullback-Leibler divergence, multiplicative updates)";
  }

  @Override
  protected Factorization complete(DataMatrix y, Factors start, Factorization fit) {
    return fit.completed(new KullbackLeiblerRule(fit.basis()), java.util.Collections.emptyMap());
  }

  @Override
  public boolean fitsMissingEntries() {
    return true;
  }

  /** Dense Y needs one m x N workspace for A X and Y ./ (A X); sparse Y only its stored entries. */
  @Override
  protected long workspaceBytes(DataMatrix y, int rank) {
    long dataSized = y instanceof SparseData ? y.storedEntries() : (long) y.rows() * y.cols();
    return WorkingSet.doubles(dataSized) + super.workspaceBytes(y, rank);
  }

  @Override
  protected Run start(DataMatrix y, Factors start) {
    return new KlRun(y, start);
  }

  /**
   * Evaluates Q = Y ./ (A X) where Y is nonzero and the products the updates need, Qᵀ A (for X)
   * or Q Xᵀ (for A), together with the log part Σ_{y_ij > 0} y_ij log(y_ij / (AX)_ij).
   */
  private interface RatioKernel {
    /**
     * At the factors (A, Xᵀ): writes Qᵀ A (N x n) into {@code qtA} unless it is null, Q Xᵀ (m x n)
     * into {@code qXt} unless it is null, and returns the log part if {@code withLogPart} (else 0;
     * one logarithm per stored entry is a large share of a sparse pass).
     */
    double evaluate(DenseMatrix a, DenseMatrix xt, DenseMatrix qtA, DenseMatrix qXt, boolean withLogPart);
  }

  /**
   * Sparse Y: one pass over the stored entries; (AX)_ij is the dot product of row i of A and row j
   * of Xᵀ, and q_ij is accumulated into the requested product at once, so Q is never stored.
   */
  private static final class SparseRatio implements RatioKernel {
    private final SparseData y;

    SparseRatio(SparseData y) {
      this.y = y;
    }

    @Override
    public double evaluate(DenseMatrix a, DenseMatrix xt, DenseMatrix qtA, DenseMatrix qXt,
        boolean withLogPart) {
      int n = a.cols();
      int[] start = y.columnStarts();
      int[] row = y.rowIndices();
      double[] v = y.storedValues();
      double[] ad = a.data();
      double[] xd = xt.data();
      double[] qtAd = qtA == null ? null : qtA.data();
      double[] qXtd = qXt == null ? null : qXt.data();
      if (qtAd != null) {
        Arrays.fill(qtAd, 0.0);
      }
      if (qXtd != null) {
        Arrays.fill(qXtd, 0.0);
      }
      double logPart = 0.0;
      for (int j = 0; j < y.cols(); j++) {
        int xBase = j * n;
        for (int p = start[j]; p < start[j + 1]; p++) {
          double value = v[p];
          if (value == 0.0) {
            continue; // an explicitly stored zero: 0 log 0 = 0 and q = 0
          }
          int aBase = row[p] * n;
          double approx = 0.0;
          for (int r = 0; r < n; r++) {
            approx += ad[aBase + r] * xd[xBase + r];
          }
          approx = Math.max(approx, MultiplicativeUpdate.DENOMINATOR_FLOOR);
          double q = value / approx;
          if (withLogPart) {
            logPart += value * Math.log(q);
          }
          if (qtAd != null) {
            for (int r = 0; r < n; r++) {
              qtAd[xBase + r] += q * ad[aBase + r];
            }
          }
          if (qXtd != null) {
            for (int r = 0; r < n; r++) {
              qXtd[aBase + r] += q * xd[xBase + r];
            }
          }
        }
      }
      return logPart;
    }
  }

  /** Dense Y: one m x N workspace holds A X, then Q; the products are dense kernels. */
  private static final class DenseRatio implements RatioKernel {
    private final double[] y;
    private final DenseMatrix q;
    private final DenseMatrix x;

    DenseRatio(DenseData y, int rank) {
      this.y = y.matrix().data();
      this.q = new DenseMatrix(y.rows(), y.cols());
      this.x = new DenseMatrix(rank, y.cols());
    }

    @Override
    public double evaluate(DenseMatrix a, DenseMatrix xt, DenseMatrix qtA, DenseMatrix qXt,
        boolean withLogPart) {
      MatrixOps.transpose(xt, x);
      MatrixOps.multiply(a, x, q);
      double[] qd = q.data();
      double logPart = 0.0;
      for (int i = 0; i < qd.length; i++) {
        double value = y[i];
        if (value == 0.0) {
          qd[i] = 0.0;
          continue;
        }
        double ratio = value / Math.max(qd[i], MultiplicativeUpdate.DENOMINATOR_FLOOR);
        qd[i] = ratio;
        if (withLogPart) {
          logPart += value * Math.log(ratio);
        }
      }
      if (qtA != null) {
        MatrixOps.multiplyTransposeA(q, a, qtA);
      }
      if (qXt != null) {
        MatrixOps.multiply(q, xt, qXt);
      }
      return logPart;
    }
  }

  private final class KlRun extends Run {
    private final double ySum;
    private final DenseMatrix a;
    /** X transposed (N x n): rows of Xᵀ are the columns x_j the sparse kernel reads. */
    private final DenseMatrix xt;
    private final RatioKernel kernel;
    private final DenseMatrix qtA;
    private final DenseMatrix qXt;
    private final double[] basisColumnSums;
    private final double[] coefficientRowSums;
    /** The missing entries (null if none) and, for them, the masked denominators. */
    private final MissingEntries missing;
    private final double[] ones;
    private final double[] modelAtMissing;
    private final DenseMatrix coefficientDenominator;
    private final DenseMatrix basisDenominator;
    private double logPart;

    KlRun(DataMatrix y, Factors start) {
      this.ySum = y.sum();
      this.a = start.basis().copy();
      this.xt = start.coefficients().transpose();
      int n = a.cols();
      if (y instanceof SparseData) {
        this.kernel = new SparseRatio((SparseData) y);
      } else if (y instanceof DenseData) {
        this.kernel = new DenseRatio((DenseData) y, n);
      } else {
        throw new IllegalArgumentException("Kullback-Leibler NMF supports dense and sparse data, got "
            + y.getClass().getName());
      }
      this.qtA = new DenseMatrix(y.cols(), n);
      this.qXt = new DenseMatrix(y.rows(), n);
      this.basisColumnSums = new double[n];
      this.coefficientRowSums = new double[n];
      MissingEntries mask = y.missing();
      this.missing = mask.isEmpty() ? null : mask;
      this.ones = missing == null ? null : filled(missing.count(), 1.0);
      this.modelAtMissing = missing == null ? null : new double[missing.count()];
      this.coefficientDenominator = missing == null ? null : new DenseMatrix(y.cols(), n);
      this.basisDenominator = missing == null ? null : new DenseMatrix(y.rows(), n);
      this.logPart = kernel.evaluate(a, xt, qtA, null, true);
    }

    @Override
    protected void iterate() {
      // X ← X ∘ (AᵀQ) / (Aᵀ 1), on Xᵀ; Qᵀ A is current from the previous evaluation
      columnSums(a, basisColumnSums);
      if (missing == null) {
        MultiplicativeUpdate.apply(xt, qtA, basisColumnSums);
      } else { // Σ_i A_ir over the attributes observed in instance j
        fillRows(coefficientDenominator, basisColumnSums);
        missing.subtractTransposeProduct(ones, a, coefficientDenominator);
        MultiplicativeUpdate.apply(xt, qtA, coefficientDenominator);
      }
      // A ← A ∘ (Q Xᵀ) / (1 Xᵀ), Q at the new X
      kernel.evaluate(a, xt, null, qXt, false);
      columnSums(xt, coefficientRowSums);
      if (missing == null) {
        MultiplicativeUpdate.apply(a, qXt, coefficientRowSums);
      } else { // Σ_j X_rj over the instances observed in attribute i
        fillRows(basisDenominator, coefficientRowSums);
        missing.subtractProduct(ones, xt, basisDenominator);
        MultiplicativeUpdate.apply(a, qXt, basisDenominator);
      }
      // the objective at the new (A, X), and Qᵀ A for the next X-update
      logPart = kernel.evaluate(a, xt, qtA, null, true);
    }

    @Override
    protected double objective() {
      columnSums(a, basisColumnSums);
      columnSums(xt, coefficientRowSums);
      double approximationSum = 0.0;
      for (int r = 0; r < basisColumnSums.length; r++) {
        approximationSum += basisColumnSums[r] * coefficientRowSums[r];
      }
      if (missing != null) { // Σ (AX)_ij over the observed entries only
        missing.modelValues(a, xt, modelAtMissing);
        for (double v : modelAtMissing) {
          approximationSum -= v;
        }
      }
      return Math.max(0.0, logPart - ySum + approximationSum);
    }

    @Override
    protected boolean isFinite() {
      return a.isFinite() && xt.isFinite();
    }

    @Override
    protected void finish(Factorization.Builder result, int iterations) {
      result.factors(a, xt.transpose());
    }
  }

  private static double[] filled(int length, double value) {
    double[] out = new double[length];
    Arrays.fill(out, value);
    return out;
  }

  /** Every row of w = row. */
  private static void fillRows(DenseMatrix w, double[] row) {
    double[] wd = w.data();
    for (int i = 0; i < wd.length; i += row.length) {
      System.arraycopy(row, 0, wd, i, row.length);
    }
  }

  /** Sum of each column of w into out. */
  private static void columnSums(DenseMatrix w, double[] out) {
    int n = w.cols();
    double[] wd = w.data();
    Arrays.fill(out, 0.0);
    for (int i = 0; i < wd.length; i += n) {
      for (int r = 0; r < n; r++) {
        out[r] += wd[i + r];
      }
    }
  }
}
