package weka.clusterers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.init.KMeansInitialization;
import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.solver.Factorization;
import adversarialnmf.testing.PlantedData;
import adversarialnmf.weka.WekaData;
import java.util.Random;
import org.junit.jupiter.api.Test;
import weka.core.Instances;

/**
 * What ANMF reports it learned: the movements of A and Ã from the start A⁰ and ‖Ã − A‖/‖A‖ against
 * norms computed by loops from the same start (the clusterer's seed stream), the shares of (9)'s
 * terms summing to 1 and reproducing the final objective, and the same values in toString and as
 * Weka measures.
 */
class ANMFDiagnosticsTest {

  private static double distance(DenseMatrix p, DenseMatrix q) {
    double s = 0.0;
    for (int i = 0; i < p.rows(); i++) {
      for (int j = 0; j < p.cols(); j++) {
        double d = p.get(i, j) - q.get(i, j);
        s += d * d;
      }
    }
    return Math.sqrt(s);
  }

  @Test
  void movementsAndSharesMatchNaiveValues() throws Exception {
    Instances data = PlantedData.generate(20, 30, 3, 0.05, 4).instances();
    ANMF anmf = new ANMF();
    anmf.setOptions(new String[] {"-N", "3", "-I", "30", "-beta", "0.5", "-S", "2"});
    anmf.buildClusterer(data);

    DataMatrix raw = WekaData.toMatrix(data, WekaData.featureIndices(data));
    DataMatrix y = raw.scaled(1.0 / raw.max());
    DenseMatrix a0 = new KMeansInitialization(0.2).initialize(y, 3, new Random(2)).basis();
    Factorization fit = anmf.getFactorization();
    DenseMatrix a = fit.basis();
    DenseMatrix adversarial = fit.adversarialBasis();
    double a0Norm = distance(a0, new DenseMatrix(a0.rows(), a0.cols()));
    assertEquals(distance(a, a0) / a0Norm, anmf.getBasisMovement(), 1e-12);
    assertEquals(distance(adversarial, a0) / a0Norm, anmf.getAdversarialMovement(), 1e-12);
    assertEquals(distance(adversarial, a) / distance(a, new DenseMatrix(a.rows(), a.cols())),
        anmf.getAdversarialGap(), 1e-12);
    assertTrue(anmf.getBasisMovement() > 1e-3, "with beta = 0.5 the data move A");

    double[] shares = anmf.getObjectiveShares();
    assertEquals(1.0, shares[0] + shares[1] + shares[2], 1e-12);
    for (double share : shares) {
      assertTrue(share > 0.0 && share < 1.0, "share " + share);
    }
    assertEquals(shares[1], anmf.getMeasure("measureCleanFitShare"), 0.0);
    assertEquals(anmf.getBasisMovement(), anmf.getMeasure("measureBasisMovement"), 0.0);
    String text = anmf.toString();
    assertTrue(text.contains("||A - A0|| / ||A0||: "), text);
    assertTrue(text.contains("share of gamma"), text);
  }
}
