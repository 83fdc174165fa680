package weka.clusterers;

import adversarialnmf.cluster.AssignmentRule;
import adversarialnmf.cluster.ClusteringSettings;
import adversarialnmf.cluster.DataScaling;
import adversarialnmf.cluster.InstanceNormalisation;
import adversarialnmf.cluster.PredictionRule;
import adversarialnmf.cluster.TermWeighting;
import adversarialnmf.init.InitializationMethod;
import adversarialnmf.linalg.MissingValues;
import adversarialnmf.solver.StoppingRule;
import adversarialnmf.weka.CommandLineOption;
import adversarialnmf.weka.DeclaredOptions;
import adversarialnmf.weka.EnumTags;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Vector;
import weka.core.Option;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;
import weka.core.Tag;

/**
 * The options every NMF clusterer of this package shares, held as one core value
 * ({@link ClusteringSettings}, which checks them) and shown as Weka properties; a method's own
 * options are declared by its class, all of them parsed by {@link DeclaredOptions}. The fit and the
 * fitted model are {@link AbstractNMFClusterer}'s.
 */
public abstract class NMFClustererOptions extends RandomizableClusterer implements NumberOfClustersRequestable {

  private static final long serialVersionUID = -6383927046914482245L;

  public static final Tag[] TAGS_INITIALIZATION = EnumTags.of(InitializationMethod.class);
  public static final Tag[] TAGS_SCALING = EnumTags.of(DataScaling.class);
  public static final Tag[] TAGS_ASSIGNMENT = EnumTags.of(AssignmentRule.class);
  public static final Tag[] TAGS_PREDICTION = EnumTags.of(PredictionRule.class);
  public static final Tag[] TAGS_NORMALISATION = EnumTags.of(InstanceNormalisation.class);
  public static final Tag[] TAGS_TERM_WEIGHTING = EnumTags.of(TermWeighting.class);
  /** -missing: the tags are the core policy's labels. */
  public static final Tag[] TAGS_MISSING = EnumTags.of(MissingValues.class);

  /** The options of the fit but the seed (Weka's m_Seed). */
  protected ClusteringSettings m_Settings = ClusteringSettings.builder().build();
  /** Refuse non-numeric attributes instead of leaving them out of the factorization. */
  protected boolean m_NumericAttributesOnly;

  /** The settings of a fit: the options, with the seed. */
  public ClusteringSettings fitSettings() {
    return m_Settings.toBuilder().seed(m_Seed).build();
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
    m_Settings = m_Settings.toBuilder().clusters(numClusters).build();
  }

  @OptionMetadata(displayName = "number of clusters", displayOrder = 10,
      description = "The number of clusters, the rank n of the factorization (columns of the basis A). The"
      + " default 2 is SimpleKMeans'; set the number of groups expected (e.g. of classes), or let"
      + " weka.experiment.RankSelection suggest one.")
  @CommandLineOption("N")
  public int getNumClusters() {
    return m_Settings.clusters();
  }

  public void setNumericAttributesOnly(boolean numericOnly) {
    m_NumericAttributesOnly = numericOnly;
  }

  @OptionMetadata(displayName = "numeric attributes only", displayOrder = 56,
      description = "Refuse data with nominal attributes instead of leaving them out of the"
      + " factorization (the model's output names the attributes it left out).")
  @CommandLineOption("numeric-only")
  public boolean getNumericAttributesOnly() {
    return m_NumericAttributesOnly;
  }

  public void setMaxIterations(int maxIterations) {
    m_Settings = m_Settings.toBuilder().stopping(new StoppingRule(maxIterations, getTolerance())).build();
  }

  @OptionMetadata(displayName = "maximum iterations", displayOrder = 60,
      description = "The most iterations the solver may take. A warning is logged if it stops there"
      + " unconverged.")
  @CommandLineOption("I")
  public int getMaxIterations() {
    return m_Settings.stopping().maxIterations();
  }

  public void setTolerance(double tolerance) {
    m_Settings = m_Settings.toBuilder().stopping(new StoppingRule(getMaxIterations(), tolerance)).build();
  }

  @OptionMetadata(displayName = "tolerance", displayOrder = 61,
      description = "The tolerance of the convergence test (relative change of the objective,"
      + " unless the method says otherwise).")
  @CommandLineOption("E")
  public double getTolerance() {
    return m_Settings.stopping().tolerance();
  }

  public void setInitialization(SelectedTag value) {
    m_Settings = m_Settings.toBuilder().initialization(EnumTags.value(value, InitializationMethod.class, "initialization (-init)")).build();
  }

  @OptionMetadata(displayName = "initialisation", displayOrder = 50,
      description = "How the factors start: auto (NNDSVD for sparse data such as text, under 10 % nonzero"
      + " values, k-means for dense data such as images), k-means (the ANMF paper's start), NNDSVD, or random. Auto is what"
      + " clustered best in the protocol study (docs/REPRODUCTION.md).")
  @CommandLineOption("init")
  public SelectedTag getInitialization() {
    return EnumTags.selected(m_Settings.initialization(), TAGS_INITIALIZATION);
  }

  public void setIndicatorOffset(double offset) {
    m_Settings = m_Settings.toBuilder().indicatorOffset(offset).build();
  }

  @OptionMetadata(displayName = "indicator offset", displayOrder = 51,
      description = "Constant added to the 0/1 k-means indicator to form X0 (k-means start only)."
      + " The ANMF paper uses 0.2.")
  @CommandLineOption("offset")
  public double getIndicatorOffset() {
    return m_Settings.indicatorOffset();
  }

  public void setScaling(SelectedTag value) {
    m_Settings = m_Settings.toBuilder().scaling(EnumTags.value(value, DataScaling.class, "scaling (-scaling)")).build();
  }

  @OptionMetadata(displayName = "scaling", displayOrder = 52,
      description = "How the data are scaled before the fit: none, or divided by their largest value"
      + " (max) so that they lie in [0, 1]. With max, regularisation weights mean the same on any"
      + " data set.")
  @CommandLineOption("scaling")
  public SelectedTag getScaling() {
    return EnumTags.selected(m_Settings.scaling(), TAGS_SCALING);
  }

  public void setNumExecutionSlots(int slots) {
    m_Settings = m_Settings.toBuilder().executionSlots(slots).build();
  }

  @OptionMetadata(displayName = "execution slots", displayOrder = 90,
      description = "The number of execution slots (threads) for the fit's matrix products; 0 means one"
      + " per available processor. Results are the same for every value. A native BLAS, when in use,"
      + " keeps its own thread count (OPENBLAS_NUM_THREADS for OpenBLAS).")
  @CommandLineOption("num-slots")
  public int getNumExecutionSlots() {
    return m_Settings.executionSlots();
  }

  public void setAssignment(SelectedTag value) {
    m_Settings = m_Settings.toBuilder().assignment(EnumTags.value(value, AssignmentRule.class, "assignment (-assign)"), getAssignmentRestarts()).build();
  }

  @OptionMetadata(displayName = "assignment rule", displayOrder = 53,
      description = "How coefficients become clusters: kmeans (the default), k-means on the unit-normalised"
      + " coefficient vectors as the NMF clustering literature does, or argmax, the ANMF paper's rule; a new"
      + " instance goes to the nearest k-means centre of its coefficients.")
  @CommandLineOption("assign")
  public SelectedTag getAssignment() {
    return EnumTags.selected(m_Settings.assignmentRule(), TAGS_ASSIGNMENT);
  }

  public void setAssignmentRestarts(int restarts) {
    m_Settings = m_Settings.toBuilder().assignment(m_Settings.assignmentRule(), restarts).build();
  }

  @OptionMetadata(displayName = "assignment restarts", displayOrder = 57,
      description = "Under -assign kmeans: how many k-means runs, each from its own k-means++ seeding;"
      + " the run with the lowest within-cluster sum of squares gives the clusters.")
  @CommandLineOption("assign-restarts")
  public int getAssignmentRestarts() {
    return m_Settings.assignmentRestarts();
  }

  public void setNormalisation(SelectedTag value) {
    m_Settings = m_Settings.toBuilder().normalisation(EnumTags.value(value, InstanceNormalisation.class, "instance normalisation (-normalize)")).build();
  }

  @OptionMetadata(displayName = "instance normalisation", displayOrder = 58,
      description = "How each instance is rescaled before the fit, and every new instance before its"
      + " coefficients are found: auto (l2 for sparse data, under 10 % nonzero values, such as text; none"
      + " otherwise), none, l2 (unit Euclidean length, the NMF clustering literature's"
      + " protocol) or l1 (unit sum). Applied after -term-weighting and before -scaling.")
  @CommandLineOption("normalize")
  public SelectedTag getNormalisation() {
    return EnumTags.selected(m_Settings.normalisation(), TAGS_NORMALISATION);
  }

  public void setTermWeighting(SelectedTag value) {
    m_Settings = m_Settings.toBuilder().weighting(EnumTags.value(value, TermWeighting.class, "term weighting (-term-weighting)")).build();
  }

  @OptionMetadata(displayName = "term weighting", displayOrder = 59,
      description = "How attributes are weighted before the normalisation: auto (tfidf for sparse data, under"
      + " 10 % nonzero values; none otherwise), none, or tfidf for term counts"
      + " (each term times ln((1+N)/(1+df))+1, df the training instances where it occurs; zeros stay"
      + " zeros, so sparse data stay sparse).")
  @CommandLineOption("term-weighting")
  public SelectedTag getTermWeighting() {
    return EnumTags.selected(m_Settings.weighting(), TAGS_TERM_WEIGHTING);
  }

  public void setPrediction(SelectedTag value) {
    m_Settings = m_Settings.toBuilder().prediction(EnumTags.value(value, PredictionRule.class, "prediction (-predict)")).build();
  }

  @OptionMetadata(displayName = "prediction rule", displayOrder = 54,
      description = "How an instance gets its coefficients, for clusterInstance, distributionForInstance"
      + " and the training assignment alike: model (the default; the minimiser of the method's own"
      + " objective over the instance with the fitted factors fixed), basis (nonnegative least squares"
      + " onto A) or adversarial (onto ANMF's adversarial basis).")
  @CommandLineOption("predict")
  public SelectedTag getPrediction() {
    return EnumTags.selected(m_Settings.prediction(), TAGS_PREDICTION);
  }

  public void setMissingValues(SelectedTag value) {
    m_Settings = m_Settings.toBuilder().missingValues(EnumTags.value(value, MissingValues.class, "missing values (-missing)")).build();
  }

  @OptionMetadata(displayName = "missing values", displayOrder = 55,
      description = "What to do with missing values: mask (fit only the observed entries; in sparse"
      + " data an absent value is an observed 0), mean (replace each by its attribute's mean first) or"
      + " refuse.")
  @CommandLineOption("missing")
  public SelectedTag getMissingValues() {
    return EnumTags.selected(m_Settings.missingValues(), TAGS_MISSING);
  }

  public void setRestarts(int restarts) {
    m_Settings = m_Settings.toBuilder().restarts(restarts).build();
  }

  @OptionMetadata(displayName = "restarts", displayOrder = 62,
      description = "Fit from this many starts (seeds derived from the seed) and keep the one with the"
      + " lowest final objective; the output lists every run.")
  @CommandLineOption("restarts")
  public int getRestarts() {
    return m_Settings.restarts();
  }
}
