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
 *   <li>X by the method's {@link CoefficientRule}: Lee-Seung, X ← X ∘ (AᵀY) / (AᵀA X)
 *       ({@link #LEE_SEUNG}), or the orthogonal rule of {@link OrthogonalNmf}. The weight of
 *       instance j scales both numerator and denominator of column j, so it cancels here.</li>
 * </ol>
 * Both Lee-Seung half-updates are {@link MultiplicativeUpdate#frobeniusStep} (X held transposed).
 * With missing entries, r_j and the updates count only the observed entries of y_j
 * ({@link MaskedModel}, docs/MISSING.md).
 * Residual norms come from the Gram route ({@link Residuals#columnSquaredResiduals}), never from
 * A X, so Y is touched only by Y (W Xᵀ) and Yᵀ A: O(nnz·n + (m + N) n²) per iteration, and a
 * sparse Y stays sparse.
 */
public abstract class ColumnLossNmf extends IterativeSolver {

  /** Residual norms below this fraction of the root-mean-square column norm of Y count as this. */
  static final double RELATIVE_RESIDUAL_FLOOR = 1e-10;

  /** Lee &amp; Seung's X-update, Xᵀ ← Xᵀ ∘ (YᵀA) / (Xᵀ AᵀA). */
  static final CoefficientRule.Factory LEE_SEUNG = (count, rank) -> {
    DenseMatrix product = new DenseMatrix(count, rank);
    return (xt, ytA, gramA, correction) -> MultiplicativeUpdate.frobeniusStep(xt, gramA, ytA, product, correction);
  };

  ColumnLossNmf(StoppingRule stopping) {
    super(stopping);
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
   * The X-update of one fit, on Xᵀ (N x n) given Yᵀ A and AᵀA of the new A; the instance weights
   * cancel in it, so it is the same for every column loss.
   */
  interface CoefficientRule {

    /** Creates the rule, with its workspaces, for N = {@code count} instances and rank n. */
    interface Factory {
      CoefficientRule create(int count, int rank);

      /** True for a rule that keeps X orthogonal (its out-of-sample rule is then its fixed point). */
      default boolean orthogonal() {
        return false;
      }
    }

    /**
     * One X-update; {@code correction} takes the model at the missing entries out of Xᵀ AᵀA (a
     * rule that has no masked form is never given missing entries).
     */
    void update(DenseMatrix xt, DenseMatrix ytA, DenseMatrix gramA,
        MultiplicativeUpdate.DenominatorCorrection correction);

    /** Called once on copies of the start before anything is computed; may rescale A and Xᵀ. */
    default void prepare(DenseMatrix a, DenseMatrix xt) {
    }

    /** Extra traces of the coefficients, recorded after every evaluation (may be none). */
    default void recordTraces(DenseMatrix xt, TraceRecorder recorder) {
    }
  }

  /**
   * Creates the loss for one fit.
   *
   * @param startSquaredResiduals r_j² at the start (read only)
   * @param residualFloor a residual norm negligible at the scale of Y; guards 1/r_j
   */
  abstract ColumnLoss loss(double[] startSquaredResiduals, double residualFloor);

  /** The method's X-update. */
  abstract CoefficientRule.Factory coefficientRule();

  /** The orthogonal X rule's fixed point when X is orthogonal, else NNLS (docs/ALGORITHM.md §7). */
  @Override
  protected Factorization complete(DataMatrix y, Factors start, Factorization fit) {
    return coefficientRule().orthogonal()
        ? fit.completed(OrthogonalOutOfSampleRule.of(y, fit.basis(), fit.coefficients()),
            java.util.Collections.emptyMap())
        : super.complete(y, start, fit);
  }

  /** {@link #complete} on column blocks: the orthogonal rule needs only Y Xᵀ, a sum over blocks. */
  @Override
  protected Factorization completeBlocks(ColumnBlocks blocks, Factors start, Factorization fit) {
    if (!coefficientRule().orthogonal()) {
      return super.completeBlocks(blocks, start, fit);
    }
    DenseMatrix yXt = blocks.aggregate((y, state) -> BlockProducts.productsOfX(y, state.xt())).matrix(0);
    return fit.completed(OrthogonalOutOfSampleRule.ofProducts(fit.basis(), yXt), java.util.Collections.emptyMap());
  }

  /** Masked by the Lee-Seung rule; a method with another X rule overrides this. */
  @Override
  public boolean fitsMissingEntries() {
    return true;
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
    /** X transposed (N x n): the layout of Yᵀ A, so that both factors share one kernel. */
    private final DenseMatrix xt;
    private final DenseMatrix ytA;
    private final DenseMatrix gramA;
    private final DenseMatrix xtGramA;
    private final DenseMatrix weightedXt;
    private final DenseMatrix yWXt;
    private final DenseMatrix weightedGramX;
    private final DenseMatrix aWeightedGramX;
    private final CoefficientRule coefficientRule;
    private final double[] squaredResiduals;
    private final double[] weights;
    /** The model at the missing entries, current for (A, X) between iterations; null if none. */
    private final MaskedModel masked;
    private final MultiplicativeUpdate.DenominatorCorrection coefficientCorrection;
    private final double[] scratch;
    private final ColumnLoss loss;
    private final Map<String, double[]> traces = new LinkedHashMap<>();
    private int evaluations;
    private double objective;

    ReweightedRun(DataMatrix y, Factors start) {
      this.y = y;
      this.columnNorms2 = y.columnSquaredNorms();
      this.a = start.basis().copy();
      this.xt = start.coefficients().transpose();
      int m = a.rows();
      int n = a.cols();
      int count = xt.rows();
      this.ytA = new DenseMatrix(count, n);
      this.gramA = new DenseMatrix(n, n);
      this.xtGramA = new DenseMatrix(count, n);
      this.weightedXt = new DenseMatrix(count, n);
      this.yWXt = new DenseMatrix(m, n);
      this.weightedGramX = new DenseMatrix(n, n);
      this.aWeightedGramX = new DenseMatrix(m, n);
      this.coefficientRule = coefficientRule().create(count, n);
      this.squaredResiduals = new double[count];
      this.weights = new double[count];
      this.masked = MaskedModel.of(y);
      this.coefficientCorrection = masked == null ? MultiplicativeUpdate.NO_CORRECTION
          : product -> masked.maskCoefficientProduct(a, product);
      this.scratch = masked == null ? null : new double[count];
      coefficientRule.prepare(a, xt);
      y.transposeTimes(a, ytA);
      MatrixOps.gramOfColumns(a, gramA);
      refreshResiduals();
      double rmsColumnNorm = Math.sqrt(y.squaredNorm() / Math.max(1, count));
      this.loss = loss(squaredResiduals, RELATIVE_RESIDUAL_FLOOR * rmsColumnNorm);
      evaluateLoss();
    }

    /** r_j² (observed entries only) at the current A, X; needs Yᵀ A and AᵀA current. */
    private void refreshResiduals() {
      MatrixOps.multiply(xt, gramA, xtGramA);
      Residuals.columnSquaredResiduals(columnNorms2, ytA, xt, xtGramA, squaredResiduals);
      if (masked != null) {
        masked.evaluate(a, xt);
        masked.maskColumnResiduals(squaredResiduals, scratch);
      }
    }

    private void evaluateLoss() {
      objective = loss.evaluate(squaredResiduals, weights);
      int zeroWeights = 0;
      for (double w : weights) {
        zeroWeights += w == 0.0 ? 1 : 0;
      }
      loss.recordTraces(this::record, zeroWeights);
      coefficientRule.recordTraces(xt, this::record);
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
      if (masked != null) {
        masked.evaluate(a, xt);
      }
      coefficientRule.update(xt, ytA, gramA, coefficientCorrection);
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
      int n = xt.cols();
      double[] xd = xt.data();
      double[] wxd = weightedXt.data();
      for (int j = 0; j < weights.length; j++) {
        // weights normalised to at most 1 so that the denominator floor keeps its meaning
        double w = weights[j] / largestWeight;
        for (int r = j * n; r < (j + 1) * n; r++) {
          wxd[r] = xd[r] * w;
        }
      }
      y.times(weightedXt, yWXt);
      MatrixOps.multiplyTransposeA(weightedXt, xt, weightedGramX);
      if (masked == null) {
        MultiplicativeUpdate.frobeniusStep(a, weightedGramX, yWXt, aWeightedGramX);
      } else { // the model at the missing entries is current for (A, X)
        MultiplicativeUpdate.frobeniusStep(a, weightedGramX, yWXt, aWeightedGramX,
            product -> masked.maskBasisProduct(weightedXt, product));
      }
    }

    @Override
    protected double objective() {
      return objective;
    }

    @Override
    protected boolean isFinite() {
      return a.isFinite() && xt.isFinite();
    }

    @Override
    protected void finish(Factorization.Builder result, int iterations) {
      result.factors(a, xt.transpose());
      traces.forEach((name, trace) -> result.trace(name, Arrays.copyOf(trace, iterations + 1)));
    }
  }
}
