package adversarialnmf.experiments;

import adversarialnmf.init.KMeansInitialization;
import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseData;
import adversarialnmf.metrics.ClusteringScores;
import adversarialnmf.metrics.ContingencyTable;
import adversarialnmf.solver.Factorization;
import adversarialnmf.solver.Factors;
import adversarialnmf.solver.IterativeSolver;
import adversarialnmf.solver.StoppingRule;
import adversarialnmf.solver.anmf.AdmmSettings;
import adversarialnmf.solver.anmf.AnmfAdmmSolver;
import adversarialnmf.solver.anmf.AnmfGradientSolver;
import adversarialnmf.solver.anmf.AnmfModel;
import adversarialnmf.solver.anmf.AttackerTarget;
import adversarialnmf.solver.anmf.GradientSettings;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Random;

/**
 * ANMF's ADMM against the scalable gradient solver at equal CPU time (issue 7, part 3): objective
 * (9) and ACC on real data. Not a unit test. Run from the repository root:
 * <pre>
 * mvn -q -o test-compile
 * mvn -q -o dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -XX:ActiveProcessorCount=1 -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) \
 *   adversarialnmf.experiments.ScalableAnmfStudy [datasetDir] [budgetSeconds] [seeds] [sets] [t]
 * </pre>
 * defaults: ../shared/datasets, 30, 1, ORL_32x32,MNIST_test_bal1000, t drawn per seed (a given
 * t, e.g. 0 for Z = Y, replaces the draw; the draw still advances the Random). One processor, so that
 * the whole fit runs on the measuring thread (its CPU time by ThreadMXBean is the fit's cost).
 * Per data set and seed: Y divided by its maximum, k-means start (A0 = centroids, X0 = indicator +
 * 0.2) and shift t uniform in [0, 5σ], both from Random(seed), shared by both solvers; default
 * options; n = number of classes. Each solver first runs a short probe to measure its CPU time per
 * iteration, then a fresh fit with as many iterations as that predicts for its allowance
 * (tolerance 0): the ADMM's allowance is the budget, the gradient solver's the CPU time the ADMM's
 * fit actually took. The table gives the CPU time each fit actually took.
 */
public final class ScalableAnmfStudy {

  /** Iterations of the timing probe per solver (ADMM iterations cost several times more). */
  private static final int[] PROBE_ITERATIONS = {5, 40};

  private ScalableAnmfStudy() {
  }

  private interface SolverFactory {
    IterativeSolver create(AnmfModel model, AttackerTarget target, StoppingRule stopping);
  }

  public static void main(String[] args) throws Exception {
    String dir = args.length > 0 ? args[0] : "../shared/datasets";
    double budget = args.length > 1 ? Double.parseDouble(args[1]) : 30;
    int seeds = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    String[] sets = (args.length > 3 ? args[3] : "ORL_32x32,MNIST_test_bal1000").split(",");
    Double fixedShift = args.length > 4 ? Double.valueOf(args[4]) : null;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    AnmfModel options = AnmfModel.builder().build();
    String[] names = {"admm", "gradient"};
    SolverFactory[] factories = {
        (model, target, stopping) -> new AnmfAdmmSolver(model, AdmmSettings.builder().build(), target, stopping),
        (model, target, stopping) -> new AnmfGradientSolver(model, GradientSettings.builder().build(), target,
            stopping)};
    System.out.println("| data | seed | t | solver | iterations | CPU s | objective (9) start | objective (9) end | ACC |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    for (String set : sets) {
      LabelledData data = LabelledData.load(dir + "/" + set + ".arff.gz");
      DataMatrix raw = new DenseData(data.y);
      DataMatrix y = raw.scaled(1.0 / raw.max());
      for (int seed = 1; seed <= seeds; seed++) {
        Random random = new Random(seed);
        Factors start = new KMeansInitialization(0.2).initialize(y, data.classes, random);
        // as AttackerTarget.randomShift, drawn here to print t
        double drawn = 5.0 * AttackerTarget.entryStandardDeviation(y) * random.nextDouble();
        double t = fixedShift != null ? fixedShift : drawn;
        AttackerTarget target = AttackerTarget.shift(t);
        double allowed = budget;
        for (int s = 0; s < names.length; s++) {
          long probeStart = threads.getCurrentThreadCpuTime();
          factories[s].create(options, target, new StoppingRule(PROBE_ITERATIONS[s], 0)).fit(y, start);
          double perIteration = (threads.getCurrentThreadCpuTime() - probeStart) / 1e9 / PROBE_ITERATIONS[s];
          int iterations = Math.max(1, (int) (allowed / perIteration));
          long fitStart = threads.getCurrentThreadCpuTime();
          Factorization fit = factories[s].create(options, target, new StoppingRule(iterations, 0)).fit(y, start);
          double seconds = (threads.getCurrentThreadCpuTime() - fitStart) / 1e9;
          allowed = seconds; // the gradient solver gets the CPU time the ADMM actually used
          double acc = ClusteringScores.accuracy(ContingencyTable.ofLabels(data.labels, fit.argmaxAssignments()));
          double[] trace = fit.objectiveTrace();
          System.out.println(String.format(Locale.ROOT, "| %s | %d | %.4f | %s | %d | %.1f | %.6g | %.6g | %.4f |",
              data.name, seed, t, names[s], fit.iterations(), seconds, trace[0],
              fit.finalObjective(), acc));
        }
      }
    }
  }
}
