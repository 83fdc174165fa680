package weka.filters.unsupervised.attribute;

import adversarialnmf.attack.AttackGoal;
import adversarialnmf.attack.AttackNorm;
import adversarialnmf.attack.ProjectedGradientAttack;
import adversarialnmf.cluster.NmfClustering;
import adversarialnmf.weka.CommandLineOption;
import adversarialnmf.weka.EnumTags;
import adversarialnmf.weka.WekaData;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import weka.clusterers.AbstractClusterer;
import weka.clusterers.AbstractNMFClusterer;
import weka.clusterers.NMF;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.Randomizable;
import weka.core.RevisionUtils;
import weka.core.SelectedTag;
import weka.core.SerializationHelper;
import weka.core.SparseInstance;
import weka.core.Tag;
import weka.core.WeightedInstancesHandler;
import weka.filters.UnsupervisedFilter;

/**
 * <!-- globalinfo-start -->
 * A test-time attack on a nonnegative factorization: every instance is moved within a budget
 * (max or Euclidean norm, relative to the data) in the direction that most damages its
 * coefficients or its cluster under a fitted model's out-of-sample rule.
 * <!-- globalinfo-end -->
 *
 * <p>The model is a clusterer of this package, fitted on the first batch (-W) or read from a file
 * (-model). Every batch is attacked (an attack at test time is the point); the shape, the class and
 * the weights stay. docs/ATTACK.md derives the attack.
 */
public class FactorizationAttack extends AbstractPassThroughFilter
    implements UnsupervisedFilter, Randomizable, WeightedInstancesHandler {

  private static final long serialVersionUID = 8046301539125843106L;

  public static final Tag[] TAGS_NORM = EnumTags.of(AttackNorm.class);

  public static final Tag[] TAGS_GOAL = EnumTags.of(AttackGoal.class);

  // options
  protected AbstractNMFClusterer m_Clusterer = new NMF();
  protected String m_ModelFile = "";
  protected AttackNorm m_Norm = AttackNorm.INFINITY;
  protected double m_Epsilon = 0.05;
  protected AttackGoal m_Goal = AttackGoal.CLUSTER;
  protected int m_Steps = 20;
  protected int m_Seed = 1;

  // set by the first batch
  /** The numeric non-class attributes: the instance y the model factorizes. */
  protected int[] m_FeatureIndices;
  protected ProjectedGradientAttack m_Attack;
  /** max |Y| of the first batch: the unit of the max-norm budget. */
  protected double m_DataMaximum;
  private Random m_Random;

  public String globalInfo() {
    return "A test-time attack on a nonnegative factorization (docs/ATTACK.md). The numeric non-class attributes"
        + " of each instance form a nonnegative vector y; the filter adds the perturbation d that most damages,"
        + " under a fitted model's out-of-sample rule (its preprocessing, scale and coefficient rule, as for a new"
        + " instance), either the instance's coefficients h (maximising ||h(y + d) - h(y)||) or its cluster"
        + " (maximising the runner-up cluster's score minus the assigned cluster's), subject to the budget"
        + " ||d||_inf <= epsilon * max|Y| (max|Y| over the first batch) or ||d||_2 <= epsilon * ||y||_2, and"
        + " y + d >= 0. It is found by projected gradient ascent through the rule's Jacobian on the coefficients'"
        + " support, from the closed form of the rule's local linearisation (coefficient goal) or from d = 0"
        + " (cluster goal); every iterate is scored by the rule itself and the best is kept. The gradient is exact"
        + " for least-squares rules (NMF, L21NMF, CappedNMF) and the orthogonal rule, a surrogate for ANMF's and"
        + " the Kullback-Leibler rule. The model is any clusterer of this package, fitted on the first batch"
        + " (seeded with this filter's seed), or a serialized clusterer read from a file. Every batch is"
        + " attacked; the shape, the class and the instance weights stay, so the filter can be ANMF's attacker"
        + " target Z and a RobustnessBenchmark recipe stage.";
  }

  // ------------------------------------------------------------------ format

  @Override
  protected Instances determineOutputFormat(Instances inputFormat) {
    List<Integer> features = new ArrayList<Integer>();
    for (int a = 0; a < inputFormat.numAttributes(); a++) {
      if (a != inputFormat.classIndex() && inputFormat.attribute(a).isNumeric()) {
        features.add(a);
      }
    }
    if (features.isEmpty()) {
      throw new IllegalArgumentException(getClass().getName() + ": no numeric non-class attribute to attack");
    }
    m_FeatureIndices = features.stream().mapToInt(Integer::intValue).toArray();
    return new Instances(inputFormat, 0);
  }

  // ------------------------------------------------------------------ filtering

  @Override
  protected void reset() {
    super.reset();
    m_Attack = null;
    m_Random = null;
  }

  @Override
  protected Instances process(Instances instances) throws Exception {
    String who = getClass().getName();
    WekaData.requireNonnegative(instances, m_FeatureIndices, who, rowsBeforeThisCall(), true);
    if (!isFirstBatchDone()) {
      NmfClustering model = model(instances);
      if (model.coefficientRule().dimension() != m_FeatureIndices.length) {
        throw new IllegalArgumentException(who + ": the model (-model " + m_ModelFile + ") factorizes "
            + model.coefficientRule().dimension() + " attributes, the data have " + m_FeatureIndices.length
            + " numeric non-class attributes; give a model fitted on data of the same attributes");
      }
      m_Attack = new ProjectedGradientAttack(model, m_Norm, m_Goal, m_Steps);
      m_DataMaximum = 0.0;
      for (Instance instance : instances) {
        for (int a : m_FeatureIndices) {
          m_DataMaximum = Math.max(m_DataMaximum, instance.value(a));
        }
      }
      m_Random = new Random(m_Seed);
    }
    Instances output = new Instances(instances, instances.numInstances());
    for (int row = 0; row < instances.numInstances(); row++) {
      Instance instance = instances.instance(row);
      double[] y = WekaData.values(instance, m_FeatureIndices);
      requireComplete(y, instances, row);
      double radius = m_Norm == AttackNorm.INFINITY ? m_Epsilon * m_DataMaximum
          : m_Epsilon * AttackNorm.EUCLIDEAN.norm(y);
      double[] attacked = m_Attack.attack(y, radius, m_Random);
      double[] values = instance.toDoubleArray();
      for (int p = 0; p < m_FeatureIndices.length; p++) {
        values[m_FeatureIndices[p]] = attacked[p];
      }
      output.add(instance instanceof SparseInstance ? new SparseInstance(instance.weight(), values)
          : new DenseInstance(instance.weight(), values));
    }
    return output;
  }

  /** Refuses a missing value: the attack moves every attribute of an instance. */
  private void requireComplete(double[] y, Instances instances, int row) {
    for (int p = 0; p < y.length; p++) {
      if (Double.isNaN(y[p])) {
        throw new IllegalArgumentException(getClass().getName() + ": missing value in attribute '"
            + instances.attribute(m_FeatureIndices[p]).name() + "' of instance " + (rowsBeforeThisCall() + row + 1)
            + "; the attack needs complete instances: replace missing values first, e.g. with"
            + " weka.filters.unsupervised.attribute.ReplaceMissingValues");
      }
    }
  }

  /** The model: read from -model, or a copy of -W fitted on the first batch's attacked attributes. */
  private NmfClustering model(Instances firstBatch) throws Exception {
    String who = getClass().getName();
    if (!m_ModelFile.trim().isEmpty()) {
      File file = new File(m_ModelFile.trim());
      if (!file.isFile()) {
        throw new IllegalArgumentException(who + ": the model file (-model) '" + m_ModelFile + "' does not exist;"
            + " save a fitted clusterer of this package there (e.g. java weka.clusterers.NMF -t data.arff -d "
            + file.getName() + ") or leave -model empty to fit -W on the first batch");
      }
      Object read = SerializationHelper.read(file.getPath());
      if (!(read instanceof AbstractNMFClusterer) || ((AbstractNMFClusterer) read).getModel() == null) {
        throw new IllegalArgumentException(who + ": the model file (-model) '" + m_ModelFile + "' holds "
            + (read == null ? "nothing" : read.getClass().getName()) + ", not a fitted clusterer of this package"
            + " (a subclass of " + AbstractNMFClusterer.class.getName() + ", saved after building it)");
      }
      return ((AbstractNMFClusterer) read).getModel();
    }
    Instances features = new Instances(firstBatch);
    features.setClassIndex(-1);
    for (Instance instance : features) { // weights pass through the attack, the fit does not take them
      instance.setWeight(1.0);
    }
    for (int a = features.numAttributes() - 1; a >= 0; a--) {
      if (Arrays.binarySearch(m_FeatureIndices, a) < 0) {
        features.deleteAttributeAt(a);
      }
    }
    AbstractNMFClusterer fitted = (AbstractNMFClusterer) AbstractClusterer.makeCopy(m_Clusterer);
    fitted.setSeed(m_Seed);
    try {
      fitted.buildClusterer(features);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(who + " (clusterer -W " + m_Clusterer.getClass().getName() + "): "
          + e.getMessage(), e);
    }
    return fitted.getModel();
  }

  /** The attack in use, or null before the first batch. */
  public ProjectedGradientAttack getAttack() {
    return m_Attack;
  }

  // ------------------------------------------------------------------ properties

  public void setClusterer(AbstractNMFClusterer clusterer) {
    if (clusterer == null) {
      throw new IllegalArgumentException("the attacked clusterer (-W) must not be null");
    }
    m_Clusterer = clusterer;
  }

  @OptionMetadata(displayName = "clusterer", displayOrder = 10,
      description = "The clusterer of this package whose fit on the first batch is attacked (unless a model"
      + " file is given), with its options after '--'; it is seeded with this filter's seed.")
  @CommandLineOption("W")
  public AbstractNMFClusterer getClusterer() {
    return m_Clusterer;
  }

  @OptionMetadata(displayName = "model file", displayOrder = 11,
      description = "A serialized fitted clusterer of this package to attack instead of fitting the clusterer"
      + " on the first batch (the white-box test-time threat: the model was fitted on clean training data);"
      + " empty to fit the clusterer.")
  @CommandLineOption(value = "model", synopsis = "-model <file>")
  public String getModelFile() {
    return m_ModelFile;
  }

  public void setModelFile(String file) {
    m_ModelFile = file == null ? "" : file;
  }

  @OptionMetadata(displayName = "norm", displayOrder = 20,
      description = "The norm of the budget: inf bounds every attribute's change by epsilon times the largest"
      + " value of the first batch, 2 bounds the change's Euclidean length by epsilon times the instance's.")
  @CommandLineOption("norm")
  public SelectedTag getNorm() {
    return EnumTags.selected(m_Norm, TAGS_NORM);
  }

  public void setNorm(SelectedTag norm) {
    m_Norm = EnumTags.value(norm, AttackNorm.class, "norm (-norm)");
  }

  @OptionMetadata(displayName = "epsilon", displayOrder = 21,
      description = "The budget relative to the data: each attribute moves by at most epsilon times the first"
      + " batch's largest value (-norm inf), or the instance by at most epsilon times its length (-norm 2).")
  @CommandLineOption(value = "epsilon", synopsis = "-epsilon <relative budget>")
  public double getEpsilon() {
    return m_Epsilon;
  }

  public void setEpsilon(double epsilon) {
    if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
      throw new IllegalArgumentException("Epsilon (-epsilon) must be finite and >= 0, got " + epsilon);
    }
    m_Epsilon = epsilon;
  }

  @OptionMetadata(displayName = "target", displayOrder = 30,
      description = "What the attack damages: the instance's coefficients (their Euclidean change) or its"
      + " cluster (the runner-up's score over the assigned cluster's).")
  @CommandLineOption("target")
  public SelectedTag getTarget() {
    return EnumTags.selected(m_Goal, TAGS_GOAL);
  }

  public void setTarget(SelectedTag target) {
    m_Goal = EnumTags.value(target, AttackGoal.class, "target (-target)");
  }

  @OptionMetadata(displayName = "steps", displayOrder = 40,
      description = "Projected gradient steps per instance, each of length (5/2) epsilon / steps in the"
      + " budget's norm; 0 keeps the start (for the coefficient target the closed-form direction).")
  @CommandLineOption(value = "steps", synopsis = "-steps <count>")
  public int getSteps() {
    return m_Steps;
  }

  public void setSteps(int steps) {
    if (steps < 0) {
      throw new IllegalArgumentException("Steps (-steps) must be >= 0, got " + steps);
    }
    m_Steps = steps;
  }

  @OptionMetadata(displayName = "seed", displayOrder = 90,
      description = "Seed of the fitted clusterer and of the random starts an instance gets where the"
      + " gradient vanishes: the same seed and data give the same attack.")
  @CommandLineOption("S")
  @Override
  public int getSeed() {
    return m_Seed;
  }

  @Override
  public void setSeed(int seed) {
    m_Seed = seed;
  }

  @Override
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 1 $");
  }

  public static void main(String[] args) {
    runFilter(new FactorizationAttack(), args);
  }
}
