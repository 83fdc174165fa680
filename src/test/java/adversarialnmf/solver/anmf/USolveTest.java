package adversarialnmf.solver.anmf;

import static adversarialnmf.solver.anmf.AnmfTestSupport.combine;
import static adversarialnmf.solver.anmf.AnmfTestSupport.random;
import static adversarialnmf.solver.anmf.AnmfTestSupport.times;
import static adversarialnmf.solver.anmf.AnmfTestSupport.transpose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.linalg.DenseData;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.solver.Factors;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The exact U solve in its two forms: each meets the KKT conditions of the U sub-problem (checked
 * with the dense Q kept here), the Gram form, chosen when it takes fewer flops, runs the same
 * iteration as the direct form, so a whole ADMM run reaches the same objective (9) at equal
 * iterations, and a few inner steps reach the objective and the clusters of the exact solve.
 */
class USolveTest {

  private static final AnmfModel MODEL = AnmfModel.builder().alpha(0.6).beta(0.3).gamma(0.2).lambda(0.5).build();
  private static final AdmmSettings SETTINGS = AdmmSettings.builder().mu(1.7).rescaleStart(false).build();

  /** KKT residual of min_{U ≥ 0} ½⟨U, QU⟩ − ⟨R3, U⟩: ‖U − max(0, U − (QU − R3))‖, from a dense Q. */
  private static double naiveKktResidual(USubproblem p, DenseMatrix u, double mu) {
    DenseMatrix d = p.d;
    DenseMatrix q = combine(p.twoGamma, times(transpose(d), d), mu, DenseMatrix.identity(d.cols()));
    DenseMatrix gradient = combine(1, times(q, u), -1, p.r3);
    double sum = 0.0;
    for (int i = 0; i < u.data().length; i++) {
      double r = u.data()[i] - Math.max(0.0, u.data()[i] - gradient.data()[i]);
      sum += r * r;
    }
    return Math.sqrt(sum);
  }

  private static AdmmState state(int m, int count, USolve solve, long seed) {
    Random random = new Random(seed);
    DenseMatrix y = random(m, count, random, 0, 1);
    return new AdmmState(new DenseData(y), AttackerTarget.shift(0.3), MODEL, SETTINGS,
        new Factors(random(m, 3, random, 0, 1), random(3, count, random, 0, 1)), solve);
  }

  @ParameterizedTest(name = "m={0} N={1} Gram form {2}")
  @CsvSource({"12, 9, true", "12, 9, false", "8, 15, false"})
  void theSolveMeetsTheKktConditionsOfTheSubproblem(int m, int count, boolean gramForm) {
    AdmmState s = state(m, count, new FistaUSolve(100000, m, count, 3, gramForm), 3);
    for (int iteration = 0; iteration < 3; iteration++) {
      s.iterate();
    }
    s.updateH();
    s.updateB();
    s.updateJ();
    s.updateU();
    double residual = naiveKktResidual(s.uProblem, s.u, s.mu);
    double scale = Math.sqrt(AnmfTestSupport.norm2(s.uProblem.r3));
    // the solve stops at a gradient-mapping norm of 1e-6 ‖R3‖ at its momentum point; allow 10×
    assertTrue(residual <= 1e-5 * scale, "KKT residual " + residual + " for ‖R3‖ " + scale);
    for (double v : s.u.data()) {
      assertTrue(v >= 0.0, "U has a negative entry " + v);
    }
  }

  @Test
  void theGramFormReachesTheObjectiveOfTheDirectFormAtEqualIterations() {
    int m = 40;
    int count = 30;
    DenseMatrix y = AnmfTestSupport.plantedData(m, count, 3, 21);
    Random random = new Random(4);
    Factors start = new Factors(random(m, 3, random, 0, 1), random(3, count, random, 0, 1));
    AnmfModel model = AnmfModel.builder().build();
    AdmmSettings defaults = AdmmSettings.builder().build();
    AttackerTarget target = AttackerTarget.shift(0.4);
    AdmmState direct = new AdmmState(new DenseData(y), target, model, defaults, start,
        new FistaUSolve(defaults.uInnerIterations(), m, count, 3, false));
    AdmmState gram = new AdmmState(new DenseData(y), target, model, defaults, start,
        new FistaUSolve(defaults.uInnerIterations(), m, count, 3, true));
    AnmfObjective objective = new AnmfObjective(new DenseData(y), target, model, 3);
    for (int iteration = 1; iteration <= 40; iteration++) {
      direct.iterate();
      gram.iterate();
    }
    double expected = objective.evaluate(direct.a, direct.adv, direct.x);
    double actual = objective.evaluate(gram.a, gram.adv, gram.x);
    // rounding may move a borderline inner stop by one step, so not bit for bit; far inside 0.1 %
    assertEquals(expected, actual, 1e-6 * Math.abs(expected), "objective (9) after 40 iterations");
    AdmmStateTest.assertClose(direct.u, gram.u, 1e-5, "U after 40 iterations");
  }

  /**
   * The inexact U solve (a few FISTA steps from the warm start; one step is the linearised ADMM)
   * against the exact one (the cap never reached) on planted clusters: after enough iterations for
   * both to settle, objective (9) agrees to 0.1 % and every instance lands in the same cluster.
   */
  @ParameterizedTest(name = "inner steps {0}")
  @CsvSource({"1", "3"})
  void aFewInnerStepsReachTheObjectiveAndTheClustersOfTheExactSolve(int steps) {
    int m = 30;
    int count = 36;
    int rank = 3;
    DenseMatrix y = AnmfTestSupport.plantedData(m, count, rank, 31);
    Factors start = new adversarialnmf.init.KMeansInitialization(0.2).initialize(new DenseData(y), rank,
        new Random(6));
    AnmfModel model = AnmfModel.builder().build();
    AttackerTarget target = AttackerTarget.shift(0.2);
    AdmmSettings exact = AdmmSettings.builder().uInnerIterations(100000).build();
    AdmmSettings inexact = exact.toBuilder().uInnerIterations(steps).build();
    adversarialnmf.solver.StoppingRule stopping = new adversarialnmf.solver.StoppingRule(600, 0.0);
    adversarialnmf.solver.Factorization reference = new AnmfAdmmSolver(model, exact, target, stopping)
        .fit(new DenseData(y), start);
    adversarialnmf.solver.Factorization fit = new AnmfAdmmSolver(model, inexact, target, stopping)
        .fit(new DenseData(y), start);
    assertEquals(reference.finalObjective(), fit.finalObjective(), 1e-3 * reference.finalObjective(),
        "objective (9) after 600 iterations");
    int[] expected = reference.argmaxAssignments();
    int[] actual = fit.argmaxAssignments();
    adversarialnmf.metrics.ContingencyTable table = adversarialnmf.metrics.ContingencyTable.ofLabels(expected, actual);
    assertEquals(1.0, adversarialnmf.metrics.ClusteringScores.accuracy(table), 0.0, "clusters of the exact solve");
    // planted clusters: the exact solve finds them, so the comparison above is not between two failures
    assertEquals(1.0, adversarialnmf.metrics.ClusteringScores.accuracy(adversarialnmf.metrics.ContingencyTable
        .ofLabels(plantedLabels(count, rank), expected)), 0.0, "planted clusters");
  }

  /**
   * Sub-problems whose minimisers U*_k = U₀ + kΔ are strictly positive and move along a line (D
   * fixed, R3_k = Q U*_k): once two solves have converged, the start extrapolated from them is the
   * next minimiser (up to the tolerance the two met), so the third solve stops within three steps,
   * where the warm start alone needs over four times as many; every solve meets the KKT conditions.
   */
  @ParameterizedTest(name = "Gram form {0}")
  @CsvSource({"true", "false"})
  void aTrajectoryMovingOnALineIsFollowedByTheExtrapolatedStart(boolean gramForm) {
    int m = 12;
    int count = 9;
    int rank = 3;
    double mu = 1.7;
    Random random = new Random(8);
    USubproblem p = new USubproblem(m, count, rank, 0.2);
    p.mu = mu;
    p.d.assign(random(m, count, random, 0, 1));
    DenseMatrix q = combine(p.twoGamma, times(transpose(p.d), p.d), mu, DenseMatrix.identity(count));
    DenseMatrix origin = random(count, rank, random, 1, 2);
    DenseMatrix step = random(count, rank, random, -0.1, 0.1);
    FistaUSolve extrapolating = new FistaUSolve(100000, m, count, rank, gramForm);
    DenseMatrix u = new DenseMatrix(count, rank);
    DenseMatrix du = new DenseMatrix(m, rank);
    int[] steps = new int[3];
    int warmStartSteps = 0;
    for (int k = 0; k < 3; k++) {
      DenseMatrix minimiser = combine(1, origin, k, step);
      p.r3.assign(times(q, minimiser));
      if (k == 2) {
        // the warm start alone, from the same U: a fresh solve has no trajectory to extrapolate
        DenseMatrix warm = u.copy();
        warmStartSteps = new FistaUSolve(100000, m, count, rank, gramForm).solve(p, warm, times(p.d, warm));
      }
      steps[k] = extrapolating.solve(p, u, du);
      double scale = Math.sqrt(AnmfTestSupport.norm2(p.r3));
      assertTrue(naiveKktResidual(p, u, mu) <= 1e-5 * scale, "KKT residual of solve " + k);
      AdmmStateTest.assertClose(times(p.d, u), du, 1e-12, "D U returned with U, solve " + k);
    }
    String counts = java.util.Arrays.toString(steps) + ", warm start alone " + warmStartSteps;
    assertTrue(steps[2] <= 3, "the extrapolated start is the minimiser: " + counts);
    assertTrue(warmStartSteps > 4 * steps[2], "the warm start alone: " + counts);
  }

  /** The clusters of {@link AnmfTestSupport#plantedData}: instance j in cluster j mod rank. */
  private static int[] plantedLabels(int count, int rank) {
    int[] labels = new int[count];
    for (int j = 0; j < count; j++) {
      labels[j] = j % rank;
    }
    return labels;
  }

  @Test
  void theCheaperFormIsChosenByShapeAndStepCap() {
    // ORL (1024 x 400, rank 40): at 20 steps G (164 MFLOP once, 13 per step) beats 66 per step
    // of the direct form; at 3 steps the direct form's 197 MFLOP beat G's 248
    assertTrue(FistaUSolve.usesGramForm(1024, 400, 40, 20));
    assertTrue(!FistaUSolve.usesGramForm(1024, 400, 40, 3));
    assertTrue(!FistaUSolve.usesGramForm(256, 9298, 10, 1000)); // USPS: no N x N matrix at any cap
    assertTrue(!FistaUSolve.usesGramForm(1024, 1024, 1, 1)); // square, rank 1: m N² alone exceeds 4 m N
  }
}
