package weka.clusterers;

import adversarialnmf.cluster.ClusteringFit;
import adversarialnmf.cluster.FactorizationMethod;
import adversarialnmf.cluster.FitContext;
import adversarialnmf.cluster.InMemoryData;
import adversarialnmf.cluster.NmfClustering;
import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MissingValues;
import adversarialnmf.solver.Factorization;
import adversarialnmf.solver.FactorizationSolver;
import adversarialnmf.solver.FitInterruptedException;
import adversarialnmf.solver.Restarts;
import adversarialnmf.solver.StoppingRule;
import adversarialnmf.weka.FitLogs;
import adversarialnmf.weka.FittedModel;
import adversarialnmf.weka.ModelReport;
import adversarialnmf.weka.WekaData;
import adversarialnmf.weka.WekaErrors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Vector;
import weka.core.AdditionalMeasureProducer;
import weka.core.BatchPredictor;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.Instance;
import weka.core.Instances;
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
public abstract class AbstractNMFClusterer extends NMFClustererOptions
    implements BatchPredictor, TechnicalInformationHandler,
    AdditionalMeasureProducer {

  /** Changed when the options became one core value (ClusteringSettings): models saved before it do not load. */
  private static final long serialVersionUID = 5120486385029741378L;

  protected String m_BatchSize = "100";

  /**
   * The fitted model and how it was made; null before buildClusterer. Set once, when a fit has
   * succeeded; the options above are never overwritten by a fit.
   */
  protected FittedModel m_Fitted;

  /**
   * True if the method fits only the observed entries under -missing mask; a method whose update
   * has no masked form says false and is told to impute (-missing mean).
   */
  protected boolean fitsMissingValues() {
    return true;
  }

  /** False where the iteration cap is the stop the method's defaults were chosen at (ANMF's), so such a fit does not warn. */
  protected boolean warnsAtIterationCap() {
    return true;
  }

  /** For a left-out nominal attribute (often the class) whose values differ in number from -N: how to match them. */
  private String clusterCountHint(weka.core.Attribute attribute) {
    int values = attribute.numValues();
    int clusters = m_Settings.clusters();
    return attribute.isNominal() && values > 1 && values != clusters
        ? " (" + values + " values, " + clusters + " clusters: -N " + values + " gives one cluster per value)" : "";
  }

  /** What to do instead when {@link #fitsMissingValues()} is false. */
  protected String missingValuesAdvice() {
    return FactorizationMethod.IMPUTE_ADVICE;
  }

  /**
   * The solver for this fit: the face's one hook into {@link ClusteringFit}.
   *
   * @param data the training instances as given (their header only for a fit on column blocks)
   * @param context Y as factorized ({@code data}'s features preprocessed and scaled), the scale, the
   *     stopping rule, the rank and the target's random stream
   */
  protected abstract FactorizationSolver createSolver(Instances data, FitContext context) throws Exception;

  /**
   * How this fit was made beyond its start, in the words of {@link #toString()}: the solver and its
   * settings (and, for ANMF, the attacker target), described by the solver just made.
   */
  protected List<String> recipe(FactorizationSolver solver) {
    return Collections.emptyList();
  }

  /** A short name used in messages and toString (e.g. "ANMF"). */
  protected abstract String methodName();

  // ------------------------------------------------------------------ fit

  @Override
  public Capabilities getCapabilities() {
    Capabilities result = super.getCapabilities();
    result.disableAll();
    result.enable(Capability.NO_CLASS);
    // a nominal class (the Knowledge Flow's ClassAssigner) is left out of the factorization
    result.enable(Capability.NOMINAL_CLASS);
    result.enable(Capability.MISSING_CLASS_VALUES);
    result.enable(Capability.NUMERIC_ATTRIBUTES);
    if (!m_NumericAttributesOnly) {
      result.enable(Capability.NOMINAL_ATTRIBUTES);
    }
    if (m_Settings.missingValues() == MissingValues.MEAN || (m_Settings.missingValues() == MissingValues.MASK && fitsMissingValues())) {
      result.enable(Capability.MISSING_VALUES);
    }
    result.setMinimumNumberInstances(1);
    return result;
  }

  @Override
  public void buildClusterer(Instances data) throws Exception {
    String who = getClass().getName();
    int[] features = factorizedAttributes(data);
    boolean hasMissing = WekaData.hasMissing(data, features);
    FactorizationMethod method = factorizationMethod(data);
    // both name what to do, which Weka's capability test does not
    ClusteringFit.requireMissingValuesFit(hasMissing, m_Settings.missingValues(), method);
    if (hasMissing && m_Settings.missingValues() == MissingValues.REFUSE) {
      WekaData.requireNonnegative(data, features, who); // names the attribute and the instance
    }
    getCapabilities().testWithFail(data);
    if (data.numInstances() == 0) {
      throw new IllegalArgumentException(who + ": no training instances");
    }
    if (features.length == 0) {
      throw new IllegalArgumentException(who + ": no numeric attribute to factorize");
    }
    WekaData.requireNonnegative(data, features, who, 0, m_Settings.missingValues() != MissingValues.REFUSE);
    String options = Utils.joinOptions(getOptions());
    ClusteringFit.Result result;
    try {
      result = ClusteringFit.run(new InMemoryData(WekaData.toMatrix(data, features)), fitSettings(), method,
          FitLogs.progressListener(methodName()));
    } catch (FitInterruptedException e) {
      throw WekaErrors.interrupted(who, e);
    }
    List<String> recipe = new ArrayList<String>(result.recipe());
    List<String> leftOut = new ArrayList<String>();
    for (int a : WekaData.featureIndices(data)) {
      if (!data.attribute(a).isNumeric()) {
        leftOut.add(data.attribute(a).name() + clusterCountHint(data.attribute(a)));
      }
    }
    if (!leftOut.isEmpty()) {
      recipe.add("Left out of the factorization (not numeric): " + String.join(", ", leftOut));
    }
    m_Fitted = new FittedModel(result.clustering(), data, features, options, m_Seed, result.initialisation(), recipe,
        result.runs(), result.missingCount(), m_Settings.missingValues(), result.seconds());
    for (String warning : result.warnings()) {
      Logger.log(Logger.Level.WARNING, warning);
    }
  }

  /**
   * This clusterer's method for {@link ClusteringFit}, its solver made by {@link #createSolver} for
   * the training instances given (a fit made elsewhere, the Spark job's, gives their header).
   */
  public FactorizationMethod factorizationMethod(Instances trainingData) {
    return new FaceMethod(this, trainingData);
  }

  /**
   * A solver whose working set is the fit's (or a lower bound of it), made without touching the
   * data or the seed, for the memory check before the initialisation; null if only the real
   * solver can tell (the check then follows the initialisation).
   */
  protected FactorizationSolver solverForEstimate(StoppingRule stopping) {
    return null;
  }

  /** What to do when a fit does not fit in the heap; a method with a cheaper solver says which. */
  protected String cheaperAlternative(DataMatrix y, int clusters) {
    return FactorizationMethod.generalAlternative(y);
  }

  /**
   * The attributes that form Y's rows: every attribute but the class, or, unless numeric
   * attributes only are accepted, every numeric one (nominal attributes are left out).
   */
  protected int[] factorizedAttributes(Instances data) {
    return m_NumericAttributesOnly ? WekaData.featureIndices(data) : WekaData.numericFeatureIndices(data);
  }

  /**
   * Installs a fit made outside this clusterer by {@link ClusteringFit} with {@link #fitSettings()}
   * and {@link #factorizationMethod} (the Spark job fits on column blocks) as its model, as
   * {@link #buildClusterer} would leave it: {@code header} is the training data's, whose factorized
   * attributes ({@link #factorizedAttributes}: a nominal class is left out) formed Y's rows, in order.
   */
  public void adoptFit(Instances header, ClusteringFit.Result result, String where) {
    int[] features = factorizedAttributes(header);
    if (features.length != result.clustering().factorization().basis().rows()) {
      throw new IllegalArgumentException(getClass().getName() + ": a header of " + features.length
          + " factorized attributes does not fit a basis of " + result.clustering().factorization().basis().rows()
          + " rows");
    }
    WekaData.requireNonnegative(new Instances(header, 0), features, getClass().getName());
    m_Fitted = new FittedModel(result.clustering(), header, features, Utils.joinOptions(getOptions()), m_Seed,
        result.initialisation() + " (" + where + ")", result.recipe(), result.runs(), result.missingCount(),
        m_Settings.missingValues(), result.seconds());
  }

  // ------------------------------------------------------------------ prediction

  /** The fitted model; fails with a clear message before buildClusterer. */
  protected FittedModel fitted() {
    if (m_Fitted == null) {
      throw new IllegalStateException(getClass().getName() + ": no model built yet; call buildClusterer first");
    }
    return m_Fitted;
  }

  /** Membership from the instance's coefficients by the prediction rule (default: the method's own). */
  @Override
  public double[] distributionForInstance(Instance instance) throws Exception {
    NmfClustering model = fitted().clustering();
    return model.membership(model.coefficientsOf(fitted().checkedValues(instance, getClass().getName())));
  }

  @Override
  public double[][] distributionsForInstances(Instances instances) throws Exception {
    NmfClustering model = fitted().clustering();
    DenseMatrix coefficients;
    try {
      coefficients = model.coefficientsOf(fitted().checkedMatrix(instances, getClass().getName()));
    } catch (FitInterruptedException e) {
      throw WekaErrors.interrupted(getClass().getName(), e);
    }
    double[][] out = new double[instances.numInstances()][];
    for (int j = 0; j < out.length; j++) {
      out[j] = model.membership(coefficients.column(j));
    }
    return out;
  }


  /**
   * True if new instances may hold missing values: unless the model was fitted with -missing
   * refuse, the projection onto the basis fits only an instance's observed values.
   */
  public boolean projectsMissingValues() {
    return m_Fitted != null && m_Fitted.projectsMissingValues();
  }

  @Override
  public int numberOfClusters() throws Exception {
    return m_Fitted == null ? m_Settings.clusters() : m_Fitted.clustering().numberOfClusters();
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

  /** The fitted model and the recipe it was made by, or null before a fit. */
  public FittedModel getFittedModel() {
    return m_Fitted;
  }

  /** The fitted clustering (factorization, scale, rule), or null before a fit. */
  public NmfClustering getModel() {
    return m_Fitted == null ? null : m_Fitted.clustering();
  }

  /** The fitted factorization, or null before a fit. */
  public Factorization getFactorization() {
    return m_Fitted == null ? null : m_Fitted.factorization();
  }

  /** A (attributes x clusters) as a 2-D array (copy), in the scaled units of the fit. */
  public double[][] getBasis() {
    return fitted().factorization().basis().toArray();
  }

  /** Names of the attributes that form the rows of A, in order. */
  public String[] getFactorizedAttributeNames() {
    Instances header = fitted().header();
    int[] features = fitted().featureIndices();
    String[] names = new String[features.length];
    for (int r = 0; r < names.length; r++) {
      names[r] = header.attribute(features[r]).name();
    }
    return names;
  }

  /** The relation name of the training data (it may carry the image geometry, {@code _w<W>_h<H>}). */
  public String getTrainingRelationName() {
    return fitted().header().relationName();
  }

  /** Seconds the last fit took. */
  public double getFitSeconds() {
    return fitted().seconds();
  }

  /** X (clusters x training instances) after the final X-step (the prediction rule on each training instance), copy. */
  public double[][] getCoefficients() {
    return fitted().clustering().trainingCoefficients().toArray();
  }

  /** X (clusters x training instances) as the solver left it, before the final X-step, copy. */
  public double[][] getSolverCoefficients() {
    return fitted().factorization().coefficients().toArray();
  }

  /** The cluster of each training instance (the assignment rule applied to X after the final X-step). */
  public int[] getTrainingAssignments() {
    return fitted().clustering().trainingLabels();
  }

  /** Seed, final objective and iterations of every run of the last fit (-restarts). */
  public Restarts getRuns() {
    return fitted().runs();
  }

  /** The objective per iteration (entry 0: at the start). */
  public double[] getObjectiveTrace() {
    return fitted().factorization().objectiveTrace();
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
    Factorization fit = fitted().factorization();
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
      return fitted().seconds();
    }
    throw new IllegalArgumentException(measureName + " not supported (" + getClass().getName() + ")");
  }

  // ------------------------------------------------------------------ output

  /** Extra lines a subclass adds to toString about its fitted results (read from {@link #fitted()}). */
  protected void describeModel(StringBuilder text) {
  }

  @Override
  public String toString() {
    if (m_Fitted == null) {
      return methodName() + ": no model built yet.";
    }
    StringBuilder methodLines = new StringBuilder();
    describeModel(methodLines);
    return ModelReport.describe(methodName(), m_Fitted, methodLines.toString());
  }

}
