package adversarialnmf.experiments;

/**
 * ACC of a clustering against class labels: the best one-to-one matching of clusters to classes
 * (Hungarian algorithm on the contingency table, O(k³)), fraction of instances matched.
 */
final class ClusteringAccuracy {

  private ClusteringAccuracy() {
  }

  static double of(int[] clusters, int[] classes) {
    int k = 0;
    for (int i = 0; i < clusters.length; i++) {
      k = Math.max(k, Math.max(clusters[i], classes[i]) + 1);
    }
    double[][] counts = new double[k][k];
    for (int i = 0; i < clusters.length; i++) {
      counts[clusters[i]][classes[i]]++;
    }
    int[] match = maximumMatching(counts);
    double hit = 0;
    for (int c = 0; c < k; c++) {
      hit += counts[c][match[c]];
    }
    return hit / clusters.length;
  }

  /** Row → column assignment maximising the total weight (shortest augmenting paths with potentials). */
  static int[] maximumMatching(double[][] weight) {
    int n = weight.length;
    double max = 0;
    for (double[] row : weight) {
      for (double v : row) {
        max = Math.max(max, v);
      }
    }
    double[] rowPotential = new double[n + 1];
    double[] colPotential = new double[n + 1];
    int[] rowOfCol = new int[n + 1];
    int[] way = new int[n + 1];
    for (int r = 1; r <= n; r++) {
      rowOfCol[0] = r;
      int col = 0;
      double[] minSlack = new double[n + 1];
      boolean[] used = new boolean[n + 1];
      java.util.Arrays.fill(minSlack, Double.POSITIVE_INFINITY);
      do {
        used[col] = true;
        int row = rowOfCol[col];
        double delta = Double.POSITIVE_INFINITY;
        int nextCol = 0;
        for (int c = 1; c <= n; c++) {
          if (!used[c]) {
            double cost = (max - weight[row - 1][c - 1]) - rowPotential[row] - colPotential[c];
            if (cost < minSlack[c]) {
              minSlack[c] = cost;
              way[c] = col;
            }
            if (minSlack[c] < delta) {
              delta = minSlack[c];
              nextCol = c;
            }
          }
        }
        for (int c = 0; c <= n; c++) {
          if (used[c]) {
            rowPotential[rowOfCol[c]] += delta;
            colPotential[c] -= delta;
          } else {
            minSlack[c] -= delta;
          }
        }
        col = nextCol;
      } while (rowOfCol[col] != 0);
      do {
        int previous = way[col];
        rowOfCol[col] = rowOfCol[previous];
        col = previous;
      } while (col != 0);
    }
    int[] match = new int[n];
    for (int c = 1; c <= n; c++) {
      match[rowOfCol[c] - 1] = c - 1;
    }
    return match;
  }
}
