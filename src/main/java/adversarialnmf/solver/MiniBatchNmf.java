package adversarialnmf.solver;

import adversarialnmf.linalg.DenseData;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;
import java.io.Serializable;
import java.util.Random;

/**
 * Online NMF for data seen once, batch by batch: min over W ≥ 0 with columns in the unit ball of
 * the expected ½‖x − W h(x)‖², h(x) the nonnegative least-squares coefficients of x, by the
 * online dictionary learning of Mairal, Bach, Ponce &amp; Sapiro (JMLR 2010), Algorithms 1-2 with
 * mini-batches and a forgetting factor (their §3.4), with nonnegativity in both factors (their
 * §5.3). Each batch Y_t (attributes x instances) is coded against the current basis, H_t =
 * argmin_{H ≥ 0} ‖Y_t − W H‖², folded into the sufficient statistics
 * A ← ρ A + H_t H_tᵀ and B ← ρ B + Y_t H_tᵀ, and the basis is moved by block-coordinate descent on
 * the surrogate ½ tr(Wᵀ W A) − tr(Wᵀ B), one projected column step at a time (docs/MINIBATCH.md).
 * Memory is the basis, the two statistics and one batch: O(m n + n²), whatever the number of
 * instances.
 */
public final class MiniBatchNmf implements Serializable {

  private static final long serialVersionUID = 4413180961574398272L;

  /** Relative size of the uniform jitter added to the instances the basis starts from. */
  static final double START_JITTER = 0.01;

  private final int rank;
  private final double forgetting;
  private final int basisSweeps;
  private final long seed;
  /** W (attributes x rank), every column of norm at most 1; null before the first batch. */
  private DenseMatrix basis;
  /** A = Σ_t ρ^(T−t) H_t H_tᵀ (rank x rank). */
  private final DenseMatrix coefficientGram;
  /** B = Σ_t ρ^(T−t) Y_t H_tᵀ (attributes x rank). */
  private final DenseMatrix dataCoefficientProducts;
  private long batches;
  private long instances;

  /**
   * @param attributes m, the length of an instance
   * @param rank n, the columns of the basis
   * @param forgetting ρ in (0, 1]: the weight of the statistics gathered before a batch (1 keeps all)
   * @param basisSweeps block-coordinate sweeps over the basis columns after each batch (at least 1)
   * @param seed draws which instances of the first batch the basis starts from
   */
  public MiniBatchNmf(int attributes, int rank, double forgetting, int basisSweeps, long seed) {
    if (attributes < 1 || rank < 1) {
      throw new IllegalArgumentException("mini-batch NMF needs at least one attribute and rank 1, got "
          + attributes + " attributes and rank " + rank);
    }
    this.rank = rank;
    this.forgetting = checkedForgetting(forgetting);
    this.basisSweeps = checkedBasisSweeps(basisSweeps);
    this.seed = seed;
    this.coefficientGram = new DenseMatrix(rank, rank);
    this.dataCoefficientProducts = new DenseMatrix(attributes, rank);
  }

  /** The forgetting factor's check, for callers that keep it before a solver exists. */
  public static double checkedForgetting(double forgetting) {
    if (!(forgetting > 0.0 && forgetting <= 1.0)) {
      throw new IllegalArgumentException("the forgetting factor must be in (0, 1] (1 keeps every batch's"
          + " statistics at full weight), got " + forgetting);
    }
    return forgetting;
  }

  /** The basis sweeps' check, for callers that keep it before a solver exists. */
  public static int checkedBasisSweeps(int sweeps) {
    if (sweeps < 1) {
      throw new IllegalArgumentException("the basis sweeps per batch must be at least 1, got " + sweeps);
    }
    return sweeps;
  }

  /**
   * Learns from one batch: codes it against the current basis, updates the statistics and the
   * basis, and returns the batch's squared residual ‖Y_t − W H_t‖² at coding time (the online
   * estimate of the objective).
   *
   * @param batch attributes x instances, nonnegative and finite (the caller's check)
   */
  public double partialFit(DenseMatrix batch) {
    if (batch.rows() != dataCoefficientProducts.rows() || batch.cols() == 0) {
      throw new IllegalArgumentException("a batch of " + batch.shape() + " does not fit mini-batch NMF of "
          + dataCoefficientProducts.rows() + " attributes (attributes x at least one instance)");
    }
    if (basis == null) {
      basis = startingBasis(batch, new Random(seed), rank);
    }
    DenseData y = new DenseData(batch);
    DenseMatrix h = new NonnegativeProjection(basis).coefficients(y);
    double residual = Residuals.squaredResidual(y, basis, h);
    MatrixOps.scale(coefficientGram, forgetting);
    MatrixOps.addScaled(coefficientGram, 1.0, MatrixOps.gramOfRows(h));
    MatrixOps.scale(dataCoefficientProducts, forgetting);
    MatrixOps.multiplyTransposeBAccumulate(1.0, batch, h, dataCoefficientProducts);
    for (int sweep = 0; sweep < basisSweeps; sweep++) {
      updateBasis(basis, coefficientGram, dataCoefficientProducts);
    }
    batches++;
    instances += batch.cols();
    return residual;
  }

  /**
   * Mairal et al.'s Algorithm 2 with nonnegativity: for each column j with A_jj &gt; 0,
   * u = w_j + (b_j − W a_j) / A_jj (the exact minimiser of the surrogate in w_j), then
   * w_j = max(u, 0) / max(‖max(u, 0)‖, 1), its projection onto the nonnegative unit ball. A column
   * no coefficient has used yet (A_jj = 0) stays as it is.
   */
  static void updateBasis(DenseMatrix w, DenseMatrix gram, DenseMatrix cross) {
    int m = w.rows();
    int n = w.cols();
    double[] wd = w.data();
    double[] g = gram.data();
    double[] c = cross.data();
    double[] column = new double[m];
    for (int j = 0; j < n; j++) {
      double curvature = g[j * n + j];
      if (curvature <= 0.0) {
        continue;
      }
      double norm2 = 0.0;
      for (int i = 0; i < m; i++) {
        int row = i * n;
        double fitted = 0.0;
        for (int r = 0; r < n; r++) {
          fitted += wd[row + r] * g[r * n + j];
        }
        double u = wd[row + j] + (c[row + j] - fitted) / curvature;
        column[i] = u > 0.0 ? u : 0.0;
        norm2 += column[i] * column[i];
      }
      double shrink = norm2 > 1.0 ? 1.0 / Math.sqrt(norm2) : 1.0;
      for (int i = 0; i < m; i++) {
        wd[i * n + j] = column[i] * shrink;
      }
    }
  }

  /**
   * Mairal et al.'s start: the basis columns are instances of the first batch drawn at random
   * (distinct while the batch has enough), each with a little uniform jitter so that repeated or
   * zero instances still give distinct columns, scaled to unit norm.
   */
  static DenseMatrix startingBasis(DenseMatrix batch, Random random, int rank) {
    int m = batch.rows();
    int count = batch.cols();
    int[] order = new int[count];
    for (int j = 0; j < count; j++) {
      order[j] = j;
    }
    DenseMatrix w = new DenseMatrix(m, rank);
    for (int r = 0; r < rank; r++) {
      int pick = r < count ? r + random.nextInt(count - r) : random.nextInt(count);
      if (r < count) { // a partial Fisher-Yates shuffle: distinct picks
        int chosen = order[pick];
        order[pick] = order[r];
        order[r] = chosen;
        pick = chosen;
      }
      double largest = 0.0;
      for (int i = 0; i < m; i++) {
        largest = Math.max(largest, batch.get(i, pick));
      }
      double jitter = largest > 0.0 ? START_JITTER * largest : 1.0;
      double norm2 = 0.0;
      for (int i = 0; i < m; i++) {
        double v = batch.get(i, pick) + jitter * random.nextDouble();
        w.set(i, r, v);
        norm2 += v * v;
      }
      double inverse = 1.0 / Math.sqrt(norm2);
      for (int i = 0; i < m; i++) {
        w.set(i, r, w.get(i, r) * inverse);
      }
    }
    return w;
  }

  /**
   * The surrogate the basis step minimises, ½ tr(Wᵀ W A) − tr(Wᵀ B): the weighted squared residual
   * of every batch seen, coded as it was, less the constant ½ Σ ρ^(T−t) ‖Y_t‖².
   */
  public double surrogate() {
    if (basis == null) {
      return 0.0;
    }
    return 0.5 * MatrixOps.dot(MatrixOps.gramOfColumns(basis), coefficientGram)
        - MatrixOps.dot(basis, dataCoefficientProducts);
  }

  /** True once a batch has been learnt (the basis exists). */
  public boolean started() {
    return basis != null;
  }

  /** A copy of W (attributes x rank); fails before the first batch. */
  public DenseMatrix basis() {
    if (basis == null) {
      throw new IllegalStateException("mini-batch NMF has no basis before its first batch");
    }
    return basis.copy();
  }

  /** A copy of the statistic A = Σ ρ^(T−t) H_t H_tᵀ. */
  public DenseMatrix coefficientGram() {
    return coefficientGram.copy();
  }

  /** A copy of the statistic B = Σ ρ^(T−t) Y_t H_tᵀ. */
  public DenseMatrix dataCoefficientProducts() {
    return dataCoefficientProducts.copy();
  }

  public int rank() {
    return rank;
  }

  public int attributes() {
    return dataCoefficientProducts.rows();
  }

  /** Batches learnt so far. */
  public long batches() {
    return batches;
  }

  /** Instances learnt so far (counted again in every pass). */
  public long instances() {
    return instances;
  }

  /** Bytes of the state this solver keeps (basis and statistics), for the model's description. */
  public long stateBytes() {
    return 8L * (2L * attributes() * rank + (long) rank * rank);
  }

  /** One line for the model's output. */
  public String describe() {
    return "online NMF (Mairal et al. 2010): NNLS coefficients per batch, statistics forgotten by "
        + forgetting + " per batch, " + basisSweeps + " projected block-coordinate sweep"
        + (basisSweeps == 1 ? "" : "s") + " over the basis per batch";
  }
}
