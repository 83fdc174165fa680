package weka.experiment;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.metrics.ClusteringScores;
import adversarialnmf.metrics.ConsensusMatrix;
import adversarialnmf.metrics.ContingencyTable;
import adversarialnmf.metrics.NmiNormalization;
import adversarialnmf.solver.Factorization;
import adversarialnmf.solver.MaskedModel;
import adversarialnmf.solver.Residuals;
import adversarialnmf.weka.CommandLineOption;
import adversarialnmf.weka.DeclaredOptions;
import adversarialnmf.weka.WekaData;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import weka.clusterers.AbstractNMFClusterer;
import weka.clusterers.Clusterer;
import weka.core.CommandlineRunnable;
import weka.core.Instances;
import weka.core.Option;
import weka.core.OptionHandler;
import weka.core.OptionMetadata;
import weka.core.Randomizable;
import weka.core.Utils;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * Choosing the rank: fits a clusterer R times at each rank of a range and reports, per rank, the
 * cophenetic correlation of the consensus matrix (Brunet et al., PNAS 2004; R NMF's
 * {@code nmfEstimateRank}), the dispersion (Kim &amp; Park 2007), the relative reconstruction error
 * ‖Y − AX‖/‖Y‖ of the run with the lowest objective (NMF clusterers of this package), and, when the
 * data have a nominal class, the mean ACC and NMI of the runs. The suggested rank is the first at
 * which the cophenetic correlation drops. The consensus matrix is N x N by definition, so N is
 * bounded ({@link ConsensusMatrix#MAX_INSTANCES}).
 */
public class RankSelection implements CommandlineRunnable, OptionHandler {

  static final String DEFAULT_CLUSTERER = "weka.clusterers.NMF";

  private String m_Data = RobustnessBenchmark.DEFAULT_DATA;
  private int m_FirstRank = 2;
  private int m_LastRank = 10;
  private int m_Restarts = 10;
  private String m_Clusterer = DEFAULT_CLUSTERER;
  private int m_Seed = 1;
  private String m_OutputFolder = "rank-selection";

  public String globalInfo() {
    return "Fits a clusterer several times at each rank of a range and reports the cophenetic correlation"
        + " of the consensus matrix (Brunet et al. 2004), the dispersion, the reconstruction error and, with a"
        + " class, ACC and NMI per rank; suggests the rank at which the cophenetic correlation first drops.";
  }

  @Override
  public Enumeration<Option> listOptions() {
    return DeclaredOptions.listOptions(this).elements();
  }

  /** The declared options, then the clusterer's own options after {@code --}, appended to -W. */
  @Override
  public void setOptions(String[] options) throws Exception {
    DeclaredOptions.setOptions(this, options);
    String[] clustererOptions = Utils.partitionOptions(options);
    if (clustererOptions.length > 0) {
      setClusterer(m_Clusterer + " " + Utils.joinOptions(clustererOptions));
    }
    Utils.checkForRemainingOptions(options);
  }

  @Override
  public String[] getOptions() {
    return DeclaredOptions.getOptions(this);
  }

  @OptionMetadata(displayName = "data", displayOrder = 10,
      description = "The data (ARFF, .arff.gz too); a nominal last attribute is taken as the class (left out"
      + " of the fit, used for ACC and NMI) unless the file sets one.")
  @CommandLineOption(value = "data", synopsis = "-data <file>")
  public String getData() {
    return m_Data;
  }

  public void setData(String path) {
    m_Data = path;
  }

  /** The range "first-last" (or a single rank), each at least 1. */
  @OptionMetadata(displayName = "ranks", displayOrder = 20, description = "The ranks to try, first-last.")
  @CommandLineOption(value = "ranks", synopsis = "-ranks <first-last>")
  public String getRanks() {
    return m_FirstRank + "-" + m_LastRank;
  }

  public void setRanks(String ranks) {
    String[] parts = ranks.trim().split("-");
    if (parts.length < 1 || parts.length > 2) {
      throw new IllegalArgumentException("-ranks needs first-last, e.g. 2-10, got '" + ranks + "'");
    }
    int first = parseRank(parts[0], ranks);
    int last = parts.length == 2 ? parseRank(parts[1], ranks) : first;
    if (first < 1 || last < first) {
      throw new IllegalArgumentException("-ranks needs 1 <= first <= last, got '" + ranks + "'");
    }
    m_FirstRank = first;
    m_LastRank = last;
  }

  private static int parseRank(String value, String ranks) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-ranks needs whole numbers first-last, e.g. 2-10, got '" + ranks + "'");
    }
  }

  @OptionMetadata(displayName = "restarts", displayOrder = 30,
      description = "Fits per rank (seeds S..S+R-1), the runs of the consensus matrix.")
  @CommandLineOption(value = "restarts", synopsis = "-restarts <R>")
  public int getRestarts() {
    return m_Restarts;
  }

  public void setRestarts(int restarts) {
    if (restarts < 2) {
      throw new IllegalArgumentException("-restarts must be at least 2 (a consensus needs several runs), got "
          + restarts);
    }
    m_Restarts = restarts;
  }

  /** The clusterer's command line: class name and options. */
  @OptionMetadata(displayName = "clusterer", displayOrder = 40,
      description = "The clusterer: a class name with its options after --, or one quoted command line as in"
      + " RobustnessBenchmark; its number of clusters and seed are set per run.")
  @CommandLineOption(value = "W", synopsis = "-W <clusterer>")
  public String getClusterer() {
    return m_Clusterer;
  }

  public void setClusterer(String commandLine) {
    m_Clusterer = commandLine.trim();
  }

  @OptionMetadata(displayName = "seed", displayOrder = 50, description = "First seed.")
  @CommandLineOption(value = "S", synopsis = "-S <seed>")
  public int getSeed() {
    return m_Seed;
  }

  public void setSeed(int seed) {
    m_Seed = seed;
  }

  @OptionMetadata(displayName = "output folder", displayOrder = 60,
      description = "Output folder for the CSV table and the PNG plot.")
  @CommandLineOption(value = "out", synopsis = "-out <folder>")
  public String getOutputFolder() {
    return m_OutputFolder;
  }

  public void setOutputFolder(String folder) {
    m_OutputFolder = folder;
  }

  /** The measures of one rank. */
  public static final class Row {
    public final int rank;
    public final double cophenetic;
    public final double dispersion;
    /** ‖Y − AX‖_F / ‖Y‖_F (observed entries) of the run with the lowest final objective; NaN if not NMF. */
    public final double reconstructionError;
    /** Mean over the runs; NaN without a class. */
    public final double accuracy;
    public final double nmi;
    public final double seconds;

    Row(int rank, double cophenetic, double dispersion, double reconstructionError, double accuracy, double nmi,
        double seconds) {
      this.rank = rank;
      this.cophenetic = cophenetic;
      this.dispersion = dispersion;
      this.reconstructionError = reconstructionError;
      this.accuracy = accuracy;
      this.nmi = nmi;
      this.seconds = seconds;
    }
  }

  /** Every rank's measures and the suggestion. */
  public static final class Result {
    private final String relation;
    private final List<Row> rows;
    private final int suggested;
    private final boolean dropped;

    Result(String relation, List<Row> rows) {
      this.relation = relation;
      this.rows = Collections.unmodifiableList(new ArrayList<Row>(rows));
      int choice = rows.get(rows.size() - 1).rank;
      boolean found = false;
      for (int r = 0; r + 1 < rows.size() && !found; r++) {
        if (rows.get(r + 1).cophenetic < rows.get(r).cophenetic) {
          choice = rows.get(r).rank;
          found = true;
        }
      }
      this.suggested = choice;
      this.dropped = found;
    }

    public List<Row> rows() {
      return rows;
    }

    /** The first rank whose successor has a lower cophenetic correlation (the last rank if none). */
    public int suggestedRank() {
      return suggested;
    }

    @Override
    public String toString() {
      StringBuilder text = new StringBuilder();
      text.append("Rank selection on ").append(relation).append('\n');
      text.append(String.format(Locale.ROOT, "%5s %11s %11s %15s %7s %7s%n", "rank", "cophenetic",
          "dispersion", "reconstruction", "ACC", "NMI"));
      double seconds = 0.0;
      for (Row row : rows) {
        text.append(String.format(Locale.ROOT, "%5d %11.4f %11.4f %15s %7s %7s%n", row.rank, row.cophenetic,
            row.dispersion, format(row.reconstructionError, 4), format(row.accuracy, 3), format(row.nmi, 3)));
        seconds += row.seconds;
      }
      text.append(String.format(Locale.ROOT, "(%.1f seconds in all; per rank in the CSV)%n", seconds));
      text.append("Suggested rank: ").append(suggested).append(dropped
          ? " (the cophenetic correlation first drops after it)"
          : " (the cophenetic correlation never drops within the range; try larger ranks)").append('\n');
      return text.toString();
    }

    private static String format(double value, int decimals) {
      return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** The table as CSV (one line per rank). */
    public String toCsv() {
      StringBuilder csv = new StringBuilder("rank,cophenetic,dispersion,reconstruction_error,acc,nmi,seconds\n");
      for (Row row : rows) {
        csv.append(String.format(Locale.ROOT, "%d,%.6f,%.6f,%.6g,%.6f,%.6f,%.2f%n", row.rank, row.cophenetic,
            row.dispersion, row.reconstructionError, row.accuracy, row.nmi, row.seconds));
      }
      return csv.toString();
    }
  }

  /** Runs every rank and returns the table (also written to the output folder by {@link #run}). */
  public Result select() throws Exception {
    Instances data = DataSource.read(m_Data);
    if (data.classIndex() < 0 && data.attribute(data.numAttributes() - 1).isNominal()) {
      data.setClassIndex(data.numAttributes() - 1);
    }
    return select(data);
  }

  /** As {@link #select()} on data already loaded (the class, if set, is left out of the fit). */
  public Result select(Instances data) throws Exception {
    boolean labelled = data.classIndex() >= 0 && data.classAttribute().isNominal();
    Instances features = data.classIndex() >= 0 ? ClassLabelledClustering.withoutClass(data) : data;
    if (features.numInstances() > ConsensusMatrix.MAX_INSTANCES) { // before any fit
      throw new IllegalArgumentException("RankSelection: '" + data.relationName() + "' has " + features.numInstances()
          + " instances; the consensus matrix is N x N and is limited to " + ConsensusMatrix.MAX_INSTANCES
          + " (run it on a subsample, e.g. weka.filters.unsupervised.instance.Resample)");
    }
    if (m_LastRank > features.numInstances()) {
      throw new IllegalArgumentException("RankSelection: rank " + m_LastRank + " exceeds the " + features.numInstances()
          + " instances of '" + data.relationName() + "'; lower -ranks");
    }
    List<Row> rows = new ArrayList<Row>();
    for (int rank = m_FirstRank; rank <= m_LastRank; rank++) {
      rows.add(measure(data, features, labelled, rank));
    }
    return new Result(data.relationName(), rows);
  }

  private Row measure(Instances data, Instances features, boolean labelled, int rank) throws Exception {
    long started = System.nanoTime();
    ConsensusMatrix consensus = new ConsensusMatrix(features.numInstances());
    double accuracy = 0.0;
    double nmi = 0.0;
    double bestObjective = Double.POSITIVE_INFINITY;
    double reconstruction = Double.NaN;
    for (int r = 0; r < m_Restarts; r++) {
      Clusterer clusterer = RobustnessBenchmark.instantiate(m_Clusterer);
      ClassLabelledClustering.requestClusters(clusterer, rank, "RankSelection");
      if (clusterer instanceof Randomizable) {
        ((Randomizable) clusterer).setSeed(m_Seed + r);
      } else if (r == 0 && m_Restarts > 1) {
        throw new IllegalArgumentException("RankSelection: " + clusterer.getClass().getName()
            + " takes no seed, so its runs would not differ; use a randomizable clusterer");
      }
      clusterer.buildClusterer(features);
      int[] clusters = ClassLabelledClustering.clustersOf(clusterer, features, true);
      consensus.add(clusters);
      if (labelled) {
        ContingencyTable table = ClassLabelledClustering.tabulate(data, clusters, rank);
        accuracy += ClusteringScores.accuracy(table) / m_Restarts;
        nmi += ClusteringScores.normalizedMutualInformation(table, NmiNormalization.MAX) / m_Restarts;
      }
      if (clusterer instanceof AbstractNMFClusterer) {
        AbstractNMFClusterer nmf = (AbstractNMFClusterer) clusterer;
        Factorization fit = nmf.getFactorization();
        if (fit.finalObjective() < bestObjective) {
          bestObjective = fit.finalObjective();
          reconstruction = relativeError(features, nmf);
        }
      }
    }
    return new Row(rank, consensus.copheneticCorrelation(), consensus.dispersion(), reconstruction,
        labelled ? accuracy : Double.NaN, labelled ? nmi : Double.NaN, (System.nanoTime() - started) / 1e9);
  }

  /** ‖Y − AX‖_F / ‖Y‖_F on the observed entries, Y in the fit's units. */
  private static double relativeError(Instances features, AbstractNMFClusterer nmf) {
    Factorization fit = nmf.getFactorization();
    DataMatrix y = nmf.getModel().asFitted(WekaData.toMatrix(features, WekaData.featureIndices(features)));
    double residual = Residuals.squaredResidual(y, fit.basis(), fit.coefficients());
    MaskedModel masked = MaskedModel.of(y);
    if (masked != null) {
      residual -= masked.evaluate(fit.basis(), fit.coefficients().transpose());
    }
    return Math.sqrt(Math.max(0.0, residual) / y.squaredNorm());
  }

  /** Writes {@code <relation>-ranks.csv} and {@code <relation>-ranks.png} into the output folder. */
  public List<File> write(Result result) throws IOException {
    Files.createDirectories(new File(m_OutputFolder).toPath());
    String base = result.relation.replaceAll("[^A-Za-z0-9._-]", "_") + "-ranks";
    File csv = new File(m_OutputFolder, base + ".csv");
    try (PrintWriter out = new PrintWriter(csv, StandardCharsets.UTF_8.name())) {
      out.print(result.toCsv());
    }
    File png = new File(m_OutputFolder, base + ".png");
    ImageIO.write(plot(result), "png", png);
    List<File> files = new ArrayList<File>();
    files.add(csv);
    files.add(png);
    return files;
  }

  /** One panel per measure against the rank. */
  static BufferedImage plot(Result result) {
    List<String> titles = new ArrayList<String>();
    List<double[]> series = new ArrayList<double[]>();
    List<Row> rows = result.rows();
    double[][] columns = new double[5][rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      columns[0][i] = row.cophenetic;
      columns[1][i] = row.dispersion;
      columns[2][i] = row.reconstructionError;
      columns[3][i] = row.accuracy;
      columns[4][i] = row.nmi;
    }
    String[] names = {"cophenetic correlation", "dispersion", "reconstruction error ||Y - AX|| / ||Y||", "ACC (mean)",
        "NMI (mean)"};
    for (int c = 0; c < columns.length; c++) {
      if (!Double.isNaN(columns[c][0])) {
        titles.add(names[c]);
        series.add(columns[c]);
      }
    }
    int panelWidth = 520;
    int panelHeight = 180;
    BufferedImage image = new BufferedImage(panelWidth, panelHeight * titles.size() + 24, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    g.setColor(Color.BLACK);
    g.drawString(result.relation + ": suggested rank " + result.suggestedRank(), 10, 16);
    for (int p = 0; p < titles.size(); p++) {
      FactorizationFigures.plot(g, titles.get(p), series.get(p), rows.get(0).rank, "rank", false, 0,
          24 + p * panelHeight, panelWidth, panelHeight);
    }
    g.dispose();
    return image;
  }

  @Override
  public void preExecution() {
  }

  @Override
  public void run(Object toRun, String[] options) throws Exception {
    if (Utils.getFlag('h', options) || Utils.getFlag("help", options)) {
      StringBuilder text = new StringBuilder("RankSelection: ").append(globalInfo()).append("\n\nOptions:\n\n");
      for (Option option : Collections.list(listOptions())) {
        text.append(option.synopsis()).append('\n').append(option.description()).append("\n\n");
      }
      System.out.println(text);
      return;
    }
    RankSelection selection = (RankSelection) toRun;
    selection.setOptions(options);
    Result result = selection.select();
    List<File> files = selection.write(result);
    for (File file : files) {
      System.out.println("Wrote " + file.getPath());
    }
    System.out.print(result);
  }

  @Override
  public void postExecution() {
  }

  public static void main(String[] args) {
    RankSelection selection = new RankSelection();
    try {
      selection.run(selection, args);
    } catch (Exception e) {
      System.err.println("RankSelection: " + e.getMessage());
      System.err.println("Run with -h for the options.");
      System.exit(1);
    }
  }
}
