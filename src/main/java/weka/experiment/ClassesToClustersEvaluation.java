package weka.experiment;

import adversarialnmf.metrics.ContingencyTable;
import adversarialnmf.metrics.MatchedClustering;
import adversarialnmf.metrics.NmiNormalization;
import adversarialnmf.weka.CommandLineOption;
import adversarialnmf.weka.DeclaredOptions;
import adversarialnmf.weka.EnumTags;
import java.util.Enumeration;
import java.util.Locale;
import weka.clusterers.Clusterer;
import weka.core.Attribute;
import weka.core.CommandlineRunnable;
import weka.core.Instances;
import weka.core.Option;
import weka.core.OptionHandler;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;
import weka.core.Utils;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * Weka's classes-to-clusters evaluation for any number of clusters: the clusterer is built on the
 * data without their class, then its clusters are matched one-to-one to the classes by the
 * Hungarian algorithm (O(k³)) instead of Weka's {@code ClusterEvaluation}, which tries every
 * mapping and does not finish at 40 clusters. Prints the model, the cluster sizes, the confusion
 * matrix with each matched pair on the diagonal, the mapping, ACC, NMI, ARI and purity.
 */
public class ClassesToClustersEvaluation implements CommandlineRunnable, OptionHandler {

  static final String DEFAULT_CLUSTERER = "weka.clusterers.ANMF";

  private String m_Training = "";
  private String m_Test = "";
  private String m_ClassIndex = "last";
  private String m_Clusterer = DEFAULT_CLUSTERER;
  private boolean m_ClustersFromClasses;
  private NmiNormalization m_Nmi = NmiNormalization.MAX;

  public String globalInfo() {
    return "Classes-to-clusters evaluation for any number of clusters: builds the clusterer on the data"
        + " without their class, matches clusters to classes one-to-one by the Hungarian algorithm (Weka's own"
        + " evaluation tries every mapping and does not finish at 40 clusters) and prints the confusion matrix"
        + " with the matched pairs on the diagonal, the mapping, ACC, NMI, ARI and purity.";
  }

  @Override
  public Enumeration<Option> listOptions() {
    return DeclaredOptions.listOptions(this).elements();
  }

  /** The declared options, then the clusterer's own options after {@code --}, appended to -W. */
  @Override
  public void setOptions(String[] options) throws Exception {
    DeclaredOptions.setOptions(this, options);
    setClusterer(DeclaredOptions.withOptionsAfterDashes(m_Clusterer, options));
    Utils.checkForRemainingOptions(options);
  }

  @Override
  public String[] getOptions() {
    return DeclaredOptions.getOptions(this);
  }

  @OptionMetadata(displayName = "training file", displayOrder = 10,
      description = "The data the clusterer is built on (ARFF, .arff.gz, CSV or any format Weka reads).")
  @CommandLineOption(value = "t", synopsis = "-t <file>")
  public String getTrainingFile() {
    return m_Training;
  }

  public void setTrainingFile(String path) {
    m_Training = path;
  }

  @OptionMetadata(displayName = "test file", displayOrder = 11,
      description = "Data to score instead of the training data (clusterInstance per row); empty: the training"
      + " data are scored, with the clusterer's fitted clusters where it offers them.")
  @CommandLineOption(value = "T", synopsis = "-T <file>")
  public String getTestFile() {
    return m_Test;
  }

  public void setTestFile(String path) {
    m_Test = path;
  }

  @OptionMetadata(displayName = "class index", displayOrder = 12,
      description = "The class attribute: 'first', 'last' or its 1-based index.")
  @CommandLineOption(value = "c", synopsis = "-c <first|last|index>")
  public String getClassIndex() {
    return m_ClassIndex;
  }

  public void setClassIndex(String index) {
    String trimmed = index.trim();
    if (!trimmed.equalsIgnoreCase("first") && !trimmed.equalsIgnoreCase("last") && !trimmed.matches("[1-9][0-9]*")) {
      throw new IllegalArgumentException("-c must be first, last or a 1-based attribute index, got '" + index + "'");
    }
    m_ClassIndex = trimmed;
  }

  @OptionMetadata(displayName = "clusterer", displayOrder = 20,
      description = "The clusterer: a class name with its options after --, or one quoted command line.")
  @CommandLineOption(value = "W", synopsis = "-W <clusterer>")
  public String getClusterer() {
    return m_Clusterer;
  }

  public void setClusterer(String commandLine) {
    m_Clusterer = commandLine.trim();
  }

  @OptionMetadata(displayName = "clusters from classes", displayOrder = 21,
      description = "Set the clusterer's number of clusters to the number of classes.")
  @CommandLineOption("clusters-from-classes")
  public boolean getClustersFromClasses() {
    return m_ClustersFromClasses;
  }

  public void setClustersFromClasses(boolean clustersFromClasses) {
    m_ClustersFromClasses = clustersFromClasses;
  }

  @OptionMetadata(displayName = "NMI normalisation", displayOrder = 30,
      description = ClustererSplitEvaluator.NMI_TIP_TEXT)
  @CommandLineOption("nmi")
  public SelectedTag getNmiNormalization() {
    return EnumTags.selected(m_Nmi, ClustererSplitEvaluator.TAGS_NMI);
  }

  public void setNmiNormalization(SelectedTag tag) {
    m_Nmi = EnumTags.value(tag, NmiNormalization.class, "NMI normalisation (-nmi)");
  }

  /** A built clusterer and its clusters scored against the classes. */
  public static final class Result {
    private final Clusterer m_Built;
    private final MatchedClustering m_Scores;
    private final Attribute m_Class;
    private final String m_Description;
    private final double m_BuildSeconds;

    Result(Clusterer built, MatchedClustering scores, Attribute classAttribute, String description,
        double buildSeconds) {
      m_Built = built;
      m_Scores = scores;
      m_Class = classAttribute;
      m_Description = description;
      m_BuildSeconds = buildSeconds;
    }

    public Clusterer clusterer() {
      return m_Built;
    }

    public MatchedClustering scores() {
      return m_Scores;
    }

    @Override
    public String toString() {
      StringBuilder text = new StringBuilder();
      text.append(m_Built).append("\n\n");
      text.append(String.format(Locale.ROOT, "Time taken to build model: %.2f seconds%n%n", m_BuildSeconds));
      text.append("=== Classes to clusters (Hungarian matching) on ").append(m_Description).append(" ===\n\n");
      ContingencyTable table = m_Scores.table();
      text.append("Clustered instances\n\n");
      for (int r = 0; r < table.clusterCount(); r++) {
        text.append(String.format(Locale.ROOT, "%6d %6d (%3.0f%%)%n", r, table.clusterSize(r),
            100.0 * table.clusterSize(r) / table.total()));
      }
      text.append("\nClass attribute: ").append(m_Class.name()).append('\n');
      text.append("Classes to clusters, each class's matched cluster on the diagonal:\n\n");
      appendConfusion(text);
      text.append('\n');
      int[] classOfCluster = m_Scores.classOfCluster();
      for (int r = 0; r < classOfCluster.length; r++) {
        text.append("Cluster ").append(r).append(" <-- ")
            .append(classOfCluster[r] >= 0 ? m_Class.value(classOfCluster[r]) : "No class").append('\n');
      }
      int correct = (int) Math.round(m_Scores.accuracy() * table.total());
      text.append(String.format(Locale.ROOT, "%nIncorrectly clustered instances: %d  %.4f %%%n", table.total() - correct,
          100.0 * (table.total() - correct) / table.total()));
      text.append(String.format(Locale.ROOT, "ACC    %.4f%nNMI    %.4f (%s normalisation)%nARI    %.4f%nPurity %.4f%n",
          m_Scores.accuracy(), m_Scores.normalizedMutualInformation(), m_Scores.nmiNormalization().optionName(),
          m_Scores.adjustedRandIndex(), m_Scores.purity()));
      return text.toString();
    }

    /** Weka's layout: one row per class, one column per cluster (in matched order), the class after "|". */
    private void appendConfusion(StringBuilder text) {
      int[][] counts = m_Scores.confusion();
      int[] order = m_Scores.clusterOrder();
      int width = Integer.toString(Math.max(order.length - 1, 1)).length();
      for (int[] row : counts) {
        for (int count : row) {
          width = Math.max(width, Integer.toString(count).length());
        }
      }
      String cell = " %" + width + "d";
      for (int cluster : order) {
        text.append(String.format(Locale.ROOT, cell, cluster));
      }
      text.append("  <-- assigned to cluster\n");
      for (int c = 0; c < counts.length; c++) {
        for (int count : counts[c]) {
          text.append(String.format(Locale.ROOT, cell, count));
        }
        text.append(" | ").append(m_Class.value(c)).append('\n');
      }
    }
  }

  /** Reads the files the options name, builds the clusterer and scores it. */
  public Result evaluate() throws Exception {
    if (m_Training.isEmpty()) {
      throw new IllegalArgumentException("no training file: give the data with -t <file>");
    }
    Instances training = withClass(DataSource.read(m_Training), m_Training);
    Instances test = m_Test.isEmpty() ? null : withClass(DataSource.read(m_Test), m_Test);
    if (test != null && !training.equalHeaders(test)) {
      throw new IllegalArgumentException("the test file " + m_Test + " does not have the training file's attributes: "
          + training.equalHeadersMsg(test));
    }
    return evaluate(training, test);
  }

  /**
   * Builds the -W clusterer on {@code training} without its class and scores the clusters of
   * {@code test}, or of the training rows if {@code test} is null, against the class (rows whose
   * class is missing are left out of the scores).
   */
  public Result evaluate(Instances training, Instances test) throws Exception {
    String who = "ClassesToClustersEvaluation";
    ClassLabelledClustering.requireNominalClass(training, who);
    Clusterer clusterer = RobustnessBenchmark.instantiate(m_Clusterer);
    if (m_ClustersFromClasses) {
      ClassLabelledClustering.requestClusters(clusterer, training.numClasses(), who + " (-clusters-from-classes)");
    }
    Instances features = ClassLabelledClustering.withoutClass(training);
    long started = System.nanoTime();
    clusterer.buildClusterer(features);
    double seconds = (System.nanoTime() - started) / 1e9;
    Instances scored = test == null ? training : test;
    int[] clusters = test == null ? ClassLabelledClustering.clustersOf(clusterer, features, true)
        : ClassLabelledClustering.clustersOf(clusterer, ClassLabelledClustering.withoutClass(test), false);
    ContingencyTable table = ClassLabelledClustering.tabulate(scored, clusters, clusterer.numberOfClusters());
    MatchedClustering scores = MatchedClustering.ofTable(table, m_Nmi);
    String description = (test == null ? "the training data" : "the test data") + " (" + scored.relationName()
        + ", " + table.total() + " instances with a class)";
    return new Result(clusterer, scores, training.classAttribute(), description, seconds);
  }

  /** The data with the -c class set. */
  private Instances withClass(Instances data, String file) {
    int index = m_ClassIndex.equalsIgnoreCase("first") ? 0
        : m_ClassIndex.equalsIgnoreCase("last") ? data.numAttributes() - 1 : Integer.parseInt(m_ClassIndex) - 1;
    if (index >= data.numAttributes()) {
      throw new IllegalArgumentException("-c " + m_ClassIndex + ": " + file + " has only " + data.numAttributes()
          + " attributes");
    }
    data.setClassIndex(index);
    return data;
  }

  @Override
  public void preExecution() {
  }

  @Override
  public void run(Object toRun, String[] options) throws Exception {
    if (Utils.getFlag('h', options) || Utils.getFlag("help", options)) {
      System.out.println(DeclaredOptions.help("ClassesToClustersEvaluation", globalInfo(), this));
      return;
    }
    ClassesToClustersEvaluation evaluation = (ClassesToClustersEvaluation) toRun;
    evaluation.setOptions(options);
    System.out.print(evaluation.evaluate());
  }

  @Override
  public void postExecution() {
  }

  public static void main(String[] args) {
    ClassesToClustersEvaluation evaluation = new ClassesToClustersEvaluation();
    try {
      evaluation.run(evaluation, args);
    } catch (Exception e) {
      System.err.println("ClassesToClustersEvaluation: " + e.getMessage());
      System.err.println("Run with -h for the options.");
      System.exit(1);
    }
  }
}
