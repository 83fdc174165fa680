package weka.clusterers;

import adversarialnmf.weka.CommandLineOption;
import adversarialnmf.cluster.AssignmentRule;
import adversarialnmf.cluster.DataScaling;
import adversarialnmf.cluster.NmfClustering;
import adversarialnmf.init.Initialization;
import adversarialnmf.init.InitializationMethod;
import adversarialnmf.init.KMeansInitialization;
import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.solver.Factorization;
import adversarialnmf.solver.FactorizationDivergedException;
import adversarialnmf.solver.FactorizationSolver;
import adversarialnmf.solver.Factors;
import adversarialnmf.solver.FitInterruptedException;
import adversarialnmf.solver.StoppingRule;
import adversarialnmf.weka.DeclaredOptions;
import adversarialnmf.weka.EnumTags;
import adversarialnmf.weka.WekaData;
import adversarialnmf.weka.WekaErrors;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Random;
import java.util.Vector;
import weka.core.AdditionalMeasureProducer;
import weka.core.BatchPredictor;
import weka.core.Capabilities.Capability;
import weka.core.Capabilities;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;
import weka.core.Tag;
import weka.core.TechnicalInformationHandler;
import weka.core.Utils;
import weka.core.logging.Logger;

/**
 * What every NMF clusterer of this package shares: the common options (clusters, iterations,
 * tolerance, seed, initialisation, scaling, assignment), the input checks, the conversion of the
 * instances to Y (attributes x instances), the fit through one core solver, cluster assignment,
 * the projection of new instances onto the learned basis, and a readable {@link #toString()}.
 * A subclass declares its own options and supplies its solver.
 */
public abstract class AbstractNMFClusterer extends RandomizableClusterer
    implements NumberOfClustersRequestable, BatchPredictor, TechnicalInformationHandler,
    AdditionalMeasureProducer {

  private static final long serialVersionUID = -4794125004102244171L;

  public static final Tag[] TAGS_INITIALIZATION = EnumTags.of(InitializationMethod.class);
  public static final Tag[] TAGS_SCALING = EnumTags.of(DataScaling.class);
  public static final Tag[] TAGS_ASSIGNMENT = EnumTags.of(AssignmentRule.class);

  protected int m_NumClusters = 2;
  /** Iteration cap and tolerance, as the core value that checks them. */
  protected StoppingRule m_Stopping = new StoppingRule(defaultMaxIterations(), defaultTolerance());
  protected InitializationMethod m_Initialization = InitializationMethod.KMEANS;
  protected double m_IndicatorOffset = 0.2;
  protected DataScaling m_Scaling = DataScaling.MAX;
  protected AssignmentRule m_Assignment = AssignmentRule.ARGMAX;
  protected String m_BatchSize = "100";

  /** The fitted model; null before buildClusterer. The options above are never overwritten by a fit. */
  protected NmfClustering m_Model;
  /** Attributes (of the training header) that form Y's rows. */
  protected int[] m_FeatureIndices;
  /** Training header, for checking later instances. */
  protected Instances m_Header;
  /** Seconds the last fit took. */
  protected double m_FitSeconds;

  /** The iteration cap a fresh instance starts with. */
  protected int defaultMaxIterations() {
    return 200;
  }

  /** The tolerance a fresh instance starts with. */
  protected double defaultTolerance() {
    return 1e-4;
  }

  /**
   * The solver for this fit.
   *
   * @param data the training instances as given
   * @param y the training data as factorized: {@code data}'s features times {@code dataScale}
   * @param dataScale the factor applied by the scaling option (1 for none)
   */
  protected abstract FactorizationSolver createSolver(Instances data, DataMatrix y, double dataScale,
      StoppingRule stopping, Random random) throws Exception;

  /** A short name used in messages and toString (e.g. "ANMF"). */
  protected abstract String methodName();

  // ------------------------------------------------------------------ fit

  @Override
  public Capabilities getCapabilities() {
    Capabilities result = super.getCapabilities();
    result.disableAll();
    result.enable(Capability.NO_CLASS);
    result.enable(Capability.NUMERIC_ATTRIBUTES);
    result.setMinimumNumberInstances(1);
    return result;
  }

  @Override
  public void buildClusterer(Instances data) throws Exception {
    getCapabilities().testWithFail(data);
    String who = getClass().getName();
    if (data.numInstances() == 0) {
      throw new IllegalArgumentException(who + ": no training instances");
    }
    if (data.numInstances() < m_NumClusters) {
      throw new IllegalArgumentException(who + ": " + data.numInstances() + " instances are fewer than the "
          + m_NumClusters + " clusters requested (-N); lower the number of clusters or add data");
    }
    int[] features = WekaData.featureIndices(data);
    if (features.length == 0) {
      throw new IllegalArgumentException(who + ": no numeric attribute to factorize");
    }
    WekaData.requireNonnegative(data, features, who);
    DataMatrix raw = WekaData.toMatrix(data, features);
    double largest = raw.max();
    if (largest <= 0.0) {
      throw new IllegalArgumentException(who + ": all data values are zero; there is nothing to factorize");
    }
    double scale = m_Scaling.factor(largest);
    DataMatrix y = scale == 1.0 ? raw : raw.scaled(scale);

    Random random = new Random(m_Seed);
    long started = System.nanoTime();
    Factorization fit;
    NmfClustering model;
    try {
      Factors start = createInitialization().initialize(y, m_NumClusters, random);
      FactorizationSolver solver =
          createSolver(data, y, scale, m_Stopping, random);
      fit = solver.fit(y, start);
      model = NmfClustering.of(fit, scale, m_Assignment, random);
    } catch (FactorizationDivergedException e) {
      throw new IllegalStateException(who + ": " + e.getMessage(), e);
    } catch (FitInterruptedException e) {
      throw WekaErrors.interrupted(who, e);
    }
    m_Model = model;
    m_FitSeconds = (System.nanoTime() - started) / 1e9;
    m_FeatureIndices = features;
    m_Header = new Instances(data, 0);
    if (!fit.converged()) {
      Logger.log(Logger.Level.WARNING, who + " stopped at the iteration cap (" + m_Stopping.maxIterations()
          + ") without meeting the tolerance " + m_Stopping.tolerance() + "; raise -I or the tolerance -E");
    }
  }

  protected Initialization createInitialization() {
    return m_Initialization.create(m_IndicatorOffset);
  }

  // ------------------------------------------------------------------ prediction

  private void requireModel() {
    if (m_Model == null) {
      throw new IllegalStateException(getClass().getName() + ": no model built yet; call buildClusterer first");
    }
  }

  /** Membership from the instance's nonnegative least-squares coefficients on the learned basis A. */
  @Override
  public double[] distributionForInstance(Instance instance) throws Exception {
    requireModel();
    double[] values = checkedValues(instance);
    return m_Model.membership(m_Model.coefficientsOf(values));
  }

  @Override
  public double[][] distributionsForInstances(Instances instances) throws Exception {
    requireModel();
    if (instances.numAttributes() != m_Header.numAttributes()) {
      throw new IllegalArgumentException(getClass().getName() + ": instances have " + instances.numAttributes()
          + " attributes, the model was trained on " + m_Header.numAttributes());
    }
    WekaData.requireNonnegative(instances, m_FeatureIndices, getClass().getName());
    DenseMatrix coefficients;
    try {
      coefficients = m_Model.coefficientsOf(WekaData.toMatrix(instances, m_FeatureIndices));
    } catch (FitInterruptedException e) {
      throw WekaErrors.interrupted(getClass().getName(), e);
    }
    double[][] out = new double[instances.numInstances()][];
    for (int j = 0; j < out.length; j++) {
      out[j] = m_Model.membership(coefficients.column(j));
    }
    return out;
  }

  private double[] checkedValues(Instance instance) {
    if (instance.numAttributes() != m_Header.numAttributes()) {
      throw new IllegalArgumentException(getClass().getName() + ": instance has " + instance.numAttributes()
          + " attributes, the model was trained on " + m_Header.numAttributes());
    }
    double[] values = WekaData.values(instance, m_FeatureIndices);
    for (int r = 0; r < values.length; r++) {
      if (Double.isNaN(values[r]) || values[r] < 0.0 || Double.isInfinite(values[r])) {
        throw new IllegalArgumentException(getClass().getName() + ": attribute '"
            + m_Header.attribute(m_FeatureIndices[r]).name() + "' has the value " + values[r]
            + "; only finite nonnegative values can be projected onto the learned basis");
      }
    }
    return values;
  }

  @Override
  public int numberOfClusters() throws Exception {
    return m_NumClusters;
  }

  @Override
  public void setBatchSize(String size) {
    m_BatchSize = size;
  }

  @Override
  public String getBatchSize() {
    return m_BatchSize;
  }

  public String batchSizeTipText() {
    return "The preferred number of instances to project at once in batch prediction.";
  }

  @Override
  public boolean implementsMoreEfficientBatchPrediction() {
    return true;
  }

  // ------------------------------------------------------------------ model access

  /** The fitted clustering (factorization, scale, rule), or null before a fit. */
  public NmfClustering getModel() {
    return m_Model;
  }

  /** The fitted factorization, or null before a fit. */
  public Factorization getFactorization() {
    return m_Model == null ? null : m_Model.factorization();
  }

  /** A (attributes x clusters) as a 2-D array (copy), in the scaled units of the fit. */
  public double[][] getBasis() {
    requireModel();
    return m_Model.factorization().basis().toArray();
  }

  /** X (clusters x training instances), copy. */
  public double[][] getCoefficients() {
    requireModel();
    return m_Model.factorization().coefficients().toArray();
  }

  /** The cluster of each training instance as fitted (the assignment rule applied to X). */
  public int[] getTrainingAssignments() {
    requireModel();
    return m_Model.trainingLabels();
  }

  /** The objective per iteration (entry 0: at the start). */
  public double[] getObjectiveTrace() {
    requireModel();
    return m_Model.factorization().objectiveTrace();
  }

  // ------------------------------------------------------------------ additional measures

  @Override
  public Enumeration<String> enumerateMeasures() {
    Vector<String> names = new Vector<String>();
    names.add("measureFinalObjective");
    names.add("measureIterations");
    names.add("measureConverged");
    names.add("measureFitSeconds");
    return names.elements();
  }

  @Override
  public double getMeasure(String measureName) {
    requireModel();
    Factorization fit = m_Model.factorization();
    if (measureName.equalsIgnoreCase("measureFinalObjective")) {
      return fit.finalObjective();
    }
    if (measureName.equalsIgnoreCase("measureIterations")) {
      return fit.iterations();
    }
    if (measureName.equalsIgnoreCase("measureConverged")) {
      return fit.converged() ? 1.0 : 0.0;
    }
    if (measureName.equalsIgnoreCase("measureFitSeconds")) {
      return m_FitSeconds;
    }
    throw new IllegalArgumentException(measureName + " not supported (" + getClass().getName() + ")");
  }

  // ------------------------------------------------------------------ options

  @Override
  public Enumeration<Option> listOptions() {
    Vector<Option> options = DeclaredOptions.listOptions(this);
    options.addAll(Collections.list(super.listOptions()));
    return options.elements();
  }

  @Override
  public void setOptions(String[] options) throws Exception {
    DeclaredOptions.setOptions(this, options);
    super.setOptions(options);
  }

  @Override
  public String[] getOptions() {
    return DeclaredOptions.getOptions(this, super.getOptions());
  }

  // ------------------------------------------------------------------ properties
  // display order: 10 clusters, 20-39 the method's model, 40-49 its solver, 50-59 start and
  // assignment, 60-69 iterations, 70-89 solver details

  @Override
  public void setNumClusters(int numClusters) throws Exception {
    if (numClusters < 1) {
      throw new IllegalArgumentException("number of clusters (-N) must be at least 1, got " + numClusters);
    }
    m_NumClusters = numClusters;
  }

  @OptionMetadata(displayName = "number of clusters", displayOrder = 10,
      description = "The number of clusters, the rank n of the factorization (columns of the basis A).")
  @CommandLineOption("N")
  public int getNumClusters() {
    return m_NumClusters;
  }

  public void setMaxIterations(int maxIterations) {
    m_Stopping = new StoppingRule(maxIterations, m_Stopping.tolerance());
  }

  @OptionMetadata(displayName = "maximum iterations", displayOrder = 60,
      description = "The most iterations the solver may take. A warning is logged if it stops there"
      + " unconverged.")
  @CommandLineOption("I")
  public int getMaxIterations() {
    return m_Stopping.maxIterations();
  }

  public void setTolerance(double tolerance) {
    m_Stopping = new StoppingRule(m_Stopping.maxIterations(), tolerance);
  }

  @OptionMetadata(displayName = "tolerance", displayOrder = 61,
      description = "The tolerance of the convergence test (relative change of the objective,"
      + " unless the method says otherwise).")
  @CommandLineOption("E")
  public double getTolerance() {
    return m_Stopping.tolerance();
  }

  public void setInitialization(SelectedTag value) {
    m_Initialization = EnumTags.value(value, InitializationMethod.class, "initialization (-init)");
  }

  @OptionMetadata(displayName = "initialisation", displayOrder = 50,
      description = "How the factors start: k-means (the ANMF paper's start), NNDSVD, or random.")
  @CommandLineOption("init")
  public SelectedTag getInitialization() {
    return EnumTags.selected(m_Initialization, TAGS_INITIALIZATION);
  }

  public void setIndicatorOffset(double offset) {
    m_IndicatorOffset = KMeansInitialization.checkedOffset(offset);
  }

  @OptionMetadata(displayName = "indicator offset", displayOrder = 51,
      description = "Constant added to the 0/1 k-means indicator to form X0 (k-means start only)."
      + " The ANMF paper uses 0.2.")
  @CommandLineOption("offset")
  public double getIndicatorOffset() {
    return m_IndicatorOffset;
  }

  public void setScaling(SelectedTag value) {
    m_Scaling = EnumTags.value(value, DataScaling.class, "scaling (-scaling)");
  }

  @OptionMetadata(displayName = "scaling", displayOrder = 52,
      description = "How the data are scaled before the fit: none, or divided by their largest value"
      + " (max) so that they lie in [0, 1]. With max, regularisation weights mean the same on any"
      + " data set.")
  @CommandLineOption("scaling")
  public SelectedTag getScaling() {
    return EnumTags.selected(m_Scaling, TAGS_SCALING);
  }

  public void setAssignment(SelectedTag value) {
    m_Assignment = EnumTags.value(value, AssignmentRule.class, "assignment (-assign)");
  }

  @OptionMetadata(displayName = "assignment rule", displayOrder = 53,
      description = "How coefficients become clusters: argmax, the paper's rule, or k-means on the"
      + " unit-normalised coefficient vectors.")
  @CommandLineOption("assign")
  public SelectedTag getAssignment() {
    return EnumTags.selected(m_Assignment, TAGS_ASSIGNMENT);
  }

  // ------------------------------------------------------------------ output

  /** Extra lines a subclass adds to toString (its own settings and results). */
  protected void describeModel(StringBuilder text) {
  }

  @Override
  public String toString() {
    if (m_Model == null) {
      return methodName() + ": no model built yet.";
    }
    Factorization fit = m_Model.factorization();
    StringBuilder text = new StringBuilder();
    text.append(methodName()).append('\n');
    text.append(methodName().replaceAll(".", "=")).append("\n\n");
    text.append("Options: ").append(Utils.joinOptions(getOptions())).append('\n');
    text.append("Data: ").append(fit.basis().rows()).append(" attributes x ")
        .append(fit.coefficients().cols()).append(" instances")
        .append(m_Model.dataScale() != 1.0 ? ", scaled by " + Utils.doubleToString(m_Model.dataScale(), 6) : "")
        .append('\n');
    text.append("Initialisation: ").append(createInitialization().describe()).append('\n');
    text.append("Linear algebra: ").append(fit.linearAlgebra()).append('\n');
    text.append("Iterations: ").append(fit.iterations()).append(" (").append(fit.stopReason().description())
        .append(")\n");
    double[] trace = fit.objectiveTrace();
    text.append("Objective: ").append(Utils.doubleToString(trace[0], 6)).append(" at the start, ")
        .append(Utils.doubleToString(fit.finalObjective(), 6)).append(" at the end\n");
    for (String name : fit.traceNames()) {
      double[] values = fit.trace(name);
      text.append("Final ").append(name).append(": ")
          .append(Utils.doubleToString(values[values.length - 1], 6)).append('\n');
    }
    describeModel(text);
    text.append('\n');
    int[] sizes = m_Model.clusterSizes();
    int total = fit.coefficients().cols();
    text.append("Clustered instances (").append(m_Model.rule().key()).append(" rule)\n\n");
    for (int c = 0; c < sizes.length; c++) {
      text.append(String.format("%5d %8d (%3.0f%%)%n", c, sizes[c], 100.0 * sizes[c] / total));
    }
    return text.toString();
  }
}
