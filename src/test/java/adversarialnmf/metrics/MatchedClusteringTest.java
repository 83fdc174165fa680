package adversarialnmf.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MatchedClusteringTest {

  /**
   * Classes a, b, c (0, 1, 2); four clusters. Cluster 2 holds class a's four instances, cluster
   * 0 class b's three, cluster 3 class c's two plus one a, cluster 1 one b: the matching is
   * a-2, b-0, c-3, so ACC = (4 + 3 + 2) / 11 and cluster 1 is unmatched (last column).
   */
  @Test
  void confusionPutsMatchedPairsOnTheDiagonalAndScoresAsClusteringScores() {
    int[] classes = {0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2};
    int[] clusters = {2, 2, 2, 2, 3, 0, 0, 0, 1, 3, 3};
    MatchedClustering scores = MatchedClustering.of(classes, 3, clusters, 4, NmiNormalization.MAX);
    assertArrayEquals(new int[] {1, -1, 0, 2}, scores.classOfCluster());
    assertArrayEquals(new int[] {2, 0, 3, 1}, scores.clusterOrder());
    int[][] expected = {
        {4, 0, 1, 0},
        {0, 3, 0, 1},
        {0, 0, 2, 0}};
    assertArrayEquals(expected, scores.confusion());
    assertEquals(9.0 / 11, scores.accuracy(), 1e-15);
    ContingencyTable table = ContingencyTable.of(classes, 3, clusters, 4);
    assertEquals(ClusteringScores.normalizedMutualInformation(table, NmiNormalization.MAX),
        scores.normalizedMutualInformation(), 0.0);
    assertEquals(ClusteringScores.adjustedRandIndex(table), scores.adjustedRandIndex(), 0.0);
    // majorities: 4 + 3 + 2 + 1
    assertEquals(10.0 / 11, scores.purity(), 1e-15);
  }

  @Test
  void fortyClustersAreMatchedWithoutTryingPermutations() {
    int n = 400;
    int[] classes = new int[n];
    int[] clusters = new int[n];
    for (int i = 0; i < n; i++) {
      classes[i] = i % 40;
      clusters[i] = (i % 40 + 7) % 40; // a relabelling: perfect clustering
    }
    clusters[0] = 1; // one instance of class 0 in another class's cluster
    MatchedClustering scores = MatchedClustering.of(classes, 40, clusters, 40, NmiNormalization.MAX);
    assertEquals(399.0 / 400, scores.accuracy(), 1e-15);
    int[][] confusion = scores.confusion();
    for (int c = 0; c < 40; c++) {
      assertEquals(c == 0 ? 9 : 10, confusion[c][c]);
    }
  }
}
