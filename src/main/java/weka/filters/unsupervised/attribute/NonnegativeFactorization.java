package weka.filters.unsupervised.attribute;

import adversarialnmf.cluster.NmfClustering;
import adversarialnmf.features.NmfFeatures;
import adversarialnmf.features.NmfFeatures.Output;
import adversarialnmf.features.NmfFeatures.ProjectionBasis;
import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.Parallelism;
import adversarialnmf.weka.CommandLineOption;
import adversarialnmf.weka.DeclaredOptions;
import adversarialnmf.weka.EnumTags;
import adversarialnmf.weka.WekaData;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Vector;
import weka.clusterers.ANMF;
import weka.clusterers.AbstractClusterer;
import weka.clusterers.AbstractNMFClusterer;
import weka.core.Attribute;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.OptionMetadata;
import weka.core.RevisionUtils;
import weka.core.SelectedTag;
import weka.core.SparseInstance;
import weka.core.Tag;
import weka.core.Utils;
import weka.filters.Filter;
import weka.filters.UnsupervisedFilter;

/**
 * <!-- globalinfo-start -->
 * Nonnegative matrix factorization as a feature transform: learns a factorization Y ~ A X of the numeric
 * attributes with any clusterer of this package on the first batch, then maps every instance to its
 * nonnegative coefficients x on a basis B (A, or ANMF's adversarial basis), its reconstruction B x or its
 * residual y - B x.
 * <!-- globalinfo-end -->
 *
 * <p>The first batch is fitted; its coefficients are the fitted X after the final X-step (or, on request,
 * the map used for later batches). Every later batch gets its coefficients by the clusterer's
 * prediction rule (by default the method's own objective over the instance with the fitted factors
 * fixed, the rule that also gave the final X-step), or by nonnegative least squares onto Ã; it is
 * never refitted.
 */
public class NonnegativeFactorization extends AbstractAtomicBatchFilter implements UnsupervisedFilter {

  /** Changed when the output mode became the core's {@link Output}: filters saved before do not load. */
  private static final long serialVersionUID = 2870021584315528894L;

  public static final Tag[] TAGS_MODE = EnumTags.of(Output.class);

  public static final Tag[] TAGS_BASIS = EnumTags.of(ProjectionBasis.class);

  /** Prefix of the coefficient attributes: coefficient c is named {@code basis<c>}, c as the cluster index. */
  public static final String COEFFICIENT_PREFIX = "basis";

  // options; a fit never changes them
  protected AbstractNMFClusterer m_Clusterer = defaultClusterer();
  protected Output m_OutputMode = Output.COEFFICIENTS;
  protected ProjectionBasis m_ProjectionBasis = ProjectionBasis.LEARNED;
  protected boolean m_PassNonNumeric = false;
  protected boolean m_ProjectTraining = false;
  /** Threads of the fit and of the projections, Weka's execution slots: 0 = one per available processor. */

  // fitted on the first batch
  /** Input attributes that form the data matrix Y (the numeric non-class attributes). */
  protected int[] m_FeatureIndices;
  /** Input attributes copied unchanged (the class and, when allowed, the non-numeric ones). */
  protected int[] m_PassedIndices;
  protected AbstractNMFClusterer m_Fitted;
  protected NmfFeatures m_Features;

  protected AbstractNMFClusterer defaultClusterer() {
    return new ANMF();
  }

  public String globalInfo() {
    return "Nonnegative matrix factorization as a feature transform. On the first batch, the numeric "
        + "attributes (all but the class) form a nonnegative matrix Y (attributes x instances) that the "
        + "chosen clusterer of this package factorizes as Y ~ A X. Each instance is then replaced by its "
        + "nonnegative coefficients x on a basis B (one attribute per basis vector, named basis0, basis1, ... "
        + "after the cluster index), by its reconstruction B x (the denoised instance, in the original units) "
        + "or by its residual y - B x. B is the learned basis A or, for ANMF, optionally the adversarial basis. "
        + "The first batch gets the fitted X; every later batch (a test set, the instances FilteredClassifier "
        + "classifies) gets its coefficients by the clusterer's prediction rule (-predict; by default the "
        + "method's own objective over the instance with the fitted factors fixed, which also gave the fit's "
        + "final X-step, so a training instance gets the coefficients it was fitted with) or, with the "
        + "adversarial basis, by nonnegative least squares onto it; it is never refitted. The class passes "
        + "through unchanged; other non-numeric attributes are an error unless passing them through is "
        + "allowed. Sparse instances stay sparse in coefficient mode.";
  }

  // ------------------------------------------------------------------ capabilities and format

  @Override
  public Capabilities getCapabilities() {
    Capabilities result = super.getCapabilities();
    result.disableAll();
    result.enable(Capability.NUMERIC_ATTRIBUTES);
    if (m_PassNonNumeric) {
      result.enable(Capability.NOMINAL_ATTRIBUTES);
      result.enable(Capability.DATE_ATTRIBUTES);
    }
    // missing values are reported per attribute by the fit's own check, which names attribute and row
    result.enable(Capability.MISSING_VALUES);
    result.enableAllClasses();
    result.enable(Capability.MISSING_CLASS_VALUES);
    result.enable(Capability.NO_CLASS);
    result.setMinimumNumberInstances(0);
    return result;
  }

  /** Attribute types first, so that the message names the attribute and the remedy. */
  @Override
  protected void testInputFormat(Instances instanceInfo) throws Exception {
    splitAttributes(instanceInfo);
    super.testInputFormat(instanceInfo);
  }

  @Override
  protected Instances determineOutputFormat(Instances inputFormat) throws Exception {
    splitAttributes(inputFormat);
    ArrayList<Attribute> attributes = new ArrayList<Attribute>();
    int classIndex = -1;
    if (m_OutputMode == Output.COEFFICIENTS) {
      for (int c = 0; c < m_Clusterer.getNumClusters(); c++) {
        attributes.add(new Attribute(COEFFICIENT_PREFIX + c));
      }
      for (int a : m_PassedIndices) {
        if (a == inputFormat.classIndex()) {
          classIndex = attributes.size();
        }
        attributes.add((Attribute) inputFormat.attribute(a).copy());
      }
    } else {
      for (int a = 0; a < inputFormat.numAttributes(); a++) {
        attributes.add((Attribute) inputFormat.attribute(a).copy());
      }
      classIndex = inputFormat.classIndex();
    }
    // Filter.setOutputFormat appends this filter's specification to the relation name
    Instances output = new Instances(inputFormat.relationName(), attributes, 0);
    output.setClassIndex(classIndex);
    return output;
  }

  /** Sorts the input attributes into factorized and passed-through ones; rejects what cannot be either. */
  private void splitAttributes(Instances format) {
    if (m_Clusterer == null) {
      throw new IllegalStateException(getClass().getName() + ": no clusterer set (-W)");
    }
    List<Integer> features = new ArrayList<Integer>();
    List<Integer> passed = new ArrayList<Integer>();
    for (int a = 0; a < format.numAttributes(); a++) {
      Attribute attribute = format.attribute(a);
      if (a == format.classIndex()) {
        passed.add(a);
      } else if (attribute.type() == Attribute.NUMERIC) {
        features.add(a);
      } else if (m_PassNonNumeric && (attribute.isNominal() || attribute.isDate())) {
        passed.add(a);
      } else {
        String remedy = attribute.isNominal() || attribute.isDate()
            ? "remove it (weka.filters.unsupervised.attribute.Remove), make it the class, or pass non-numeric"
                + " attributes through (-pass-nonnumeric)"
            : "remove it (weka.filters.unsupervised.attribute.Remove or RemoveType); string and relational"
                + " attributes cannot be passed through";
        throw new IllegalArgumentException(getClass().getName() + ": attribute '" + attribute.name()
            + "' (index " + (a + 1) + ") is " + Attribute.typeToString(attribute)
            + "; only numeric attributes can be factorized: " + remedy);
      }
    }
    if (features.isEmpty()) {
      throw new IllegalArgumentException(getClass().getName() + ": no numeric non-class attribute to factorize");
    }
    m_FeatureIndices = toArray(features);
    m_PassedIndices = toArray(passed);
  }

  private static int[] toArray(List<Integer> values) {
    int[] out = new int[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  // ------------------------------------------------------------------ filtering

  @Override
  protected void reset() {
    super.reset();
    m_Fitted = null;
    m_Features = null;
  }

  @Override
  protected Instances process(Instances instances) throws Exception {
    DenseMatrix coefficients;
    if (!isFirstBatchDone()) {
      fit(instances);
      coefficients = m_ProjectTraining ? project(instances) : m_Features.trainingCoefficients();
    } else {
      coefficients = project(instances);
    }
    Instances output = new Instances(getOutputFormat(), instances.numInstances());
    int n = coefficients.rows();
    double[] x = new double[n];
    double[] mapped = m_OutputMode == Output.COEFFICIENTS ? null : new double[m_FeatureIndices.length];
    for (int j = 0; j < instances.numInstances(); j++) {
      Instance in = instances.instance(j);
      for (int r = 0; r < n; r++) {
        x[r] = coefficients.get(r, j);
      }
      double[] values = new double[output.numAttributes()];
      Instance out;
      if (m_OutputMode == Output.COEFFICIENTS) {
        System.arraycopy(x, 0, values, 0, n);
        for (int p = 0; p < m_PassedIndices.length; p++) {
          values[n + p] = in.value(m_PassedIndices[p]);
        }
        out = in instanceof SparseInstance ? new SparseInstance(in.weight(), values)
            : new DenseInstance(in.weight(), values);
      } else {
        double[] raw = WekaData.values(in, m_FeatureIndices);
        if (m_OutputMode == Output.RECONSTRUCTION) {
          m_Features.reconstruct(raw, x, mapped);
        } else {
          m_Features.residual(raw, x, mapped);
        }
        for (int p = 0; p < m_FeatureIndices.length; p++) {
          values[m_FeatureIndices[p]] = mapped[p];
        }
        for (int a : m_PassedIndices) {
          values[a] = in.value(a);
        }
        out = new DenseInstance(in.weight(), values);
      }
      output.add(out);
    }
    if (getDebug()) {
      System.err.println(getClass().getName() + ": " + (isFirstBatchDone() ? "projected " : "fitted and mapped ")
          + instances.numInstances() + " instances");
    }
    return output;
  }

  /** Fits a copy of the configured clusterer to the factorized attributes of the first batch. */
  private void fit(Instances instances) throws Exception {
    String who = getClass().getName();
    Instances features = instances;
    if (m_PassedIndices.length > 0) {
      Remove remove = new Remove();
      remove.setAttributeIndicesArray(m_PassedIndices);
      remove.setInputFormat(instances);
      features = Filter.useFilter(instances, remove);
    }
    AbstractNMFClusterer fitted = (AbstractNMFClusterer) AbstractClusterer.makeCopy(m_Clusterer);
    try {
      fitted.buildClusterer(features);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(who + " (clusterer " + m_Clusterer.getClass().getName() + "): "
          + e.getMessage(), e);
    }
    NmfClustering model = fitted.getModel();
    if (m_ProjectionBasis == ProjectionBasis.ADVERSARIAL && !model.factorization().hasAdversarialBasis()) {
      throw new IllegalArgumentException(who + ": -basis adversarial needs a clusterer that learns an"
          + " adversarial basis (weka.clusterers.ANMF); " + m_Clusterer.getClass().getName() + " has none");
    }
    m_Features = NmfFeatures.of(model, m_ProjectionBasis);
    m_Fitted = fitted;
  }

  private DenseMatrix project(Instances instances) {
    WekaData.requireNonnegative(instances, m_FeatureIndices, getClass().getName(), rowsBeforeThisCall(),
        m_Fitted.projectsMissingValues());
    DataMatrix y = WekaData.toMatrix(instances, m_FeatureIndices);
    // the clusterer's -num-slots, which its fit used too
    return Parallelism.executionSlots(m_Fitted.getNumExecutionSlots()).within(() -> m_Features.coefficients(y));
  }

  /** The fitted clustering (factorization, scale), or null before the first batch. */
  public NmfClustering getModel() {
    return m_Fitted == null ? null : m_Fitted.getModel();
  }

  /** The fitted feature map, or null before the first batch. */
  public NmfFeatures getFeatures() {
    return m_Features;
  }

  // ------------------------------------------------------------------ options

  @Override
  public Enumeration<Option> listOptions() {
    Vector<Option> options = DeclaredOptions.listOptions(this);
    options.addAll(Collections.list(super.listOptions()));
    return options.elements();
  }

  /** The declared options, -W and the clusterer's options after "--" among them (as Weka's meta learners). */
  @Override
  public void setOptions(String[] options) throws Exception {
    DeclaredOptions.setOptions(this, options);
    super.setOptions(options);
    Utils.checkForRemainingOptions(options);
  }

  @Override
  public String[] getOptions() {
    return DeclaredOptions.getOptions(this, super.getOptions());
  }

  // ------------------------------------------------------------------ properties

  public void setClusterer(AbstractNMFClusterer clusterer) {
    if (clusterer == null) {
      throw new IllegalArgumentException("the factorization clusterer (-W) must not be null");
    }
    m_Clusterer = clusterer;
  }

  @OptionMetadata(displayName = "clusterer", displayOrder = 10,
      description = "The clusterer that learns the factorization (any clusterer of this package), with its"
      + " options after '--'; its number of clusters is the number of coefficient attributes.")
  @CommandLineOption("W")
  public AbstractNMFClusterer getClusterer() {
    return m_Clusterer;
  }

  public void setOutputMode(SelectedTag mode) {
    m_OutputMode = EnumTags.value(mode, Output.class, "output mode (-mode)");
  }

  @OptionMetadata(displayName = "output", displayOrder = 20,
      description = "What replaces the numeric attributes: the coefficients x, the reconstruction B x"
      + " (denoised, in the original units) or the residual y - B x.")
  @CommandLineOption("mode")
  public SelectedTag getOutputMode() {
    return EnumTags.selected(m_OutputMode, TAGS_MODE);
  }

  public void setProjectionBasis(SelectedTag basis) {
    m_ProjectionBasis = EnumTags.value(basis, ProjectionBasis.class, "projection basis (-basis)");
  }

  @OptionMetadata(displayName = "projection basis", displayOrder = 30,
      description = "The basis B that instances are mapped onto and reconstructed from: the learned A"
      + " (coefficients by the clusterer's prediction rule), or (ANMF only) the adversarial basis A"
      + " tilde (coefficients by nonnegative least squares onto it).")
  @CommandLineOption("basis")
  public SelectedTag getProjectionBasis() {
    return EnumTags.selected(m_ProjectionBasis, TAGS_BASIS);
  }

  public void setPassNonNumeric(boolean pass) {
    m_PassNonNumeric = pass;
  }

  @OptionMetadata(displayName = "pass non-numeric", displayOrder = 40,
      description = "Copy nominal and date attributes unchanged instead of rejecting them (the class"
      + " always passes through).")
  @CommandLineOption("pass-nonnumeric")
  public boolean getPassNonNumeric() {
    return m_PassNonNumeric;
  }

  public void setProjectTraining(boolean project) {
    m_ProjectTraining = project;
  }

  @OptionMetadata(displayName = "project training data", displayOrder = 25,
      description = "Map the first batch by the same map as later batches, instead of outputting the"
      + " fitted X, so training and test features come from one map. X is taken after its final"
      + " X-step; for the learned basis the two are the same.")
  @CommandLineOption("project-training")
  public boolean getProjectTraining() {
    return m_ProjectTraining;
  }

  @Override
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 1 $");
  }

  public static void main(String[] args) {
    runFilter(new NonnegativeFactorization(), args);
  }
}
