package adversarialnmf.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.init.RandomInitialization;
import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseData;
import adversarialnmf.solver.anmf.AdmmSettings;
import adversarialnmf.solver.anmf.AnmfAdmmSolver;
import adversarialnmf.solver.anmf.AnmfModel;
import adversarialnmf.solver.anmf.AttackerTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The run loop's reports: what the trace says at the reported iterations, and nothing else changes. */
class ProgressListenerTest {

  private final DataMatrix y = new DenseData(SolverFixtures.uniform(12, 20, new Random(3)));
  private final Factors start = new RandomInitialization().initialize(y, 3, new Random(1));

  private static final class Recorder implements ProgressListener {
    final long interval;
    final List<FitProgress> reports = new ArrayList<>();

    Recorder(long interval) {
      this.interval = interval;
    }

    @Override
    public long intervalNanos() {
      return interval;
    }

    @Override
    public void progress(FitProgress progress) {
      reports.add(progress);
    }
  }

  @Test
  void everyIterationButTheLastIsReportedWithTheTracedObjectiveAndResiduals() {
    AnmfAdmmSolver solver = new AnmfAdmmSolver(AnmfModel.builder().build(), AdmmSettings.builder().build(),
        AttackerTarget.shift(0.3),
        new StoppingRule(25, 0.0));
    Recorder recorder = new Recorder(0);
    Factorization fit = solver.fit(y, start, recorder);
    assertEquals(25, fit.iterations());
    assertEquals(24, recorder.reports.size());
    double[] objective = fit.objectiveTrace();
    double[] primal = fit.trace(AnmfAdmmSolver.PRIMAL_RESIDUAL);
    double[] dual = fit.trace(AnmfAdmmSolver.DUAL_RESIDUAL);
    for (int k = 0; k < recorder.reports.size(); k++) {
      FitProgress report = recorder.reports.get(k);
      assertEquals(k + 1, report.iteration());
      assertEquals(25, report.maxIterations());
      assertEquals(objective[k + 1], report.objective(), 0.0);
      assertEquals(primal[k + 1], report.measures().get(AnmfAdmmSolver.PRIMAL_RESIDUAL), 0.0);
      assertEquals(dual[k + 1], report.measures().get(AnmfAdmmSolver.DUAL_RESIDUAL), 0.0);
    }
    String line = recorder.reports.get(9).toString();
    assertTrue(line.startsWith("iteration 10/25, objective ") && line.contains("primal residual")
        && line.contains("left"), line);
    // the listener only watches: the same fit without it
    Factorization quiet = solver.fit(y, start);
    assertArrayEquals(quiet.objectiveTrace(), fit.objectiveTrace(), 0.0);
    assertArrayEquals(quiet.coefficients().data(), fit.coefficients().data(), 0.0);
  }

  @Test
  void aLongIntervalMeansNoReportAndBaselinesReportNoMeasures() {
    Recorder none = new Recorder(Long.MAX_VALUE);
    new HalsNmf(new StoppingRule(20, 0.0)).fit(y, start, none);
    assertTrue(none.reports.isEmpty());
    Recorder all = new Recorder(0);
    new HalsNmf(new StoppingRule(20, 0.0)).fit(y, start, all);
    assertEquals(19, all.reports.size());
    assertTrue(all.reports.get(0).measures().isEmpty());
  }

  @Test
  void timeLeftIsTheMeanIterationTimesTheIterationsToTheCap() {
    FitProgress progress = new FitProgress(40, 200, 1.0, java.util.Collections.emptyMap(), 8_000_000_000L);
    assertEquals(8.0, progress.elapsedSeconds(), 1e-12);
    assertEquals(32.0, progress.secondsLeftAtCap(), 1e-12);
  }
}
