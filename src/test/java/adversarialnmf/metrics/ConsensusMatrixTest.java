package adversarialnmf.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Consensus, dispersion and cophenetic correlation against the textbook O(N³) computations. */
class ConsensusMatrixTest {

  private static ConsensusMatrix randomConsensus(int n, int runs, int k, Random random) {
    ConsensusMatrix c = new ConsensusMatrix(n);
    int[] base = new int[n];
    for (int i = 0; i < n; i++) {
      base[i] = random.nextInt(k);
    }
    for (int r = 0; r < runs; r++) {
      int[] labels = base.clone();
      for (int i = 0; i < n; i++) {
        if (random.nextDouble() < 0.3) {
          labels[i] = random.nextInt(k);
        }
      }
      c.add(labels);
    }
    return c;
  }

  /** UPGMA by repeatedly merging the closest pair of clusters, with explicit cophenetic distances. */
  private static double naiveCophenetic(double[][] distance) {
    int n = distance.length;
    List<List<Integer>> clusters = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<Integer> one = new ArrayList<>();
      one.add(i);
      clusters.add(one);
    }
    double[][] cophenetic = new double[n][n];
    while (clusters.size() > 1) {
      int bestP = -1;
      int bestQ = -1;
      double best = Double.POSITIVE_INFINITY;
      for (int p = 0; p < clusters.size(); p++) {
        for (int q = p + 1; q < clusters.size(); q++) {
          double sum = 0.0;
          for (int i : clusters.get(p)) {
            for (int j : clusters.get(q)) {
              sum += distance[i][j];
            }
          }
          double mean = sum / (clusters.get(p).size() * clusters.get(q).size());
          if (mean < best) {
            best = mean;
            bestP = p;
            bestQ = q;
          }
        }
      }
      for (int i : clusters.get(bestP)) {
        for (int j : clusters.get(bestQ)) {
          cophenetic[i][j] = best;
          cophenetic[j][i] = best;
        }
      }
      clusters.get(bestP).addAll(clusters.remove(bestQ));
    }
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double syy = 0;
    double sxy = 0;
    int pairs = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double x = distance[i][j];
        double y = cophenetic[i][j];
        sx += x;
        sy += y;
        sxx += x * x;
        syy += y * y;
        sxy += x * y;
        pairs++;
      }
    }
    double cov = sxy / pairs - sx * sy / pairs / pairs;
    return cov / Math.sqrt((sxx / pairs - sx * sx / pairs / pairs) * (syy / pairs - sy * sy / pairs / pairs));
  }

  @Test
  void copheneticCorrelationMatchesTheTextbookUpgma() {
    Random random = new Random(3);
    for (int trial = 0; trial < 5; trial++) {
      int n = 25 + trial;
      // continuous distances (no ties, so the dendrogram is unique) around three groups
      int[] group = new int[n];
      for (int i = 0; i < n; i++) {
        group[i] = random.nextInt(3);
      }
      double[][] distance = new double[n][n];
      double[] condensed = new double[n * (n - 1) / 2];
      int p = 0;
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          distance[i][j] = (group[i] == group[j] ? 0.2 : 0.7) + 0.3 * random.nextDouble();
          distance[j][i] = distance[i][j];
          condensed[p++] = distance[i][j];
        }
      }
      assertEquals(naiveCophenetic(distance), ConsensusMatrix.copheneticCorrelation(condensed, n), 1e-10,
          "trial " + trial);
    }
  }

  @Test
  void dispersionMatchesItsDefinition() {
    ConsensusMatrix c = randomConsensus(12, 5, 3, new Random(8));
    double sum = 0.0;
    for (int i = 0; i < 12; i++) {
      for (int j = 0; j < 12; j++) {
        double d = c.consensus(i, j) - 0.5;
        sum += 4 * d * d;
      }
    }
    assertEquals(sum / 144, c.dispersion(), 1e-12);
  }

  @Test
  void aStableClusteringScoresOneAndAnUnstableOneLess() {
    ConsensusMatrix stable = new ConsensusMatrix(6);
    stable.add(new int[] {0, 0, 1, 1, 2, 2});
    stable.add(new int[] {2, 2, 0, 0, 1, 1}); // the same partition, other label names
    assertEquals(1.0, stable.copheneticCorrelation(), 1e-12);
    assertEquals(1.0, stable.dispersion(), 1e-12);
    assertEquals(1.0, stable.consensus(0, 1), 0.0);
    assertEquals(0.0, stable.consensus(0, 2), 0.0);
    ConsensusMatrix unstable = new ConsensusMatrix(6);
    unstable.add(new int[] {0, 0, 1, 1, 2, 2});
    unstable.add(new int[] {0, 1, 1, 2, 2, 0});
    unstable.add(new int[] {0, 1, 0, 1, 0, 1});
    assertTrue(unstable.copheneticCorrelation() < 0.99, "" + unstable.copheneticCorrelation());
    assertTrue(unstable.dispersion() < 1.0);
  }

  @Test
  void sizeIsBoundedAndNamed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ConsensusMatrix(ConsensusMatrix.MAX_INSTANCES + 1));
    assertTrue(e.getMessage().contains("N x N"), e.getMessage());
  }
}
