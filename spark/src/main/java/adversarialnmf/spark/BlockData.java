package adversarialnmf.spark;

import adversarialnmf.cluster.InstancePreprocessing;
import adversarialnmf.cluster.TrainingData;
import adversarialnmf.init.Initialization;
import adversarialnmf.init.KMeansInitialization;
import adversarialnmf.init.NndsvdInitialization;
import adversarialnmf.init.RandomInitialization;
import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseData;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MissingValues;
import adversarialnmf.linalg.Parallelism;
import adversarialnmf.linalg.SparseData;
import adversarialnmf.solver.BlockState;
import adversarialnmf.solver.BlockStatistics;
import adversarialnmf.solver.ColumnBlocks;
import adversarialnmf.solver.Factorization;
import adversarialnmf.solver.FactorizationSolver;
import adversarialnmf.solver.Factors;
import adversarialnmf.solver.IterativeSolver;
import adversarialnmf.solver.NonnegativeProjection;
import adversarialnmf.solver.OutOfSampleRule;
import adversarialnmf.solver.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;

/**
 * The job's training data for {@link adversarialnmf.cluster.ClusteringFit}: Y as an RDD of column
 * blocks, one per partition. Every question of the fit is a map over the blocks and a reduction in
 * column order, so the answers do not depend on task timing; the start and the fit run on the
 * blocks as the package's block form ({@link ColumnBlocks}). Y is never collected to the driver but
 * for a k-means or NNDSVD start on at most {@code initSample} columns.
 */
final class BlockData implements TrainingData {

  /** How the job makes the RDD of blocks a fit runs on (tests substitute one whose tasks fail). */
  interface BlocksFactory {
    RddColumnBlocks create(JavaSparkContext context, JavaRDD<SparkBlock> blocks, int rows, int columns,
        int treeDepth, int checkpointInterval);
  }

  /** The job's settings of where and how the blocks live. */
  static final class Layout {
    final JavaSparkContext context;
    final int initSample;
    final long sampleSeed;
    final int treeDepth;
    final int checkpointInterval;
    final BlocksFactory factory;
    /** What the blocks of a fit hold on to until the job ends. */
    final List<RddColumnBlocks> fitted = new ArrayList<>();

    Layout(JavaSparkContext context, int initSample, long sampleSeed, int treeDepth, int checkpointInterval,
        BlocksFactory factory) {
      this.context = context;
      this.initSample = initSample;
      this.sampleSeed = sampleSeed;
      this.treeDepth = treeDepth;
      this.checkpointInterval = checkpointInterval;
      this.factory = factory;
    }
  }

  private final Layout layout;
  private final JavaRDD<SparkBlock> blocks;
  private final int rows;
  private final int columns;
  /** The largest value if already known (the input's, read while parsing), else NaN. */
  private final double largest;
  private BlockSummary summary;

  BlockData(Layout layout, JavaRDD<SparkBlock> blocks, int rows, int columns, double largest) {
    this.layout = layout;
    this.blocks = blocks;
    this.rows = rows;
    this.columns = columns;
    this.largest = largest;
  }

  private BlockData derived(JavaRDD<SparkBlock> next) {
    return new BlockData(layout, next, rows, columns, Double.NaN);
  }

  @Override
  public int rows() {
    return rows;
  }

  @Override
  public int columns() {
    return columns;
  }

  /** None: the input reader refuses a missing value, naming its file and line. */
  @Override
  public int missingCount() {
    return 0;
  }

  @Override
  public TrainingData withMissingValues(MissingValues policy) {
    return this;
  }

  @Override
  public boolean isSparse() {
    long nonzeros = blocks.map(b -> InstancePreprocessing.nonzeros(b.y)).reduce(Long::sum);
    long observed = blocks.map(b -> InstancePreprocessing.observedEntries(b.y)).reduce(Long::sum);
    return InstancePreprocessing.isSparseData(nonzeros, observed);
  }

  @Override
  public int[] documentFrequencies() {
    return blocks.map(b -> InstancePreprocessing.documentFrequencies(b.y)).reduce((a, b) -> {
      int[] sum = a.clone();
      for (int i = 0; i < sum.length; i++) {
        sum[i] += b[i];
      }
      return sum;
    });
  }

  @Override
  public TrainingData preprocessed(InstancePreprocessing preprocessing) {
    return preprocessing.isIdentity() ? this
        : derived(blocks.map(b -> new SparkBlock(b.offset, preprocessing.apply(b.y, 1.0), b.state, b.statistics)));
  }

  @Override
  public double max() {
    return Double.isNaN(largest) ? blocks.map(b -> b.y.max()).reduce(Math::max) : largest;
  }

  /** Kept in memory (or on disk): the summary, the start and every fit read it. */
  @Override
  public TrainingData scaled(double factor) {
    JavaRDD<SparkBlock> scaled = factor == 1.0 ? blocks
        : blocks.map(b -> new SparkBlock(b.offset, b.y.scaled(factor), b.state, b.statistics));
    return derived(scaled.persist(StorageLevel.MEMORY_AND_DISK()));
  }

  @Override
  public boolean columnBlocks() {
    return true;
  }

  @Override
  public DataMatrix summary() {
    if (summary == null) {
      BlockStatistics sums = BlockStatistics.ofSums(0.0, 0.0);
      for (BlockStatistics part : blocks.map(b -> BlockStatistics.ofSums(b.y.sum(), b.y.squaredNorm())).collect()) {
        sums.combine(part); // in column order, so that the start does not depend on task timing
      }
      summary = new BlockSummary(rows, columns, sums.sum(0), sums.sum(1));
    }
    return summary;
  }

  /**
   * {@code random} exactly as the package's (A0 and X0 drawn on the driver, scaled by the data's
   * mean from the block sums); k-means and NNDSVD run the package's own code on Y collected to the
   * driver when N is at most the sample size, so the start is the single-machine one, else on a
   * seeded sample of that many columns, X0 then being the indicator of the nearest centroid plus
   * the offset (k-means) or the nonnegative least-squares coefficients on A0 (NNDSVD), block by block.
   */
  @Override
  public Factors start(Initialization initialization, int rank, Random random) {
    if (initialization instanceof RandomInitialization) {
      return initialization.initialize(summary(), rank, random);
    }
    if (!(initialization instanceof KMeansInitialization || initialization instanceof NndsvdInitialization)) {
      throw new IllegalArgumentException("the start " + initialization.describe() + " has no column-block form");
    }
    if (columns <= layout.initSample) {
      return initialization.initialize(concatenate(blocks.map(b -> b.y).collect()), rank, random);
    }
    double fraction = Math.min(1.0, 1.2 * layout.initSample / columns);
    long seed = layout.sampleSeed;
    List<DataMatrix> sampled = blocks.map(b -> sampleColumns(b.y, fraction, seed + b.offset)).collect();
    DenseMatrix a0 = initialization.initialize(concatenate(sampled), rank, random).basis();
    Broadcast<DenseMatrix> basis = layout.context.broadcast(a0);
    List<DenseMatrix> parts;
    if (initialization instanceof KMeansInitialization) {
      double offset = ((KMeansInitialization) initialization).indicatorOffset();
      parts = blocks.map(b -> nearestIndicator(b.y, basis.value(), offset)).collect();
    } else {
      double floor = summary().sum() / ((double) rows * columns) / 100.0;
      parts = blocks.map(b -> projected(b.y, basis.value(), floor)).collect();
    }
    basis.unpersist(false);
    return new Factors(a0, ColumnBlocks.coefficientsOf(parts));
  }

  /** One start after another, each on blocks made from Y and that start's X0. */
  @Override
  public Factorization[] fit(FactorizationSolver solver, Factors[] starts, Parallelism slots,
      ProgressListener listener) {
    if (!(solver instanceof IterativeSolver) || !((IterativeSolver) solver).hasBlockForm()) {
      throw new IllegalArgumentException(solver.describe() + " has no column-block form; the job fits NMF (MU or"
          + " HALS), L2,1-NMF, capped NMF and ANMF's gradient solver");
    }
    Factorization[] fits = new Factorization[starts.length];
    for (int r = 0; r < starts.length; r++) {
      Broadcast<DenseMatrix> startXt = layout.context.broadcast(starts[r].coefficients().transpose());
      JavaRDD<SparkBlock> withStart = blocks.map(b -> new SparkBlock(b.offset, b.y,
          BlockState.of(rowRange(startXt.value(), b.offset, b.y.cols())), null));
      RddColumnBlocks fitBlocks = layout.factory.create(layout.context, withStart, rows, columns, layout.treeDepth,
          layout.checkpointInterval);
      startXt.unpersist(false); // the driver keeps it until the ContextCleaner drops it
      if (r == starts.length - 1) {
        blocks.unpersist(false); // the last fit's blocks hold Y now
      }
      for (RddColumnBlocks earlier : layout.fitted) {
        earlier.release();
      }
      layout.fitted.clear();
      layout.fitted.add(fitBlocks);
      fits[r] = ((IterativeSolver) solver).fit(new ProgressLog(fitBlocks), starts[r], listener);
    }
    return fits;
  }

  /** Block by block, on the last fit's blocks (their Y is these data's). */
  @Override
  public DenseMatrix coefficients(OutOfSampleRule rule) {
    Broadcast<OutOfSampleRule> shared = layout.context.broadcast(rule);
    JavaRDD<SparkBlock> source = layout.fitted.isEmpty() ? blocks : layout.fitted.get(0).blocks();
    DenseMatrix x = ColumnBlocks.coefficientsOf(source.map(b -> shared.value().coefficients(b.y).transpose())
        .collect());
    shared.unpersist(false);
    return x;
  }

  /** Releases what the fits cached. */
  void release() {
    for (RddColumnBlocks fitted : layout.fitted) {
      fitted.release();
    }
    layout.fitted.clear();
  }

  /** Rows [from, from + count) of xt. */
  static DenseMatrix rowRange(DenseMatrix xt, long from, int count) {
    int n = xt.cols();
    DenseMatrix out = new DenseMatrix(count, n);
    System.arraycopy(xt.data(), (int) from * n, out.data(), 0, count * n);
    return out;
  }

  /** Xᵀ_b = indicator of each column's nearest centroid + offset. */
  private static DenseMatrix nearestIndicator(DataMatrix y, DenseMatrix centroids, double offset) {
    int n = centroids.cols();
    DenseMatrix xt = DenseMatrix.filled(y.cols(), n, offset);
    double[] column = new double[y.rows()];
    for (int j = 0; j < y.cols(); j++) {
      y.column(j, column);
      int best = 0;
      double bestDistance = Double.POSITIVE_INFINITY;
      for (int c = 0; c < n; c++) {
        double d = 0.0;
        for (int i = 0; i < column.length; i++) {
          double v = column[i] - centroids.get(i, c);
          d += v * v;
        }
        if (d < bestDistance) {
          bestDistance = d;
          best = c;
        }
      }
      xt.set(j, best, 1.0 + offset);
    }
    return xt;
  }

  /** Xᵀ_b = the nonnegative least-squares coefficients on A0, zeros replaced by {@code floor}. */
  private static DenseMatrix projected(DataMatrix y, DenseMatrix basis, double floor) {
    DenseMatrix xt = new NonnegativeProjection(basis).coefficients(y).transpose();
    double[] d = xt.data();
    for (int i = 0; i < d.length; i++) {
      if (d[i] == 0.0) {
        d[i] = floor;
      }
    }
    return xt;
  }

  /** A seeded Bernoulli sample of the block's columns. */
  private static DataMatrix sampleColumns(DataMatrix y, double fraction, long seed) {
    Random random = new Random(seed);
    List<Integer> kept = new ArrayList<>();
    for (int j = 0; j < y.cols(); j++) {
      if (random.nextDouble() < fraction) {
        kept.add(j);
      }
    }
    DenseMatrix out = new DenseMatrix(y.rows(), kept.size());
    double[] column = new double[y.rows()];
    for (int k = 0; k < kept.size(); k++) {
      y.column(kept.get(k), column);
      for (int i = 0; i < column.length; i++) {
        out.set(i, k, column[i]);
      }
    }
    return y.isSparse() ? SparseData.fromDense(out) : new DenseData(out);
  }

  /** Column blocks side by side (all sparse or all dense). */
  static DataMatrix concatenate(List<DataMatrix> parts) {
    int m = parts.get(0).rows();
    int count = 0;
    for (DataMatrix p : parts) {
      count += p.cols();
    }
    if (parts.get(0) instanceof SparseData) {
      int stored = 0;
      for (DataMatrix p : parts) {
        stored += ((SparseData) p).storedValues().length;
      }
      int[] start = new int[count + 1];
      int[] index = new int[stored];
      double[] values = new double[stored];
      int j = 0;
      int q = 0;
      for (DataMatrix p : parts) {
        SparseData sp = (SparseData) p;
        int[] starts = sp.columnStarts();
        for (int c = 0; c < sp.cols(); c++) {
          start[j + c + 1] = q + starts[c + 1];
        }
        System.arraycopy(sp.rowIndices(), 0, index, q, sp.rowIndices().length);
        System.arraycopy(sp.storedValues(), 0, values, q, sp.storedValues().length);
        q += sp.storedValues().length;
        j += sp.cols();
      }
      return new SparseData(m, count, start, index, values);
    }
    DenseMatrix y = new DenseMatrix(m, count);
    int offset = 0;
    for (DataMatrix p : parts) {
      DenseMatrix block = ((DenseData) p).matrix();
      for (int i = 0; i < m; i++) {
        System.arraycopy(block.data(), i * block.cols(), y.data(), i * count + offset, block.cols());
      }
      offset += block.cols();
    }
    return new DenseData(y);
  }
}
