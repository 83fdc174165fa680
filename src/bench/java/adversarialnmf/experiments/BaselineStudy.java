package adversarialnmf.experiments;

import adversarialnmf.weka.WekaData;
import adversarialnmf.init.KMeansInitialization;
import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.metrics.ClusteringScores;
import adversarialnmf.metrics.ContingencyTable;
import adversarialnmf.metrics.NmiNormalization;
import adversarialnmf.solver.CappedNmf;
import adversarialnmf.solver.Factorization;
import adversarialnmf.solver.FactorizationSolver;
import adversarialnmf.solver.Factors;
import adversarialnmf.solver.HalsNmf;
import adversarialnmf.solver.KullbackLeiblerNmf;
import adversarialnmf.solver.L21Nmf;
import adversarialnmf.solver.MultiplicativeUpdateNmf;
import adversarialnmf.solver.OrthogonalNmf;
import adversarialnmf.solver.StoppingRule;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * Clustering quality and cost of the baseline solvers on the shared benchmark sets, as the
 * clusterers run them: data divided by its largest value, the paper's k-means start
 * (A0 = centroids, X0 = indicator + 0.2; one start per seed, shared by all methods), rank = number
 * of classes, labels = argmax of each column of X, scored by Hungarian-matched ACC and NMI
 * (normalised by the larger entropy, as Cai's MutualInfo.m). Also times fixed-length runs for the per-iteration cost.
 *
 * <pre>
 * mvn -q -o test-compile
 * java -cp target/classes:target/test-classes:$(mvn -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *   adversarialnmf.experiments.BaselineStudy [seeds=10] [maxIterations=200] [tolerance=1e-4] [dataset dir]
 * </pre>
 */
public final class BaselineStudy {

  private BaselineStudy() {
  }

  static Map<String, Function<StoppingRule, FactorizationSolver>> methods() {
    Map<String, Function<StoppingRule, FactorizationSolver>> m = new LinkedHashMap<>();
    m.put("NMF-MU", MultiplicativeUpdateNmf::new);
    m.put("NMF-HALS", HalsNmf::new);
    m.put("NMF-KL", KullbackLeiblerNmf::new);
    m.put("ONMF", OrthogonalNmf::new);
    m.put("L21-NMF", L21Nmf::new);
    m.put("CNMF", rule -> new CappedNmf(rule, CappedNmf.Options.defaults()));
    m.put("CNMF-LS", rule -> new CappedNmf(rule,
        CappedNmf.Options.quantileCap(CappedNmf.Options.DEFAULT_INLIER_QUANTILE, false)));
    return m;
  }

  public static void main(String[] args) throws Exception {
    int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int maxIterations = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    double tolerance = args.length > 2 ? Double.parseDouble(args[2]) : 1e-4;
    String dir = args.length > 3 ? args[3] : "../shared/datasets";
    String[] sets = {"ORL_32x32", "Yale_32x32", "MNIST_test_bal150"};
    System.out.printf(Locale.ROOT, "threads available: %d; seeds 1..%d; StoppingRule(%d, %g)%n",
        Runtime.getRuntime().availableProcessors(), seeds, maxIterations, tolerance);
    System.out.println("| data | method | ACC | NMI | iterations | seconds per fit (solver only) |");
    System.out.println("|---|---|---|---|---|---|");
    for (String set : sets) {
      Instances data = load(dir + "/" + set + ".arff.gz");
      DataMatrix raw = WekaData.toMatrix(data, WekaData.featureIndices(data));
      DataMatrix y = raw.scaled(1.0 / raw.max());
      int k = data.classAttribute().numValues();
      int[] truth = new int[data.numInstances()];
      for (int j = 0; j < truth.length; j++) {
        truth[j] = (int) data.instance(j).classValue();
      }
      List<Factors> starts = new ArrayList<>();
      double[][] kmeans = new double[2][seeds];
      double startSeconds = 0.0;
      for (int s = 0; s < seeds; s++) {
        long t0 = System.nanoTime();
        Factors start = new KMeansInitialization(0.2).initialize(y, k, new Random(s + 1));
        startSeconds += (System.nanoTime() - t0) / 1e9;
        starts.add(start);
        int[] labels = argmax(start);
        kmeans[0][s] = acc(truth, labels);
        kmeans[1][s] = nmi(truth, labels);
      }
      System.out.printf(Locale.ROOT, "| %s | k-means (the start) | %s | %s | | %.3f (k-means) |%n", set,
          meanStd(kmeans[0]), meanStd(kmeans[1]), startSeconds / seeds);
      for (Map.Entry<String, Function<StoppingRule, FactorizationSolver>> method : methods().entrySet()) {
        FactorizationSolver solver = method.getValue().apply(new StoppingRule(maxIterations, tolerance));
        double[] accs = new double[seeds];
        double[] nmis = new double[seeds];
        double seconds = 0.0;
        double iterations = 0.0;
        for (int s = 0; s < seeds; s++) {
          long t0 = System.nanoTime();
          Factorization fit = solver.fit(y, starts.get(s));
          seconds += (System.nanoTime() - t0) / 1e9;
          iterations += fit.iterations();
          int[] labels = fit.argmaxAssignments();
          accs[s] = acc(truth, labels);
          nmis[s] = nmi(truth, labels);
        }
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %.0f | %.3f |%n", set, method.getKey(),
            meanStd(accs), meanStd(nmis), iterations / seeds, seconds / seeds);
      }
    }
    timePerIteration(dir, "ORL_32x32");
    timePerIteration(dir, "BBCSport");
  }

  /** CPU time of the whole process (all threads), nanoseconds. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * Milliseconds per iteration of fixed-length runs (tolerance 0), after a warm-up run: wall time
   * and process CPU time (the latter less sensitive to other load on a shared machine).
   */
  private static void timePerIteration(String dir, String set) throws Exception {
    Instances data = load(dir + "/" + set + ".arff.gz");
    DataMatrix raw = WekaData.toMatrix(data, WekaData.featureIndices(data));
    DataMatrix y = raw.scaled(1.0 / raw.max());
    int k = data.classAttribute().numValues();
    Factors start = new KMeansInitialization(0.2).initialize(y, k, new Random(1));
    int iterations = 50;
    System.out.printf(Locale.ROOT, "%n%s: %d x %d, %s, %d stored entries, rank %d; ms per iteration over %d iterations"
        + " (best of 3 after a warm-up)%n", set, y.rows(), y.cols(), y.isSparse() ? "sparse" : "dense",
        y.storedEntries(), k, iterations);
    for (Map.Entry<String, Function<StoppingRule, FactorizationSolver>> method : methods().entrySet()) {
      FactorizationSolver solver = method.getValue().apply(new StoppingRule(iterations, 0.0));
      solver.fit(y, start);
      double bestWall = Double.POSITIVE_INFINITY;
      double bestCpu = Double.POSITIVE_INFINITY;
      for (int r = 0; r < 3; r++) {
        long c0 = processCpuNanos();
        long t0 = System.nanoTime();
        solver.fit(y, start);
        bestWall = Math.min(bestWall, (System.nanoTime() - t0) / 1e6 / iterations);
        bestCpu = Math.min(bestCpu, (processCpuNanos() - c0) / 1e6 / iterations);
      }
      System.out.printf(Locale.ROOT, "  %-9s %8.2f ms wall %8.2f ms CPU%n", method.getKey(), bestWall, bestCpu);
    }
  }

  private static Instances load(String path) throws Exception {
    Instances data = DataSource.read(path);
    data.setClassIndex(data.numAttributes() - 1);
    return data;
  }

  private static int[] argmax(Factors start) {
    return Factorization.builder().factors(start.basis(), start.coefficients())
        .objectiveTrace(new double[] {0.0}).build().argmaxAssignments();
  }

  private static double acc(int[] truth, int[] labels) {
    return ClusteringScores.accuracy(ContingencyTable.ofLabels(truth, labels));
  }

  private static double nmi(int[] truth, int[] labels) {
    return ClusteringScores.normalizedMutualInformation(ContingencyTable.ofLabels(truth, labels),
        NmiNormalization.MAX);
  }

  private static String meanStd(double[] v) {
    double mean = 0.0;
    for (double x : v) {
      mean += x / v.length;
    }
    double var = 0.0;
    for (double x : v) {
      var += (x - mean) * (x - mean) / Math.max(1, v.length - 1);
    }
    return String.format(Locale.ROOT, "%.4f ± %.4f", mean, Math.sqrt(var));
  }
}
