package adversarialnmf.cluster;

import adversarialnmf.init.KMeans;
import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseData;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.OverflowSafe;
import adversarialnmf.solver.Factorization;
import adversarialnmf.solver.NonnegativeProjection;
import java.io.Serializable;
import java.util.Random;

/**
 * A fitted NMF clustering: the factorization, the scale the data were divided by, the projection
 * onto the basis for new instances, and the rule that turns coefficients into clusters.
 * Immutable; getters return copies.
 */
public final class NmfClustering implements Serializable {

  private static final long serialVersionUID = 3325790812263702147L;

  /** Lloyd iterations for the k-means assignment rule on n-dimensional unit vectors. */
  static final int ASSIGNMENT_KMEANS_ITERATIONS = 300;

  private final Factorization factorization;
  private final double dataScale;
  private final AssignmentRule rule;
  private final NonnegativeProjection projection;
  private final DenseMatrix centroids; // n x k, only for the k-means rule
  private final int[] trainingLabels;
  /** ‖a_r‖: coefficients are compared on the unit-norm basis (see Factorization#argmaxAssignments). */
  private final double[] basisNorms;

  private NmfClustering(Factorization factorization, double dataScale, AssignmentRule rule,
      DenseMatrix centroids, int[] trainingLabels) {
    this.factorization = factorization;
    this.dataScale = dataScale;
    this.rule = rule;
    this.projection = new NonnegativeProjection(factorization.basis());
    this.centroids = centroids;
    this.trainingLabels = trainingLabels;
    this.basisNorms = factorization.basisColumnNorms();
  }

  /**
   * Builds the clustering from a fit.
   *
   * @param dataScale the factor the raw data were multiplied by before the fit (1 for none)
   * @param random used only by the k-means rule
   */
  public static NmfClustering of(Factorization factorization, double dataScale, AssignmentRule rule,
      Random random) {
    if (rule == AssignmentRule.ARGMAX) {
      return new NmfClustering(factorization, dataScale, rule, null, factorization.argmaxAssignments());
    }
    DenseMatrix normalised = unitColumns(scaleFree(factorization.coefficients(), factorization.basisColumnNorms()));
    int k = factorization.rank();
    KMeans.Result result = new KMeans(k, ASSIGNMENT_KMEANS_ITERATIONS).fit(new DenseData(normalised), random);
    return new NmfClustering(factorization, dataScale, rule, result.centroids(), result.labels());
  }

  public Factorization factorization() {
    return factorization;
  }

  public double dataScale() {
    return dataScale;
  }

  public AssignmentRule rule() {
    return rule;
  }

  public int numberOfClusters() {
    return factorization.rank();
  }

  /** The cluster of every training instance, as fitted. */
  public int[] trainingLabels() {
    return trainingLabels.clone();
  }

  /** Size of each cluster on the training data. */
  public int[] clusterSizes() {
    int[] sizes = new int[numberOfClusters()];
    for (int label : trainingLabels) {
      sizes[label]++;
    }
    return sizes;
  }

  /** Nonnegative coefficients of raw (unscaled) instances given as columns of y. */
  public DenseMatrix coefficientsOf(DataMatrix rawColumns) {
    DenseMatrix x = projection.project(rawColumns);
    if (dataScale != 1.0) {
      adversarialnmf.linalg.MatrixOps.scale(x, dataScale);
    }
    return x;
  }

  /** Nonnegative coefficients of one raw instance. */
  public double[] coefficientsOf(double[] raw) {
    double[] x = projection.project(raw);
    for (int r = 0; r < x.length; r++) {
      x[r] *= dataScale;
    }
    return x;
  }

  /**
   * Cluster membership of a coefficient vector, taken on the unit-norm basis (coefficient r times
   * ‖a_r‖): under argmax, those normalised to sum 1 (uniform if all are zero); under k-means, 1 for
   * the nearest centroid.
   */
  public double[] membership(double[] rawCoefficients) {
    int n = rawCoefficients.length;
    double[] coefficients = new double[n];
    for (int r = 0; r < n; r++) {
      coefficients[r] = rawCoefficients[r] * basisNorms[r];
    }
    double[] out = new double[n];
    if (rule == AssignmentRule.ARGMAX) {
      double sum = 0.0;
      for (double v : coefficients) {
        sum += v;
      }
      if (Double.isInfinite(sum)) { // coefficients near the largest double: normalise by the largest first
        double largest = 0.0;
        for (double v : coefficients) {
          largest = Math.max(largest, v);
        }
        sum = 0.0;
        for (int r = 0; r < n; r++) {
          coefficients[r] /= largest;
          sum += coefficients[r];
        }
      }
      for (int r = 0; r < n; r++) {
        out[r] = sum > 0.0 ? coefficients[r] / sum : 1.0 / n;
      }
      return out;
    }
    double norm = OverflowSafe.norm(coefficients);
    int best = 0;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int c = 0; c < centroids.cols(); c++) {
      double d = 0.0;
      for (int r = 0; r < n; r++) {
        double v = (norm > 0.0 ? coefficients[r] / norm : 0.0) - centroids.get(r, c);
        d += v * v;
      }
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    out[best] = 1.0;
    return out;
  }

  /** X with row r multiplied by ‖a_r‖: the coefficients of the unit-norm basis. */
  private static DenseMatrix scaleFree(DenseMatrix x, double[] norms) {
    DenseMatrix out = x.copy();
    for (int r = 0; r < x.rows(); r++) {
      for (int j = 0; j < x.cols(); j++) {
        out.set(r, j, x.get(r, j) * norms[r]);
      }
    }
    return out;
  }

  private static DenseMatrix unitColumns(DenseMatrix x) {
    DenseMatrix out = x.copy();
    int n = x.rows();
    int count = x.cols();
    for (int j = 0; j < count; j++) {
      double norm = OverflowSafe.norm(x.data(), j, count, n);
      if (norm > 0.0) {
        double inv = 1.0 / norm;
        for (int r = 0; r < n; r++) {
          out.set(r, j, x.get(r, j) * inv);
        }
      }
    }
    return out;
  }
}
