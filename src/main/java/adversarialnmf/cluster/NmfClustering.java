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
 * A fitted NMF clustering: the factorization, the scale the data were divided by, the rule that
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
  private final double dataScale;
  private final AssignmentRule rule;
  private final PredictionRule predictionRule;
  private final OutOfSampleRule coefficientRule;
  private final DenseMatrix centroids; // n x k, only for the k-means rule
  private final DenseMatrix trainingCoefficients;
  private final int[] trainingLabels;
  private final int rowsMovedByFinalStep;
  /** ‖b_r‖ of the basis coefficients refer to: compared on the unit-norm basis (see #membership). */
  private final double[] basisNorms;

  private NmfClustering(Factorization factorization, double dataScale, AssignmentRule rule,
      PredictionRule predictionRule, OutOfSampleRule coefficientRule, double[] basisNorms,
      DenseMatrix trainingCoefficients, DenseMatrix centroids, int[] trainingLabels) {
    this.factorization = factorization;
    this.dataScale = dataScale;
    this.rule = rule;
    this.predictionRule = predictionRule;
    this.coefficientRule = coefficientRule;
    this.basisNorms = basisNorms;
    this.trainingCoefficients = trainingCoefficients;
    this.centroids = centroids;
    this.trainingLabels = trainingLabels;
    int moved = 0;
    DenseMatrix fitted = factorization.coefficients();
    int[] fittedArgmax = rule == AssignmentRule.ARGMAX ? factorization.argmaxAssignments() : null;
    for (int j = 0; j < trainingLabels.length; j++) {
      int before = fittedArgmax != null ? fittedArgmax[j] : clusterOf(fitted.column(j));
      if (before != trainingLabels[j]) {
        moved++;
      }
    }
    this.rowsMovedByFinalStep = moved;
  }

  /**
   * Builds the clustering from a fit, with the method's own out-of-sample rule.
   *
   * @param y the training data as factorized (already multiplied by {@code dataScale})
   * @param dataScale the factor the raw data were multiplied by before the fit (1 for none)
   * @param random used only by the k-means rule
   */
  public static NmfClustering of(Factorization factorization, DataMatrix y, double dataScale,
      AssignmentRule rule, Random random) {
    return of(factorization, y, dataScale, rule, PredictionRule.MODEL, random);
  }

  /**
   * Builds the clustering from a fit.
   *
   * @param y the training data as factorized (already multiplied by {@code dataScale})
   * @param dataScale the factor the raw data were multiplied by before the fit (1 for none)
   * @param prediction the coefficient rule for training and new instances
   * @param random used only by the k-means rule
   * @throws IllegalArgumentException if {@code prediction} needs an adversarial basis the fit lacks
   */
  public static NmfClustering of(Factorization factorization, DataMatrix y, double dataScale,
      AssignmentRule rule, PredictionRule prediction, Random random) {
    return of(factorization, coefficientRuleOf(factorization, prediction).coefficients(y), dataScale, rule,
        prediction, random);
  }

  /**
   * The prediction rule's coefficient rule and the norms its coefficients are compared on:
   * {@link #of(Factorization, DataMatrix, double, AssignmentRule, PredictionRule, Random)} without
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
  public static NmfClustering of(Factorization factorization, DenseMatrix trainingCoefficients, double dataScale,
      AssignmentRule rule, PredictionRule prediction, Random random) {
    double[] norms = prediction == PredictionRule.ADVERSARIAL_BASIS
        ? Factorization.columnNorms(factorization.adversarialBasis()) : factorization.basisColumnNorms();
    return withTrainingCoefficients(factorization, coefficientRuleOf(factorization, prediction), norms,
        trainingCoefficients, dataScale, rule, prediction, random);
  }

  private static NmfClustering withTrainingCoefficients(Factorization factorization, OutOfSampleRule coefficientRule,
      double[] norms, DenseMatrix finished, double dataScale, AssignmentRule rule, PredictionRule prediction,
      Random random) {
    if (rule == AssignmentRule.ARGMAX) {
      return new NmfClustering(factorization, dataScale, rule, prediction, coefficientRule, norms, finished,
          null, Factorization.argmax(finished, norms));
    }
    DenseMatrix normalised = unitColumns(scaleFree(finished, norms));
    int k = factorization.rank();
    KMeans.Result result = new KMeans(k, ASSIGNMENT_KMEANS_ITERATIONS).fit(new DenseData(normalised), random);
    return new NmfClustering(factorization, dataScale, rule, prediction, coefficientRule, norms, finished,
        result.centroids(), result.labels());
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

  /** Nonnegative coefficients (in the fit's units) of raw (unscaled) instances given as columns. */
  public DenseMatrix coefficientsOf(DataMatrix rawColumns) {
    return coefficientRule.coefficients(dataScale == 1.0 ? rawColumns : rawColumns.scaled(dataScale));
  }

  /** Nonnegative coefficients (in the fit's units) of one raw instance. */
  public double[] coefficientsOf(double[] raw) {
    double[] y = raw.clone();
    for (int i = 0; i < y.length; i++) {
      y[i] *= dataScale;
    }
    return coefficientRule.coefficients(y);
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
