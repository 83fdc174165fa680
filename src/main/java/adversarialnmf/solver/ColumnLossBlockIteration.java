package adversarialnmf.solver;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link ColumnLossNmf} (L2,1, capped, orthogonal) in block form. The weights w_j and residuals
 * r_j are per instance, so they live with the blocks; one iteration is two passes (three with the
 * orthogonal X rule): (1) each block returns Y_b W_b X_bᵀ and X_b W_b X_bᵀ, from which A is
 * updated; [(2) X_b Y_bᵀ A, the n x n matrix of the orthogonal rule;] (3) each block updates X_b
 * with the new A, evaluates its part of the loss, keeps its new weights and returns the loss,
 * the number of zero weights and the largest weight. A data-driven cap needs the N residual norms
 * of the start once (gathered to the driver for the quantile).
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
    this.orthogonal = method.orthogonalCoefficients();
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
    double[] startResiduals = blocks.columnValues((y, state) -> squaredResiduals(y, state.x(), basis, gram));
    double rmsColumnNorm = Math.sqrt(yNorm2 / Math.max(1, blocks.columns()));
    this.loss = method.loss(startResiduals, ColumnLossNmf.RELATIVE_RESIDUAL_FLOOR * rmsColumnNorm);
    keepEvaluation(blocks.update(evaluation(loss, basis, gram, orthogonal)));
  }

  /** Unit-norm rows of X, A's columns scaled inversely (as {@code ColumnLossNmf} does at the start). */
  private void normaliseCoefficientRows() {
    int n = a.cols();
    BlockStatistics rowNorms2 = blocks.aggregate((y, state) -> {
      DenseMatrix x = state.x();
      int count = x.cols();
      double[] xd = x.data();
      double[] sums = new double[n];
      for (int r = 0; r < n; r++) {
        for (int j = 0; j < count; j++) {
          sums[r] += xd[r * count + j] * xd[r * count + j];
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
    blocks.update(BlockProducts.scaleCoefficientRows(norms, true));
  }

  /** r_j² of the block's instances at (A, X_b), by the Gram route. */
  private static double[] squaredResiduals(DataMatrix y, DenseMatrix x, DenseMatrix a, DenseMatrix gramA) {
    int n = x.rows();
    int count = x.cols();
    DenseMatrix ytA = new DenseMatrix(count, n);
    y.transposeTimes(a, ytA);
    DenseMatrix gramAX = new DenseMatrix(n, count);
    MatrixOps.multiply(gramA, x, gramAX);
    double[] out = new double[count];
    Residuals.columnSquaredResiduals(y.columnSquaredNorms(), ytA, x, gramAX, out);
    return out;
  }

  /**
   * The loss of the block at (A, X_b) and its new weights; statistics: sums (loss, zero weights),
   * maxima (largest weight), matrices (X_b X_bᵀ when orthogonal).
   */
  private static BlockStatistics evaluate(DataMatrix y, DenseMatrix x, double[] weights,
      ColumnLossNmf.ColumnLoss loss, DenseMatrix a, DenseMatrix gramA, boolean orthogonal) {
    double value = loss.evaluate(squaredResiduals(y, x, a, gramA), weights);
    double zeroWeights = 0.0;
    double largest = 0.0;
    for (double w : weights) {
      zeroWeights += w == 0.0 ? 1 : 0;
      largest = Math.max(largest, w);
    }
    DenseMatrix[] matrices = new DenseMatrix[0];
    if (orthogonal) {
      DenseMatrix gram = new DenseMatrix(x.rows(), x.rows());
      MatrixOps.gramOfRows(x, gram);
      matrices = new DenseMatrix[] {gram};
    }
    return new BlockStatistics(matrices, new double[] {value, zeroWeights}, new double[] {largest});
  }

  private static ColumnBlocks.BlockStep evaluation(ColumnLossNmf.ColumnLoss loss, DenseMatrix a,
      DenseMatrix gramA, boolean orthogonal) {
    return (y, state) -> {
      double[] weights = new double[state.columns()];
      BlockStatistics statistics = evaluate(y, state.x(), weights, loss, a, gramA, orthogonal);
      return new ColumnBlocks.Result(state.withWeights(weights), statistics);
    };
  }

  private void keepEvaluation(BlockStatistics statistics) {
    objective = statistics.sum(0);
    largestWeight = statistics.max(0);
    loss.recordTraces(this::record, (int) statistics.sum(1));
    if (orthogonal) {
      DenseMatrix gram = statistics.matrix(0);
      MatrixOps.addToDiagonal(gram, -1.0);
      record(ColumnLossNmf.ORTHOGONALITY_TRACE, Math.sqrt(MatrixOps.squaredNorm(gram)));
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
      DenseMatrix x = state.x();
      DenseMatrix ytA = new DenseMatrix(x.cols(), x.rows());
      y.transposeTimes(basis, ytA);
      return BlockStatistics.ofMatrices(MatrixOps.multiply(x, ytA));
    }).matrix(0) : null;
    ColumnLossNmf.ColumnLoss l = loss;
    boolean orth = orthogonal;
    keepEvaluation(blocks.update((y, state) -> {
      DenseMatrix x = updatedCoefficients(y, state.x(), basis, gram, crossGram);
      double[] weights = new double[state.columns()];
      BlockStatistics statistics = evaluate(y, x, weights, l, basis, gram, orth);
      return new ColumnBlocks.Result(state.withX(x).withWeights(weights), statistics);
    }));
  }

  /** A ← A ∘ (Y W Xᵀ) / (A X W Xᵀ); skipped when every instance is capped (weight 0). */
  private void updateBasis() {
    if (largestWeight == 0.0) {
      return; // the loss is flat in A: every instance sits at its cap
    }
    double largest = largestWeight;
    BlockStatistics weighted = blocks.aggregate((y, state) -> {
      DenseMatrix x = state.x();
      double[] weights = state.weights();
      int count = x.cols();
      DenseMatrix weightedX = new DenseMatrix(x.rows(), count);
      double[] xd = x.data();
      double[] wxd = weightedX.data();
      for (int base = 0; base < xd.length; base += count) {
        for (int j = 0; j < count; j++) {
          // weights normalised to at most 1 so that the denominator floor keeps its meaning
          wxd[base + j] = xd[base + j] * (weights[j] / largest);
        }
      }
      DenseMatrix weightedGramX = new DenseMatrix(x.rows(), x.rows());
      MatrixOps.multiplyTransposeB(weightedX, x, weightedGramX);
      return BlockStatistics.ofMatrices(BlockProducts.dataTimesTransposed(y, weightedX), weightedGramX);
    });
    MatrixOps.multiply(a, weighted.matrix(1), aWeightedGramX);
    double[] ad = a.data();
    double[] num = weighted.matrix(0).data();
    double[] den = aWeightedGramX.data();
    for (int i = 0; i < ad.length; i++) {
      ad[i] *= num[i] / Math.max(den[i], MultiplicativeUpdateNmf.DENOMINATOR_FLOOR);
    }
  }

  /** Lee-Seung or orthogonal (crossGram = X Yᵀ A not null) update of X_b for the new A (a new matrix). */
  private static DenseMatrix updatedCoefficients(DataMatrix y, DenseMatrix current, DenseMatrix a,
      DenseMatrix gramA, DenseMatrix crossGram) {
    DenseMatrix x = current.copy();
    int n = x.rows();
    int count = x.cols();
    DenseMatrix ytA = new DenseMatrix(count, n);
    y.transposeTimes(a, ytA);
    double[] xd = x.data();
    double[] num = ytA.data();
    DenseMatrix denominator = new DenseMatrix(n, count);
    if (crossGram != null) {
      MatrixOps.multiplyTransposeA(crossGram, x, denominator);
    } else {
      MatrixOps.multiply(gramA, x, denominator);
    }
    double[] den = denominator.data();
    for (int r = 0; r < n; r++) {
      for (int j = 0; j < count; j++) {
        int idx = r * count + j;
        double ratio = num[j * n + r] / Math.max(den[idx], MultiplicativeUpdateNmf.DENOMINATOR_FLOOR);
        xd[idx] *= crossGram != null ? Math.sqrt(ratio) : ratio;
      }
    }
    return x;
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
