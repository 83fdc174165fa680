package adversarialnmf.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.linalg.DenseData;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MissingValues;
import adversarialnmf.solver.FactorizationSolver;
import adversarialnmf.solver.MultiplicativeUpdateNmf;
import adversarialnmf.solver.StoppingRule;
import adversarialnmf.testing.PlantedData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import weka.clusterers.NMF;

/** The one fit path, driven directly with a method of a few lines, and the face that adapts it. */
class ClusteringFitTest {

  /** Multiplicative-update NMF as a method of the fit path, recording what its solver was made from. */
  static final class Mu implements FactorizationMethod {
    final List<FitContext> contexts = new ArrayList<>();
    boolean masks = true;

    @Override
    public String who() {
      return "test MU";
    }

    @Override
    public String name() {
      return "MU";
    }

    @Override
    public FactorizationSolver solver(FitContext context) {
      contexts.add(context);
      return new MultiplicativeUpdateNmf(context.stopping());
    }

    @Override
    public boolean fitsMissingValues() {
      return masks;
    }
  }

  static ClusteringSettings.Builder settings(int clusters) {
    return ClusteringSettings.builder().clusters(clusters).stopping(new StoppingRule(60, 0.0)).seed(5);
  }

  @Test
  void theFaceIsAnAdapterOfThePath() throws Exception {
    PlantedData planted = PlantedData.generate(30, 15, 3, 0.01, 11);
    ClusteringFit.Result core = ClusteringFit.run(new InMemoryData(planted.data()), settings(3).build(), new Mu(),
        null);
    NMF face = new NMF();
    face.setNumClusters(3);
    face.setMaxIterations(60);
    face.setTolerance(0.0);
    face.setSeed(5);
    face.buildClusterer(planted.instances());
    assertArrayEquals(core.clustering().factorization().basis().data(), face.getFactorization().basis().data(), 0.0);
    assertArrayEquals(core.clustering().trainingLabels(), face.getTrainingAssignments());
    assertTrue(planted.matchesUpToPermutation(core.clustering().trainingLabels()));
  }

  @Test
  void theSolverSeesTheScaledDataAndOneSolverServesEveryRestart() throws Exception {
    PlantedData planted = PlantedData.generate(20, 10, 2, 0.01, 3);
    Mu method = new Mu();
    ClusteringFit.Result result = ClusteringFit.run(new InMemoryData(planted.data()),
        settings(2).restarts(4).build(), method, null);
    assertEquals(1, method.contexts.size(), "one solver for the four runs, so their objectives compare");
    FitContext context = method.contexts.get(0);
    assertEquals(1.0 / planted.data().max(), context.dataScale(), 0.0);
    assertEquals(1.0, context.data().max(), 1e-15);
    assertEquals(4, result.runs().count());
    double best = Double.POSITIVE_INFINITY;
    for (double objective : result.runs().objectives()) {
      best = Math.min(best, objective);
    }
    assertEquals(best, result.clustering().factorization().finalObjective(), 0.0, "the lowest objective is kept");
  }

  @Test
  void settingsAndDataTheFitCannotTakeAreRefusedNamingTheOption() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> settings(0).build()).getMessage().contains("-N"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> settings(2).restarts(0).build()).getMessage()
        .contains("-restarts"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> settings(2).assignment(AssignmentRule.KMEANS, 0)
        .build()).getMessage().contains("-assign-restarts"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> settings(2).executionSlots(-1).build())
        .getMessage().contains("-num-slots"));
    PlantedData planted = PlantedData.generate(10, 2, 2, 0.01, 3);
    String fewer = assertThrows(IllegalArgumentException.class, () -> ClusteringFit.run(
        new InMemoryData(planted.data()), settings(5).build(), new Mu(), null)).getMessage();
    assertTrue(fewer.contains("4 instances are fewer than the 5 clusters requested (-N)"), fewer);
    String zero = assertThrows(IllegalArgumentException.class, () -> ClusteringFit.run(
        new InMemoryData(new DenseData(new DenseMatrix(3, 4))), settings(2).build(), new Mu(), null)).getMessage();
    assertTrue(zero.contains("all data values are zero"), zero);
  }

  @Test
  void missingValuesAMethodCannotMaskAreRefusedWithItsAdviceAndImputedOnRequest() throws Exception {
    PlantedData planted = PlantedData.generate(12, 6, 2, 0.01, 8);
    DenseMatrix y = planted.y().copy();
    y.set(3, 4, Double.NaN);
    adversarialnmf.linalg.MissingEntries missing = adversarialnmf.linalg.MissingEntries.ofNaN(y);
    Mu method = new Mu();
    method.masks = false;
    String message = assertThrows(IllegalArgumentException.class, () -> ClusteringFit.run(
        new InMemoryData(new DenseData(y.copy(), missing)), settings(2).build(), method, null)).getMessage();
    assertTrue(message.contains("MU has no masked form") && message.contains("-missing mean"), message);
    ClusteringFit.Result imputed = ClusteringFit.run(new InMemoryData(new DenseData(y.copy(), missing)),
        settings(2).missingValues(MissingValues.MEAN).build(), method, null);
    assertEquals(1, imputed.missingCount());
    assertTrue(Double.isFinite(imputed.clustering().factorization().finalObjective()));
  }

  @Test
  void aFitStoppedAtTheCapSaysSo() throws Exception {
    PlantedData planted = PlantedData.generate(12, 6, 2, 0.01, 8);
    ClusteringFit.Result result = ClusteringFit.run(new InMemoryData(planted.data()),
        settings(2).stopping(new StoppingRule(2, 1e-12)).build(), new Mu(), null);
    assertTrue(result.warnings().stream().anyMatch(w -> w.contains("stopped at the iteration cap (2)")),
        result.warnings().toString());
  }
}
