package adversarialnmf.cluster;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.OverflowSafe;
import adversarialnmf.linalg.SparseData;
import java.io.Serializable;

/**
 * What is done to every instance before it is factorized, fitted on the training data and applied
 * to new instances the same way: an attribute weighting (tf-idf for term counts, its document
 * frequencies taken from the training data) and an instance normalisation (unit L2 or L1 length of
 * the weighted instance). A new instance and the same instance inside a training matrix give the
 * same bits, so a training instance scored as a new one keeps its cluster. Immutable.
 */
public final class InstancePreprocessing implements Serializable {

  private static final long serialVersionUID = -2714023655871946115L;

  /** The identity: instances as they are. */
  public static final InstancePreprocessing NONE =
      new InstancePreprocessing(TermWeighting.NONE, InstanceNormalisation.NONE, null);

  private final TermWeighting weighting;
  private final InstanceNormalisation normalisation;
  private final double[] attributeWeights; // null unless tf-idf

  private InstancePreprocessing(TermWeighting weighting, InstanceNormalisation normalisation,
      double[] attributeWeights) {
    this.weighting = weighting;
    this.normalisation = normalisation;
    this.attributeWeights = attributeWeights;
  }

  /**
   * The preprocessing of the given kinds, {@code auto} resolved by the training data's share of
   * nonzero entries ({@link #isSparseData}: text counts), its tf-idf weights (if any) from them.
   */
  public static InstancePreprocessing fit(DataMatrix training, TermWeighting weighting,
      InstanceNormalisation normalisation) {
    return fit(training, weighting, normalisation, isSparseData(training));
  }

  /** {@link #fit(DataMatrix, TermWeighting, InstanceNormalisation)} for data already known {@code sparse} or not. */
  public static InstancePreprocessing fit(DataMatrix training, TermWeighting weighting,
      InstanceNormalisation normalisation, boolean sparse) {
    int[] documentFrequencies = weighting.resolvedFor(sparse) == TermWeighting.TFIDF
        ? documentFrequencies(training) : null;
    return of(weighting, normalisation, sparse, documentFrequencies, training.cols());
  }

  /**
   * The preprocessing of the given kinds ({@code auto} resolved for {@code sparse} data, see
   * {@link #isSparseData}, or dense) from the training data's document frequencies (null without tf-idf), for data held in
   * parts that each count theirs ({@link #documentFrequencies}).
   */
  public static InstancePreprocessing of(TermWeighting weighting, InstanceNormalisation normalisation,
      boolean sparse, int[] documentFrequencies, int instances) {
    weighting = weighting.resolvedFor(sparse);
    normalisation = normalisation.resolvedFor(sparse);
    if (weighting == TermWeighting.NONE && normalisation == InstanceNormalisation.NONE) {
      return NONE;
    }
    double[] weights = null;
    if (weighting == TermWeighting.TFIDF) {
      weights = new double[documentFrequencies.length];
      for (int i = 0; i < weights.length; i++) {
        weights[i] = Math.log((1.0 + instances) / (1.0 + documentFrequencies[i])) + 1.0;
      }
    }
    return new InstancePreprocessing(weighting, normalisation, weights);
  }

  /**
   * Share of nonzero entries below which data count as sparse (text counts: BBCSport 2.5 %) for the
   * {@code auto} choices; images lie far above (MNIST digits about 19 %, faces nearly 100 %). Decided
   * by the values, not by how they are stored, so a libsvm file and the same data as dense CSV get
   * the same fit.
   */
  public static final double SPARSE_SHARE = 0.1;

  /** True if {@code nonzeros} of {@code entries} make the data sparse for the {@code auto} choices. */
  public static boolean isSparseData(long nonzeros, long entries) {
    return nonzeros < SPARSE_SHARE * entries;
  }

  /** True if the data have under {@link #SPARSE_SHARE} nonzero values among their observed entries. */
  public static boolean isSparseData(DataMatrix data) {
    return isSparseData(nonzeros(data), observedEntries(data));
  }

  /** The entries of the data that were observed (a missing value is no zero). */
  public static long observedEntries(DataMatrix data) {
    return (long) data.rows() * data.cols() - data.missing().count();
  }

  /** The nonzero entries of the data (stored zeros and missing entries not counted). */
  public static long nonzeros(DataMatrix data) {
    long count = 0;
    if (data instanceof SparseData) { // the stored values only, not m x N of them
      for (double v : ((SparseData) data).storedValues()) {
        if (v != 0.0) {
          count++;
        }
      }
      return count;
    }
    double[] column = new double[data.rows()];
    for (int j = 0; j < data.cols(); j++) {
      data.column(j, column);
      for (double v : column) {
        if (v != 0.0) {
          count++;
        }
      }
    }
    return count;
  }

  /** For every attribute, the instances (columns) in which it is nonzero (observed). */
  public static int[] documentFrequencies(DataMatrix data) {
    int m = data.rows();
    int[] counts = new int[m];
    double[] column = new double[m];
    for (int j = 0; j < data.cols(); j++) {
      data.column(j, column);
      for (int i = 0; i < m; i++) {
        if (column[i] != 0.0) {
          counts[i]++;
        }
      }
    }
    return counts;
  }

  public TermWeighting weighting() {
    return weighting;
  }

  public InstanceNormalisation normalisation() {
    return normalisation;
  }

  /** True if instances are left as they are. */
  public boolean isIdentity() {
    return weighting == TermWeighting.NONE && normalisation == InstanceNormalisation.NONE;
  }

  /** The tf-idf weight of each attribute (copy), or null without tf-idf. */
  public double[] attributeWeights() {
    return attributeWeights == null ? null : attributeWeights.clone();
  }

  /** The preprocessed instances (columns) times {@code scale}; the data themselves if there is nothing to do. */
  public DataMatrix apply(DataMatrix raw, double scale) {
    if (isIdentity()) {
      return scale == 1.0 ? raw : raw.scaled(scale);
    }
    requireDimension(raw.rows());
    double[] divisors = null;
    if (normalisation != InstanceNormalisation.NONE) {
      divisors = new double[raw.cols()];
      double[] column = new double[raw.rows()];
      for (int j = 0; j < divisors.length; j++) {
        raw.column(j, column);
        divisors[j] = divisor(column);
      }
    }
    return raw.rescaled(attributeWeights, divisors, scale);
  }

  /** One preprocessed instance times {@code scale} (missing values, NaN, stay NaN), as a new array. */
  public double[] apply(double[] raw, double scale) {
    requireDimension(raw.length);
    double divisor = divisorOf(raw);
    double[] out = new double[raw.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (raw[i] * (attributeWeights == null ? 1.0 : attributeWeights[i]) / divisor) * scale;
    }
    return out;
  }

  /**
   * The gradient over a raw instance (no missing values) of a function of its preprocessed form
   * {@link #apply(double[], double)}, given that function's gradient over the preprocessed values:
   * Jᵀg for the Jacobian J of the map, whose normalisation divides by a length that itself depends
   * on the instance (J = s W/d − s W r (∇d)ᵀ/d²; an all-zero instance, divided by 1, has J = s W).
   */
  public double[] pullBack(double[] raw, double scale, double[] gradient) {
    requireDimension(raw.length);
    int m = raw.length;
    double[] weighted = new double[m];
    for (int i = 0; i < m; i++) {
      weighted[i] = raw[i] * (attributeWeights == null ? 1.0 : attributeWeights[i]);
    }
    double divisor = normalisation == InstanceNormalisation.NONE ? 1.0 : divisor(raw.clone());
    double[] out = new double[m];
    double along = 0.0; // (W r)ᵀ g
    for (int i = 0; i < m; i++) {
      double weight = attributeWeights == null ? 1.0 : attributeWeights[i];
      out[i] = scale * weight * gradient[i] / divisor;
      along += weighted[i] * gradient[i];
    }
    boolean plainScaling = normalisation == InstanceNormalisation.NONE || divisor == 1.0 && isZero(weighted);
    if (plainScaling) {
      return out;
    }
    double factor = scale * along / (divisor * divisor);
    for (int i = 0; i < m; i++) {
      double weight = attributeWeights == null ? 1.0 : attributeWeights[i];
      double lengthDerivative = normalisation == InstanceNormalisation.L2
          ? weight * weighted[i] / divisor : weight * Math.signum(weighted[i]);
      out[i] -= factor * lengthDerivative;
    }
    return out;
  }

  private static boolean isZero(double[] values) {
    for (double v : values) {
      if (v != 0.0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Values in the preprocessed units of one raw instance (a reconstruction of it, say) brought back
   * to the raw units, in place: times the instance's normalisation length, divided by the attribute
   * weights. Undoes {@link #apply(double[], double)} with scale 1.
   */
  public void restoreUnits(double[] raw, double[] values) {
    if (isIdentity()) {
      return;
    }
    requireDimension(raw.length);
    double divisor = divisorOf(raw);
    for (int i = 0; i < values.length; i++) {
      values[i] = values[i] * divisor / (attributeWeights == null ? 1.0 : attributeWeights[i]);
    }
  }

  /** {@link #divisor} of one raw instance given alone, its missing values (NaN) counted as the 0 a matrix stores. */
  private double divisorOf(double[] raw) {
    if (normalisation == InstanceNormalisation.NONE) {
      return 1.0;
    }
    double[] observed = raw.clone();
    for (int i = 0; i < observed.length; i++) {
      if (Double.isNaN(observed[i])) {
        observed[i] = 0.0;
      }
    }
    return divisor(observed);
  }

  /**
   * The normalisation's length of one raw instance after its weighting; 1 for an all-zero instance
   * (it stays zero). Overwrites {@code column} with the weighted values.
   */
  private double divisor(double[] column) {
    if (attributeWeights != null) {
      for (int i = 0; i < column.length; i++) {
        column[i] *= attributeWeights[i];
      }
    }
    double length;
    if (normalisation == InstanceNormalisation.L2) {
      length = OverflowSafe.norm(column);
    } else {
      length = 0.0;
      for (double v : column) {
        length += Math.abs(v);
      }
    }
    if (Double.isInfinite(length)) {
      throw new IllegalArgumentException("an instance's " + (attributeWeights != null ? "weighted " : "")
          + "values sum past the largest double, so it has no finite " + normalisation.key() + " length; divide"
          + " the data by a large constant first (e.g. weka.filters.unsupervised.attribute.MathExpression"
          + " -E A/1e300)");
    }
    return length > 0.0 ? length : 1.0;
  }

  private void requireDimension(int rows) {
    if (attributeWeights != null && rows != attributeWeights.length) {
      throw new IllegalArgumentException("instances of " + rows + " attributes for tf-idf weights of "
          + attributeWeights.length);
    }
  }

  /** One line for a model's description, e.g. "tf-idf weights, then unit L2 length". */
  public String describe() {
    if (isIdentity()) {
      return "none (instances as they are)";
    }
    String weighted = weighting == TermWeighting.TFIDF
        ? "tf-idf weights (smoothed idf of the training instances)" : "";
    String normalised = normalisation == InstanceNormalisation.NONE ? "" : normalisation.description();
    return weighted.isEmpty() ? normalised : normalised.isEmpty() ? weighted : weighted + ", then " + normalised;
  }
}
