package adversarialnmf.cluster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.init.KMeans;
import adversarialnmf.linalg.DenseData;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.testing.PlantedData;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AssignmentRestartsTest {

  /** Σ_j ‖y_j − c_label(j)‖², written out. */
  private static double naiveInertia(DenseMatrix y, KMeans.Result result) {
    double total = 0.0;
    for (int j = 0; j < y.cols(); j++) {
      for (int i = 0; i < y.rows(); i++) {
        double d = y.get(i, j) - result.centroids().get(i, result.labels()[j]);
        total += d * d;
      }
    }
    return total;
  }

  @Test
  void kMeansReportsItsWithinClusterSumOfSquares() {
    DenseMatrix y = PlantedData.generate(8, 10, 4, 0.2, 5).y();
    KMeans.Result result = new KMeans(4, 100).fit(new DenseData(y), new Random(2));
    assertEquals(naiveInertia(y, result), result.inertia(), 1e-9 * naiveInertia(y, result));
  }

  @Test
  void moreRestartsNeverGiveAWorseKMeansObjectiveAndTheSameSeedRepeats() {
    // overlapping clusters, many of them: k-means++ from one seeding often lands in a local minimum
    DenseMatrix y = PlantedData.generate(6, 8, 8, 0.3, 21).y();
    DenseData data = new DenseData(y);
    int better = 0;
    for (long seed = 0; seed < 10; seed++) {
      KMeans kMeans = new KMeans(8, 100);
      double one = kMeans.fit(data, new Random(seed)).inertia();
      Random stream = new Random(seed);
      double best = Double.POSITIVE_INFINITY;
      int[] bestLabels = null;
      for (int run = 0; run < 10; run++) {
        KMeans.Result r = kMeans.fit(data, stream);
        if (r.inertia() < best) {
          best = r.inertia();
          bestLabels = r.labels();
        }
      }
      assertTrue(best <= one, "seed " + seed + ": best of 10 " + best + " > first " + one);
      better += best < one ? 1 : 0;
      Random again = new Random(seed);
      double repeat = Double.POSITIVE_INFINITY;
      int[] repeatLabels = null;
      for (int run = 0; run < 10; run++) {
        KMeans.Result r = kMeans.fit(data, again);
        if (r.inertia() < repeat) {
          repeat = r.inertia();
          repeatLabels = r.labels();
        }
      }
      assertArrayEquals(bestLabels, repeatLabels);
    }
    assertTrue(better > 0, "restarts never found a better k-means solution: the case tests nothing");
  }

  @Test
  void restartsBelowOneAreRefusedAndArgmaxIgnoresThem() {
    assertThrows(IllegalArgumentException.class, () -> Assignment.of(AssignmentRule.KMEANS, 0));
    assertEquals(1, Assignment.of(AssignmentRule.ARGMAX, 7).restarts());
    assertEquals(7, Assignment.of(AssignmentRule.KMEANS, 7).restarts());
  }
}
