package adversarialnmf.spark;

import adversarialnmf.RandomStreams;
import adversarialnmf.cluster.InstancePreprocessing;
import adversarialnmf.cluster.NmfClustering;
import adversarialnmf.cluster.TermWeighting;
import adversarialnmf.init.Initialization;
import adversarialnmf.init.KMeansInitialization;
import adversarialnmf.init.NndsvdInitialization;
import adversarialnmf.init.RandomInitialization;
import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseData;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.SparseData;
import adversarialnmf.solver.BlockProducts;
import adversarialnmf.solver.BlockState;
import adversarialnmf.solver.BlockStatistics;
import adversarialnmf.solver.CappedNmf;
import adversarialnmf.solver.ColumnBlocks;
import adversarialnmf.solver.OutOfSampleRule;
import adversarialnmf.solver.Factorization;
import adversarialnmf.solver.Factors;
import adversarialnmf.solver.IterativeSolver;
import adversarialnmf.solver.L21Nmf;
import adversarialnmf.solver.NmfSolver;
import adversarialnmf.solver.StoppingRule;
import adversarialnmf.solver.anmf.AnmfGradientSolver;
import adversarialnmf.solver.anmf.AttackerTarget;
import adversarialnmf.weka.EnumTags;
import java.io.ObjectOutputStream;
import java.io.PrintWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import weka.clusterers.ANMF;
import weka.clusterers.AbstractNMFClusterer;
import weka.clusterers.CappedNMF;
import weka.clusterers.L21NMF;
import weka.clusterers.NMF;
import weka.core.Instances;
import weka.core.Utils;

/**
 * NMF and ANMF of a data set too large for one machine, as a Spark job that hands back the
 * package's own Weka model. Y is cut into column blocks (one per partition); every iteration of
 * the solver is the package's block form ({@code ColumnBlocks}): a step per block and partial
 * sums of n x n and m x n matrices combined by a tree reduction. The method's Weka options are
 * those of its clusterer, given after {@code --}; the clusterer parses them, and the fitted
 * clusterer is written as {@code model.model}.
 *
 * <pre>
 * spark-submit --class adversarialnmf.spark.FactorizationJob adversarialNMF-spark-1.0.0.jar \
 *   --input hdfs:///data/corpus.arff --method hals --rank 20 --iterations 100 --seed 1 \
 *   --init random --partitions 64 --output hdfs:///out/corpus [-- clusterer options]
 * </pre>
 */
public final class FactorizationJob {

  private static final Logger LOG = LoggerFactory.getLogger(FactorizationJob.class);

  /** Columns of Y collected to the driver at most for a k-means or NNDSVD start on all the data. */
  static final int DEFAULT_INIT_SAMPLE = 20000;

  private FactorizationJob() {
  }

  /** The job's settings, from its command line. */
  static final class Settings {
    String input;
    String format = "auto";
    String method = "nmf";
    int rank = 2;
    int iterations = 100;
    double tolerance = 1e-4;
    long seed = 1;
    String init = "kmeans";
    int initSample = DEFAULT_INIT_SAMPLE;
    int partitions = 0;
    String output;
    String master;
    Set<String> ignored = new HashSet<>();
    int libsvmFeatures;
    int treeDepth = 2;
    int checkpointInterval = 10;
    String[] methodOptions = new String[0];

    static Settings parse(String[] args) {
      Settings s = new Settings();
      for (int i = 0; i < args.length; i++) {
        String flag = args[i];
        if (flag.equals("--")) {
          s.methodOptions = Arrays.copyOfRange(args, i + 1, args.length);
          break;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(flag + " needs a value");
        }
        String v = args[++i];
        switch (flag) {
          case "--input": s.input = v; break;
          case "--format": s.format = v; break;
          case "--method": s.method = v; break;
          case "--rank": s.rank = positive(flag, v); break;
          case "--iterations": s.iterations = positive(flag, v); break;
          case "--tolerance": s.tolerance = number(flag, v); break;
          case "--seed": s.seed = wholeNumber(flag, v); break;
          case "--init": s.init = v; break;
          case "--init-sample": s.initSample = positive(flag, v); break;
          case "--partitions": s.partitions = positive(flag, v); break;
          case "--output": s.output = v; break;
          case "--master": s.master = v; break;
          case "--ignore": s.ignored.addAll(Arrays.asList(v.split(","))); break;
          case "--features": s.libsvmFeatures = positive(flag, v); break;
          case "--tree-depth": s.treeDepth = positive(flag, v); break;
          case "--checkpoint-interval": s.checkpointInterval = positive(flag, v); break;
          default:
            throw new IllegalArgumentException("unknown option " + flag);
        }
      }
      if (s.input == null || s.output == null) {
        throw new IllegalArgumentException("--input and --output are required");
      }
      if (!Arrays.asList("random", "kmeans", "nndsvd").contains(s.init)) {
        throw new IllegalArgumentException("--init " + s.init + " is not one of random, kmeans, nndsvd");
      }
      return s;
    }

    private static double number(String flag, String v) {
      try {
        return Double.parseDouble(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(flag + " needs a number, got '" + v + "'");
      }
    }

    private static long wholeNumber(String flag, String v) {
      try {
        return Long.parseLong(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(flag + " needs a whole number, got '" + v + "'");
      }
    }

    private static int positive(String flag, String v) {
      long value = wholeNumber(flag, v);
      if (value > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(flag + " must be at most " + Integer.MAX_VALUE + ", got " + value);
      }
      if (value < 1) {
        throw new IllegalArgumentException(flag + " must be at least 1, got " + value);
      }
      return (int) value;
    }
  }

  static String usage() {
    return "Usage: FactorizationJob --input PATH --output DIR [--format auto|arff|csv|libsvm|parquet|table-csv]\n"
        + "  [--method nmf|hals|l21|capped|anmf] [--rank n] [--iterations I] [--tolerance E] [--seed S]\n"
        + "  [--init random|kmeans|nndsvd] [--init-sample columns] [--partitions P] [--ignore col,col]\n"
        + "  [--features m (libsvm)] [--master local[2] (plain java)] [--tree-depth 2] [--checkpoint-interval 10]\n"
        + "  [-- options of the method's Weka clusterer, e.g. -alpha 0.6 -shift 0.1 for anmf, -cap-quantile 0.8]";
  }

  /** What a run produced (for tests and the benchmark). */
  static final class Result {
    final AbstractNMFClusterer model;
    final Factorization fit;
    final Factors start;
    final double seconds;
    /** Saved after the model, as Weka saves a clusterer (see {@link #write}). */
    final Instances inputHeader;
    final int[] ignoredAttributes;

    Result(AbstractNMFClusterer model, Factorization fit, Factors start, double seconds, InputData data) {
      this.model = model;
      this.fit = fit;
      this.start = start;
      this.seconds = seconds;
      this.inputHeader = data.inputHeader;
      this.ignoredAttributes = data.ignoredAttributes;
    }
  }

  public static void main(String[] args) throws Exception {
    int status = runFromCommandLine(args);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * The job from its command line: 0 once the output is written; 1 after a one-line error on
   * standard error (and the usage, for a malformed command line) when an option or the input is bad.
   */
  static int runFromCommandLine(String[] args) throws Exception {
    Settings settings;
    try {
      settings = Settings.parse(args);
      clusterer(settings); // the method's options are checked before Spark starts
    } catch (IllegalArgumentException e) {
      System.err.println("FactorizationJob: " + e.getMessage());
      System.err.println(usage());
      return 1;
    }
    SparkSession.Builder builder = SparkSession.builder().appName("adversarialNMF " + settings.method);
    if (settings.master != null) {
      builder.master(settings.master);
    }
    SparkSession spark = builder.getOrCreate();
    // Spark's INFO lines (thousands per fit) would bury the job's own progress, which stays at INFO
    spark.sparkContext().setLogLevel("WARN");
    Configurator.setLevel(FactorizationJob.class.getPackage().getName(), Level.INFO);
    try {
      run(spark, settings);
      return 0;
    } catch (IllegalArgumentException e) {
      System.err.println("FactorizationJob: " + e.getMessage());
      return 1;
    } finally {
      spark.stop();
    }
  }

  /** The clusterer of the method, with the job's common settings and the method's own options. */
  static AbstractNMFClusterer clusterer(Settings s) throws Exception {
    AbstractNMFClusterer c;
    List<String> options = new ArrayList<>();
    switch (s.method) {
      case "nmf":
        c = new NMF();
        options.addAll(Arrays.asList("-solver", "mu"));
        break;
      case "hals":
        c = new NMF();
        options.addAll(Arrays.asList("-solver", "hals"));
        break;
      case "l21":
        c = new L21NMF();
        break;
      case "capped":
        c = new CappedNMF();
        break;
      case "anmf":
        c = new ANMF();
        options.addAll(Arrays.asList("-solver", "gradient"));
        break;
      default:
        throw new IllegalArgumentException("--method " + s.method + " is not one of nmf, hals, l21, capped, anmf");
    }
    options.addAll(Arrays.asList(s.methodOptions));
    options.addAll(Arrays.asList("-N", "" + s.rank, "-I", "" + s.iterations, "-E", "" + s.tolerance,
        "-S", "" + s.seed, "-init", s.init));
    try {
      c.setOptions(options.toArray(new String[0]));
    } catch (Exception e) {
      throw new IllegalArgumentException("options of " + c.getClass().getName() + " after --: " + e.getMessage(), e);
    }
    if (c.getRestarts() > 1) {
      throw new IllegalArgumentException("-restarts " + c.getRestarts() + ": the job fits one start; run it once"
          + " per seed (--seed) and keep the lowest final objective (objective.csv)");
    }
    return c;
  }

  /** The core solver the clusterer would use, in block form. */
  static IterativeSolver solver(AbstractNMFClusterer c, StoppingRule stopping, double scale, DataMatrix summary,
      Random random) {
    if (c instanceof ANMF) {
      ANMF anmf = (ANMF) c;
      AttackerTarget target = anmf.getShift() >= 0 ? AttackerTarget.shift(anmf.getShift() * scale)
          : AttackerTarget.randomShift(summary, random);
      return new AnmfGradientSolver(anmf.model(), anmf.gradientSettings(), target, stopping);
    }
    if (c instanceof CappedNMF) {
      CappedNMF capped = (CappedNMF) c;
      boolean orthogonal = !capped.getLeeSeungCoefficients();
      return new CappedNmf(stopping, capped.getCap() > 0
          ? CappedNmf.Options.fixedCap(capped.getCap() * scale, orthogonal)
          : CappedNmf.Options.quantileCap(capped.getInlierQuantile(), orthogonal));
    }
    if (c instanceof L21NMF) {
      return new L21Nmf(stopping);
    }
    NmfSolver solver = EnumTags.value(((NMF) c).getSolver(), NmfSolver.class, "solver (-solver)");
    if (solver == NmfSolver.KL) {
      throw new IllegalArgumentException("NMF -solver kl has no column-block form; use --method nmf (MU) or hals");
    }
    return (IterativeSolver) solver.create(stopping);
  }

  /** Reads, fits and writes everything into the output directory. */
  static Result run(SparkSession spark, Settings s) throws Exception {
    return run(spark, s, RddColumnBlocks::new);
  }

  static Result run(SparkSession spark, Settings s, BlocksFactory factory) throws Exception {
    try {
      Result result = fit(spark, s, factory);
      write(spark, s, result);
      return result;
    } catch (SparkException e) {
      throw rootCause(e);
    }
  }

  /** The first bad-input error inside a failed Spark job (thrown by a task), or the job's own error. */
  static RuntimeException rootCause(SparkException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof IllegalArgumentException) {
        return (IllegalArgumentException) t;
      }
    }
    return new IllegalStateException(e.getMessage(), e);
  }

  /** Makes the RDD of blocks (tests substitute one whose tasks fail). */
  interface BlocksFactory {
    RddColumnBlocks create(JavaSparkContext context, JavaRDD<SparkBlock> blocks, int rows, int columns,
        int treeDepth, int checkpointInterval);
  }

  static Result fit(SparkSession spark, Settings s) throws Exception {
    return fit(spark, s, RddColumnBlocks::new);
  }

  static Result fit(SparkSession spark, Settings s, BlocksFactory factory) throws Exception {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    AbstractNMFClusterer face = clusterer(s);
    int partitions = s.partitions > 0 ? s.partitions : sc.defaultParallelism();
    long started = System.nanoTime();
    InputData data = InputData.read(spark, s.input, s.format, partitions, s.ignored, s.libsvmFeatures);
    if (data.columns < s.rank) {
      throw new IllegalArgumentException(s.input + ": " + data.columns + " instances are fewer than the rank "
          + s.rank + " (--rank)");
    }
    if (data.largest <= 0.0) {
      throw new IllegalArgumentException(s.input + ": all data values are zero; there is nothing to factorize");
    }
    InstancePreprocessing preprocessing = preprocessingOf(face, data);
    JavaRDD<SparkBlock> prepared = preprocessing.isIdentity() ? data.blocks
        : data.blocks.map(b -> new SparkBlock(b.offset, preprocessing.apply(b.y, 1.0), b.state, b.statistics));
    double largest = preprocessing.isIdentity() ? data.largest : prepared.map(b -> b.y.max()).reduce(Math::max);
    double scale = face.dataScale(largest, face.getClass().getName());
    // the same bits as the single-machine fit and as preprocessing.apply(instance, scale) for new instances
    JavaRDD<SparkBlock> scaled = scale == 1.0 ? prepared
        : prepared.map(b -> new SparkBlock(b.offset, b.y.scaled(scale), b.state, b.statistics));
    scaled = scaled.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
    BlockStatistics sums = BlockStatistics.ofSums(0.0, 0.0);
    for (BlockStatistics part : scaled.map(b -> BlockStatistics.ofSums(b.y.sum(), b.y.squaredNorm())).collect()) {
      sums.combine(part); // in column order, so that the start does not depend on task timing
    }
    DataMatrix summary = new BlockSummary(data.rows, data.columns, sums.sum(0), sums.sum(1));
    LOG.info("adversarialNMF: {} x {} {} data in {} blocks, scaled by {}", data.rows, data.columns,
        data.sparse ? "sparse" : "dense", partitions, scale);

    // the streams of the clusterer's first run (-S itself), so --init random gives its start
    RandomStreams streams = new RandomStreams(s.seed);
    Factors start = start(sc, s, face, scaled, summary, streams.initialisation());
    Broadcast<DenseMatrix> startXt = sc.broadcast(start.coefficients().transpose());
    JavaRDD<SparkBlock> withStart = scaled.map(b -> new SparkBlock(b.offset, b.y,
        BlockState.of(rowRange(startXt.value(), b.offset, b.y.cols())), null));
    RddColumnBlocks blocks = factory.create(sc, withStart, data.rows, data.columns, s.treeDepth,
        s.checkpointInterval);
    startXt.unpersist(false); // the driver keeps it until the ContextCleaner drops it
    scaled.unpersist(false);
    data.blocks.unpersist(false);

    StoppingRule stopping = new StoppingRule(s.iterations, s.tolerance);
    IterativeSolver solver = solver(face, stopping, scale, summary, streams.target());
    LOG.info("adversarialNMF: {} of rank {}, at most {} iterations", solver.describe(), s.rank, s.iterations);
    long fitStarted = System.nanoTime();
    long[] lastReport = {fitStarted - AbstractNMFClusterer.PROGRESS_INTERVAL_NANOS};
    Factorization fit = solver.fit(new ProgressLog(blocks), start, (iteration, cap, objective) -> {
      long now = System.nanoTime();
      if (now - lastReport[0] < AbstractNMFClusterer.PROGRESS_INTERVAL_NANOS) {
        return;
      }
      lastReport[0] = now;
      double perIteration = (now - fitStarted) / 1e9 / iteration;
      LOG.info("adversarialNMF: iteration {}/{}, objective {}, {} s per iteration, at most {} s to go", iteration,
          cap, objective, String.format("%.3f", perIteration), String.format("%.0f", perIteration * (cap - iteration)));
    });
    // training instances get their coefficients from the model's prediction rule, block by block
    Broadcast<OutOfSampleRule> rule = sc.broadcast(NmfClustering.coefficientRuleOf(fit, face.predictionRule()));
    DenseMatrix trainingCoefficients = ColumnBlocks.coefficientsOf(
        blocks.blocks().map(b -> rule.value().coefficients(b.y).transpose()).collect());
    rule.unpersist(false);
    blocks.release();
    NmfClustering model = NmfClustering.of(fit, trainingCoefficients, preprocessing, scale, face.assignment(),
        face.predictionRule(), streams.assignment());
    double seconds = (System.nanoTime() - started) / 1e9;
    if (face instanceof ANMF) {
      ((ANMF) face).adoptFit(data.trainingHeader, model, seconds, solver.describe(),
          ((AnmfGradientSolver) solver).target().describe());
    } else {
      face.adoptFit(data.trainingHeader, model, seconds);
    }
    LOG.info("adversarialNMF: {} iterations ({}), objective {}, {} s", fit.iterations(),
        fit.stopReason().description(), fit.finalObjective(), String.format("%.1f", seconds));
    return new Result(face, fit, start, seconds, data);
  }

  /** Rows [from, from + count) of xt. */
  static DenseMatrix rowRange(DenseMatrix xt, long from, int count) {
    int n = xt.cols();
    DenseMatrix out = new DenseMatrix(count, n);
    System.arraycopy(xt.data(), (int) from * n, out.data(), 0, count * n);
    return out;
  }

  /** The face's instance preprocessing, its tf-idf document frequencies counted block by block. */
  private static InstancePreprocessing preprocessingOf(AbstractNMFClusterer face, InputData data) {
    long nonzeros = data.blocks.map(b -> InstancePreprocessing.nonzeros(b.y)).reduce(Long::sum);
    long observed = data.blocks.map(b -> InstancePreprocessing.observedEntries(b.y)).reduce(Long::sum);
    boolean sparse = InstancePreprocessing.isSparseData(nonzeros, observed);
    int[] documentFrequencies = null;
    if (face.termWeighting().resolvedFor(sparse) == TermWeighting.TFIDF) {
      documentFrequencies = data.blocks.map(b -> InstancePreprocessing.documentFrequencies(b.y)).reduce((a, b) -> {
        int[] sum = a.clone();
        for (int i = 0; i < sum.length; i++) {
          sum[i] += b[i];
        }
        return sum;
      });
    }
    return InstancePreprocessing.of(face.termWeighting(), face.instanceNormalisation(), sparse,
        documentFrequencies, data.columns);
  }

  /**
   * The start: {@code random} exactly as the package's (A0 and X0 drawn on the driver from the
   * seed's stream, scaled by the data's mean from the block sums); k-means and NNDSVD run the
   * package's own code on Y collected to the driver when N is at most --init-sample, so the start
   * is the single-machine one, else on a seeded sample of that many columns, X0 then being the
   * indicator of the nearest centroid plus the offset (k-means) or the nonnegative least-squares
   * coefficients on A0 (NNDSVD), computed block by block.
   */
  static Factors start(JavaSparkContext sc, Settings s, AbstractNMFClusterer face, JavaRDD<SparkBlock> blocks,
      DataMatrix summary, Random random) {
    if (s.init.equals("random")) {
      return new RandomInitialization().initialize(summary, s.rank, random);
    }
    Initialization init = s.init.equals("kmeans") ? new KMeansInitialization(face.getIndicatorOffset())
        : new NndsvdInitialization();
    if (summary.cols() <= s.initSample) {
      return init.initialize(concatenate(blocks.map(b -> b.y).collect()), s.rank, random);
    }
    double fraction = Math.min(1.0, 1.2 * s.initSample / summary.cols());
    List<DataMatrix> sampled = blocks.map(b -> sampleColumns(b.y, fraction, s.seed + b.offset)).collect();
    Factors onSample = init.initialize(concatenate(sampled), s.rank, random);
    DenseMatrix a0 = onSample.basis();
    Broadcast<DenseMatrix> basis = sc.broadcast(a0);
    boolean kmeans = s.init.equals("kmeans");
    double offset = face.getIndicatorOffset();
    double floor = summary.sum() / ((double) summary.rows() * summary.cols()) / 100.0;
    List<DenseMatrix> parts = blocks.map(b -> kmeans ? nearestIndicator(b.y, basis.value(), offset)
        : projected(b.y, basis.value(), floor)).collect();
    basis.unpersist(false);
    return new Factors(a0, ColumnBlocks.coefficientsOf(parts));
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
    DenseMatrix xt = new adversarialnmf.solver.NonnegativeProjection(basis).coefficients(y).transpose();
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

  /** model.model, assignments/{parquet,csv} and objective.csv into the output directory. */
  static void write(SparkSession spark, Settings s, Result result) throws Exception {
    Path dir = new Path(s.output);
    FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
    fs.mkdirs(dir);
    // as Weka's ClusterEvaluation -d and the Explorer save a clusterer: the model, then the header a
    // test file must match (-l model.model -T test.arff), then the attributes removed before the model
    try (ObjectOutputStream out = new ObjectOutputStream(fs.create(new Path(dir, "model.model"), true))) {
      out.writeObject(result.model);
      out.writeObject(result.inputHeader);
      if (result.ignoredAttributes.length > 0) {
        out.writeObject(result.ignoredAttributes);
      }
    }
    try (PrintWriter out = new PrintWriter(new OutputStreamWriter(fs.create(new Path(dir, "objective.csv"), true),
        StandardCharsets.UTF_8))) {
      List<String> names = new ArrayList<>();
      result.fit.traceNames().forEach(names::add);
      out.print("iteration,objective");
      for (String name : names) {
        out.print("," + name.replace(' ', '_'));
      }
      out.println();
      double[] objective = result.fit.objectiveTrace();
      for (int i = 0; i < objective.length; i++) {
        out.print(i + "," + objective[i]);
        for (String name : names) {
          out.print("," + result.fit.trace(name)[i]);
        }
        out.println();
      }
    }
    DenseMatrix x = result.fit.coefficients();
    int[] labels = result.model.getTrainingAssignments();
    int n = x.rows();
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField("instance", DataTypes.IntegerType, false));
    fields.add(DataTypes.createStructField("cluster", DataTypes.IntegerType, false));
    for (int r = 0; r < n; r++) {
      fields.add(DataTypes.createStructField("x" + r, DataTypes.DoubleType, false));
    }
    List<Row> rows = new ArrayList<>(labels.length);
    for (int j = 0; j < labels.length; j++) {
      Object[] values = new Object[n + 2];
      values[0] = j + 1;
      values[1] = labels[j];
      for (int r = 0; r < n; r++) {
        values[r + 2] = x.get(r, j);
      }
      rows.add(RowFactory.create(values));
    }
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int partitions = Math.max(1, Math.min(s.partitions > 0 ? s.partitions : sc.defaultParallelism(), labels.length));
    Dataset<Row> assignments = spark.createDataFrame(sc.parallelize(rows, partitions), new StructType(fields.toArray(new StructField[0])));
    assignments.write().mode(SaveMode.Overwrite).parquet(new Path(dir, "assignments/parquet").toString());
    assignments.write().mode(SaveMode.Overwrite).option("header", "true").csv(new Path(dir, "assignments/csv").toString());
    LOG.info("adversarialNMF: wrote {}/model.model ({}), assignments/ and objective.csv", s.output,
        result.model.getClass().getName() + " " + Utils.joinOptions(result.model.getOptions()));
  }
}
