package adversarialnmf.experiments;

import adversarialnmf.init.KMeansInitialization;
import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseData;
import adversarialnmf.metrics.ClusteringScores;
import adversarialnmf.metrics.ContingencyTable;
import adversarialnmf.solver.Factorization;
import adversarialnmf.solver.Factors;
import adversarialnmf.solver.FactorizationSolver;
import adversarialnmf.solver.MultiplicativeUpdateNmf;
import adversarialnmf.solver.StoppingRule;
import adversarialnmf.solver.anmf.AdmmSettings;
import adversarialnmf.solver.anmf.AnmfAdmmSolver;
import adversarialnmf.solver.anmf.AnmfModel;
import adversarialnmf.solver.anmf.AttackerTarget;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Convergence and ACC of the ANMF ADMM variants on real data (the table of docs/ALGORITHM.md).
 * Not a unit test. Run from the repository root:
 * <pre>
 * mvn -q -o test-compile
 * mvn -q -o dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) \
 *   adversarialnmf.experiments.AnmfConvergenceStudy [datasetDir] [iterations] [seeds] [sets] [variants]
 * </pre>
 * defaults: ../shared/datasets, 200, 3, MNIST_test_bal150,Yale_32x32,ORL_32x32, all variants.
 * Every run: k-means start (A0 = centroids, X0 = indicator + 0.2) and the shift target
 * Z = Y + t·1 with t uniform in [0, 5σ], both from Random(seed); n = number of classes. Every run
 * goes to the iteration cap (equal iterations); the last columns give the first iteration at which
 * the RELATIVE_CHANGE rule (tolerance 1e-3, 1e-4) and the RELATIVE_RESIDUALS rule (1e-3) would
 * have stopped it (-1: not within the cap). Variants are separated by ';' on the command line.
 */
public final class AnmfConvergenceStudy {

  private static final double TOLERANCE = 0.0;

  private AnmfConvergenceStudy() {
  }

  /** A named solver configuration; {@code scaleData} divides Y by its maximum first. */
  private static final class Variant {
    final AdmmSettings options;
    final boolean scaleData;

    Variant(AdmmSettings options, boolean scaleData) {
      this.options = options;
      this.scaleData = scaleData;
    }
  }

  static Map<String, Variant> variants() {
    Map<String, Variant> v = new LinkedHashMap<>();
    AdmmSettings paper = AdmmSettings.paperSettings().toBuilder()
        .toleranceRule(AdmmSettings.ToleranceRule.RELATIVE_RESIDUALS).build();
    AdmmSettings exact = paper.toBuilder().rescaleStart(true).uUpdate(AdmmSettings.UUpdate.EXACT_NONNEGATIVE).build();
    v.put("paper", new Variant(paper, false));
    v.put("mu10,clip,rescale", new Variant(paper.toBuilder().mu(10).rescaleStart(true).build(), false));
    v.put("mu100,clip,rescale", new Variant(paper.toBuilder().mu(100).rescaleStart(true).build(), false));
    v.put("mu100,clip,noRescale", new Variant(paper.toBuilder().mu(100).build(), false));
    v.put("mu100,exact,rescale", new Variant(exact.toBuilder().mu(100).build(), false));
    v.put("mu1000,exact,rescale", new Variant(exact.toBuilder().mu(1000).build(), false));
    v.put("adaptive(mu100),exact,rescale", new Variant(exact.toBuilder().mu(100).adaptivePenalty(true).build(), false));
    v.put("Y/max,paper", new Variant(paper, true));
    v.put("Y/max,mu1,exact,rescale", new Variant(exact, true));
    v.put("Y/max,mu100,exact,rescale", new Variant(exact.toBuilder().mu(100).build(), true));
    v.put("defaults", new Variant(AdmmSettings.builder().build(), false));
    v.put("Y/max,defaults", new Variant(AdmmSettings.builder().build(), true));
    v.put("nmf-mu", null);
    return v;
  }

  /** First iteration at which the RELATIVE_CHANGE (or RELATIVE_RESIDUALS) rule with tol would stop; -1 if never. */
  private static int firstStop(double[] objective, double[] primal, double[] dual, double tol, boolean residuals) {
    for (int k = 1; k < objective.length; k++) {
      boolean second = residuals ? dual[k] <= tol
          : Math.abs(objective[k - 1] - objective[k]) <= tol * Math.abs(objective[k - 1]);
      if (primal[k] <= tol && second) {
        return k;
      }
    }
    return -1;
  }

  public static void main(String[] args) throws Exception {
    String dir = args.length > 0 ? args[0] : "../shared/datasets";
    int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int seeds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    String[] sets = (args.length > 3 ? args[3] : "MNIST_test_bal150,Yale_32x32,ORL_32x32").split(",");
    Map<String, Variant> all = variants();
    String[] chosen = args.length > 4 ? args[4].split(";") : all.keySet().toArray(new String[0]);
    System.out.println("| data | variant | seed | iterations | stop | rel. primal | rel. dual | objective (9) | final mu | ACC | CPU seconds |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
    for (String set : sets) {
      LabelledData data = LabelledData.load(dir + "/" + set + ".arff.gz");
      DataMatrix raw = new DenseData(data.y);
      for (String name : chosen) {
        if (!all.containsKey(name)) {
          throw new IllegalArgumentException("unknown variant " + name + "; known: " + all.keySet());
        }
        Variant variant = all.get(name);
        double accSum = 0;
        double accSq = 0;
        for (int seed = 1; seed <= seeds; seed++) {
          DataMatrix y = variant != null && variant.scaleData ? raw.scaled(1.0 / raw.max()) : raw;
          Random random = new Random(seed);
          Factors start = new KMeansInitialization(0.2).initialize(y, data.classes, random);
          AttackerTarget target = AttackerTarget.randomShift(y, random);
          FactorizationSolver solver = variant == null
              ? new MultiplicativeUpdateNmf(new StoppingRule(iterations, 0.0))
              : new AnmfAdmmSolver(AnmfModel.builder().build(),
                  variant.options, target, new StoppingRule(iterations, TOLERANCE));
          // CPU time of this thread: wall time is meaningless on a shared machine
          java.lang.management.ThreadMXBean clock = java.lang.management.ManagementFactory.getThreadMXBean();
          long t0 = clock.getCurrentThreadCpuTime();
          Factorization fit = solver.fit(y, start);
          double seconds = (clock.getCurrentThreadCpuTime() - t0) / 1e9;
          double acc = ClusteringScores.accuracy(ContingencyTable.ofLabels(data.labels, fit.argmaxAssignments()));
          accSum += acc;
          accSq += acc * acc;
          double[] primal = fit.trace(AnmfAdmmSolver.PRIMAL_RESIDUAL);
          double[] dual = fit.trace(AnmfAdmmSolver.DUAL_RESIDUAL);
          double[] mu = fit.trace(AnmfAdmmSolver.PENALTY);
          double attackedFit = Math.sqrt(adversarialnmf.solver.Residuals.squaredResidual(y,
              fit.hasAdversarialBasis() ? fit.adversarialBasis() : fit.basis(), fit.coefficients()) / y.squaredNorm());
          String stops = primal == null ? "" : String.format(Locale.ROOT,
              " change≤1e-3 at %d, change≤1e-4 at %d, residuals≤1e-3 at %d",
              firstStop(fit.objectiveTrace(), primal, dual, 1e-3, false),
              firstStop(fit.objectiveTrace(), primal, dual, 1e-4, false),
              firstStop(fit.objectiveTrace(), primal, dual, 1e-3, true));
          System.out.printf(Locale.ROOT, "| %s | %s | %d | %d | %s | %s | %s | %.4g | %s | %.4f | %.1f |  ‖Y−ÃX‖/‖Y‖=%.3f%s%n",
              data.name, name, seed, fit.iterations(), fit.converged() ? "tol" : "cap",
              primal == null ? "-" : String.format(Locale.ROOT, "%.2e", primal[primal.length - 1]),
              dual == null ? "-" : String.format(Locale.ROOT, "%.2e", dual[dual.length - 1]),
              fit.finalObjective(),
              mu == null ? (variant == null ? "-" : String.valueOf(variant.options.mu()))
                  : String.format(Locale.ROOT, "%.3g", mu[mu.length - 1]),
              acc, seconds, attackedFit, stops);
        }
        double mean = accSum / seeds;
        System.out.printf(Locale.ROOT, "| %s | %s | mean | | | | | | | %.4f ± %.4f | |%n", data.name, name, mean,
            Math.sqrt(Math.max(0, accSq / seeds - mean * mean)));
      }
    }
  }
}
