package adversarialnmf.solver;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shared solver of the NMF variants whose loss is a sum over instances of a function of the
 * column residual r_j = ‖y_j − A x_j‖₂: min Σ_j ρ(r_j) over A, X ≥ 0 (Frobenius: ρ(r) = r²;
 * L2,1: ρ(r) = r; capped: ρ(r) = min(r, θ)). All are solved by the reweighted multiplicative
 * updates of Kong, Ding &amp; Huang (2011), one iteration being
 * <ol>
 *   <li>weights w_j ∝ ρ'(r_j) / r_j at the current iterate (1 for Frobenius, 1/r_j for L2,1,
 *       0 for a capped column; a common factor cancels), W = diag(w);</li>
 *   <li>A ← A ∘ (Y W Xᵀ) / (A X W Xᵀ);</li>
 *   <li>X ← X ∘ (AᵀY) / (AᵀA X) (Lee-Seung), or, with orthogonal coefficients (Ding et al. 2006),
 *       X ← X ∘ sqrt((AᵀY) / (AᵀY Xᵀ X)). The weight of instance j scales both numerator and
 *       denominator of column j, so it cancels here.</li>
 * </ol>
 * Residual norms come from the Gram route ({@link Residuals#columnSquaredResiduals}), never from
 * A X, so Y is touched only by Y (W Xᵀ) and Yᵀ A: O(nnz·n + (m + N) n²) per iteration, and a
 * sparse Y stays sparse.
 */
public abstract class ColumnLossNmf extends IterativeSolver {

  /** Name of the trace of ‖X Xᵀ − I‖_F, recorded when the coefficients are orthogonal. */
  public static final String ORTHOGONALITY_TRACE = "orthogonality residual";

  /** Residual norms below this fraction of the root-mean-square column norm of Y count as this. */
  static final double RELATIVE_RESIDUAL_FLOOR = 1e-10;

  private final boolean orthogonalCoefficients;

  ColumnLossNmf(StoppingRule stopping, boolean orthogonalCoefficients) {
    super(stopping);
    this.orthogonalCoefficients = orthogonalCoefficients;
  }

  /** True if X is updated by the orthogonal (Ding et al.) rule, which aims at X Xᵀ = I. */
  public boolean orthogonalCoefficients() {
    return orthogonalCoefficients;
  }

  /**
   * The loss of one fit, fixed from the residuals of the start (e.g. a data-driven cap). Holds no
   * state between evaluations, so column blocks can evaluate it each on their own instances.
   */
  interface ColumnLoss extends java.io.Serializable {
    /**
     * Σ_j ρ(r_j) from the squared residuals r_j² of any set of instances; writes the reweighting
     * w_j ≥ 0 of each (any common positive scale).
     */
    double evaluate(double[] squaredResiduals, double[] weights);

    /**
     * Extra per-fit traces, recorded after every evaluation (may be none), given how many
     * instances got weight 0.
     */
    default void recordTraces(TraceRecorder recorder, int zeroWeightInstances) {
    }
  }

  /** Receives named values once per evaluation of the loss. */
  interface TraceRecorder {
    void record(String name, double value);
  }

  /**
   * Creates the loss for one fit.
   *
   * @param startSquaredResiduals r_j² at the start (read only)
   * @param residualFloor a residual norm negligible at the scale of Y; guards 1/r_j
   */
  abstract ColumnLoss loss(double[] startSquaredResiduals, double residualFloor);

  @Override
  protected String divergenceHint() {
    return "the data probably hold values too large for double precision; use the scaling option";
  }

  @Override
  protected Run start(DataMatrix y, Factors start) {
    return new ReweightedRun(y, start);
  }

  @Override
  protected BlockIteration startBlocks(ColumnBlocks blocks, DenseMatrix startBasis) {
    return new ColumnLossBlockIteration(this, stopping.maxIterations(), blocks, startBasis);
  }

  @Override
  public boolean hasBlockForm() {
    return true;
  }

  private final class ReweightedRun extends Run {
    private final DataMatrix y;
    private final double[] columnNorms2;
    private final DenseMatrix a;
    private final DenseMatrix x;
    private final DenseMatrix ytA;
    private final DenseMatrix gramA;
    private final DenseMatrix gramAX;
    private final DenseMatrix weightedX;
    private final DenseMatrix weightedXt;
    private final DenseMatrix yWXt;
    private final DenseMatrix weightedGramX;
    private final DenseMatrix aWeightedGramX;
    private final DenseMatrix crossGram;
    private final DenseMatrix orthogonalDenominator;
    private final DenseMatrix gramX;
    private final double[] squaredResiduals;
    private final double[] weights;
    private final ColumnLoss loss;
    private final Map<String, double[]> traces = new LinkedHashMap<>();
    private int evaluations;
    private double objective;

    ReweightedRun(DataMatrix y, Factors start) {
      this.y = y;
      this.columnNorms2 = y.columnSquaredNorms();
      this.a = start.basis().copy();
      this.x = start.coefficients().copy();
      int m = a.rows();
      int n = a.cols();
      int count = x.cols();
      this.ytA = new DenseMatrix(count, n);
      this.gramA = new DenseMatrix(n, n);
      this.gramAX = new DenseMatrix(n, count);
      this.weightedX = new DenseMatrix(n, count);
      this.weightedXt = new DenseMatrix(count, n);
      this.yWXt = new DenseMatrix(m, n);
      this.weightedGramX = new DenseMatrix(n, n);
      this.aWeightedGramX = new DenseMatrix(m, n);
      this.crossGram = orthogonalCoefficients ? new DenseMatrix(n, n) : null;
      this.orthogonalDenominator = orthogonalCoefficients ? new DenseMatrix(n, count) : null;
      this.gramX = orthogonalCoefficients ? new DenseMatrix(n, n) : null;
      this.squaredResiduals = new double[count];
      this.weights = new double[count];
      if (orthogonalCoefficients) {
        normaliseCoefficientRows(a, x);
      }
      y.transposeTimes(a, ytA);
      MatrixOps.gramOfColumns(a, gramA);
      refreshResiduals();
      double rmsColumnNorm = Math.sqrt(y.squaredNorm() / Math.max(1, count));
      this.loss = loss(squaredResiduals, RELATIVE_RESIDUAL_FLOOR * rmsColumnNorm);
      evaluateLoss();
    }

    /**
     * Scales each row of X to unit norm and the matching column of A inversely: A X, hence the
     * start's fit, is unchanged, but X Xᵀ = I now holds on the diagonal, so the first orthogonal
     * X-update does not have to shrink X wholesale while A lags one half-step behind (which
     * otherwise inflates the residuals of the first iterations many times over).
     */
    private void normaliseCoefficientRows(DenseMatrix basis, DenseMatrix coefficients) {
      int n = coefficients.rows();
      int count = coefficients.cols();
      double[] xd = coefficients.data();
      double[] ad = basis.data();
      for (int r = 0; r < n; r++) {
        double norm2 = 0.0;
        for (int j = 0; j < count; j++) {
          norm2 += xd[r * count + j] * xd[r * count + j];
        }
        if (norm2 == 0.0) {
          continue;
        }
        double norm = Math.sqrt(norm2);
        for (int j = 0; j < count; j++) {
          xd[r * count + j] /= norm;
        }
        for (int i = r; i < ad.length; i += n) {
          ad[i] *= norm;
        }
      }
    }

    /** r_j² at the current A, X; needs Yᵀ A and AᵀA current. */
    private void refreshResiduals() {
      MatrixOps.multiply(gramA, x, gramAX);
      Residuals.columnSquaredResiduals(columnNorms2, ytA, x, gramAX, squaredResiduals);
    }

    private void evaluateLoss() {
      objective = loss.evaluate(squaredResiduals, weights);
      int zeroWeights = 0;
      for (double w : weights) {
        zeroWeights += w == 0.0 ? 1 : 0;
      }
      loss.recordTraces(this::record, zeroWeights);
      if (orthogonalCoefficients) {
        MatrixOps.gramOfRows(x, gramX);
        MatrixOps.addToDiagonal(gramX, -1.0);
        record(ORTHOGONALITY_TRACE, Math.sqrt(MatrixOps.squaredNorm(gramX)));
      }
      evaluations++;
    }

    private void record(String name, double value) {
      double[] trace = traces.computeIfAbsent(name, k -> new double[stopping.maxIterations() + 1]);
      trace[evaluations] = value;
    }

    @Override
    protected void iterate() {
      updateBasis();
      y.transposeTimes(a, ytA);
      MatrixOps.gramOfColumns(a, gramA);
      updateCoefficients();
      refreshResiduals();
      evaluateLoss();
    }

    /** A ← A ∘ (Y W Xᵀ) / (A X W Xᵀ); skipped when every instance is capped (weight 0). */
    private void updateBasis() {
      double largestWeight = 0.0;
      for (double w : weights) {
        largestWeight = Math.max(largestWeight, w);
      }
      if (largestWeight == 0.0) {
        return; // the loss is flat in A: every instance sits at its cap
      }
      int count = x.cols();
      double[] xd = x.data();
      double[] wxd = weightedX.data();
      for (int base = 0; base < xd.length; base += count) {
        for (int j = 0; j < count; j++) {
          // weights normalised to at most 1 so that the denominator floor keeps its meaning
          wxd[base + j] = xd[base + j] * (weights[j] / largestWeight);
        }
      }
      MatrixOps.transpose(weightedX, weightedXt);
      y.times(weightedXt, yWXt);
      MatrixOps.multiplyTransposeB(weightedX, x, weightedGramX);
      MatrixOps.multiply(a, weightedGramX, aWeightedGramX);
      double[] ad = a.data();
      double[] num = yWXt.data();
      double[] den = aWeightedGramX.data();
      for (int i = 0; i < ad.length; i++) {
        ad[i] *= num[i] / Math.max(den[i], MultiplicativeUpdateNmf.DENOMINATOR_FLOOR);
      }
    }

    /** Lee-Seung or orthogonal X-update; needs Yᵀ A and AᵀA of the new A. */
    private void updateCoefficients() {
      int n = x.rows();
      int count = x.cols();
      double[] xd = x.data();
      double[] num = ytA.data();
      if (orthogonalCoefficients) {
        // (AᵀY Xᵀ)ᵀ = X (YᵀA), an n x n matrix; the denominator AᵀY Xᵀ X is its transpose times X
        MatrixOps.multiply(x, ytA, crossGram);
        MatrixOps.multiplyTransposeA(crossGram, x, orthogonalDenominator);
        double[] den = orthogonalDenominator.data();
        for (int r = 0; r < n; r++) {
          for (int j = 0; j < count; j++) {
            int idx = r * count + j;
            xd[idx] *= Math.sqrt(num[j * n + r]
                / Math.max(den[idx], MultiplicativeUpdateNmf.DENOMINATOR_FLOOR));
          }
        }
      } else {
        MatrixOps.multiply(gramA, x, gramAX);
        double[] den = gramAX.data();
        for (int r = 0; r < n; r++) {
          for (int j = 0; j < count; j++) {
            int idx = r * count + j;
            xd[idx] *= num[j * n + r] / Math.max(den[idx], MultiplicativeUpdateNmf.DENOMINATOR_FLOOR);
          }
        }
      }
    }

    @Override
    protected double objective() {
      return objective;
    }

    @Override
    protected boolean isFinite() {
      return a.isFinite() && x.isFinite();
    }

    @Override
    protected void finish(Factorization.Builder result, int iterations) {
      result.factors(a, x);
      traces.forEach((name, trace) -> result.trace(name, Arrays.copyOf(trace, iterations + 1)));
    }
  }
}
