package adversarialnmf.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.init.KMeans;
import adversarialnmf.init.KMeansInitialization;
import adversarialnmf.init.NndsvdInitialization;
import adversarialnmf.init.RandomInitialization;
import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseData;
import adversarialnmf.solver.anmf.AdmmSettings;
import adversarialnmf.solver.anmf.AnmfAdmmSolver;
import adversarialnmf.solver.anmf.AnmfGradientSolver;
import adversarialnmf.solver.anmf.AnmfModel;
import adversarialnmf.solver.anmf.AttackerTarget;
import adversarialnmf.solver.anmf.GradientSettings;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every long loop of the core honours an interrupt of its thread: with the flag set, it ends with
 * a {@link FitInterruptedException} that names what was running, clears the flag, and the same
 * solver then fits exactly as if nothing had happened.
 */
class InterruptionTest {

  private static final StoppingRule STOPPING = new StoppingRule(30, 0.0);

  private final DataMatrix y = new DenseData(SolverFixtures.uniform(12, 20, new Random(3)));

  @AfterEach
  void clearFlag() {
    Thread.interrupted();
  }

  static Stream<Supplier<IterativeSolver>> solvers() {
    AnmfModel anmf = AnmfModel.builder().build();
    return Stream.of(() -> new HalsNmf(STOPPING), () -> new MultiplicativeUpdateNmf(STOPPING),
        () -> new KullbackLeiblerNmf(STOPPING), () -> new OrthogonalNmf(STOPPING), () -> new L21Nmf(STOPPING),
        () -> new CappedNmf(STOPPING, CappedNmf.Options.defaults()),
        () -> new AnmfAdmmSolver(anmf, AdmmSettings.builder().build(), AttackerTarget.shift(0.3), STOPPING),
        () -> new AnmfGradientSolver(anmf, GradientSettings.builder().build(), AttackerTarget.shift(0.3), STOPPING));
  }

  @ParameterizedTest
  @MethodSource("solvers")
  void aFitEndsAtTheNextIterationAndTheSolverFitsAgain(Supplier<IterativeSolver> make) {
    IterativeSolver solver = make.get();
    Factors start = new RandomInitialization().initialize(y, 3, new Random(1));
    Thread.currentThread().interrupt();
    FitInterruptedException stopped = assertThrows(FitInterruptedException.class, () -> solver.fit(y, start));
    assertTrue(stopped.getMessage().contains(solver.describe()), stopped.getMessage());
    assertTrue(stopped.getMessage().contains("iteration 1 of 30"), stopped.getMessage());
    assertFalse(Thread.currentThread().isInterrupted(), "the flag is cleared, as by InterruptedException");

    Factorization again = solver.fit(y, start);
    Factorization fresh = make.get().fit(y, start);
    assertArrayEquals(fresh.basis().data(), again.basis().data());
    assertArrayEquals(fresh.objectiveTrace(), again.objectiveTrace());
  }

  /** HALS whose second iteration is interrupted inside, where a method's inner loop sees the flag. */
  private static final class InterruptedInside extends IterativeSolver {
    private final HalsNmf hals = new HalsNmf(STOPPING);

    InterruptedInside() {
      super(STOPPING);
    }

    @Override
    public String describe() {
      return hals.describe();
    }

    @Override
    protected Run start(DataMatrix data, Factors start) {
      Run inner = hals.start(data, start);
      return new Run() {
        private int iterations;

        @Override
        protected void iterate() {
          inner.iterate();
          if (++iterations == 2) {
            Thread.currentThread().interrupt();
            FitInterruptedException.checkInterrupted("an inner loop");
          }
        }

        @Override
        protected double objective() {
          return inner.objective();
        }

        @Override
        protected boolean isFinite() {
          return inner.isFinite();
        }

        @Override
        protected void finish(Factorization.Builder result, int iterations) {
          inner.finish(result, iterations);
        }
      };
    }
  }

  @Test
  void aStopInsideAnIterationNamesTheIteration() {
    Factors start = new RandomInitialization().initialize(y, 3, new Random(1));
    FitInterruptedException stopped = assertThrows(FitInterruptedException.class,
        () -> new InterruptedInside().fit(y, start));
    assertEquals("at iteration 2 of 30", stopped.where());
    assertEquals(new HalsNmf(STOPPING).describe() + ", in an inner loop", stopped.activity());
  }

  @Test
  void initialisationsAndTheProjectionCheckTheFlag() {
    assertStops("k-means", () -> new KMeans(3, 100).fit(y, new Random(1)));
    assertStops("k-means", () -> new KMeansInitialization(0.2).initialize(y, 3, new Random(1)));
    assertStops("NNDSVD", () -> new NndsvdInitialization().initialize(y, 3, new Random(1)));
    Factors start = new RandomInitialization().initialize(y, 3, new Random(1));
    assertStops("projection", () -> new NonnegativeProjection(start.basis()).coefficients(y));
    // the rules' default batch, its columns split between two tasks
    DenseData many = new DenseData(SolverFixtures.uniform(200, 400, new Random(2)));
    OutOfSampleRule kl = new KullbackLeiblerRule(SolverFixtures.uniform(200, 3, new Random(3)));
    assertStops("out-of-sample rule", () -> adversarialnmf.linalg.Parallelism.threads(2).within(
        () -> kl.coefficients(many)));
  }

  private static void assertStops(String activity, Runnable work) {
    Thread.currentThread().interrupt();
    FitInterruptedException stopped = assertThrows(FitInterruptedException.class, work::run);
    assertTrue(stopped.activity().contains(activity), stopped.activity());
    assertFalse(Thread.currentThread().isInterrupted());
    work.run(); // and it works again at once
  }
}
