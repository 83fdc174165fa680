package adversarialnmf.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import adversarialnmf.init.RandomInitialization;
import adversarialnmf.linalg.Blas;
import adversarialnmf.linalg.BlasSelection;
import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.solver.anmf.AdmmSettings;
import adversarialnmf.solver.anmf.AnmfAdmmSolver;
import adversarialnmf.solver.anmf.AnmfGradientSolver;
import adversarialnmf.solver.anmf.AnmfModel;
import adversarialnmf.solver.anmf.AttackerTarget;
import adversarialnmf.solver.anmf.GradientSettings;
import adversarialnmf.testing.PlantedData;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The solvers on the native BLAS and on our kernels from the same start: the two differ only in
 * rounding (products agree to about 1e-15 relative, BlasTest), which these well-conditioned fits
 * carry through 30 iterations to at most 1e-8 relative in the objective and 1e-6 relative (max
 * norm) in the factors. Skipped where no system BLAS loads.
 */
class BothBlasPathsTest {

  private static final double OBJECTIVE_TOLERANCE = 1e-8;
  private static final double FACTOR_TOLERANCE = 1e-6;

  private static Factorization fitWith(Blas blas, Supplier<FactorizationSolver> solver, DataMatrix y,
      Factors start) {
    Blas previous = BlasSelection.use(blas);
    try {
      Factorization fit = solver.get().fit(y, start);
      assertEquals(blas.describe(), fit.linearAlgebra());
      return fit;
    } finally {
      BlasSelection.use(previous);
    }
  }

  private static void assertClose(DenseMatrix expected, DenseMatrix actual, String what) {
    double scale = 0.0;
    double worst = 0.0;
    for (int i = 0; i < expected.data().length; i++) {
      scale = Math.max(scale, Math.abs(expected.data()[i]));
      worst = Math.max(worst, Math.abs(expected.data()[i] - actual.data()[i]));
    }
    assertTrue(worst <= FACTOR_TOLERANCE * scale, what + ": max difference " + worst + ", scale " + scale);
  }

  private static void compare(String name, Supplier<FactorizationSolver> solver) {
    Blas nativeBlas = BlasSelection.nativeIfAvailable().orElse(null);
    assumeTrue(nativeBlas != null, "no system BLAS loads here");
    PlantedData planted = PlantedData.generate(60, 25, 4, 0.05, 11L);
    DataMatrix y = planted.data();
    Factors start = new RandomInitialization().initialize(y, 4, new Random(5L));
    Factorization ours = fitWith(BlasSelection.java(), solver, y, start);
    Factorization theirs = fitWith(nativeBlas, solver, y, start);
    assertEquals(ours.iterations(), theirs.iterations(), name);
    double relative = Math.abs(ours.finalObjective() - theirs.finalObjective()) / ours.finalObjective();
    assertTrue(relative <= OBJECTIVE_TOLERANCE, name + ": objectives differ by " + relative + " relative");
    assertClose(ours.basis(), theirs.basis(), name + " A");
    assertClose(ours.coefficients(), theirs.coefficients(), name + " X");
  }

  private static final StoppingRule THIRTY = new StoppingRule(30, 0.0);

  @Test
  void multiplicativeUpdates() {
    compare("MU", () -> new MultiplicativeUpdateNmf(THIRTY));
  }

  @Test
  void hals() {
    compare("HALS", () -> new HalsNmf(THIRTY));
  }

  @Test
  void anmfAdmm() {
    compare("ANMF ADMM", () -> new AnmfAdmmSolver(AnmfModel.builder().build(), AdmmSettings.builder().build(),
        AttackerTarget.shift(0.3), THIRTY));
  }

  @Test
  void anmfAdmmPaperClip() {
    compare("ANMF ADMM, paper clip", () -> new AnmfAdmmSolver(AnmfModel.builder().build(),
        AdmmSettings.builder().uUpdate(AdmmSettings.UUpdate.PAPER_CLIP).build(), AttackerTarget.shift(0.3), THIRTY));
  }

  @Test
  void anmfGradient() {
    compare("ANMF gradient", () -> new AnmfGradientSolver(AnmfModel.builder().build(),
        GradientSettings.builder().build(), AttackerTarget.shift(0.3),
        THIRTY));
  }
}
