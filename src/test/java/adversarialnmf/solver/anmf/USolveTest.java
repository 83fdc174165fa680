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
 * with the dense Q kept here), and the Gram form, chosen when N ≤ m, runs the same iteration as
 * the direct form, so a whole ADMM run reaches the same objective (9) at equal iterations.
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

  @Test
  void theCheaperFormIsChosenByShape() {
    assertTrue(FistaUSolve.usesGramForm(1024, 400)); // ORL: G is 400 x 400
    assertTrue(!FistaUSolve.usesGramForm(256, 9298)); // USPS: no N x N matrix
  }
}
