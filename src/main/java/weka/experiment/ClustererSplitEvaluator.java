package weka.experiment;

import adversarialnmf.weka.CommandLineOption;
import adversarialnmf.metrics.ClusteringScores;
import adversarialnmf.metrics.ContingencyTable;
import adversarialnmf.metrics.NmiNormalization;
import adversarialnmf.weka.DeclaredOptions;
import adversarialnmf.weka.EnumTags;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Vector;
import weka.clusterers.AbstractClusterer;
import weka.clusterers.Clusterer;
import weka.clusterers.SimpleKMeans;
import weka.core.AdditionalMeasureProducer;
import weka.core.Instances;
import weka.core.Option;
import weka.core.OptionHandler;
import weka.core.OptionMetadata;
import weka.core.RevisionHandler;
import weka.core.RevisionUtils;
import weka.core.SelectedTag;
import weka.core.Tag;
import weka.core.Utils;

/**
 * A {@link SplitEvaluator} that scores any {@link Clusterer} against the class attribute, so the
 * Experimenter can compare clusterers the way it compares classifiers. The class is removed
 * before the clusterer is built; the clusters are then matched to the classes and reported as
 * clustering accuracy (optimal one-to-one matching by the Hungarian algorithm, any number of
 * clusters), normalised mutual information, adjusted Rand index and purity, with the sizes that
 * {@link PairedCorrectedTTester} needs, the times, and the clusterer's additional measures.
 *
 * <p>By default the clusterer is built on the training split and scored on the test split
 * ({@code clusterInstance} per row). With {@code -all-rows} it is built on training and test
 * rows together and scored on all of them, the transductive setting of clustering papers; there
 * a clusterer's own fitted assignments are used when it offers them through a public {@code int[]
 * getTrainingAssignments()} (this package's NMF clusterers do), otherwise {@code
 * clusterInstance}. Rows with a missing class are clustered but not scored.
 */
public class ClustererSplitEvaluator
    implements SplitEvaluator, OptionHandler, AdditionalMeasureProducer, RevisionHandler {

  private static final long serialVersionUID = 4181658386264379513L;

  public static final Tag[] TAGS_NMI = EnumTags.of(NmiNormalization.class);

  private static final String[] KEY_NAMES = {"Scheme", "Scheme_options", "Scheme_version_ID"};
  private static final String[] RESULT_NAMES = {
      "Number_of_training_instances", "Number_of_testing_instances", "Number_of_scored_instances",
      "Accuracy", "NMI", "Adjusted_Rand_index", "Purity", "Number_of_clusters",
      "Number_of_nonempty_clusters", "Time_training", "Time_testing"};

  /** The clusterer as configured; each run builds a copy, so runs never alter it. */
  protected Clusterer m_Template = new SimpleKMeans();
  /** The copy built by the latest run, for additional measures and raw output. */
  protected transient Clusterer m_Built;
  protected boolean m_ScoreAllRows;
  protected boolean m_ClustersFromClasses;
  protected NmiNormalization m_Nmi = NmiNormalization.MAX;

  protected String[] m_AdditionalMeasures = new String[0];
  /** Which of {@link #m_AdditionalMeasures} the clusterer produces. */
  protected boolean[] m_DoesProduce = new boolean[0];

  protected String m_TemplateVersion = "";
  protected String m_RawOutput = "";

  public ClustererSplitEvaluator() {
    updateTemplateDescription();
  }

  public String globalInfo() {
    return "Scores any clusterer against the class attribute: the class is removed before "
        + "building, then the clusters are matched to the classes. Reports clustering accuracy "
        + "(optimal one-to-one matching by the Hungarian algorithm, fast for any number of "
        + "clusters), NMI, adjusted Rand index and purity, the number of clusters, the training "
        + "and testing sizes that the corrected t-test needs, times, and the clusterer's "
        + "additional measures. By default the clusterer is built on the training split and "
        + "scored on the test split; optionally it clusters and is scored on all rows "
        + "(transductive, as in clustering papers).";
  }

  // ------------------------------------------------------------------ options

  @Override
  public Enumeration<Option> listOptions() {
    return DeclaredOptions.listOptions(this).elements();
  }

  /** The declared options, -W and the clusterer's options after "--" among them. */
  @Override
  public void setOptions(String[] options) throws Exception {
    DeclaredOptions.setOptions(this, options);
  }

  @Override
  public String[] getOptions() {
    return DeclaredOptions.getOptions(this);
  }

  @OptionMetadata(displayName = "clusterer", displayOrder = 10,
      description = "The clusterer to evaluate (any Weka clusterer), with its options after '--'.")
  @CommandLineOption("W")
  public Clusterer getClusterer() {
    return m_Template;
  }

  public void setClusterer(Clusterer clusterer) {
    if (clusterer == null) {
      throw new IllegalArgumentException("ClustererSplitEvaluator: the clusterer must not be null");
    }
    m_Template = clusterer;
    updateTemplateDescription();
    setAdditionalMeasures(m_AdditionalMeasures);
  }

  @OptionMetadata(displayName = "score all rows", displayOrder = 20,
      description = "Cluster the training and test rows together and score all of them (the"
      + " transductive setting of clustering papers). Otherwise the clusterer is built on the"
      + " training split and scored on the test split.")
  @CommandLineOption("all-rows")
  public boolean getScoreAllRows() {
    return m_ScoreAllRows;
  }

  public void setScoreAllRows(boolean scoreAllRows) {
    m_ScoreAllRows = scoreAllRows;
  }

  @OptionMetadata(displayName = "clusters from classes", displayOrder = 21,
      description = "Set the number of clusters to the number of classes of each data set (for"
      + " clusterers whose number of clusters can be set).")
  @CommandLineOption("clusters-from-classes")
  public boolean getClustersFromClasses() {
    return m_ClustersFromClasses;
  }

  public void setClustersFromClasses(boolean clustersFromClasses) {
    m_ClustersFromClasses = clustersFromClasses;
  }

  /** The tip text of the NMI normalisation, for every evaluator that offers it. */
  static final String NMI_TIP_TEXT = "How mutual information is normalised: max (Deng Cai's MutualInfo, used by"
      + " most NMF papers), sqrt, arithmetic (scikit-learn's default) or min.";

  @OptionMetadata(displayName = "NMI normalisation", displayOrder = 30, description = NMI_TIP_TEXT)
  @CommandLineOption("nmi")
  public SelectedTag getNmiNormalization() {
    return EnumTags.selected(m_Nmi, TAGS_NMI);
  }

  public void setNmiNormalization(SelectedTag tag) {
    m_Nmi = EnumTags.value(tag, NmiNormalization.class, "NMI normalisation (-nmi)");
  }

  /** The clusterer's options as one string, read now so later edits of the template show. */
  private String templateOptions() {
    return m_Template instanceof OptionHandler ? Utils.joinOptions(((OptionHandler) m_Template).getOptions()) : "";
  }

  private void updateTemplateDescription() {
    m_TemplateVersion = m_Template instanceof Serializable
        ? "" + ObjectStreamClass.lookup(m_Template.getClass()).getSerialVersionUID() : "";
  }

  // ------------------------------------------------------------------ additional measures

  @Override
  public void setAdditionalMeasures(String[] additionalMeasures) {
    m_AdditionalMeasures = additionalMeasures == null ? new String[0] : additionalMeasures.clone();
    m_DoesProduce = new boolean[m_AdditionalMeasures.length];
    if (m_Template instanceof AdditionalMeasureProducer) {
      for (String produced : Collections.list(((AdditionalMeasureProducer) m_Template).enumerateMeasures())) {
        for (int j = 0; j < m_AdditionalMeasures.length; j++) {
          if (produced.equalsIgnoreCase(m_AdditionalMeasures[j])) {
            m_DoesProduce[j] = true;
          }
        }
      }
    }
  }

  @Override
  public Enumeration<String> enumerateMeasures() {
    if (m_Template instanceof AdditionalMeasureProducer) {
      return ((AdditionalMeasureProducer) m_Template).enumerateMeasures();
    }
    return new Vector<String>().elements();
  }

  @Override
  public double getMeasure(String measureName) {
    Clusterer source = m_Built != null ? m_Built : m_Template;
    if (source instanceof AdditionalMeasureProducer) {
      return ((AdditionalMeasureProducer) source).getMeasure(measureName);
    }
    throw new IllegalArgumentException("ClustererSplitEvaluator: cannot return " + measureName + "; "
        + source.getClass().getName() + " is not an AdditionalMeasureProducer");
  }

  // ------------------------------------------------------------------ keys and results

  @Override
  public String[] getKeyNames() {
    return KEY_NAMES.clone();
  }

  @Override
  public Object[] getKeyTypes() {
    return new Object[] {"", "", ""};
  }

  @Override
  public Object[] getKey() {
    return new Object[] {m_Template.getClass().getName(), templateOptions(), m_TemplateVersion};
  }

  @Override
  public String[] getResultNames() {
    String[] names = Arrays.copyOf(RESULT_NAMES, RESULT_NAMES.length + m_AdditionalMeasures.length);
    System.arraycopy(m_AdditionalMeasures, 0, names, RESULT_NAMES.length, m_AdditionalMeasures.length);
    return names;
  }

  @Override
  public Object[] getResultTypes() {
    Object[] types = new Object[RESULT_NAMES.length + m_AdditionalMeasures.length];
    Arrays.fill(types, Double.valueOf(0));
    return types;
  }

  @Override
  public Object[] getResult(Instances train, Instances test) throws Exception {
    String who = "ClustererSplitEvaluator";
    ClassLabelledClustering.requireNominalClass(train, who);
    Instances buildRows = train;
    Instances scoreRows = test;
    if (m_ScoreAllRows) {
      buildRows = new Instances(train);
      for (int i = 0; i < test.numInstances(); i++) {
        buildRows.add(test.instance(i));
      }
      scoreRows = buildRows;
    }
    Clusterer clusterer = AbstractClusterer.makeCopy(m_Template);
    if (m_ClustersFromClasses) {
      ClassLabelledClustering.requestClusters(clusterer, train.numClasses(), who + " (-clusters-from-classes)");
    }
    Instances buildFeatures = ClassLabelledClustering.withoutClass(buildRows);

    long started = System.nanoTime();
    clusterer.buildClusterer(buildFeatures);
    double trainingSeconds = (System.nanoTime() - started) / 1e9;
    m_Built = clusterer;

    started = System.nanoTime();
    int[] clusters = m_ScoreAllRows
        ? ClassLabelledClustering.clustersOf(clusterer, buildFeatures, true)
        : ClassLabelledClustering.clustersOf(clusterer, ClassLabelledClustering.withoutClass(scoreRows), false);
    double testingSeconds = (System.nanoTime() - started) / 1e9;
    int clusterCount = clusterer.numberOfClusters();
    ContingencyTable table = ClassLabelledClustering.tabulate(scoreRows, clusters, clusterCount);
    if (table.total() == 0) {
      throw new IllegalArgumentException(who + ": no row of the " + (m_ScoreAllRows ? "data" : "test split")
          + " of '" + train.relationName() + "' has a class value to score against");
    }

    Object[] result = new Object[RESULT_NAMES.length + m_AdditionalMeasures.length];
    int next = 0;
    result[next++] = (double) buildRows.numInstances();
    result[next++] = (double) scoreRows.numInstances();
    result[next++] = (double) table.total();
    result[next++] = ClusteringScores.accuracy(table);
    result[next++] = ClusteringScores.normalizedMutualInformation(table, m_Nmi);
    result[next++] = ClusteringScores.adjustedRandIndex(table);
    result[next++] = ClusteringScores.purity(table);
    result[next++] = (double) clusterCount;
    result[next++] = (double) table.nonEmptyClusterCount();
    result[next++] = trainingSeconds;
    result[next++] = testingSeconds;
    for (int j = 0; j < m_AdditionalMeasures.length; j++) {
      result[next++] = m_DoesProduce[j]
          ? Double.valueOf(((AdditionalMeasureProducer) clusterer).getMeasure(m_AdditionalMeasures[j])) : null;
    }
    m_RawOutput = rawOutput(clusterer, table, result);
    return result;
  }

  private String rawOutput(Clusterer clusterer, ContingencyTable table, Object[] result) {
    StringBuilder text = new StringBuilder(toString()).append('\n');
    text.append("Clustering model:\n").append(clusterer).append('\n');
    text.append("Clusters (rows) against classes (columns):\n").append(table).append('\n');
    String[] names = getResultNames();
    for (int i = 0; i < names.length; i++) {
      text.append(names[i]).append(": ").append(result[i]).append('\n');
    }
    return text.toString();
  }

  @Override
  public String getRawResultOutput() {
    return m_RawOutput;
  }

  @Override
  public String toString() {
    return "ClustererSplitEvaluator: " + m_Template.getClass().getName() + " " + templateOptions()
        + " (version " + m_TemplateVersion + "), scored on " + (m_ScoreAllRows ? "all rows" : "the test split")
        + ", NMI normalised by " + m_Nmi.optionName();
  }

  @Override
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 1 $");
  }
}
