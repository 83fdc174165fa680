package adversarialnmf.solver;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;

/**
 * Standard NMF (1), min ‖Y − AX‖²_F over A, X ≥ 0, by hierarchical alternating least squares
 * (HALS, Cichocki &amp; Phan 2009), i.e. exact cyclic coordinate descent (Hsieh &amp; Dhillon 2011).
 *
 * <p>Both half-updates are one kernel, {@link #sweep}: for a factor W (rows x n) that should fit
 * a target T ≈ W Hᵀ, it needs only the Gram matrix HᵀH and the cross product T H. The X-update is
 * the kernel on Xᵀ (N x n) with (AᵀA, YᵀA); the A-update is the kernel on A with (X Xᵀ, Y Xᵀ).
 * Every coordinate step minimises the objective exactly in that coordinate, so the objective
 * cannot increase. Y is touched only through Yᵀ A and Y Xᵀ (a sparse Y stays sparse):
 * O(nnz·n + (m + N) n²) per iteration.
 */
public final class HalsNmf extends IterativeSolver {

  public HalsNmf(StoppingRule stopping) {
    super(stopping);
  }

  @Override
  public String describe() {
    return "NMF (Frobenius, HALS coordinate descent)";
  }

  @Override
  protected Run start(DataMatrix y, Factors start) {
    return new HalsRun(y, start);
  }

  @Override
  protected BlockIteration startBlocks(ColumnBlocks blocks, DenseMatrix startBasis) {
    return new HalsBlockIteration(blocks, startBasis);
  }

  @Override
  public boolean hasBlockForm() {
    return true;
  }

  /**
   * One cyclic sweep of exact coordinate minimisation of ½ tr(W G Wᵀ) − ⟨W, C⟩ over W ≥ 0 for a
   * symmetric positive semidefinite G = gram (n x n) and C = cross (rows x n); for NMF this is
   * ½‖T − W Hᵀ‖² with G = HᵀH and C = T H. Rows of W are independent given G, so sweeping row by
   * row equals scikit-learn's component-by-component order exactly, with sequential reads. The
   * scalable ANMF solver uses it for its A and Ã blocks.
   */
  public static void sweep(DenseMatrix w, DenseMatrix gram, DenseMatrix cross) {
    int rows = w.rows();
    int n = w.cols();
    double[] wd = w.data();
    double[] g = gram.data();
    double[] c = cross.data();
    for (int i = 0; i < rows; i++) {
      int base = i * n;
      for (int t = 0; t < n; t++) {
        double curvature = g[t * n + t];
        if (curvature <= 0.0) {
          continue; // component t is identically zero: the objective does not depend on W[i,t]
        }
        int gBase = t * n;
        double gradient = -c[base + t];
        for (int r = 0; r < n; r++) {
          gradient += g[gBase + r] * wd[base + r];
        }
        double updated = wd[base + t] - gradient / curvature;
        wd[base + t] = updated > 0.0 ? updated : 0.0;
      }
    }
  }

  private final class HalsRun extends Run {
    private final DataMatrix y;
    private final double yNorm2;
    private final DenseMatrix a;
    /** X is kept transposed (N x n) so that its update is the same kernel as A's. */
    private final DenseMatrix xt;
    private final DenseMatrix ytA;
    private final DenseMatrix gramA;
    private final DenseMatrix yXt;
    private final DenseMatrix gramX;

    HalsRun(DataMatrix y, Factors start) {
      this.y = y;
      this.yNorm2 = y.squaredNorm();
      this.a = start.basis().copy();
      this.xt = start.coefficients().transpose();
      int n = a.cols();
      this.ytA = new DenseMatrix(y.cols(), n);
      this.gramA = new DenseMatrix(n, n);
      this.yXt = new DenseMatrix(y.rows(), n);
      this.gramX = new DenseMatrix(n, n);
      y.times(xt, yXt);
      MatrixOps.gramOfColumns(xt, gramX);
      MatrixOps.gramOfColumns(a, gramA);
    }

    /**
     * Rescales A to unit-norm columns and X's rows inversely (A X unchanged, and AᵀA kept
     * consistent). Coordinate descent is equivariant under this scaling, so the objective trace
     * is the same; it fixes the representation, so that the argmax of a column of X compares
     * contributions of unit basis vectors (Cichocki &amp; Phan normalise HALS the same way).
     */
    private void normaliseBasisColumns() {
      int n = a.cols();
      double[] g = gramA.data();
      double[] ad = a.data();
      double[] xd = xt.data();
      for (int r = 0; r < n; r++) {
        double norm = Math.sqrt(g[r * n + r]);
        if (norm == 0.0) {
          continue;
        }
        for (int i = r; i < ad.length; i += n) {
          ad[i] /= norm;
        }
        for (int j = r; j < xd.length; j += n) {
          xd[j] *= norm;
        }
        for (int c = 0; c < n; c++) {
          g[r * n + c] /= norm;
          g[c * n + r] /= norm;
        }
      }
    }

    @Override
    protected void iterate() {
      normaliseBasisColumns();
      // Yᵀ ≈ Xᵀ Aᵀ: the kernel on Xᵀ with (AᵀA, YᵀA)
      y.transposeTimes(a, ytA);
      sweep(xt, gramA, ytA);
      // Y ≈ A X: the kernel on A with (X Xᵀ, Y Xᵀ)
      MatrixOps.gramOfColumns(xt, gramX);
      y.times(xt, yXt);
      sweep(a, gramX, yXt);
      MatrixOps.gramOfColumns(a, gramA);
    }

    @Override
    protected double objective() {
      return Residuals.squaredResidual(yNorm2, yXt, a, gramA, gramX);
    }

    @Override
    protected boolean isFinite() {
      return a.isFinite() && xt.isFinite();
    }

    @Override
    protected void finish(Factorization.Builder result, int iterations) {
      normaliseBasisColumns();
      result.factors(a, xt.transpose());
    }
  }
}
