package adversarialnmf.init;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.solver.FitInterruptedException;
import java.util.Arrays;
import java.util.Random;

/**
 * Lloyd's k-means with k-means++ seeding over the columns of a {@link DataMatrix}. Distances come
 * from ‖y‖² − 2 yᵀc + ‖c‖² with Yᵀ C as one product, so a sparse Y stays sparse.
 */
public final class KMeans {

  private final int clusters;
  private final int maxIterations;

  public KMeans(int clusters, int maxIterations) {
    if (clusters < 1) {
      throw new IllegalArgumentException("k-means needs at least one cluster, got " + clusters);
    }
    this.clusters = clusters;
    this.maxIterations = maxIterations;
  }

  /**
   * The result: centroids as the columns of an m x k matrix, the label of each column of Y, and the
   * within-cluster sum of squares of those labels about those centroids.
   */
  public static final class Result {
    private final DenseMatrix centroids;
    private final int[] labels;
    private final double inertia;

    Result(DenseMatrix centroids, int[] labels, double inertia) {
      this.centroids = centroids;
      this.labels = labels;
      this.inertia = inertia;
    }

    /** Σ_j ‖y_j − c_label(j)‖²: the k-means objective, for choosing among restarts. */
    public double inertia() {
      return inertia;
    }

    /** m x k, one centroid per column. */
    public DenseMatrix centroids() {
      return centroids;
    }

    public int[] labels() {
      return labels;
    }
  }

  public Result fit(DataMatrix y, Random random) {
    int m = y.rows();
    int count = y.cols();
    if (count < clusters) {
      throw new IllegalArgumentException(
          "k-means needs at least as many instances (" + count + ") as clusters (" + clusters + ")");
    }
    double[] norms = y.columnSquaredNorms();
    DenseMatrix centroids = seed(y, norms, random);
    int[] labels = new int[count];
    Arrays.fill(labels, -1);
    DenseMatrix cross = new DenseMatrix(count, clusters);
    double[] minDistance = new double[count];
    for (int iteration = 0; iteration < maxIterations; iteration++) {
      FitInterruptedException.checkInterrupted("k-means");
      boolean changed = assign(y, norms, centroids, cross, labels, minDistance);
      if (!changed && iteration > 0) {
        break;
      }
      centroids = means(y, labels, minDistance, m);
    }
    return new Result(centroids, labels, inertia(y, norms, centroids, labels));
  }

  private double inertia(DataMatrix y, double[] norms, DenseMatrix centroids, int[] labels) {
    DenseMatrix cross = y.transposeTimes(centroids);
    double total = 0.0;
    for (int j = 0; j < labels.length; j++) {
      int c = labels[j];
      double centroidNorm = 0.0;
      for (int i = 0; i < centroids.rows(); i++) {
        centroidNorm += centroids.get(i, c) * centroids.get(i, c);
      }
      total += Math.max(0.0, norms[j] - 2.0 * cross.get(j, c) + centroidNorm);
    }
    return total;
  }

  /** k-means++ (Arthur &amp; Vassilvitskii 2007): each next seed drawn with probability ∝ D². */
  private DenseMatrix seed(DataMatrix y, double[] norms, Random random) {
    int m = y.rows();
    int count = y.cols();
    DenseMatrix centroids = new DenseMatrix(m, clusters);
    double[] column = new double[m];
    double[] distance = new double[count];
    Arrays.fill(distance, Double.POSITIVE_INFINITY);
    int chosen = random.nextInt(count);
    for (int c = 0; c < clusters; c++) {
      FitInterruptedException.checkInterrupted("k-means++ seeding");
      y.column(chosen, column);
      DenseMatrix centre = new DenseMatrix(m, 1, column.clone());
      for (int i = 0; i < m; i++) {
        centroids.set(i, c, column[i]);
      }
      DenseMatrix dots = y.transposeTimes(centre);
      double centreNorm = norms[chosen];
      double total = 0.0;
      for (int j = 0; j < count; j++) {
        double d = Math.max(0.0, norms[j] - 2.0 * dots.get(j, 0) + centreNorm);
        distance[j] = Math.min(distance[j], d);
        total += distance[j];
      }
      if (c + 1 < clusters) {
        chosen = total > 0.0 ? sample(distance, total, random) : random.nextInt(count);
      }
    }
    return centroids;
  }

  private static int sample(double[] weights, double total, Random random) {
    double target = random.nextDouble() * total;
    double running = 0.0;
    for (int j = 0; j < weights.length; j++) {
      running += weights[j];
      if (running >= target && weights[j] > 0.0) {
        return j;
      }
    }
    for (int j = weights.length - 1; j >= 0; j--) {
      if (weights[j] > 0.0) {
        return j;
      }
    }
    return weights.length - 1;
  }

  /** Nearest centroid for each column; returns whether any label changed. */
  private boolean assign(DataMatrix y, double[] norms, DenseMatrix centroids, DenseMatrix cross,
      int[] labels, double[] minDistance) {
    int count = y.cols();
    double[] centroidNorms = new double[clusters];
    for (int c = 0; c < clusters; c++) {
      double s = 0.0;
      for (int i = 0; i < centroids.rows(); i++) {
        double v = centroids.get(i, c);
        s += v * v;
      }
      centroidNorms[c] = s;
    }
    y.transposeTimes(centroids, cross);
    double[] cd = cross.data();
    boolean changed = false;
    for (int j = 0; j < count; j++) {
      int best = 0;
      double bestDistance = Double.POSITIVE_INFINITY;
      for (int c = 0; c < clusters; c++) {
        double d = norms[j] - 2.0 * cd[j * clusters + c] + centroidNorms[c];
        if (d < bestDistance) {
          bestDistance = d;
          best = c;
        }
      }
      minDistance[j] = Math.max(0.0, bestDistance);
      if (labels[j] != best) {
        labels[j] = best;
        changed = true;
      }
    }
    return changed;
  }

  /** Cluster means; an empty cluster takes the column farthest from its centroid. */
  private DenseMatrix means(DataMatrix y, int[] labels, double[] minDistance, int m) {
    int count = y.cols();
    int[] sizes = new int[clusters];
    for (int label : labels) {
      sizes[label]++;
    }
    for (int c = 0; c < clusters; c++) {
      if (sizes[c] == 0) {
        int farthest = 0;
        for (int j = 1; j < count; j++) {
          if (sizes[labels[j]] > 1 && minDistance[j] > minDistance[farthest]) {
            farthest = j;
          }
        }
        sizes[labels[farthest]]--;
        labels[farthest] = c;
        sizes[c] = 1;
        minDistance[farthest] = 0.0;
      }
    }
    DenseMatrix weights = new DenseMatrix(count, clusters);
    for (int j = 0; j < count; j++) {
      weights.set(j, labels[j], 1.0 / sizes[labels[j]]);
    }
    return y.times(weights);
  }
}
