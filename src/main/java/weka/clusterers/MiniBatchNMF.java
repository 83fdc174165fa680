package weka.clusterers;

import adversarialnmf.cluster.AssignmentRule;
import adversarialnmf.cluster.MiniBatchClustering;
import adversarialnmf.cluster.NmfClustering;
import adversarialnmf.solver.Factorization;
import adversarialnmf.solver.MiniBatchNmf;
import adversarialnmf.solver.WorkingSet;
import adversarialnmf.weka.CommandLineOption;
import adversarialnmf.weka.DeclaredOptions;
import adversarialnmf.weka.EnumTags;
import adversarialnmf.weka.WekaData;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Vector;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.OptionMetadata;
import weka.core.RevisionUtils;
import weka.core.SelectedTag;
import weka.core.Tag;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformation.Field;
import weka.core.TechnicalInformation.Type;
import weka.core.TechnicalInformationHandler;
import weka.core.Utils;

/**
 * <!-- globalinfo-start -->
 * Mini-batch (online) NMF for data that do not fit in memory: instances arrive one at a time
 * (Weka's UpdateableClusterer), are gathered into batches, and each batch updates the basis
 * through sufficient statistics (Mairal et al. 2010); memory does not grow with the number of
 * instances.
 * <!-- globalinfo-end -->
 */
public class MiniBatchNMF extends RandomizableClusterer
    implements UpdateableClusterer, NumberOfClustersRequestable, TechnicalInformationHandler {

  private static final long serialVersionUID = -2260917430587052081L;

  public static final Tag[] TAGS_ASSIGNMENT = EnumTags.of(AssignmentRule.class);

  protected int m_NumClusters = 2;
  protected int m_MiniBatchSize = 1024;
  protected double m_Forgetting = 0.9;
  protected int m_Passes = 1;
  protected int m_BasisSweeps = 5;
  protected AssignmentRule m_Assignment = AssignmentRule.KMEANS;
  protected int m_AssignmentSample = 5000;

  // the state of a fit: set by buildClusterer, grown by updateClusterer, closed by updateFinished
  private Instances m_Header;
  private int[] m_Features;
  /** The options the fit started with (the options may change after it). */
  private String m_TrainingOptions;
  private MiniBatchClustering m_Stream;
  private NmfClustering m_Model;

  public String globalInfo() {
    return "Mini-batch (online) nonnegative matrix factorization for data that do not fit in memory:"
        + " Y ~ W H with W, H >= 0, minimising the squared residual. Instances arrive one at a time"
        + " (updateClusterer after buildClusterer on their structure: Weka's command line streams an ARFF"
        + " file given by -t so) or as a data set (buildClusterer, streamed in batches for -passes passes,"
        + " as the Explorer, the Knowledge Flow and the Experimenter train); every batch of -batch-size"
        + " instances gets nonnegative"
        + " least-squares coefficients against the current basis, is folded into the sufficient statistics"
        + " A = sum h h^T and B = sum x h^T (older batches down-weighted by -forget), and the basis takes"
        + " -inner projected block-coordinate sweeps on them (Mairal et al. 2010). Memory holds the basis,"
        + " the statistics, one batch and, for -assign kmeans, a fixed-size sample: it does not grow with the"
        + " number of instances. An instance's cluster (clusterInstance, after training) is the argmax of its"
        + " coefficients on the unit-norm basis or the nearest centre of k-means run on the sample's"
        + " unit-normalised coefficients. No preprocessing: the data are factorized as they are.\n\n"
        + "For more information see:\n\n" + getTechnicalInformation().toString();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    TechnicalInformation result = new TechnicalInformation(Type.ARTICLE);
    result.setValue(Field.AUTHOR, "Julien Mairal and Francis Bach and Jean Ponce and Guillermo Sapiro");
    result.setValue(Field.TITLE, "Online Learning for Matrix Factorization and Sparse Coding");
    result.setValue(Field.JOURNAL, "Journal of Machine Learning Research");
    result.setValue(Field.VOLUME, "11");
    result.setValue(Field.YEAR, "2010");
    result.setValue(Field.PAGES, "19-60");
    return result;
  }

  @Override
  public Capabilities getCapabilities() {
    Capabilities result = super.getCapabilities();
    result.disableAll();
    result.enable(Capability.NO_CLASS);
    // a class (the Knowledge Flow's ClassAssigner) is left out of the factorization
    result.enable(Capability.NOMINAL_CLASS);
    result.enable(Capability.MISSING_CLASS_VALUES);
    result.enable(Capability.NUMERIC_ATTRIBUTES);
    result.setMinimumNumberInstances(0); // the incremental path starts from the structure alone
    return result;
  }

  // ------------------------------------------------------------------ training

  /**
   * Starts a new fit on {@code data}'s structure and learns from its instances, streamed in
   * batches for -passes passes, then finishes it; with no instances (the command line's and the
   * Knowledge Flow's incremental start) it only starts, and updateClusterer brings the instances.
   */
  @Override
  public void buildClusterer(Instances data) throws Exception {
    getCapabilities().testWithFail(data);
    start(data);
    if (data.numInstances() == 0) {
      return;
    }
    if (data.numInstances() < m_NumClusters) {
      throw new IllegalArgumentException(who() + ": " + data.numInstances() + " instances are fewer than the "
          + m_NumClusters + " clusters requested (-N); lower the number of clusters or add data");
    }
    for (int pass = 1; pass <= m_Passes; pass++) {
      for (Instance instance : data) {
        learn(instance, pass == m_Passes); // the sample is the last pass's, as the single pass of the stream
      }
      if (pass < m_Passes) {
        m_Stream.endPass();
      }
    }
    updateFinished();
  }

  private void start(Instances data) {
    int[] features = WekaData.featureIndices(data);
    if (features.length == 0) {
      throw new IllegalArgumentException(who() + ": no numeric attribute to factorize");
    }
    WekaData.requireNonnegative(new Instances(data, 0), features, who()); // the attributes' types
    m_Header = new Instances(data, 0);
    m_Features = features;
    m_TrainingOptions = Utils.joinOptions(getOptions());
    m_Stream = new MiniBatchClustering(features.length, m_NumClusters, m_Forgetting, m_BasisSweeps, m_MiniBatchSize,
        m_Assignment, m_AssignmentSample, m_Seed);
    m_Model = null;
  }

  /** Learns from one more instance of the stream (after buildClusterer on its structure). */
  @Override
  public void updateClusterer(Instance instance) throws Exception {
    if (m_Stream == null) {
      throw new IllegalStateException(who() + ": call buildClusterer first (with the data, or with their"
          + " structure alone to stream the instances through updateClusterer)");
    }
    if (instance.numAttributes() != m_Header.numAttributes()) {
      throw new IllegalArgumentException(who() + ": instance " + (m_Stream.seen() + 1) + " has "
          + instance.numAttributes() + " attributes, the structure given to buildClusterer "
          + m_Header.numAttributes() + "; stream instances of that structure");
    }
    learn(instance, true);
  }

  private void learn(Instance instance, boolean sampled) {
    m_Stream.learn(checkedValues(instance, "instance " + (m_Stream.seen() + 1)), sampled);
  }

  /**
   * Learns the batch still gathering and builds the clustering from the basis: the coefficient
   * rule (NNLS onto W) and, for -assign kmeans, k-means on the sample's coefficients.
   */
  @Override
  public void updateFinished() {
    if (m_Stream == null) {
      throw new IllegalStateException(who() + ": call buildClusterer first");
    }
    if (m_Stream.seen() < m_NumClusters) {
      throw new IllegalArgumentException(who() + ": " + m_Stream.seen() + " instances are fewer than the "
          + m_NumClusters + " clusters requested (-N); lower the number of clusters or stream more data");
    }
    if (m_Assignment == AssignmentRule.KMEANS && m_Stream.sampleSize() < m_NumClusters) {
      throw new IllegalArgumentException(who() + ": a k-means sample of " + m_Stream.sampleSize() + " instances"
          + " (-assign-sample " + m_AssignmentSample + ") cannot make " + m_NumClusters + " clusters; raise"
          + " -assign-sample or use -assign argmax");
    }
    m_Model = m_Stream.finish();
  }

  /** The factorized values of {@code instance}: numeric, finite, nonnegative, none missing. */
  private double[] checkedValues(Instance instance, String which) {
    double[] values = WekaData.values(instance, m_Features);
    for (int r = 0; r < values.length; r++) {
      double v = values[r];
      if (v >= 0.0 && v < Double.POSITIVE_INFINITY) {
        continue;
      }
      String attribute = "attribute '" + m_Header.attribute(m_Features[r]).name() + "' of " + which;
      if (Double.isNaN(v)) {
        throw new IllegalArgumentException(who() + ": missing value in " + attribute + "; mini-batch NMF does not"
            + " fit around missing values: replace them first, e.g. with"
            + " weka.filters.unsupervised.attribute.ReplaceMissingValues");
      }
      throw new IllegalArgumentException(who() + ": " + (v < 0.0 ? "negative" : "infinite") + " value " + v + " in "
          + attribute + "; nonnegative matrix factorization needs finite data >= 0: shift or rescale the attribute"
          + " first, e.g. with weka.filters.unsupervised.attribute.Normalize");
    }
    return values;
  }

  // ------------------------------------------------------------------ prediction

  private NmfClustering model() {
    if (m_Model == null) {
      throw new IllegalStateException(who() + ": no model yet; train it with buildClusterer, or with"
          + " buildClusterer on the structure, updateClusterer and updateFinished");
    }
    return m_Model;
  }

  /** Membership of the instance's coefficients (NNLS onto the basis) by the assignment rule. */
  @Override
  public double[] distributionForInstance(Instance instance) throws Exception {
    NmfClustering model = model();
    if (instance.numAttributes() != m_Header.numAttributes()) {
      throw new IllegalArgumentException(who() + ": the instance has " + instance.numAttributes()
          + " attributes, the model was trained on " + m_Header.numAttributes() + "; give instances with the"
          + " training data's attributes, in the same order");
    }
    return model.membership(model.coefficientsOf(checkedValues(instance, "the instance to cluster")));
  }

  @Override
  public int numberOfClusters() {
    return m_Model == null ? m_NumClusters : m_Model.numberOfClusters();
  }

  /** The fitted clustering (basis, coefficient and assignment rules), or null before updateFinished. */
  public NmfClustering getModel() {
    return m_Model;
  }

  /** W (attributes x clusters) as a 2-D array (copy); fails before training. */
  public double[][] getBasis() {
    return model().factorization().basis().toArray();
  }

  /** The squared residual of each pass, each instance coded against the basis of its batch's time. */
  public double[] getPassResiduals() {
    return model().factorization().objectiveTrace();
  }

  /** Instances learnt (in every pass). */
  public long getInstancesLearnt() {
    return m_Stream == null ? 0 : m_Stream.solver().instances();
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

  @Override
  public void setNumClusters(int numClusters) {
    m_NumClusters = atLeastOne(numClusters, "the number of clusters (-N)");
  }

  @OptionMetadata(displayName = "number of clusters", displayOrder = 10,
      description = "The number of clusters, the rank of the factorization (columns of the basis W).")
  @CommandLineOption("N")
  public int getNumClusters() {
    return m_NumClusters;
  }

  public void setMiniBatchSize(int size) {
    m_MiniBatchSize = atLeastOne(size, "the batch size (-batch-size)");
  }

  @OptionMetadata(displayName = "batch size", displayOrder = 20,
      description = "Instances per mini-batch: each batch is coded against the basis, then updates it."
      + " Memory holds one batch (attributes x batch size numbers).")
  @CommandLineOption("batch-size")
  public int getMiniBatchSize() {
    return m_MiniBatchSize;
  }

  public void setForgetting(double forgetting) {
    m_Forgetting = MiniBatchNmf.checkedForgetting(forgetting);
  }

  @OptionMetadata(displayName = "forgetting factor", displayOrder = 21,
      description = "The weight in (0, 1] the statistics gathered so far keep at each new batch: 1 weighs"
      + " every batch alike, lower values forget the batches coded with an early, poorer basis sooner.")
  @CommandLineOption("forget")
  public double getForgetting() {
    return m_Forgetting;
  }

  public void setPasses(int passes) {
    m_Passes = atLeastOne(passes, "the number of passes (-passes)");
  }

  @OptionMetadata(displayName = "passes", displayOrder = 22,
      description = "Passes over the data set given to buildClusterer, in its order; a stream of"
      + " updateClusterer calls is one pass.")
  @CommandLineOption("passes")
  public int getPasses() {
    return m_Passes;
  }

  public void setBasisSweeps(int sweeps) {
    m_BasisSweeps = MiniBatchNmf.checkedBasisSweeps(sweeps);
  }

  @OptionMetadata(displayName = "basis sweeps", displayOrder = 23,
      description = "Projected block-coordinate sweeps over the basis columns after each batch (the inner"
      + " iterations), each cheap: attributes x clusters squared operations.")
  @CommandLineOption("inner")
  public int getBasisSweeps() {
    return m_BasisSweeps;
  }

  public void setAssignment(SelectedTag value) {
    m_Assignment = EnumTags.value(value, AssignmentRule.class, "assignment (-assign)");
  }

  @OptionMetadata(displayName = "assignment rule", displayOrder = 53,
      description = "How coefficients become clusters: kmeans (the default), k-means on the unit-normalised"
      + " coefficients of a uniform sample of the instances (-assign-sample), or argmax, the largest"
      + " coefficient on the unit-norm basis.")
  @CommandLineOption("assign")
  public SelectedTag getAssignment() {
    return EnumTags.selected(m_Assignment, TAGS_ASSIGNMENT);
  }

  public void setAssignmentSample(int size) {
    m_AssignmentSample = atLeastOne(size, "the k-means sample's size (-assign-sample)");
  }

  @OptionMetadata(displayName = "assignment sample", displayOrder = 54,
      description = "Under -assign kmeans: how many instances, drawn uniformly from the stream, k-means is"
      + " fitted on (their coefficients against the final basis); memory holds them.")
  @CommandLineOption("assign-sample")
  public int getAssignmentSample() {
    return m_AssignmentSample;
  }

  private static int atLeastOne(int value, String what) {
    if (value < 1) {
      throw new IllegalArgumentException(what + " must be at least 1, got " + value);
    }
    return value;
  }

  // ------------------------------------------------------------------ output

  private String who() {
    return getClass().getName();
  }

  @Override
  public String toString() {
    if (m_Model == null) {
      return "MiniBatchNMF: no model built yet.";
    }
    Factorization fit = m_Model.factorization();
    MiniBatchNmf solver = m_Stream.solver();
    double[] residuals = fit.objectiveTrace();
    StringBuilder text = new StringBuilder("MiniBatchNMF\n============\n\n");
    text.append("Options: ").append(m_TrainingOptions).append('\n');
    text.append("Data: ").append(solver.attributes()).append(" attributes, ").append(solver.instances())
        .append(" instances learnt in ").append(solver.batches()).append(" batches (").append(residuals.length)
        .append(residuals.length == 1 ? " pass" : " passes").append(")\n");
    text.append("Method: ").append(solver.describe()).append('\n');
    text.append("Linear algebra: ").append(fit.linearAlgebra()).append('\n');
    text.append("Squared residual of each pass, every instance against the basis it was coded with:");
    for (int p = 0; p < residuals.length; p++) {
      text.append(p == 0 ? " " : ", ").append(Utils.doubleToString(residuals[p], 6));
    }
    text.append('\n');
    long sampleBytes = 8L * solver.attributes() * fit.coefficients().cols();
    text.append("Memory of the fit: basis and statistics ").append(WorkingSet.readable(solver.stateBytes()))
        .append(", one batch ").append(WorkingSet.readable(m_Stream.batchBytes()))
        .append(sampleBytes > 0 ? ", k-means sample " + WorkingSet.readable(sampleBytes) : "").append('\n');
    text.append("Coefficients of an instance: ").append(m_Model.coefficientRule().describe()).append('\n');
    text.append("Assignment: ").append(m_Model.assignment().describe()).append('\n');
    if (m_Assignment == AssignmentRule.KMEANS) {
      int[] sizes = m_Model.clusterSizes();
      int total = fit.coefficients().cols();
      text.append("\nClusters of the k-means sample (").append(total).append(" instances)\n\n");
      for (int c = 0; c < sizes.length; c++) {
        text.append(String.format("%5d %8d (%3.0f%%)%n", c, sizes[c], 100.0 * sizes[c] / total));
      }
    }
    return text.append('\n').toString();
  }

  @Override
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 1 $");
  }

  /**
   * Weka's command line ({@link ClusterEvaluation}): with -t it trains as an updateable clusterer,
   * buildClusterer on the file's structure and then one updateClusterer per instance read.
   */
  public static void main(String[] args) {
    runClusterer(new MiniBatchNMF(), args);
  }
}
