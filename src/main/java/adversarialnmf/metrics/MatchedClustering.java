package adversarialnmf.metrics;

import java.util.Arrays;

/**
 * A clustering scored against known classes for any number of clusters: ACC under the
 * Hungarian cluster-to-class matching, NMI, ARI and purity, and the confusion matrix with the
 * clusters reordered so that each class's matched cluster is on the diagonal (the unmatched
 * clusters follow). Immutable.
 */
public final class MatchedClustering {

  private final ContingencyTable table;
  private final NmiNormalization normalization;
  private final int[] classOfCluster;
  private final int[] clusterOrder;

  private MatchedClustering(ContingencyTable table, NmiNormalization normalization) {
    this.table = table;
    this.normalization = normalization;
    this.classOfCluster = ClusteringScores.bestMatching(table);
    this.clusterOrder = orderByMatchedClass(classOfCluster, table.classCount());
  }

  /** Scores a labelling; see {@link ContingencyTable#of} for the label ranges. */
  public static MatchedClustering of(int[] classes, int classCount, int[] clusters, int clusterCount,
      NmiNormalization normalization) {
    return ofTable(ContingencyTable.of(classes, classCount, clusters, clusterCount), normalization);
  }

  /** Scores a contingency table of clusters against classes. */
  public static MatchedClustering ofTable(ContingencyTable table, NmiNormalization normalization) {
    return new MatchedClustering(table, normalization);
  }

  private static int[] orderByMatchedClass(int[] classOfCluster, int classCount) {
    int[] clusterOfClass = new int[classCount];
    Arrays.fill(clusterOfClass, -1);
    for (int r = 0; r < classOfCluster.length; r++) {
      if (classOfCluster[r] >= 0) {
        clusterOfClass[classOfCluster[r]] = r;
      }
    }
    int[] order = new int[classOfCluster.length];
    int next = 0;
    for (int c = 0; c < classCount; c++) {
      if (clusterOfClass[c] >= 0) {
        order[next++] = clusterOfClass[c];
      }
    }
    for (int r = 0; r < classOfCluster.length; r++) {
      if (classOfCluster[r] < 0) {
        order[next++] = r;
      }
    }
    return order;
  }

  public ContingencyTable table() {
    return table;
  }

  public double accuracy() {
    return ClusteringScores.accuracy(table);
  }

  public double normalizedMutualInformation() {
    return ClusteringScores.normalizedMutualInformation(table, normalization);
  }

  public NmiNormalization nmiNormalization() {
    return normalization;
  }

  public double adjustedRandIndex() {
    return ClusteringScores.adjustedRandIndex(table);
  }

  public double purity() {
    return ClusteringScores.purity(table);
  }

  /** The class matched to each cluster, -1 if the cluster is unmatched (copy). */
  public int[] classOfCluster() {
    return classOfCluster.clone();
  }

  /** The clusters in column order of {@link #confusion()}: matched ones by their class, then the rest (copy). */
  public int[] clusterOrder() {
    return clusterOrder.clone();
  }

  /** {@code [class][column]}: instances of each class in each cluster, clusters in {@link #clusterOrder()}. */
  public int[][] confusion() {
    int[][] out = new int[table.classCount()][clusterOrder.length];
    for (int c = 0; c < out.length; c++) {
      for (int k = 0; k < clusterOrder.length; k++) {
        out[c][k] = table.count(clusterOrder[k], c);
      }
    }
    return out;
  }
}
