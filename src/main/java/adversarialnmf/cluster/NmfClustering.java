package adversarialnmf.cluster;

import adversarialnmf.init.KMeans;
import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseData;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.OverflowSafe;
import adversarialnmf.solver.Factorization;
import adversarialnmf.solver.NonnegativeProjection;
import adversarialnmf.solver.OutOfSampleRule;
import java.io.Serializable;
import java.util.Random;

/**
 * A fitted NMF clustering: the factorization, the preprocessing of each instance (tf-idf weights,
 * instance normalisation), the scale the data were divided by, the rule that
 * gives an instance its coefficients (by default the method's own out-of-sample rule), and the rule
 * that turns coefficients into clusters. The training instances are assigned through the same
 * coefficient rule as new ones: the fit's X is finished by one exact X-step for the fitted bases
 * (the rule applied to every training column), so a training instance scored as a new one lands in
 * the cluster it was assigned; {@link #rowsMovedByFinalStep()} says how many the step moved.
 * Immutable; getters return copies.
 */
public final class NmfClustering implements Serializable {

  private static final long serialVersionUID = 3325790812263702147L;

  /** Lloyd iterations for the k-means assignment rule on n-dimensional unit vectors. */
  static final int ASSIGNMENT_KMEANS_ITERATIONS = 300;

  private final Factorization factorization;
  private final InstancePreprocessing preprocessing;
  private final double dataScale;
  private final Assignment assignment;
  private final PredictionRule predictionRule;
  private final OutOfSampleRule coefficientRule;
  private final DenseMatrix centroids; // n x k, only for the k-means rule
  private final DenseMatrix trainingCoefficients;
  private final int[] trainingLabels;
  private final int rowsMovedByFinalStep;
  /** ‖b_r‖ of the basis coefficients refer to: compared on the unit-norm basis (see #membership). */
  private final double[] basisNorms;

  private NmfClustering(Factorization factorization, InstancePreprocessing preprocessing, double dataScale,
      Assignment assignment, PredictionRule predictionRule, OutOfSampleRule coefficientRule, double[] basisNorms,
      DenseMatrix trainingCoefficients, DenseMatrix centroids, int[] trainingLabels) {
    this.factorization = factorization;
    this.preprocessing = preprocessing;
    this.dataScale = dataScale;
    this.assignment = assignment;
    this.predictionRule = predictionRule;
    this.coefficientRule = coefficientRule;
    this.basisNorms = basisNorms;
    this.trainingCoefficients = trainingCoefficients;
    this.centroids = centroids;
    this.trainingLabels = trainingLabels;
    int moved = 0;
    DenseMatrix fitted = factorization.coefficients();
    int[] fittedArgmax = assignment.rule() == AssignmentRule.ARGMAX ? factorization.argmaxAssignments() : null;
    for (int j = 0; j < trainingLabels.length; j++) {
      int before = fittedArgmax != null ? fittedArgmax[j] : clusterOf(fitted.column(j));
      if (before != trainingLabels[j]) {
        moved++;
      }
    }
    this.rowsMovedByFinalStep = moved;
  }

  /**
   * Builds the clustering from a fit.
   *
   * @param y the training data as factorized (preprocessed, then multiplied by {@code dataScale})
   * @param preprocessing what was done to each raw instance before the scaling
   * @param dataScale the factor the preprocessed data were multiplied by before the fit (1 for none)
   * @param prediction the coefficient rule for training and new instances
   * @param random used only by the k-means rule
   * @throws IllegalArgumentException if {@code prediction} needs an adversarial basis the fit lacks
   */
  public static NmfClustering of(Factorization factorization, DataMatrix y, InstancePreprocessing preprocessing,
      double dataScale, Assignment assignment, PredictionRule prediction, Random random) {
    return of(factorization, coefficientRuleOf(factorization, prediction).coefficients(y), preprocessing, dataScale,
        assignment, prediction, random);
  }

  /**
   * The prediction rule's coefficient rule and the norms its coefficients are compared on:
   * {@link #of(Factorization, DataMatrix, InstancePreprocessing, double, Assignment, PredictionRule, Random)} without
   * Y, for a fit whose data live elsewhere (column blocks), which apply the rule to their instances.
   */
  public static OutOfSampleRule coefficientRuleOf(Factorization factorization, PredictionRule prediction) {
    switch (prediction) {
      case BASIS:
        return new NonnegativeProjection(factorization.basis());
      case ADVERSARIAL_BASIS:
        if (!factorization.hasAdversarialBasis()) {
          throw new IllegalArgumentException("prediction by projection onto the adversarial basis needs a fit"
              + " that has one (ANMF); choose the model's own rule or projection onto A");
        }
        return new NonnegativeProjection(factorization.adversarialBasis(),
            PredictionRule.ADVERSARIAL_BASIS.description());
      default:
        return factorization.outOfSampleRule();
    }
  }

  /**
   * The clustering of a fit whose training instances got their coefficients from
   * {@link #coefficientRuleOf} elsewhere ({@code trainingCoefficients}, n x N, in the fit's units).
   */
  public static NmfClustering of(Factorization factorization, DenseMatrix trainingCoefficients,
      InstancePreprocessing preprocessing, double dataScale, Assignment assignment, PredictionRule prediction,
      Random random) {
    double[] norms = prediction == PredictionRule.ADVERSARIAL_BASIS
        ? Factorization.columnNorms(factorization.adversarialBasis()) : factorization.basisColumnNorms();
    OutOfSampleRule coefficientRule = coefficientRuleOf(factorization, prediction);
    if (assignment.rule() == AssignmentRule.ARGMAX) {
      return new NmfClustering(factorization, preprocessing, dataScale, assignment, prediction, coefficientRule,
          norms, trainingCoefficients, null, Factorization.argmax(trainingCoefficients, norms));
    }
    DenseData normalised = new DenseData(unitColumns(scaleFree(trainingCoefficients, norms)));
    KMeans kMeans = new KMeans(factorization.rank(), ASSIGNMENT_KMEANS_ITERATIONS);
    KMeans.Result best = null;
    for (int run = 0; run < assignment.restarts(); run++) { // runs draw one after another from one stream
      KMeans.Result result = kMeans.fit(normalised, random);
      if (best == null || result.inertia() < best.inertia()) {
        best = result;
      }
    }
    int[] order = firstAppearanceOrder(best.labels(), best.centroids().cols());
    int[] labels = best.labels().clone();
    for (int j = 0; j < labels.length; j++) {
      labels[j] = order[labels[j]];
    }
    DenseMatrix centroids = new DenseMatrix(best.centroids().rows(), best.centroids().cols());
    for (int c = 0; c < order.length; c++) {
      for (int r = 0; r < centroids.rows(); r++) {
        centroids.set(r, order[c], best.centroids().get(r, c));
      }
    }
    return new NmfClustering(factorization, preprocessing, dataScale, assignment, prediction, coefficientRule,
        norms, trainingCoefficients, centroids, labels);
  }

  /**
   * The new index of each k-means cluster: clusters numbered in the order their first training
   * instance appears (empty ones last), so that the numbering does not depend on which centre
   * k-means++ happened to draw first. Where rounding alone decides the draw (identical instances,
   * the two linear-algebra paths) the labels then agree.
   */
  private static int[] firstAppearanceOrder(int[] labels, int clusters) {
    int[] order = new int[clusters];
    java.util.Arrays.fill(order, -1);
    int next = 0;
    for (int label : labels) {
      if (order[label] < 0) {
        order[label] = next++;
      }
    }
    for (int c = 0; c < clusters; c++) {
      if (order[c] < 0) {
        order[c] = next++;
      }
    }
    return order;
  }

  public Factorization factorization() {
    return factorization;
  }

  /** The factor the preprocessed instances are multiplied by before the fit's rule sees them. */
  public double dataScale() {
    return dataScale;
  }

  /** What is done to each raw instance before the scaling (tf-idf weights, normalisation). */
  public InstancePreprocessing preprocessing() {
    return preprocessing;
  }

  public AssignmentRule rule() {
    return assignment.rule();
  }

  /** The assignment rule and its k-means restarts. */
  public Assignment assignment() {
    return assignment;
  }

  public PredictionRule predictionRule() {
    return predictionRule;
  }

  /** The rule that gives instances their coefficients (in the fit's units). */
  public OutOfSampleRule coefficientRule() {
    return coefficientRule;
  }

  public int numberOfClusters() {
    return factorization.rank();
  }

  /** The cluster of every training instance, as assigned after the final X-step. */
  public int[] trainingLabels() {
    return trainingLabels.clone();
  }

  /** The training coefficients after the final X-step (n x N): the rule applied to every training column. */
  public DenseMatrix trainingCoefficients() {
    return trainingCoefficients.copy();
  }

  /** Training instances whose cluster under the solver's own X differs from the final assignment. */
  public int rowsMovedByFinalStep() {
    return rowsMovedByFinalStep;
  }

  /** Size of each cluster on the training data. */
  public int[] clusterSizes() {
    int[] sizes = new int[numberOfClusters()];
    for (int label : trainingLabels) {
      sizes[label]++;
    }
    return sizes;
  }

  /** Raw instances (columns) as the fit saw its data: preprocessed, then scaled. */
  public DataMatrix asFitted(DataMatrix rawColumns) {
    return preprocessing.apply(rawColumns, dataScale);
  }

  /** Nonnegative coefficients (in the fit's units) of raw instances given as columns. */
  public DenseMatrix coefficientsOf(DataMatrix rawColumns) {
    return coefficientRule.coefficients(asFitted(rawColumns));
  }

  /** Nonnegative coefficients (in the fit's units) of one raw instance. */
  public double[] coefficientsOf(double[] raw) {
    return coefficientRule.coefficients(preprocessing.apply(raw, dataScale));
  }

  /** The cluster of a coefficient vector: the largest entry of {@link #membership}. */
  public int clusterOf(double[] coefficients) {
    double[] membership = membership(coefficients);
    int best = 0;
    for (int r = 1; r < membership.length; r++) {
      if (membership[r] > membership[best]) {
        best = r;
      }
    }
    return best;
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
    if (assignment.rule() == AssignmentRule.ARGMAX) {
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

  /**
   * The score of each cluster for a coefficient vector, whose largest entry is {@link #clusterOf}'s
   * cluster: under argmax, coefficient r times ‖a_r‖; under k-means, minus the squared distance of
   * the unit scale-free coefficients to centroid r. An attack differentiates these.
   */
  public double[] assignmentScores(double[] rawCoefficients) {
    int n = rawCoefficients.length;
    double[] scaled = new double[n];
    for (int r = 0; r < n; r++) {
      scaled[r] = rawCoefficients[r] * basisNorms[r];
    }
    if (assignment.rule() == AssignmentRule.ARGMAX) {
      return scaled;
    }
    double norm = OverflowSafe.norm(scaled);
    double[] scores = new double[centroids.cols()];
    for (int c = 0; c < scores.length; c++) {
      double d = 0.0;
      for (int r = 0; r < n; r++) {
        double v = (norm > 0.0 ? scaled[r] / norm : 0.0) - centroids.get(r, c);
        d += v * v;
      }
      scores[c] = -d;
    }
    return scores;
  }

  /**
   * The gradient, over the raw coefficients, of {@link #assignmentScores} of cluster {@code toward}
   * minus that of cluster {@code awayFrom} (zero where the k-means scores are undefined: all
   * coefficients zero).
   */
  public double[] scoreGapGradient(double[] rawCoefficients, int toward, int awayFrom) {
    int n = rawCoefficients.length;
    double[] gradient = new double[n];
    if (assignment.rule() == AssignmentRule.ARGMAX) {
      gradient[toward] += basisNorms[toward];
      gradient[awayFrom] -= basisNorms[awayFrom];
      return gradient;
    }
    double[] scaled = new double[n];
    for (int r = 0; r < n; r++) {
      scaled[r] = rawCoefficients[r] * basisNorms[r];
    }
    double norm = OverflowSafe.norm(scaled);
    if (norm == 0.0) {
      return gradient;
    }
    // gap = 2 v·(c_t − c_a) + const with v = u/‖u‖; dv/du = (I − v vᵀ)/‖u‖
    double projection = 0.0;
    double[] direction = new double[n];
    for (int r = 0; r < n; r++) {
      direction[r] = 2.0 * (centroids.get(r, toward) - centroids.get(r, awayFrom));
      projection += direction[r] * scaled[r] / norm;
    }
    for (int r = 0; r < n; r++) {
      gradient[r] = basisNorms[r] * (direction[r] - projection * scaled[r] / norm) / norm;
    }
    return gradient;
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
