package adversarialnmf.solver.anmf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.linalg.DenseData;
import adversarialnmf.solver.Factors;
import adversarialnmf.solver.FitInterruptedException;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The inner loops of the ADMM's U update (power iteration, FISTA, conjugate gradients) check the flag. */
class AdmmInterruptionTest {

  @AfterEach
  void clearFlag() {
    Thread.interrupted();
  }

  private static AdmmState state(AdmmSettings.UUpdate mode) {
    Random random = new Random(5);
    AdmmSettings settings = AdmmSettings.builder().uUpdate(mode).build();
    return new AdmmState(new DenseData(AnmfTestSupport.random(10, 14, random, 0, 1)), AttackerTarget.shift(0.2),
        AnmfModel.builder().build(),
            settings, new Factors(AnmfTestSupport.random(10, 3, random, 0, 1), AnmfTestSupport.random(3, 14, random, 0, 1)));
  }

  @Test
  void theExactUUpdateStopsInsideItsInnerLoops() {
    AdmmState s = state(AdmmSettings.UUpdate.EXACT_NONNEGATIVE);
    s.updateH();
    s.updateB();
    s.updateJ();
    Thread.currentThread().interrupt();
    FitInterruptedException stopped = assertThrows(FitInterruptedException.class, s::updateU);
    assertTrue(stopped.activity().startsWith("ANMF's ADMM"), stopped.activity());
    assertFalse(Thread.currentThread().isInterrupted());
  }

  @Test
  void conjugateGradientsStop() {
    AdmmState s = state(AdmmSettings.UUpdate.EXACT_NONNEGATIVE);
    s.updateH();
    s.updateB();
    s.updateJ();
    s.updateU();
    s.u.assign(AnmfTestSupport.random(14, 3, new Random(9), 0, 1)); // far from the solution: CG must iterate
    Thread.currentThread().interrupt();
    FitInterruptedException stopped =
        assertThrows(FitInterruptedException.class, () -> new ConjugateGradientUSolve(14, 3).solve(s.uProblem, s.u));
    assertTrue(stopped.activity().contains("conjugate gradients"), stopped.activity());
  }

  @Test
  void anIterationStopsBetweenItsBlockUpdates() {
    AdmmState s = state(AdmmSettings.UUpdate.PAPER_CLIP);
    Thread.currentThread().interrupt();
    FitInterruptedException stopped = assertThrows(FitInterruptedException.class, s::iterate);
    assertTrue(stopped.activity().contains("ADMM iteration"), stopped.activity());
  }
}
