package weka.clusterers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.solver.CappedNmf;
import adversarialnmf.testing.PlantedData;
import org.junit.jupiter.api.Test;
import weka.core.Instances;

/** The baselines' own options reach their solvers. */
class BaselineOptionsTest {

  @Test
  void everyNmfSolverFitsAndNamesItself() throws Exception {
    PlantedData planted = PlantedData.generate(30, 15, 3, 0.01, 21);
    for (String solver : new String[] {"hals", "mu", "kl"}) {
      NMF c = new NMF();
      c.setOptions(new String[] {"-N", "3", "-solver", solver, "-I", "500"});
      c.buildClusterer(planted.instances());
      assertTrue(planted.matchesUpToPermutation(c.getTrainingAssignments()), solver);
      assertTrue(c.toString().contains("Solver: " + NMF.TAGS_SOLVER[c.getSolver().getSelectedTag().getID()]
          .getReadable()), c.toString());
    }
  }

  @Test
  void fixedCapIsGivenInTheDataUnits() throws Exception {
    CappedNMF c = new CappedNMF();
    c.setOptions(new String[] {"-cap", "5", "-lee-seung"});
    CappedNmf.Options options = c.capOptions(0.5);
    assertEquals(2.5, options.fixedCap(), 0.0);
    assertFalse(options.orthogonalCoefficients());
    c.setOptions(new String[] {"-cap-quantile", "0.8"});
    assertEquals(0.8, c.capOptions(0.5).inlierQuantile(), 0.0);
    assertTrue(c.capOptions(0.5).orthogonalCoefficients());
    Exception e = assertThrows(Exception.class, () -> new CappedNMF().setOptions(new String[] {"-cap-quantile", "2"}));
    assertTrue(e.getMessage().contains("-cap-quantile") && e.getMessage().contains("2"), e.getMessage());
  }

  @Test
  void cappedModelReportsItsCap() throws Exception {
    Instances data = PlantedData.generate(20, 10, 2, 0.02, 22).instances();
    CappedNMF c = new CappedNMF();
    c.setOptions(new String[] {"-N", "2"});
    c.buildClusterer(data);
    assertTrue(c.toString().contains("Cap theta"), c.toString());
  }
}
