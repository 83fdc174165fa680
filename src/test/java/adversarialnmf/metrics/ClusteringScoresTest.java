package adversarialnmf.metrics;

import static adversarialnmf.metrics.ClusteringScores.accuracy;
import static adversarialnmf.metrics.ClusteringScores.adjustedRandIndex;
import static adversarialnmf.metrics.ClusteringScores.normalizedMutualInformation;
import static adversarialnmf.metrics.ClusteringScores.purity;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ClusteringScoresTest {

  private static final double TOL = 1e-12;

  /** classes 000111 against clusters 001122: every score worked out by hand below. */
  private static final ContingencyTable SPLIT =
      ContingencyTable.ofLabels(new int[] {0, 0, 0, 1, 1, 1}, new int[] {0, 0, 1, 1, 2, 2});

  @Test
  void tableCountsAndMarginals() {
    assertEquals(3, SPLIT.clusterCount());
    assertEquals(2, SPLIT.classCount());
    assertEquals(6, SPLIT.total());
    assertEquals(2, SPLIT.count(0, 0));
    assertEquals(1, SPLIT.count(1, 0));
    assertEquals(1, SPLIT.count(1, 1));
    assertEquals(2, SPLIT.count(2, 1));
    assertEquals(0, SPLIT.count(2, 0));
    assertEquals(2, SPLIT.clusterSize(1));
    assertEquals(3, SPLIT.classSize(1));
  }

  @Test
  void handComputedScores() {
    // matching c0->0 and c2->1 covers 2 + 2 of 6; the mixed cluster is left unmatched
    assertEquals(4.0 / 6.0, accuracy(SPLIT), TOL);
    // majorities 2, 1, 2
    assertEquals(5.0 / 6.0, purity(SPLIT), TOL);
    // I = 2 * (2/6) ln(2*6 / (2*3)) = (2/3) ln 2; H(classes) = ln 2; H(clusters) = ln 3
    double mi = 2.0 / 3.0 * Math.log(2);
    assertEquals(mi, ClusteringScores.mutualInformation(SPLIT), TOL);
    assertEquals(Math.log(2), ClusteringScores.classEntropy(SPLIT), TOL);
    assertEquals(Math.log(3), ClusteringScores.clusterEntropy(SPLIT), TOL);
    assertEquals(mi / Math.log(3), normalizedMutualInformation(SPLIT, NmiNormalization.MAX), TOL);
    assertEquals(mi / Math.log(2), normalizedMutualInformation(SPLIT, NmiNormalization.MIN), TOL);
    assertEquals(mi / Math.sqrt(Math.log(2) * Math.log(3)),
        normalizedMutualInformation(SPLIT, NmiNormalization.SQRT), TOL);
    assertEquals(mi / (0.5 * Math.log(6)), normalizedMutualInformation(SPLIT, NmiNormalization.ARITHMETIC), TOL);
    // pairs together in both: 1 + 1; in a cluster: 3; in a class: 6; of 15 pairs
    // ARI = (2 - 3*6/15) / ((3 + 6)/2 - 3*6/15) = 0.8 / 3.3
    assertEquals(0.8 / 3.3, adjustedRandIndex(SPLIT), TOL);
  }

  @Test
  void accuracyNeedsTheOptimalNotTheGreedyMatching() {
    // cluster 0: 3 of class 0, 2 of class 1; cluster 1: 2 of class 0
    ContingencyTable table = ContingencyTable.ofCounts(new int[][] {{3, 2}, {2, 0}});
    assertArrayEquals(new int[] {1, 0}, ClusteringScores.bestMatching(table));
    assertEquals(4.0 / 7.0, accuracy(table), TOL);
    assertEquals(5.0 / 7.0, purity(table), TOL);
  }

  @Test
  void moreClassesThanClusters() {
    // 2 clusters, 3 classes: only two classes can be matched
    ContingencyTable table = ContingencyTable.ofCounts(new int[][] {{4, 1, 3}, {0, 2, 2}});
    assertEquals(6.0 / 12.0, accuracy(table), TOL); // 4 (c0->0) + 2 (c1->1 or c1->2)
    assertEquals(6.0 / 12.0, purity(table), TOL);
  }

  @Test
  void oneClusterScoresNoInformation() {
    int[] classes = {0, 0, 1, 1, 2, 2};
    ContingencyTable table = ContingencyTable.ofLabels(classes, new int[6]);
    assertEquals(1.0 / 3.0, accuracy(table), TOL);
    assertEquals(1.0 / 3.0, purity(table), TOL);
    for (NmiNormalization n : NmiNormalization.values()) {
      assertEquals(0.0, normalizedMutualInformation(table, n), TOL, n.name());
    }
    assertEquals(0.0, adjustedRandIndex(table), TOL);
  }

  @Test
  void oneClassIsPureButUninformative() {
    ContingencyTable table = ContingencyTable.ofLabels(new int[5], new int[] {0, 0, 0, 1, 2});
    assertEquals(3.0 / 5.0, accuracy(table), TOL);
    assertEquals(1.0, purity(table), TOL);
    assertEquals(0.0, normalizedMutualInformation(table, NmiNormalization.MAX), TOL);
    assertEquals(0.0, adjustedRandIndex(table), TOL);
  }

  @Test
  void oneClusterAndOneClassAgreePerfectly() {
    ContingencyTable table = ContingencyTable.ofLabels(new int[4], new int[4]);
    assertEquals(1.0, accuracy(table), TOL);
    assertEquals(1.0, purity(table), TOL);
    assertEquals(1.0, normalizedMutualInformation(table, NmiNormalization.SQRT), TOL);
    assertEquals(1.0, adjustedRandIndex(table), TOL);
  }

  @Test
  void identicalSingletonPartitionsScorePerfectly() {
    int[] labels = {0, 1, 2, 3};
    ContingencyTable table = ContingencyTable.ofLabels(labels, labels);
    assertEquals(1.0, adjustedRandIndex(table), TOL);
    assertEquals(1.0, normalizedMutualInformation(table, NmiNormalization.ARITHMETIC), TOL);
  }

  @Test
  void emptyClustersChangeNothing() {
    int[] classes = {0, 0, 1, 1, 1, 2};
    int[] clusters = {0, 1, 1, 1, 3, 3};
    ContingencyTable compact = ContingencyTable.ofLabels(classes, clusters); // 3 clusters
    ContingencyTable sparse = ContingencyTable.of(classes, 3, clusters, 6); // clusters 2, 4, 5 empty
    assertEquals(3, compact.clusterCount());
    assertEquals(3, sparse.nonEmptyClusterCount());
    assertEquals(accuracy(compact), accuracy(sparse), TOL);
    assertEquals(purity(compact), purity(sparse), TOL);
    assertEquals(adjustedRandIndex(compact), adjustedRandIndex(sparse), TOL);
    for (NmiNormalization n : NmiNormalization.values()) {
      assertEquals(normalizedMutualInformation(compact, n), normalizedMutualInformation(sparse, n), TOL);
    }
  }

  @Test
  void permutedLabellingScoresOne() {
    Random random = new Random(7);
    for (int trial = 0; trial < 20; trial++) {
      int k = 2 + random.nextInt(30);
      int[] classes = new int[200];
      for (int i = 0; i < classes.length; i++) {
        classes[i] = random.nextInt(k);
      }
      int[] permutation = randomPermutation(k, random);
      int[] clusters = new int[classes.length];
      for (int i = 0; i < classes.length; i++) {
        clusters[i] = permutation[classes[i]];
      }
      ContingencyTable table = ContingencyTable.of(classes, k, clusters, k);
      assertEquals(1.0, accuracy(table), TOL);
      assertEquals(1.0, purity(table), TOL);
      assertEquals(1.0, adjustedRandIndex(table), TOL);
      for (NmiNormalization n : NmiNormalization.values()) {
        assertEquals(1.0, normalizedMutualInformation(table, n), 1e-9);
      }
    }
  }

  @Test
  void scoresInvariantUnderRelabellingAndNmiSymmetric() {
    Random random = new Random(11);
    for (int trial = 0; trial < 50; trial++) {
      int classCount = 1 + random.nextInt(6);
      int clusterCount = 1 + random.nextInt(8);
      int n = 1 + random.nextInt(60);
      int[] classes = new int[n];
      int[] clusters = new int[n];
      for (int i = 0; i < n; i++) {
        classes[i] = random.nextInt(classCount);
        clusters[i] = random.nextInt(clusterCount);
      }
      ContingencyTable table = ContingencyTable.of(classes, classCount, clusters, clusterCount);
      ContingencyTable swapped = ContingencyTable.of(clusters, clusterCount, classes, classCount);
      int[] permutation = randomPermutation(clusterCount, random);
      int[] renamed = new int[n];
      for (int i = 0; i < n; i++) {
        renamed[i] = permutation[clusters[i]];
      }
      ContingencyTable relabelled = ContingencyTable.of(classes, classCount, renamed, clusterCount);
      for (NmiNormalization norm : NmiNormalization.values()) {
        double nmi = normalizedMutualInformation(table, norm);
        assertTrue(nmi >= 0.0 && nmi <= 1.0, norm + " " + nmi);
        assertEquals(nmi, normalizedMutualInformation(swapped, norm), 1e-12, "symmetry " + norm);
        assertEquals(nmi, normalizedMutualInformation(relabelled, norm), 1e-12);
      }
      assertEquals(adjustedRandIndex(table), adjustedRandIndex(swapped), 1e-12);
      assertEquals(accuracy(table), accuracy(swapped), 1e-12);
      assertEquals(accuracy(table), accuracy(relabelled), 1e-12);
      assertEquals(adjustedRandIndex(table), adjustedRandIndex(relabelled), 1e-12);
      assertEquals(purity(table), purity(relabelled), 1e-12);
      assertTrue(accuracy(table) <= purity(table) + 1e-12, "ACC never exceeds purity");
    }
  }

  @Test
  void maxNormalisationIsTheSmallestOfTheSymmetricOnes() {
    double max = normalizedMutualInformation(SPLIT, NmiNormalization.MAX);
    double sqrt = normalizedMutualInformation(SPLIT, NmiNormalization.SQRT);
    double arithmetic = normalizedMutualInformation(SPLIT, NmiNormalization.ARITHMETIC);
    double min = normalizedMutualInformation(SPLIT, NmiNormalization.MIN);
    assertTrue(max < arithmetic && arithmetic < sqrt && sqrt < min);
  }

  @Test
  void badInputIsRejectedWithAClearMessage() {
    IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
        () -> ContingencyTable.of(new int[3], 1, new int[2], 1));
    assertTrue(length.getMessage().contains("3 classes vs 2"), length.getMessage());
    IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
        () -> ContingencyTable.of(new int[] {0, 1}, 2, new int[] {0, 4}, 3));
    assertTrue(range.getMessage().contains("cluster label 4 of instance 1"), range.getMessage());
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
        () -> accuracy(ContingencyTable.of(new int[0], 1, new int[0], 1)));
    assertTrue(empty.getMessage().contains("zero instances"), empty.getMessage());
    IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
        () -> NmiNormalization.fromOptionName("geometric"));
    assertTrue(name.getMessage().contains("geometric"), name.getMessage());
    assertEquals(NmiNormalization.SQRT, NmiNormalization.fromOptionName(" SQRT"));
  }

  private static int[] randomPermutation(int k, Random random) {
    int[] p = new int[k];
    for (int i = 0; i < k; i++) {
      p[i] = i;
    }
    for (int i = k - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}
