package adversarialnmf.metrics;

/**
 * External clustering scores computed from a {@link ContingencyTable}: clustering accuracy with
 * the optimal one-to-one cluster-to-class matching, normalised mutual information, the adjusted
 * Rand index and purity. All are invariant under relabelling of clusters and of classes; empty
 * clusters and classes contribute nothing.
 */
public final class ClusteringScores {

  private ClusteringScores() {}

  /**
   * The cluster-to-class matching that maximises the instances on matched pairs (Hungarian
   * algorithm, O(k³) with k = max(clusters, classes)). When clusters outnumber classes the
   * surplus clusters stay unmatched; when classes outnumber clusters some classes do.
   *
   * @return for each cluster its class, or -1 if unmatched
   */
  public static int[] bestMatching(ContingencyTable table) {
    int clusters = table.clusterCount();
    int classes = table.classCount();
    double[] weight = new double[clusters * classes];
    for (int r = 0; r < clusters; r++) {
      for (int c = 0; c < classes; c++) {
        weight[r * classes + c] = table.count(r, c);
      }
    }
    return HungarianAlgorithm.maximumWeightAssignment(weight, clusters, classes);
  }

  /**
   * Clustering accuracy: the fraction of instances whose cluster is matched to their class under
   * {@link #bestMatching}. Instances in unmatched clusters count as errors, as in Cai's
   * {@code bestMap}.
   */
  public static double accuracy(ContingencyTable table) {
    requireInstances(table);
    int[] matching = bestMatching(table);
    long matched = 0;
    for (int r = 0; r < matching.length; r++) {
      if (matching[r] >= 0) {
        matched += table.count(r, matching[r]);
      }
    }
    return (double) matched / table.total();
  }

  /** Mutual information I(clusters; classes) in nats. */
  public static double mutualInformation(ContingencyTable table) {
    requireInstances(table);
    double n = table.total();
    double sum = 0.0;
    for (int r = 0; r < table.clusterCount(); r++) {
      int clusterSize = table.clusterSize(r);
      for (int c = 0; c < table.classCount(); c++) {
        int joint = table.count(r, c);
        if (joint > 0) {
          // p_rc log(p_rc / (p_r p_c)) with every p = count / n
          sum += joint * Math.log(joint * n / ((double) clusterSize * table.classSize(c)));
        }
      }
    }
    return Math.max(0.0, sum / n);
  }

  /** Entropy in nats of the partition into clusters. */
  public static double clusterEntropy(ContingencyTable table) {
    requireInstances(table);
    int[] sizes = new int[table.clusterCount()];
    for (int r = 0; r < sizes.length; r++) {
      sizes[r] = table.clusterSize(r);
    }
    return entropy(sizes, table.total());
  }

  /** Entropy in nats of the partition into classes. */
  public static double classEntropy(ContingencyTable table) {
    requireInstances(table);
    int[] sizes = new int[table.classCount()];
    for (int c = 0; c < sizes.length; c++) {
      sizes[c] = table.classSize(c);
    }
    return entropy(sizes, table.total());
  }

  private static double entropy(int[] sizes, double n) {
    double h = 0.0;
    for (int s : sizes) {
      if (s > 0) {
        double p = s / n;
        h -= p * Math.log(p);
      }
    }
    return h;
  }

  /**
   * Normalised mutual information. Two one-block partitions are identical and score 1; when only
   * one side is a single block the mutual information is 0 and so is the score (as
   * scikit-learn). Unlike Cai's {@code MutualInfo.m}, no pseudo-instances are added when the
   * numbers of clusters and classes differ; with equal numbers the two agree.
   */
  public static double normalizedMutualInformation(ContingencyTable table, NmiNormalization normalization) {
    double hClusters = clusterEntropy(table);
    double hClasses = classEntropy(table);
    if (hClusters == 0.0 && hClasses == 0.0) {
      return 1.0;
    }
    double normaliser = normalization.normaliser(hClusters, hClasses);
    if (normaliser <= 0.0) {
      return 0.0;
    }
    return Math.min(1.0, mutualInformation(table) / normaliser);
  }

  /**
   * Adjusted Rand index (Hubert &amp; Arabie 1985): pair agreement corrected for chance; 1 for
   * identical partitions, about 0 for independent ones, negative below chance.
   */
  public static double adjustedRandIndex(ContingencyTable table) {
    requireInstances(table);
    double samePairsBoth = 0.0;
    for (int r = 0; r < table.clusterCount(); r++) {
      for (int c = 0; c < table.classCount(); c++) {
        samePairsBoth += pairs(table.count(r, c));
      }
    }
    double samePairsCluster = 0.0;
    for (int r = 0; r < table.clusterCount(); r++) {
      samePairsCluster += pairs(table.clusterSize(r));
    }
    double samePairsClass = 0.0;
    for (int c = 0; c < table.classCount(); c++) {
      samePairsClass += pairs(table.classSize(c));
    }
    double allPairs = pairs(table.total());
    double expected = allPairs == 0.0 ? 0.0 : samePairsCluster * samePairsClass / allPairs;
    double maximum = 0.5 * (samePairsCluster + samePairsClass);
    if (maximum == expected) {
      // both partitions are the same trivial one (one block, or all singletons): perfect agreement
      return 1.0;
    }
    return (samePairsBoth - expected) / (maximum - expected);
  }

  private static double pairs(int n) {
    return 0.5 * n * (n - 1.0);
  }

  /** Purity: each cluster votes for its majority class; the fraction of instances on a majority. */
  public static double purity(ContingencyTable table) {
    requireInstances(table);
    long majority = 0;
    for (int r = 0; r < table.clusterCount(); r++) {
      int best = 0;
      for (int c = 0; c < table.classCount(); c++) {
        best = Math.max(best, table.count(r, c));
      }
      majority += best;
    }
    return (double) majority / table.total();
  }

  private static void requireInstances(ContingencyTable table) {
    if (table.total() == 0) {
      throw new IllegalArgumentException("cannot score a clustering of zero instances");
    }
  }
}
