package adversarialnmf.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.solver.ColumnBlocks;
import adversarialnmf.solver.Factorization;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import weka.clusterers.ANMF;
import weka.clusterers.AbstractNMFClusterer;
import weka.clusterers.ClusterEvaluation;
import weka.clusterers.NMF;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.converters.ConverterUtils.DataSource;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.Remove;

/**
 * The Spark job in local mode (2 threads, 4 blocks) against the single-machine package, from the
 * same random start: the factors agree to 1e-9 (relative, largest entry) and the clusters
 * exactly; the model file loads and predicts as the package's own model; a task that fails once
 * is retried with the same result; bad input fails at once, naming the file and the line.
 */
class FactorizationJobTest {

  /** local[2, 2]: two threads, and a failed task is tried once more (plain local[2] never retries). */
  static final String MASTER = "local[2,2]";
  static final int PARTITIONS = 4;
  static final double TOLERANCE = 1e-9;

  static SparkSession spark;

  @TempDir
  Path output;

  @BeforeAll
  static void startSpark() {
    spark = SparkSession.builder().master(MASTER).appName("FactorizationJobTest")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1").config("spark.sql.shuffle.partitions", "4")
        .getOrCreate();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  static File dataset(String name) {
    File dir = new File(System.getProperty("datasets.dir", "../../shared/datasets"));
    File file = new File(dir, name);
    assertTrue(file.isFile(), "the shared data set " + file.getAbsolutePath()
        + " is missing: the tests read shared/datasets beside the clone (or set -Ddatasets.dir)");
    return file;
  }

  /** The data without the class, as the job factorizes them (numeric attributes only). */
  static Instances withoutClass(File file) throws Exception {
    Instances data = DataSource.read(file.getPath());
    Remove remove = new Remove();
    remove.setAttributeIndices("last");
    remove.setInputFormat(data);
    return Filter.useFilter(data, remove);
  }

  /**
   * The job's settings for a method of the test's short names: nmf (MU), hals, l21, capped and anmf
   * (its gradient solver, the one with a block form, also on one machine so the two fits compare).
   */
  JobSettings settings(File input, String method, int rank, int iterations, String... methodOptions) {
    JobSettings s = new JobSettings();
    s.input = input.getPath();
    List<String> options = new ArrayList<>();
    switch (method) {
      case "hals": s.method = "NMF"; options.addAll(Arrays.asList("-solver", "hals")); break;
      case "l21": s.method = "L21NMF"; break;
      case "capped": s.method = "CappedNMF"; break;
      case "anmf": s.method = "weka.clusterers.ANMF"; options.addAll(Arrays.asList("-solver", "gradient")); break;
      default: s.method = "NMF";
    }
    options.addAll(Arrays.asList(methodOptions));
    s.rank = rank;
    s.iterations = iterations;
    s.tolerance = 0.0; // both runs take every iteration
    s.seed = 3L;
    s.init = "random";
    s.partitions = PARTITIONS;
    s.output = output.resolve(method).toString();
    s.methodOptions = options.toArray(new String[0]);
    return s;
  }

  /** The package's clusterer with the job's settings, fitted on one machine. */
  static AbstractNMFClusterer singleMachine(JobSettings s, Instances data) throws Exception {
    AbstractNMFClusterer c = s.clusterer();
    c.buildClusterer(data);
    return c;
  }

  static double relativeDifference(DenseMatrix expected, DenseMatrix actual) {
    double scale = 0.0;
    double diff = 0.0;
    for (int i = 0; i < expected.data().length; i++) {
      scale = Math.max(scale, Math.abs(expected.data()[i]));
      diff = Math.max(diff, Math.abs(expected.data()[i] - actual.data()[i]));
    }
    return diff / scale;
  }

  static void assertAgree(AbstractNMFClusterer single, FactorizationJob.Result job, String what) {
    Factorization expected = single.getFactorization();
    Factorization actual = job.fit;
    assertEquals(expected.iterations(), actual.iterations(), what);
    double a = relativeDifference(expected.basis(), actual.basis());
    double x = relativeDifference(expected.coefficients(), actual.coefficients());
    double objective = Math.abs(expected.finalObjective() - actual.finalObjective()) / expected.finalObjective();
    System.out.printf("agreement %s: A %.2e, X %.2e, objective %.2e%n", what, a, x, objective);
    assertTrue(a <= TOLERANCE, what + ": A differs by " + a);
    assertTrue(x <= TOLERANCE, what + ": X differs by " + x);
    if (expected.hasAdversarialBasis()) {
      double adversarial = relativeDifference(expected.adversarialBasis(), actual.adversarialBasis());
      System.out.printf("agreement %s: adversarial A %.2e%n", what, adversarial);
      assertTrue(adversarial <= TOLERANCE, what + ": adversarial A differs by " + adversarial);
    }
    assertArrayEquals(single.getTrainingAssignments(), job.model.getTrainingAssignments(), what + ": clusters");
  }

  @ParameterizedTest(name = "MNIST-1000, {0}")
  @CsvSource({"nmf, 30", "hals, 30", "l21, 30", "capped, 30", "anmf, 30"})
  void mnistAgreesWithTheSingleMachineFit(String method, int iterations) throws Exception {
    File file = dataset("MNIST_test_bal1000.arff.gz");
    JobSettings s = settings(file, method, 10, iterations);
    FactorizationJob.Result job = FactorizationJob.run(spark, s);
    assertAgree(singleMachine(s, withoutClass(file)), job, "MNIST-1000 " + method);
  }

  @ParameterizedTest(name = "BBCSport (sparse), {0}")
  @CsvSource({"hals, 25", "anmf, 25"})
  void sparseBbcSportAgreesWithTheSingleMachineFit(String method, int iterations) throws Exception {
    File file = dataset("BBCSport.arff.gz");
    JobSettings s = settings(file, method, 5, iterations);
    FactorizationJob.Result job = FactorizationJob.run(spark, s);
    assertAgree(singleMachine(s, withoutClass(file)), job, "BBCSport " + method);
  }

  @Test
  void theLiteraturesTextProtocolOnSparseBbcSportAgreesWithTheSingleMachineFit() throws Exception {
    File file = dataset("BBCSport.arff.gz");
    JobSettings s = settings(file, "hals", 5, 25, "-term-weighting", "tfidf", "-normalize", "l2",
        "-assign", "kmeans", "-assign-restarts", "3");
    FactorizationJob.Result job = FactorizationJob.run(spark, s);
    AbstractNMFClusterer single = singleMachine(s, withoutClass(file));
    assertTrue(single.getModel().preprocessing().attributeWeights() != null, "the fit used tf-idf");
    assertAgree(single, job, "BBCSport hals, tf-idf and unit length, k-means assignment");
  }

  /**
   * model.model is what Weka's command line and Explorer save for a clusterer (the model, then the
   * input's header): {@code -l model.model -T} the job's own ARFF (class included) clusters every
   * training instance where the fit put it, and the model predicts as the single-machine one.
   */
  @Test
  void theModelFileEvaluatesInWekaAsTheSingleMachineModel() throws Exception {
    File file = dataset("MNIST_test_bal1000.arff.gz");
    JobSettings s = settings(file, "anmf", 10, 20);
    FactorizationJob.Result job = FactorizationJob.run(spark, s);
    String modelFile = output.resolve("anmf").resolve("model.model").toString();
    Instances full = DataSource.read(file.getPath());
    Instances data = withoutClass(file);
    AbstractNMFClusterer single = singleMachine(s, data);

    Object[] saved = SerializationHelper.readAll(modelFile);
    assertEquals(2, saved.length, "the model and the input's header (nothing ignored)");
    assertEquals(single.getClass(), saved[0].getClass(), "the package's own model class");
    assertTrue(full.equalHeaders((Instances) saved[1]), full.equalHeadersMsg((Instances) saved[1]));
    AbstractNMFClusterer model = (AbstractNMFClusterer) saved[0];
    assertTrue(model.toString().contains("ANMF"), model.toString());
    for (int j = 0; j < data.numInstances(); j += 7) {
      assertEquals(single.clusterInstance(data.instance(j)), model.clusterInstance(full.instance(j)), "instance " + j);
      double[] expected = single.distributionForInstance(data.instance(j));
      double[] actual = model.distributionForInstance(full.instance(j));
      for (int r = 0; r < expected.length; r++) {
        assertEquals(expected[r], actual[r], 1e-9, "membership of instance " + j);
      }
    }

    int[] trainingLabels = job.model.getTrainingAssignments();
    String predictions = ClusterEvaluation.evaluateClusterer(new ANMF(),
        new String[] {"-l", modelFile, "-T", file.getPath(), "-p", "0"});
    int[] evaluated = Arrays.stream(predictions.trim().split("\n"))
        .mapToInt(line -> Integer.parseInt(line.trim().split("\\s+")[1])).toArray();
    assertArrayEquals(trainingLabels, evaluated, "clusters of -l model.model -T the job's ARFF -p 0");
    String evaluation = ClusterEvaluation.evaluateClusterer(new ANMF(),
        new String[] {"-l", modelFile, "-T", file.getPath()});
    int[] sizes = new int[model.numberOfClusters()];
    for (int label : trainingLabels) {
      sizes[label]++;
    }
    String testStats = evaluation.substring(evaluation.indexOf("=== Clustering stats for testing data ==="));
    for (int c = 0; c < sizes.length; c++) {
      if (sizes[c] > 0) {
        assertTrue(testStats.matches("(?s).*\\n\\s*" + c + "\\s+" + sizes[c] + " \\(.*"),
            "cluster " + c + " of " + sizes[c] + " instances in\n" + evaluation);
      }
    }

    List<String> objective = Files.readAllLines(output.resolve("anmf").resolve("objective.csv"));
    assertEquals("iteration,objective,X_step", objective.get(0));
    assertEquals(21, objective.size() - 1, "objective at the start and after each of 20 iterations");
    Dataset<Row> assignments = spark.read().parquet(output.resolve("anmf").resolve("assignments/parquet").toString());
    assertEquals(data.numInstances(), assignments.count());
    Row first = assignments.where("instance = 1").first();
    assertEquals(single.getTrainingAssignments()[0], first.getInt(1));
    assertEquals(data.numInstances(),
        spark.read().option("header", "true").csv(output.resolve("anmf").resolve("assignments/csv").toString()).count());
  }

  /** With --ignore, the model file names the ignored attributes, which Weka removes before the model sees a row. */
  @Test
  void ignoredAttributesAreSavedForWekaToRemove() throws Exception {
    Path arff = write("ignored.arff", "@relation r", "@attribute id numeric", "@attribute a numeric",
        "@attribute b numeric", "@attribute class {x,y}", "@data", "1,1,0,x", "2,0,1,y", "3,2,0,x", "4,0,2,y",
        "5,3,1,x", "6,1,3,y");
    JobSettings s = settings(arff.toFile(), "nmf", 2, 20);
    s.partitions = 2;
    s.ignored.add("id");
    FactorizationJob.run(spark, s);
    String modelFile = output.resolve("nmf").resolve("model.model").toString();
    Object[] saved = SerializationHelper.readAll(modelFile);
    assertEquals(4, ((Instances) saved[1]).numAttributes(), "the input's header, id included");
    assertArrayEquals(new int[] {0}, (int[]) saved[2], "id removed before the model");
    assertEquals(3, ((AbstractNMFClusterer) saved[0]).getFittedModel().numAttributes(), "a, b and the class");
    String evaluation = ClusterEvaluation.evaluateClusterer(new NMF(),
        new String[] {"-l", modelFile, "-T", arff.toString()});
    String testStats = evaluation.substring(evaluation.indexOf("=== Clustering stats for testing data ==="));
    assertTrue(!testStats.contains("Unclustered"), evaluation);
  }

  /** A bad option ends the job before Spark starts, with status 1 and one line naming the option. */
  @Test
  void aBadOptionExitsWithStatusOneAndNamesIt() throws Exception {
    String[][] commands = {
        {"--input", "in.arff", "--output", "out", "--rank", "ten"},
        {"--input", "in.arff", "--output", "out", "--colour", "red"},
        {"--input", "in.arff", "--output", "out", "--method", "ANMF", "--", "-alpha", "much"}};
    String[] expected = {"FactorizationJob: --rank needs a whole number, got 'ten'",
        "FactorizationJob: unknown option --colour", "FactorizationJob: options of weka.clusterers.ANMF after --: "};
    for (int i = 0; i < commands.length; i++) {
      java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
      java.io.PrintStream original = System.err;
      int status;
      try (java.io.PrintStream capture = new java.io.PrintStream(printed, true, "UTF-8")) {
        System.setErr(capture);
        status = FactorizationJob.runFromCommandLine(commands[i]);
      } finally {
        System.setErr(original);
      }
      String[] lines = new String(printed.toByteArray(), StandardCharsets.UTF_8).split("\n");
      assertEquals(1, status, String.join("\n", lines));
      assertTrue(lines[0].startsWith(expected[i]), lines[0]);
      assertTrue(lines[1].startsWith("Usage: FactorizationJob"), lines[1]);
      assertTrue(Arrays.stream(lines).noneMatch(line -> line.trim().startsWith("at ")), "no stack trace");
    }
  }

  /** Restarts run on the blocks one after another and keep the run a single machine keeps. */
  @Test
  void restartsAgreeWithTheSingleMachineFit() throws Exception {
    File file = dataset("MNIST_test_bal150.arff.gz");
    JobSettings s = settings(file, "hals", 10, 15, "-restarts", "3");
    FactorizationJob.Result job = FactorizationJob.run(spark, s);
    AbstractNMFClusterer single = singleMachine(s, withoutClass(file));
    assertEquals(3, job.model.getRuns().count());
    assertEquals(single.getRuns().best(), job.model.getRuns().best(), "the kept run");
    assertAgree(single, job, "MNIST-150 hals, 3 restarts");
  }

  /**
   * A target the block solver cannot take is refused by name (the job once accepted and ignored
   * it), as is a clusterer that is not one of the package's.
   */
  @Test
  void whatHasNoBlockFormIsRefusedNamingIt() throws Exception {
    File file = dataset("MNIST_test_bal150.arff.gz");
    JobSettings filterTarget = settings(file, "anmf", 3, 2, "-target", "weka.filters.AllFilter");
    String message = assertThrows(IllegalArgumentException.class, () -> FactorizationJob.fit(spark, filterTarget))
        .getMessage();
    assertTrue(message.contains("weka.filters.AllFilter") && message.contains("-target shift"), message);
    JobSettings admm = settings(file, "nmf", 3, 2);
    admm.method = "ANMF";
    admm.methodOptions = new String[] {"-solver", "admm"};
    message = assertThrows(IllegalArgumentException.class, () -> FactorizationJob.fit(spark, admm)).getMessage();
    assertTrue(message.contains("-solver gradient"), message);
    JobSettings foreign = settings(file, "nmf", 3, 2);
    foreign.method = "SimpleKMeans";
    message = assertThrows(IllegalArgumentException.class, foreign::clusterer).getMessage();
    assertTrue(message.contains("weka.clusterers.SimpleKMeans is not one of the package's NMF clusterers"), message);
  }

  /** Fails the first attempt of partition 1's task at the fifth update of a fit, once per JVM. */
  static final AtomicBoolean FAILED = new AtomicBoolean();

  static final class FailingOnce extends RddColumnBlocks {
    private final AtomicInteger updates = new AtomicInteger();

    FailingOnce(JavaSparkContext context, JavaRDD<SparkBlock> blocks, int rows, int columns, int depth, int interval) {
      super(context, blocks, rows, columns, depth, interval);
    }

    @Override
    protected ColumnBlocks.BlockStep taskStep(ColumnBlocks.BlockStep step) {
      if (updates.incrementAndGet() != 5) {
        return step;
      }
      return (y, state) -> {
        TaskContext task = TaskContext.get();
        if (task.partitionId() == 1 && task.attemptNumber() == 0 && FAILED.compareAndSet(false, true)) {
          throw new IllegalStateException("injected failure of one task");
        }
        return step.apply(y, state);
      };
    }
  }

  @Test
  void aTaskThatFailsOnceIsRetriedAndTheResultIsUnchanged() throws Exception {
    File file = dataset("MNIST_test_bal1000.arff.gz");
    JobSettings s = settings(file, "hals", 10, 12);
    FactorizationJob.Result clean = FactorizationJob.fit(spark, s);
    FactorizationJob.Result retried = FactorizationJob.fit(spark, s, FailingOnce::new);
    assertTrue(FAILED.get(), "the injected failure happened");
    assertArrayEquals(clean.fit.basis().data(), retried.fit.basis().data(), "A, bit for bit");
    assertArrayEquals(clean.fit.coefficients().data(), retried.fit.coefficients().data(), "X, bit for bit");
    assertArrayEquals(clean.fit.objectiveTrace(), retried.fit.objectiveTrace(), "objective trace");
  }

  Path write(String name, String... lines) throws IOException {
    Path file = output.resolve(name);
    Files.write(file, Arrays.asList(lines), StandardCharsets.UTF_8);
    return file;
  }

  String failure(Path input, String format) {
    JobSettings s = new JobSettings();
    s.input = input.toString();
    s.format = format;
    s.rank = 2;
    s.iterations = 3;
    s.init = "random";
    s.partitions = 2;
    s.output = output.resolve("bad").toString();
    return assertThrows(IllegalArgumentException.class, () -> FactorizationJob.run(spark, s)).getMessage();
  }

  @Test
  void badInputFailsFastNamingTheFileAndTheLine() throws Exception {
    Path negative = write("negative.arff", "@relation r", "@attribute a numeric", "@attribute b numeric",
        "@attribute class {x,y}", "@data", "1,2,x", "3,4,y", "% a comment", "5,-6,x", "7,8,y");
    String message = failure(negative, "auto");
    assertTrue(message.contains(negative.toString()) && message.contains("line 9")
        && message.contains("instance 3") && message.contains("negative value -6.0"), message);

    Path missing = write("missing.csv", "a,b,c", "1,2,3", "4,5", "7,8,9");
    message = failure(missing, "auto");
    assertTrue(message.contains(missing.toString()) && message.contains("line 3")
        && message.contains("a column is missing"), message);

    Path absent = write("absent.arff", "@relation r", "@attribute a numeric", "@attribute b numeric", "@data",
        "1,2", "?,4");
    message = failure(absent, "arff");
    assertTrue(message.contains("line 6") && message.contains("missing"), message);
  }

  @Test
  void libsvmAndParquetInputsGiveTheSameFitAsTheArff() throws Exception {
    List<String> libsvm = new ArrayList<>();
    List<String> arff = new ArrayList<>(Arrays.asList("@relation small", "@attribute f1 numeric",
        "@attribute f2 numeric", "@attribute f3 numeric", "@data"));
    double[][] rows = {{1, 0, 2}, {0, 3, 1}, {4, 1, 0}, {2, 2, 2}, {0, 0, 5}, {3, 0, 1}};
    for (double[] r : rows) {
      arff.add(r[0] + "," + r[1] + "," + r[2]);
      StringBuilder line = new StringBuilder("0");
      for (int i = 0; i < 3; i++) {
        if (r[i] != 0) {
          line.append(' ').append(i + 1).append(':').append(r[i]);
        }
      }
      libsvm.add(line.toString());
    }
    Path arffFile = write("small.arff", arff.toArray(new String[0]));
    Path libsvmFile = write("small.libsvm", libsvm.toArray(new String[0]));
    JobSettings s = settings(arffFile.toFile(), "nmf", 2, 10);
    s.partitions = 2;
    FactorizationJob.Result fromArff = FactorizationJob.run(spark, s);
    Path parquet = output.resolve("small.parquet");
    Instances data = DataSource.read(arffFile.toString());
    List<Row> table = new ArrayList<>();
    for (Instance instance : data) {
      table.add(org.apache.spark.sql.RowFactory.create(instance.value(0), instance.value(1), instance.value(2)));
    }
    spark.createDataFrame(table, new org.apache.spark.sql.types.StructType()
        .add("f1", "double").add("f2", "double").add("f3", "double")).coalesce(1).write().parquet(parquet.toString());
    for (Path other : new Path[] {libsvmFile, parquet}) {
      JobSettings t = settings(other.toFile(), "nmf", 2, 10);
      t.partitions = 2;
      t.output = output.resolve("other-" + other.getFileName()).toString();
      FactorizationJob.Result result = FactorizationJob.run(spark, t);
      assertTrue(relativeDifference(fromArff.fit.basis(), result.fit.basis()) <= 1e-12, other.toString());
      assertTrue(relativeDifference(fromArff.fit.coefficients(), result.fit.coefficients()) <= 1e-12, other.toString());
    }
  }
}
