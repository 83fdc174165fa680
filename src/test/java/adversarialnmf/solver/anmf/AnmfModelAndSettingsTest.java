package adversarialnmf.solver.anmf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.init.KMeansInitialization;
import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseData;
import adversarialnmf.solver.Factorization;
import adversarialnmf.solver.Factors;
import adversarialnmf.solver.StoppingRule;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Model (9)'s weights ({@link AnmfModel}) apart from each solver's settings ({@link AdmmSettings},
 * {@link GradientSettings}): defaults, presets, validation that names the value, and that the
 * gradient solver's step settings are the ones it runs with.
 */
class AnmfModelAndSettingsTest {

  @Test
  void modelWeightsDefaultToThePapers() {
    AnmfModel o = AnmfModel.builder().build();
    assertEquals(0.6, o.alpha());
    assertEquals(1e-5, o.beta());
    assertEquals(1e-3, o.gamma());
    assertEquals(1e-3, o.lambda());
    assertFalse(o.unitNormBases());
    assertEquals("alpha=0.6 beta=1.0E-5 gamma=0.001 lambda=0.001", o.describeWeights());
  }

  @Test
  void admmSettingsDefaultToTheMeasuredOnes() {
    AdmmSettings o = AdmmSettings.builder().build();
    // docs/ALGORITHM.md §5: μ = 1 does not converge on real data, μ = 100 does
    assertEquals(100.0, o.mu());
    assertFalse(o.adaptivePenalty());
    assertTrue(o.rescaleStart());
    assertEquals(20, o.uInnerIterations());
    assertEquals(AdmmSettings.UUpdate.EXACT_NONNEGATIVE, o.uUpdate());
    assertEquals(AdmmSettings.ToleranceRule.RELATIVE_CHANGE, o.toleranceRule());
  }

  @Test
  void paperSettingsAreThePrintedAlgorithm() {
    AdmmSettings p = AdmmSettings.paperSettings();
    assertEquals(1.0, p.mu());
    assertFalse(p.adaptivePenalty());
    assertFalse(p.rescaleStart());
    assertEquals(AdmmSettings.UUpdate.PAPER_CLIP, p.uUpdate());
    assertEquals(AdmmSettings.ToleranceRule.PAPER_RULE_26, p.toleranceRule());
  }

  @Test
  void toBuilderChangesOnlyWhatIsSet() {
    AdmmSettings p = AdmmSettings.paperSettings().toBuilder().mu(10).build();
    assertEquals(10.0, p.mu());
    assertEquals(AdmmSettings.UUpdate.PAPER_CLIP, p.uUpdate());
    AnmfModel m = AnmfModel.builder().gamma(0.5).build().toBuilder().unitNormBases(true).build();
    assertEquals(0.5, m.gamma());
    assertTrue(m.unitNormBases());
    GradientSettings g = GradientSettings.builder().maxBacktracks(3).build().toBuilder().rescaleStart(false).build();
    assertEquals(3, g.maxBacktracks());
    assertFalse(g.rescaleStart());
    assertEquals(0.01, g.sufficientDecrease());
  }

  /** The ADMM's description is the one line the fitted model prints: weights, then the settings. */
  @Test
  void theAdmmDescriptionPutsTheModelInsideTheSettings() {
    AnmfModel unit = AnmfModel.builder().unitNormBases(true).build();
    assertEquals("alpha=0.6 beta=1.0E-5 gamma=0.001 lambda=0.001 mu=10.0 (adaptive, factor 2.0, threshold 10.0), "
        + "U update paper clip, start as given, unit-norm columns of A and \u00c3, stop rule (26)",
        AdmmSettings.paperSettings().toBuilder().mu(10).adaptivePenalty(true).build().describe(unit));
    assertEquals("alpha=0.6 beta=1.0E-5 gamma=0.001 lambda=0.001 mu=100.0, U update exact (\u2264 20 inner steps), "
        + "start rescaled, stop relative change", AdmmSettings.builder().build().describe(AnmfModel.builder().build()));
  }

  @Test
  void invalidValuesAreNamedWithWhatIsValid() {
    assertMessage("gamma must be a number in [1.0E-50, 1.0E50], got -1.0", () -> AnmfModel.builder().gamma(-1).build());
    assertMessage("mu must be a number in [1.0E-50, 1.0E50], got NaN", () -> AdmmSettings.builder().mu(Double.NaN).build());
    assertMessage("alpha must be a number in [1.0E-50, 1.0E50], got Infinity",
        () -> AnmfModel.builder().alpha(Double.POSITIVE_INFINITY).build());
    assertMessage("beta must be a number in [1.0E-50, 1.0E50], got 1.0E308 (products of weights this far from 1"
        + " with the data's squares leave double precision)", () -> AnmfModel.builder().beta(1e308).build());
    assertMessage("lambda must be a number in [1.0E-50, 1.0E50], got 0.0", () -> AnmfModel.builder().lambda(0).build());
    assertMessage("penaltyFactor must be a finite number > 1, got 1.0",
        () -> AdmmSettings.builder().penaltyFactor(1).build());
    assertMessage("penaltyThreshold must be a finite number > 1, got 0.5",
        () -> AdmmSettings.builder().penaltyThreshold(0.5).build());
    assertMessage("uInnerIterations must be at least 1, got 0", () -> AdmmSettings.builder().uInnerIterations(0).build());
    assertMessage("uUpdate must be set, got null", () -> AdmmSettings.builder().uUpdate(null).build());
    assertMessage("sufficientDecrease must be a number in (0, 1), got 1.0",
        () -> GradientSettings.builder().sufficientDecrease(1).build());
    assertMessage("sufficientDecrease must be a number in (0, 1), got NaN",
        () -> GradientSettings.builder().sufficientDecrease(Double.NaN).build());
    assertMessage("maxBacktracks must be at least 0, got -1", () -> GradientSettings.builder().maxBacktracks(-1).build());
    assertMessage("ANMF's ADMM needs its settings (got null)",
        () -> new AnmfAdmmSolver(AnmfModel.builder().build(), null, AttackerTarget.shift(0), new StoppingRule(1, 0)));
    assertMessage("ANMF's gradient solver needs its settings (got null)",
        () -> new AnmfGradientSolver(AnmfModel.builder().build(), null, AttackerTarget.shift(0), new StoppingRule(1, 0)));
  }

  /**
   * The gradient solver runs with its own step settings: with no backtracking and a sufficient
   * decrease near 1 it keeps X in more iterations than with the defaults, and with
   * {@code rescaleStart} off its first objective is (9) at the start as given.
   */
  @Test
  void theGradientSolverRunsWithItsOwnStepSettings() {
    DataMatrix y = new DenseData(AnmfTestSupport.plantedData(15, 20, 3, 4));
    Factors start = new KMeansInitialization(0.2).initialize(y, 3, new Random(3));
    AnmfModel model = AnmfModel.builder().beta(0.3).gamma(0.2).build();
    AttackerTarget target = AttackerTarget.shift(0.2);
    StoppingRule rule = new StoppingRule(30, 0);
    Factorization defaults = new AnmfGradientSolver(model, GradientSettings.builder().build(), target, rule)
        .fit(y, start);
    Factorization strict = new AnmfGradientSolver(model,
        GradientSettings.builder().sufficientDecrease(0.999).maxBacktracks(0).build(), target, rule).fit(y, start);
    assertTrue(rejectedSteps(strict) > rejectedSteps(defaults),
        "strict Armijo rejected " + rejectedSteps(strict) + " X steps, the default " + rejectedSteps(defaults));
    Factorization asGiven = new AnmfGradientSolver(model, GradientSettings.builder().rescaleStart(false).build(),
        target, rule).fit(y, start);
    double atStart = AnmfObjective.value(y, target, start.basis(), start.basis(), start.coefficients(), model);
    assertEquals(atStart, asGiven.objectiveTrace()[0], 1e-12 * atStart);
    assertTrue(Math.abs(defaults.objectiveTrace()[0] - atStart) > 1e-6 * atStart,
        "the rescaled start has another objective");
  }

  private static int rejectedSteps(Factorization fit) {
    double[] steps = fit.trace(AnmfGradientSolver.X_STEP);
    int rejected = 0;
    for (int k = 1; k < steps.length; k++) {
      rejected += steps[k] == 0.0 ? 1 : 0;
    }
    return rejected;
  }

  private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable build) {
    assertEquals(expected, assertThrows(IllegalArgumentException.class, build).getMessage());
  }
}
