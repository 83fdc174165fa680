package adversarialnmf.spark;

import adversarialnmf.cluster.ClusteringFit;
import adversarialnmf.solver.Factorization;
import adversarialnmf.solver.ProgressListener;
import java.io.ObjectOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;
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
import weka.clusterers.AbstractNMFClusterer;
import weka.core.Instances;
import weka.core.Utils;

/**
 * Any NMF clusterer of the package on a data set too large for one machine, as a Spark job that
 * hands back the clusterer's own Weka model. The fit is the package's one fit path,
 * {@link ClusteringFit}, on Y cut into column blocks ({@link BlockData}, one per partition): every
 * iteration of the solver is its block form, a step per block and partial sums combined by a tree
 * reduction. The clusterer is named by its class and takes all its Weka options after {@code --};
 * the fitted clusterer is written as {@code model.model}.
 *
 * <pre>
 * spark-submit --class adversarialnmf.spark.FactorizationJob adversarialNMF-spark-1.0.0.jar \
 *   --input hdfs:///data/corpus.arff --method NMF --rank 20 --iterations 100 --seed 1 \
 *   --partitions 64 --output hdfs:///out/corpus [-- clusterer options, e.g. -solver hals]
 * </pre>
 */
public final class FactorizationJob {

  private static final Logger LOG = LoggerFactory.getLogger(FactorizationJob.class);

  private FactorizationJob() {
  }

  /** What a run produced (for tests and the benchmark). */
  static final class Result {
    final AbstractNMFClusterer model;
    final Factorization fit;
    final double seconds;
    /** Saved after the model, as Weka saves a clusterer (see {@link #write}). */
    final Instances inputHeader;
    final int[] ignoredAttributes;

    Result(AbstractNMFClusterer model, double seconds, InputData data) {
      this.model = model;
      this.fit = model.getFactorization();
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
    JobSettings settings;
    try {
      settings = JobSettings.parse(args);
      settings.clusterer(); // the clusterer's options are checked before Spark starts
    } catch (IllegalArgumentException e) {
      System.err.println("FactorizationJob: " + e.getMessage());
      System.err.println(JobSettings.usage());
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

  /** Reads, fits and writes everything into the output directory. */
  static Result run(SparkSession spark, JobSettings s) throws Exception {
    return run(spark, s, RddColumnBlocks::new);
  }

  static Result run(SparkSession spark, JobSettings s, BlockData.BlocksFactory factory) throws Exception {
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

  static Result fit(SparkSession spark, JobSettings s) throws Exception {
    return fit(spark, s, RddColumnBlocks::new);
  }

  /** The clusterer's fit by {@link ClusteringFit} on the input's column blocks, installed in the clusterer. */
  static Result fit(SparkSession spark, JobSettings s, BlockData.BlocksFactory factory) throws Exception {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    AbstractNMFClusterer face = s.clusterer();
    int partitions = s.partitions > 0 ? s.partitions : sc.defaultParallelism();
    InputData input = InputData.read(spark, s.input, s.format, partitions, s.ignored, s.libsvmFeatures);
    LOG.info("adversarialNMF: {} x {} {} data in {} blocks", input.rows, input.columns,
        input.sparse ? "sparse" : "dense", partitions);
    BlockData.Layout layout = new BlockData.Layout(sc, s.initSample, face.getSeed(), s.treeDepth,
        s.checkpointInterval, factory);
    BlockData data = new BlockData(layout, input.blocks, input.rows, input.columns, input.largest);
    ClusteringFit.Result result;
    try {
      result = ClusteringFit.run(data, face.fitSettings(), face.factorizationMethod(input.trainingHeader),
          ProgressListener.ofLines(line -> LOG.info("adversarialNMF: {}", line)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(s.input + ": " + e.getMessage(), e);
    } finally {
      data.release();
      input.blocks.unpersist(false);
    }
    for (String warning : result.warnings()) {
      LOG.warn("adversarialNMF: {}", warning);
    }
    face.adoptFit(input.trainingHeader, result, "fitted on column blocks by the Spark job");
    Factorization fit = face.getFactorization();
    LOG.info("adversarialNMF: {} iterations ({}), objective {}, {} s", fit.iterations(),
        fit.stopReason().description(), fit.finalObjective(), String.format("%.1f", result.seconds()));
    return new Result(face, result.seconds(), input);
  }

  /** model.model, assignments/{parquet,csv} and objective.csv into the output directory. */
  static void write(SparkSession spark, JobSettings s, Result result) throws Exception {
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
    double[][] x = result.model.getSolverCoefficients();
    int[] labels = result.model.getTrainingAssignments();
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField("instance", DataTypes.IntegerType, false));
    fields.add(DataTypes.createStructField("cluster", DataTypes.IntegerType, false));
    for (int r = 0; r < x.length; r++) {
      fields.add(DataTypes.createStructField("x" + r, DataTypes.DoubleType, false));
    }
    List<Row> rows = new ArrayList<>(labels.length);
    for (int j = 0; j < labels.length; j++) {
      Object[] values = new Object[x.length + 2];
      values[0] = j + 1;
      values[1] = labels[j];
      for (int r = 0; r < x.length; r++) {
        values[r + 2] = x[r][j];
      }
      rows.add(RowFactory.create(values));
    }
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int partitions = Math.max(1, Math.min(s.partitions > 0 ? s.partitions : sc.defaultParallelism(), labels.length));
    Dataset<Row> assignments = spark.createDataFrame(sc.parallelize(rows, partitions),
        new StructType(fields.toArray(new StructField[0])));
    assignments.write().mode(SaveMode.Overwrite).parquet(new Path(dir, "assignments/parquet").toString());
    assignments.write().mode(SaveMode.Overwrite).option("header", "true").csv(new Path(dir, "assignments/csv").toString());
    LOG.info("adversarialNMF: wrote {}/model.model ({}), assignments/ and objective.csv", s.output,
        result.model.getClass().getName() + " " + Utils.joinOptions(result.model.getOptions()));
  }
}
