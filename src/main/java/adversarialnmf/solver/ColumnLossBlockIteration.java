package adversarialnmf.solver;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link ColumnLossNmf} (L2,1, capped, orthogonal) in block form. The weights w_j and residuals
 * r_j are per instance, so they live with the blocks. One iteration is two passes, three with the
 * orthogonal X rule: (1) each block returns Y_b W_b Xᵀ_b and X_b W_b Xᵀ_b, from which A is updated;
 * (2, orthogonal rule only) X_b Y_bᵀ A, the n x n matrix of that rule; (3) each block updates its
 * Xᵀ_b for the new A, evaluates its part of the loss, keeps its new weights and returns the loss,
 * the number of zero weights and the largest weight. A data-driven cap needs the N residual norms
 * of the start once (gathered for the quantile).
 */
final class ColumnLossBlockIteration implements IterativeSolver.BlockIteration {

  private final ColumnBlocks blocks;
  private final boolean orthogonal;
  private final DenseMatrix a;
  private final DenseMatrix gramA;
  private final DenseMatrix aWeightedGramX;
  private final ColumnLossNmf.ColumnLoss loss;
  private final int cap;
  private final Map<String, double[]> traces = new LinkedHashMap<>();
  private int evaluations;
  private double objective;
  private double largestWeight;
  private boolean finite = true;

  ColumnLossBlockIteration(ColumnLossNmf method, int maxIterations, ColumnBlocks blocks, DenseMatrix startBasis) {
    this.blocks = blocks;
    this.orthogonal = method.coefficientRule().orthogonal();
    this.cap = maxIterations;
    this.a = startBasis.copy();
    int n = a.cols();
    this.gramA = new DenseMatrix(n, n);
    this.aWeightedGramX = new DenseMatrix(a.rows(), n);
    double yNorm2 = blocks.aggregate(BlockProducts.squaredNorm()).sum(0);
    if (orthogonal) {
      normaliseCoefficientRows();
    }
    MatrixOps.gramOfColumns(a, gramA);
    DenseMatrix basis = a.copy();
    DenseMatrix gram = gramA.copy();
    double[] startResiduals = blocks.columnValues((y, state) -> squaredResiduals(y, state.xt(), basis, gram));
    double rmsColumnNorm = Math.sqrt(yNorm2 / Math.max(1, blocks.columns()));
    this.loss = method.loss(startResiduals, ColumnLossNmf.RELATIVE_RESIDUAL_FLOOR * rmsColumnNorm);
    ColumnLossNmf.ColumnLoss l = loss;
    boolean orth = orthogonal;
    keepEvaluation(blocks.update((y, state) -> {
      double[] weights = new double[state.columns()];
      BlockStatistics statistics = evaluate(y, state.xt(), weights, l, basis, gram, orth);
      return new ColumnBlocks.Result(state.withWeights(weights), statistics);
    }));
  }

  /** Unit-norm rows of X, A's columns scaled inversely (the orthogonal rule's preparation). */
  private void normaliseCoefficientRows() {
    int n = a.cols();
    BlockStatistics rowNorms2 = blocks.aggregate((y, state) -> {
      double[] xd = state.xt().data();
      double[] sums = new double[n];
      for (int r = 0; r < n; r++) {
        for (int j = r; j < xd.length; j += n) {
          sums[r] += xd[j] * xd[j];
        }
      }
      return BlockStatistics.ofSums(sums);
    });
    double[] norms = new double[n];
    double[] ad = a.data();
    for (int r = 0; r < n; r++) {
      double norm2 = rowNorms2.sum(r);
      if (norm2 == 0.0) {
        continue;
      }
      norms[r] = Math.sqrt(norm2);
      for (int i = r; i < ad.length; i += n) {
        ad[i] *= norms[r];
      }
    }
    blocks.update(BlockProducts.scaleCoefficients(norms, true));
  }

  /** r_j² of the block's instances at (A, Xᵀ_b), by the Gram route. */
  private static double[] squaredResiduals(DataMatrix y, DenseMatrix xt, DenseMatrix a, DenseMatrix gramA) {
    DenseMatrix ytA = new DenseMatrix(xt.rows(), xt.cols());
    y.transposeTimes(a, ytA);
    DenseMatrix xtGramA = new DenseMatrix(xt.rows(), xt.cols());
    MatrixOps.multiply(xt, gramA, xtGramA);
    double[] out = new double[xt.rows()];
    Residuals.columnSquaredResiduals(y.columnSquaredNorms(), ytA, xt, xtGramA, out);
    return out;
  }

  /**
   * The loss of the block at (A, Xᵀ_b), writing its new weights; statistics: sums (loss, zero
   * weights), maxima (largest weight), matrices (X_b X_bᵀ for the orthogonality trace).
   */
  private static BlockStatistics evaluate(DataMatrix y, DenseMatrix xt, double[] weights,
      ColumnLossNmf.ColumnLoss loss, DenseMatrix a, DenseMatrix gramA, boolean orthogonal) {
    double value = loss.evaluate(squaredResiduals(y, xt, a, gramA), weights);
    double zeroWeights = 0.0;
    double largest = 0.0;
    for (double w : weights) {
      zeroWeights += w == 0.0 ? 1 : 0;
      largest = Math.max(largest, w);
    }
    DenseMatrix[] matrices = new DenseMatrix[0];
    if (orthogonal) {
      DenseMatrix gram = new DenseMatrix(xt.cols(), xt.cols());
      MatrixOps.gramOfColumns(xt, gram);
      matrices = new DenseMatrix[] {gram};
    }
    return new BlockStatistics(matrices, new double[] {value, zeroWeights}, new double[] {largest});
  }

  private void keepEvaluation(BlockStatistics statistics) {
    objective = statistics.sum(0);
    largestWeight = statistics.max(0);
    loss.recordTraces(this::record, (int) statistics.sum(1));
    if (orthogonal) {
      DenseMatrix gram = statistics.matrix(0);
      MatrixOps.addToDiagonal(gram, -1.0);
      record(OrthogonalNmf.ORTHOGONALITY_TRACE, Math.sqrt(MatrixOps.squaredNorm(gram)));
      finite &= gram.isFinite();
    }
    finite &= Double.isFinite(objective);
    evaluations++;
  }

  private void record(String name, double value) {
    double[] trace = traces.computeIfAbsent(name, k -> new double[cap + 1]);
    trace[evaluations] = value;
  }

  @Override
  public void iterate() {
    updateBasis();
    MatrixOps.gramOfColumns(a, gramA);
    DenseMatrix basis = a.copy();
    DenseMatrix gram = gramA.copy();
    DenseMatrix crossGram = orthogonal ? blocks.aggregate((y, state) -> {
      DenseMatrix xt = state.xt();
      DenseMatrix ytA = new DenseMatrix(xt.rows(), xt.cols());
      y.transposeTimes(basis, ytA);
      DenseMatrix part = new DenseMatrix(xt.cols(), xt.cols());
      MatrixOps.multiplyTransposeA(xt, ytA, part);
      return BlockStatistics.ofMatrices(part);
    }).matrix(0) : null;
    ColumnLossNmf.ColumnLoss l = loss;
    boolean orth = orthogonal;
    keepEvaluation(blocks.update((y, state) -> {
      DenseMatrix xt = updatedCoefficients(y, state.xt(), basis, gram, crossGram);
      double[] weights = new double[state.columns()];
      BlockStatistics statistics = evaluate(y, xt, weights, l, basis, gram, orth);
      return new ColumnBlocks.Result(state.withXt(xt).withWeights(weights), statistics);
    }));
  }

  /** A ← A ∘ (Y W Xᵀ) / (A X W Xᵀ); skipped when every instance is capped (weight 0). */
  private void updateBasis() {
    if (largestWeight == 0.0) {
      return; // the loss is flat in A: every instance sits at its cap
    }
    double largest = largestWeight;
    BlockStatistics weighted = blocks.aggregate((y, state) -> {
      DenseMatrix xt = state.xt();
      double[] weights = state.weights();
      int n = xt.cols();
      DenseMatrix weightedXt = new DenseMatrix(xt.rows(), n);
      double[] xd = xt.data();
      double[] wxd = weightedXt.data();
      for (int j = 0; j < weights.length; j++) {
        // weights normalised to at most 1 so that the denominator floor keeps its meaning
        double w = weights[j] / largest;
        for (int r = j * n; r < (j + 1) * n; r++) {
          wxd[r] = xd[r] * w;
        }
      }
      DenseMatrix yWXt = new DenseMatrix(y.rows(), n);
      y.times(weightedXt, yWXt);
      DenseMatrix weightedGramX = new DenseMatrix(n, n);
      MatrixOps.multiplyTransposeA(weightedXt, xt, weightedGramX);
      return BlockStatistics.ofMatrices(yWXt, weightedGramX);
    });
    MultiplicativeUpdate.frobeniusStep(a, weighted.matrix(1), weighted.matrix(0), aWeightedGramX);
  }

  /**
   * Xᵀ_b for the new A (a new matrix): Lee-Seung, or, given crossGram = X Yᵀ A, the orthogonal rule
   * Xᵀ ← Xᵀ ∘ sqrt((YᵀA) / (Xᵀ X YᵀA)).
   */
  private static DenseMatrix updatedCoefficients(DataMatrix y, DenseMatrix current, DenseMatrix a,
      DenseMatrix gramA, DenseMatrix crossGram) {
    DenseMatrix xt = current.copy();
    DenseMatrix ytA = new DenseMatrix(xt.rows(), xt.cols());
    y.transposeTimes(a, ytA);
    DenseMatrix denominator = new DenseMatrix(xt.rows(), xt.cols());
    if (crossGram == null) {
      MultiplicativeUpdate.frobeniusStep(xt, gramA, ytA, denominator);
      return xt;
    }
    OrthogonalNmf.step(xt, ytA, crossGram, denominator);
    return xt;
  }

  @Override
  public double objective() {
    return objective;
  }

  @Override
  public boolean isFinite() {
    return finite && a.isFinite();
  }

  @Override
  public void finish(Factorization.Builder result, int iterations) {
    result.factors(a, blocks.coefficients());
    traces.forEach((name, trace) -> result.trace(name, Arrays.copyOf(trace, iterations + 1)));
  }
}
