package weka.clusterers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.solver.GraphNmf;
import adversarialnmf.solver.GraphWeighting;
import adversarialnmf.testing.PlantedData;
import org.junit.jupiter.api.Test;
import weka.core.Instances;
import weka.core.Utils;

/** Runs the shared clusterer contract on {@link GraphNMF}, and its own options. */
class GraphNMFTest extends NMFClustererContract {

  @Override
  protected AbstractNMFClusterer newClusterer() {
    return new GraphNMF();
  }

  @Test
  void optionsReachTheSolverAndTheModelReportsItsGraph() throws Exception {
    GraphNMF c = new GraphNMF();
    c.setOptions(Utils.splitOptions("-lambda 2.5 -neighbours 3 -weighting heat -N 2"));
    GraphNmf.Options options = ((GraphNmf) c.solverForEstimate(c.m_Settings.stopping())).options();
    assertEquals(2.5, options.lambda(), 0.0);
    assertEquals(3, options.neighbours());
    assertEquals(GraphWeighting.HEAT, options.weighting());
    Instances data = PlantedData.generate(20, 10, 2, 0.02, 22).instances();
    c.buildClusterer(data);
    String text = c.toString();
    assertTrue(text.contains("-lambda 2.5 -neighbours 3 -weighting heat"), text);
    assertTrue(text.contains("Graph edges: ") && text.contains("Final " + GraphNmf.GRAPH_TERM_TRACE), text);
  }

  @Test
  void badOptionsAreErrorsNamingTheOptionAndTheValue() {
    for (String bad : new String[] {"-lambda -1", "-lambda NaN", "-neighbours 0", "-weighting gaussian",
        "-neighbours two"}) {
      Exception e = assertThrows(Exception.class, () -> new GraphNMF().setOptions(Utils.splitOptions(bad)));
      String[] parts = bad.split(" ");
      assertTrue(e.getMessage().contains(parts[0]) && e.getMessage().contains(parts[1]), bad + ": " + e.getMessage());
    }
  }
}
