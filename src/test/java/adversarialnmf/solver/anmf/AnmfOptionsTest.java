package adversarialnmf.solver.anmf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AnmfOptionsTest {

  @Test
  void modelWeightsDefaultToThePapersAndSolverSettingsToTheMeasuredOnes() {
    AnmfOptions o = AnmfOptions.builder().build();
    assertEquals(0.6, o.alpha());
    assertEquals(1e-5, o.beta());
    assertEquals(1e-3, o.gamma());
    assertEquals(1e-3, o.lambda());
    // docs/ALGORITHM.md §5: μ = 1 does not converge on real data, μ = 100 does
    assertEquals(100.0, o.mu());
    assertFalse(o.adaptivePenalty());
    assertTrue(o.rescaleStart());
    assertEquals(AnmfOptions.UUpdate.EXACT_NONNEGATIVE, o.uUpdate());
    assertEquals(AnmfOptions.ToleranceRule.RELATIVE_CHANGE, o.toleranceRule());
  }

  @Test
  void paperSettingsAreThePrintedAlgorithm() {
    AnmfOptions p = AnmfOptions.paperSettings();
    assertEquals(1.0, p.mu());
    assertFalse(p.adaptivePenalty());
    assertFalse(p.rescaleStart());
    assertEquals(AnmfOptions.UUpdate.PAPER_CLIP, p.uUpdate());
    assertEquals(AnmfOptions.ToleranceRule.PAPER_RULE_26, p.toleranceRule());
  }

  @Test
  void toBuilderChangesOnlyWhatIsSet() {
    AnmfOptions p = AnmfOptions.paperSettings().toBuilder().mu(10).build();
    assertEquals(10.0, p.mu());
    assertEquals(AnmfOptions.UUpdate.PAPER_CLIP, p.uUpdate());
    assertTrue(p.describe().contains("mu=10.0"));
  }

  @Test
  void invalidValuesAreNamedWithWhatIsValid() {
    assertMessage("gamma must be a number in [1.0E-50, 1.0E50], got -1.0", () -> AnmfOptions.builder().gamma(-1).build());
    assertMessage("mu must be a number in [1.0E-50, 1.0E50], got NaN", () -> AnmfOptions.builder().mu(Double.NaN).build());
    assertMessage("alpha must be a number in [1.0E-50, 1.0E50], got Infinity",
        () -> AnmfOptions.builder().alpha(Double.POSITIVE_INFINITY).build());
    assertMessage("beta must be a number in [1.0E-50, 1.0E50], got 1.0E308 (products of weights this far from 1"
        + " with the data's squares leave double precision)", () -> AnmfOptions.builder().beta(1e308).build());
    assertMessage("penaltyFactor must be a finite number > 1, got 1.0",
        () -> AnmfOptions.builder().penaltyFactor(1).build());
    assertMessage("penaltyThreshold must be a finite number > 1, got 0.5",
        () -> AnmfOptions.builder().penaltyThreshold(0.5).build());
    assertMessage("uInnerIterations must be at least 1, got 0", () -> AnmfOptions.builder().uInnerIterations(0).build());
    assertMessage("uUpdate must be set, got null", () -> AnmfOptions.builder().uUpdate(null).build());
  }

  private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable build) {
    assertEquals(expected, assertThrows(IllegalArgumentException.class, build).getMessage());
  }
}
