package adversarialnmf.solver;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;
import adversarialnmf.linalg.MissingEntries;
import adversarialnmf.linalg.Parallelism;

/**
 * Standard NMF (1), min ‖Y − AX‖²_F over A, X ≥ 0, by hierarchical alternating least squares
 * (HALS, Cichocki &amp; Phan 2009), i.e. exact cyclic coordinate descent (Hsieh &amp; Dhillon 2011).
 *
 * <p>Both half-updates are one kernel, {@link #sweep}: for a factor W (rows x n) that should fit
 * a target T ≈ W Hᵀ, it needs only the Gram matrix HᵀH and the cross product T H. The X-update is
 * the kernel on Xᵀ (N x n) with (AᵀA, YᵀA); the A-update is the kernel on A with (X Xᵀ, Y Xᵀ).
 * Every coordinate step minimises the objective exactly in that coordinate, so the objective
 * cannot increase. Y is touched only through Yᵀ A and Y Xᵀ (a sparse Y stays sparse):
 * O(nnz·n + (m + N) n²) per iteration. With missing entries each row of A and of Xᵀ is swept with
 * the Gram matrix of its observed entries only ({@link #maskedSweep}), O(n²) more per missing
 * entry, and the objective counts only the observed entries.
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
  public boolean fitsMissingEntries() {
    return true;
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
    // rows are independent given G: split among the fit's threads, each row swept by one task
    Parallelism.current().forRanges(rows, (long) n * n, (from, to) -> {
      int i = from;
      for (; i + 3 < to; i += 4) {
        sweepFourRows(wd, c, i * n, n, g);
      }
      for (; i < to; i++) {
        sweepRow(wd, c, i * n, n, g);
      }
    });
  }

  /**
   * {@link #sweep} for a masked fit, where each row i of W has its own Hessian
   * weight·G_i + added, G_i the Gram matrix over the entries of row i that are observed
   * (docs/MISSING.md): O(n²) per missing entry on top. HALS uses weight 1 and nothing added; the
   * scalable ANMF solver its blocks' weights and regularisers.
   *
   * @param basis true if W is A (rows are attributes, H = Xᵀ), false if W is Xᵀ (H = A)
   * @param other H, the other factor
   * @param gram HᵀH over every entry
   * @param added an n x n matrix added to every row's Hessian, or null
   * @param fullHessian weight·HᵀH + added, the Hessian of a row with nothing missing
   * @param rowHessian n x n scratch
   */
  public static void maskedSweep(DenseMatrix w, DenseMatrix cross, MissingEntries missing, boolean basis,
      DenseMatrix other, DenseMatrix gram, double weight, DenseMatrix added, DenseMatrix fullHessian,
      DenseMatrix rowHessian) {
    int rows = w.rows();
    int n = w.cols();
    double[] wd = w.data();
    double[] c = cross.data();
    for (int i = 0; i < rows; i++) {
      boolean complete = (basis ? missing.countInRow(i) : missing.countInColumn(i)) == 0;
      if (!complete) {
        missing.observedGram(i, basis, other, gram, rowHessian);
        if (weight != 1.0) {
          MatrixOps.scale(rowHessian, weight);
        }
        if (added != null) {
          MatrixOps.addScaled(rowHessian, 1.0, added);
        }
      }
      sweepRow(wd, c, i * n, n, complete ? fullHessian.data() : rowHessian.data());
    }
  }

  /** One cyclic pass over the n coordinates of the row of W at {@code base}. */
  private static void sweepRow(double[] wd, double[] c, int base, int n, double[] g) {
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

  /**
   * {@link #sweepRow} on the four rows from {@code base} at once, bit for bit the same: a row's
   * coordinate steps form one chain of dependent sums and divisions, and four independent chains
   * keep the processor's pipelines full (about twice as fast at ranks 10 to 40, docs/BENCHMARKS.md).
   */
  private static void sweepFourRows(double[] wd, double[] c, int base, int n, double[] g) {
    int b0 = base;
    int b1 = base + n;
    int b2 = base + 2 * n;
    int b3 = base + 3 * n;
    for (int t = 0; t < n; t++) {
      double curvature = g[t * n + t];
      if (curvature <= 0.0) {
        continue;
      }
      int gBase = t * n;
      double gradient0 = -c[b0 + t];
      double gradient1 = -c[b1 + t];
      double gradient2 = -c[b2 + t];
      double gradient3 = -c[b3 + t];
      for (int r = 0; r < n; r++) {
        double gtr = g[gBase + r];
        gradient0 += gtr * wd[b0 + r];
        gradient1 += gtr * wd[b1 + r];
        gradient2 += gtr * wd[b2 + r];
        gradient3 += gtr * wd[b3 + r];
      }
      double updated0 = wd[b0 + t] - gradient0 / curvature;
      double updated1 = wd[b1 + t] - gradient1 / curvature;
      double updated2 = wd[b2 + t] - gradient2 / curvature;
      double updated3 = wd[b3 + t] - gradient3 / curvature;
      wd[b0 + t] = updated0 > 0.0 ? updated0 : 0.0;
      wd[b1 + t] = updated1 > 0.0 ? updated1 : 0.0;
      wd[b2 + t] = updated2 > 0.0 ? updated2 : 0.0;
      wd[b3 + t] = updated3 > 0.0 ? updated3 : 0.0;
    }
  }

  /**
   * Divides each column of A by its norm, keeping AᵀA consistent, and returns the norms, by which
   * the rows of X are to be multiplied (0: the column is zero and left alone).
   */
  static double[] normaliseBasisColumns(DenseMatrix a, DenseMatrix gramA) {
    int n = a.cols();
    double[] g = gramA.data();
    double[] ad = a.data();
    double[] norms = new double[n];
    for (int r = 0; r < n; r++) {
      double norm = Math.sqrt(g[r * n + r]);
      if (norm == 0.0) {
        continue;
      }
      norms[r] = norm;
      for (int i = r; i < ad.length; i += n) {
        ad[i] /= norm;
      }
      for (int c = 0; c < n; c++) {
        g[r * n + c] /= norm;
        g[c * n + r] /= norm;
      }
    }
    return norms;
  }

  /**
   * {@link #normaliseBasisColumns(DenseMatrix, DenseMatrix)} with the columns of Xᵀ (N x n)
   * multiplied by the norms, so that A X is unchanged.
   */
  static void normaliseBasisColumns(DenseMatrix a, DenseMatrix gramA, DenseMatrix xt) {
    double[] norms = normaliseBasisColumns(a, gramA);
    int n = norms.length;
    double[] xd = xt.data();
    for (int r = 0; r < n; r++) {
      if (norms[r] == 0.0) {
        continue;
      }
      for (int j = r; j < xd.length; j += n) {
        xd[j] *= norms[r];
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
    /** The model at the missing entries (for the objective); null if none. */
    private final MaskedModel masked;
    private final DenseMatrix rowGram;

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
      this.masked = MaskedModel.of(y);
      this.rowGram = masked == null ? null : new DenseMatrix(n, n);
      y.times(xt, yXt);
      MatrixOps.gramOfColumns(xt, gramX);
      MatrixOps.gramOfColumns(a, gramA);
      evaluateMaskedModel();
    }

    private void evaluateMaskedModel() {
      if (masked != null) {
        masked.evaluate(a, xt);
      }
    }

    /**
     * Rescales A to unit-norm columns and X's rows inversely (A X unchanged, and AᵀA kept
     * consistent). Coordinate descent is equivariant under this scaling, so the objective trace
     * is the same; it fixes the representation, so that the argmax of a column of X compares
     * contributions of unit basis vectors (Cichocki &amp; Phan normalise HALS the same way).
     */
    private void normaliseBasisColumns() {
      HalsNmf.normaliseBasisColumns(a, gramA, xt);
    }

    @Override
    protected void iterate() {
      normaliseBasisColumns();
      // Yᵀ ≈ Xᵀ Aᵀ: the kernel on Xᵀ with (AᵀA, YᵀA)
      y.transposeTimes(a, ytA);
      if (masked == null) {
        sweep(xt, gramA, ytA);
      } else {
        maskedSweep(xt, ytA, masked.missing(), false, a, gramA, 1.0, null, gramA, rowGram);
      }
      // Y ≈ A X: the kernel on A with (X Xᵀ, Y Xᵀ)
      MatrixOps.gramOfColumns(xt, gramX);
      y.times(xt, yXt);
      if (masked == null) {
        sweep(a, gramX, yXt);
      } else {
        maskedSweep(a, yXt, masked.missing(), true, xt, gramX, 1.0, null, gramX, rowGram);
      }
      MatrixOps.gramOfColumns(a, gramA);
      evaluateMaskedModel();
    }

    @Override
    protected double objective() {
      double unmasked = Residuals.squaredResidual(yNorm2, yXt, a, gramA, gramX);
      return masked == null ? unmasked : Math.max(0.0, unmasked - masked.squares());
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
