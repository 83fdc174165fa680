package adversarialnmf.metrics;

import java.util.Arrays;

/**
 * The consensus matrix of several clusterings of the same N instances (Monti et al. 2003; Brunet
 * et al., PNAS 2004): C_ij = the fraction of runs that put i and j in one cluster, and the two rank
 * measures computed from it, the cophenetic correlation (Brunet) and the dispersion (Kim &amp; Park
 * 2007). C is inherently N x N; it is held as its strict upper triangle of counts, N(N − 1)/2
 * ints, so N is bounded by {@link #MAX_INSTANCES}.
 */
public final class ConsensusMatrix {

  /** The largest N accepted: the triangle then takes about 50 MB, the linkage's distances 100 MB. */
  public static final int MAX_INSTANCES = 5000;

  private final int count;
  private final int[] together;
  private int runs;

  public ConsensusMatrix(int instances) {
    if (instances < 2 || instances > MAX_INSTANCES) {
      throw new IllegalArgumentException("a consensus matrix needs 2 to " + MAX_INSTANCES + " instances (it is N x N), got "
          + instances + "; rank selection on more instances needs a subsample");
    }
    this.count = instances;
    this.together = new int[(int) ((long) instances * (instances - 1) / 2)];
  }

  /** Adds one clustering (a label per instance). */
  public void add(int[] labels) {
    if (labels.length != count) {
      throw new IllegalArgumentException(labels.length + " labels for " + count + " instances");
    }
    int p = 0;
    for (int i = 0; i < count; i++) {
      int li = labels[i];
      for (int j = i + 1; j < count; j++) {
        if (labels[j] == li) {
          together[p]++;
        }
        p++;
      }
    }
    runs++;
  }

  public int runs() {
    return runs;
  }

  public int instances() {
    return count;
  }

  /** C_ij for i ≠ j (1 on the diagonal). */
  public double consensus(int i, int j) {
    requireRuns();
    if (i == j) {
      return 1.0;
    }
    return (double) together[condensed(i, j, count)] / runs;
  }

  /**
   * Dispersion ρ = (1/N²) Σ_ij 4 (C_ij − ½)² over all ordered pairs, diagonal included: 1 when
   * every pair is always or never together, lower when the runs disagree (Kim &amp; Park 2007).
   */
  public double dispersion() {
    requireRuns();
    double sum = count; // the diagonal: 4 (1 − ½)² = 1 each
    for (int c : together) {
      double d = (double) c / runs - 0.5;
      sum += 2.0 * 4.0 * d * d;
    }
    return sum / ((double) count * count);
  }

  /**
   * The cophenetic correlation of Brunet et al.: the Pearson correlation, over the pairs i &lt; j,
   * between the distances 1 − C_ij and the cophenetic distances of the average-linkage (UPGMA)
   * dendrogram of those distances. 1 for a perfectly stable clustering. NaN when every distance
   * is equal (then both have no variance). O(N²) time by the nearest-neighbour chain.
   */
  public double copheneticCorrelation() {
    requireRuns();
    double[] distance = new double[together.length];
    for (int p = 0; p < distance.length; p++) {
      distance[p] = 1.0 - (double) together[p] / runs;
    }
    return copheneticCorrelation(distance, count);
  }

  /** The cophenetic correlation of the average-linkage dendrogram of a condensed distance triangle (overwritten). */
  static double copheneticCorrelation(double[] distance, int n) {
    long pairs = distance.length;
    double sum = 0.0;
    double squares = 0.0;
    for (double v : distance) {
      sum += v;
      squares += v * v;
    }
    // Average linkage: the distance of two clusters is the mean of their members' distances, so
    // merging P and Q at height h gives |P||Q| pairs cophenetic distance h whose original distances
    // sum to |P||Q| h; the sums of the correlation follow from the merges alone.
    double[] copheneticSums = new double[2];
    averageLinkage(distance, n, (sizeP, sizeQ, height) -> {
      double weight = (double) sizeP * sizeQ;
      copheneticSums[0] += weight * height;
      copheneticSums[1] += weight * height * height;
    });
    double meanD = sum / pairs;
    double meanC = copheneticSums[0] / pairs;
    // Σ d·c = Σ c² for average linkage (see above)
    double covariance = copheneticSums[1] / pairs - meanD * meanC;
    double varianceD = squares / pairs - meanD * meanD;
    double varianceC = copheneticSums[1] / pairs - meanC * meanC;
    if (varianceD <= 1e-15 || varianceC <= 1e-15) {
      return Double.NaN;
    }
    return Math.min(1.0, covariance / Math.sqrt(varianceD * varianceC));
  }

  /** Receives each merge of the dendrogram: the two cluster sizes and the merge height. */
  interface MergeListener {
    void merged(int sizeP, int sizeQ, double height);
  }

  /**
   * Average-linkage agglomeration of n points by the nearest-neighbour chain (Murtagh 1983),
   * exact because average linkage is reducible; {@code d} is the condensed upper triangle and is
   * overwritten with the Lance-Williams cluster distances.
   */
  static void averageLinkage(double[] d, int n, MergeListener listener) {
    int[] size = new int[n];
    Arrays.fill(size, 1);
    boolean[] active = new boolean[n];
    Arrays.fill(active, true);
    int[] chain = new int[n];
    int length = 0;
    int remaining = n;
    int nextStart = 0;
    while (remaining > 1) {
      if (length == 0) {
        while (!active[nextStart]) {
          nextStart++;
        }
        chain[length++] = nextStart;
      }
      int a = chain[length - 1];
      int previous = length > 1 ? chain[length - 2] : -1;
      int best = previous;
      double bestDistance = previous >= 0 ? d[condensed(a, previous, n)] : Double.POSITIVE_INFINITY;
      for (int k = 0; k < n; k++) {
        if (k != a && active[k]) {
          double v = d[condensed(a, k, n)];
          if (v < bestDistance) { // ties keep the previous element, so the chain cannot cycle
            bestDistance = v;
            best = k;
          }
        }
      }
      if (best == previous) {
        length -= 2;
        listener.merged(size[a], size[previous], bestDistance);
        // the merged cluster takes slot `previous`; `a` retires
        int sa = size[a];
        int sb = size[previous];
        for (int k = 0; k < n; k++) {
          if (active[k] && k != a && k != previous) {
            int kb = condensed(previous, k, n);
            d[kb] = (sa * d[condensed(a, k, n)] + sb * d[kb]) / (sa + sb);
          }
        }
        size[previous] = sa + sb;
        active[a] = false;
        remaining--;
      } else {
        chain[length++] = best;
      }
    }
  }

  /** Position of pair (i, j), i ≠ j, in the strict upper triangle stored row by row. */
  private static int condensed(int i, int j, int n) {
    int a = Math.min(i, j);
    int b = Math.max(i, j);
    return (int) ((long) a * (2L * n - a - 1) / 2) + (b - a - 1);
  }

  private void requireRuns() {
    if (runs == 0) {
      throw new IllegalStateException("no clustering added to the consensus matrix yet");
    }
  }
}
