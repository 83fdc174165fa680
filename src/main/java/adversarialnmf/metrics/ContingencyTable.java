package adversarialnmf.metrics;

import java.util.Arrays;

/**
 * Counts of instances per (cluster, class) pair: the one summary every external clustering score
 * here is computed from. Clusters and classes are dense indices {@code 0..count-1}; a cluster or
 * class with no instance (an empty cluster) is allowed and simply has a zero row or column.
 * Immutable.
 */
public final class ContingencyTable {

  private final int clusterCount;
  private final int classCount;
  /** clusterCount x classCount, row-major. */
  private final int[] counts;
  private final int[] clusterSizes;
  private final int[] classSizes;
  private final int total;

  private ContingencyTable(int clusterCount, int classCount, int[] counts) {
    this.clusterCount = clusterCount;
    this.classCount = classCount;
    this.counts = counts;
    this.clusterSizes = new int[clusterCount];
    this.classSizes = new int[classCount];
    int sum = 0;
    for (int r = 0; r < clusterCount; r++) {
      for (int c = 0; c < classCount; c++) {
        int n = counts[r * classCount + c];
        clusterSizes[r] += n;
        classSizes[c] += n;
        sum += n;
      }
    }
    this.total = sum;
  }

  /**
   * Tabulates two labellings of the same instances.
   *
   * @param classes the true class of each instance, in {@code 0..classCount-1}
   * @param classCount how many classes there are (classes without instances allowed)
   * @param clusters the cluster of each instance, in {@code 0..clusterCount-1}
   * @param clusterCount how many clusters there are (empty clusters allowed)
   */
  public static ContingencyTable of(int[] classes, int classCount, int[] clusters, int clusterCount) {
    if (classes.length != clusters.length) {
      throw new IllegalArgumentException(
          "class and cluster labellings differ in length: " + classes.length + " classes vs "
              + clusters.length + " cluster labels");
    }
    if (classCount < 1 || clusterCount < 1) {
      throw new IllegalArgumentException(
          "need at least one class and one cluster, got " + classCount + " classes and "
              + clusterCount + " clusters");
    }
    int[] counts = new int[clusterCount * classCount];
    for (int i = 0; i < classes.length; i++) {
      int k = classes[i];
      int r = clusters[i];
      if (k < 0 || k >= classCount) {
        throw new IllegalArgumentException(
            "class label " + k + " of instance " + i + " is outside 0.." + (classCount - 1));
      }
      if (r < 0 || r >= clusterCount) {
        throw new IllegalArgumentException(
            "cluster label " + r + " of instance " + i + " is outside 0.." + (clusterCount - 1));
      }
      counts[r * classCount + k]++;
    }
    return new ContingencyTable(clusterCount, classCount, counts);
  }

  /**
   * Tabulates two labellings given as arbitrary integers (e.g. {7, 3, 7}): each distinct value
   * becomes one class or cluster, so only labels that occur are counted.
   */
  public static ContingencyTable ofLabels(int[] classes, int[] clusters) {
    int[] classValues = distinctSorted(classes);
    int[] clusterValues = distinctSorted(clusters);
    return of(
        indexOf(classValues, classes), Math.max(1, classValues.length),
        indexOf(clusterValues, clusters), Math.max(1, clusterValues.length));
  }

  /** A table from its counts, {@code counts[cluster][class]}; rows must have equal length. */
  public static ContingencyTable ofCounts(int[][] counts) {
    if (counts.length == 0 || counts[0].length == 0) {
      throw new IllegalArgumentException("a contingency table needs at least one row and one column");
    }
    int classCount = counts[0].length;
    int[] flat = new int[counts.length * classCount];
    for (int r = 0; r < counts.length; r++) {
      if (counts[r].length != classCount) {
        throw new IllegalArgumentException(
            "row " + r + " has " + counts[r].length + " columns, row 0 has " + classCount);
      }
      for (int c = 0; c < classCount; c++) {
        if (counts[r][c] < 0) {
          throw new IllegalArgumentException(
              "count at (" + r + ", " + c + ") is negative: " + counts[r][c]);
        }
        flat[r * classCount + c] = counts[r][c];
      }
    }
    return new ContingencyTable(counts.length, classCount, flat);
  }

  private static int[] distinctSorted(int[] labels) {
    return Arrays.stream(labels).distinct().sorted().toArray();
  }

  private static int[] indexOf(int[] sortedValues, int[] labels) {
    int[] index = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      index[i] = Arrays.binarySearch(sortedValues, labels[i]);
    }
    return index;
  }

  public int clusterCount() {
    return clusterCount;
  }

  public int classCount() {
    return classCount;
  }

  /** Number of instances tabulated. */
  public int total() {
    return total;
  }

  public int count(int cluster, int classIndex) {
    return counts[cluster * classCount + classIndex];
  }

  public int clusterSize(int cluster) {
    return clusterSizes[cluster];
  }

  public int classSize(int classIndex) {
    return classSizes[classIndex];
  }

  /** Clusters that hold at least one instance. */
  public int nonEmptyClusterCount() {
    return countPositive(clusterSizes);
  }

  /** Classes that hold at least one instance. */
  public int nonEmptyClassCount() {
    return countPositive(classSizes);
  }

  private static int countPositive(int[] sizes) {
    int n = 0;
    for (int s : sizes) {
      if (s > 0) {
        n++;
      }
    }
    return n;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("cluster \\ class");
    for (int c = 0; c < classCount; c++) {
      text.append('\t').append(c);
    }
    for (int r = 0; r < clusterCount; r++) {
      text.append('\n').append(r);
      for (int c = 0; c < classCount; c++) {
        text.append('\t').append(count(r, c));
      }
    }
    return text.toString();
  }
}
