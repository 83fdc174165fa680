package weka.experiment;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.metrics.ClusteringScores;
import adversarialnmf.metrics.ConsensusMatrix;
import adversarialnmf.metrics.ContingencyTable;
import adversarialnmf.metrics.NmiNormalization;
import adversarialnmf.solver.Factorization;
import adversarialnmf.solver.MaskedModel;
import adversarialnmf.solver.Residuals;
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
import java.util.Vector;
import javax.imageio.ImageIO;
import weka.clusterers.AbstractNMFClusterer;
import weka.clusterers.Clusterer;
import weka.core.CommandlineRunnable;
import weka.core.Instances;
import weka.core.Option;
import weka.core.OptionHandler;
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

  private File m_Data = new File(RobustnessBenchmark.DEFAULT_DATA);
  private int m_FirstRank = 2;
  private int m_LastRank = 10;
  private int m_Restarts = 10;
  private String m_Clusterer = DEFAULT_CLUSTERER;
  private int m_Seed = 1;
  private File m_OutputFolder = new File("rank-selection");

  public String globalInfo() {
    return "Fits a clusterer several times at each rank of a range and reports the cophenetic correlation"
        + " of the consensus matrix (Brunet et al. 2004), the dispersion, the reconstruction error and, with a"
        + " class, ACC and NMI per rank; suggests the rank at which the cophenetic correlation first drops.";
  }

  @Override
  public Enumeration<Option> listOptions() {
    Vector<Option> options = new Vector<Option>();
    options.add(new Option("\tThe data (ARFF, .arff.gz too); a nominal last attribute is taken as the class\n"
        + "\t(left out of the fit, used for ACC and NMI) unless the file sets one.\n\t(default "
        + RobustnessBenchmark.DEFAULT_DATA + ")", "data", 1, "-data <file>"));
    options.add(new Option("\tThe ranks to try, first-last.\n\t(default 2-10)", "ranks", 1, "-ranks <first-last>"));
    options.add(new Option("\tFits per rank (seeds S..S+R-1), the runs of the consensus matrix.\n\t(default 10)",
        "restarts", 1, "-restarts <R>"));
    options.add(new Option("\tThe clusterer: a class name with its options after --, or one quoted command\n"
        + "\tline as in RobustnessBenchmark; its number of clusters and seed are set per run.\n\t(default "
        + DEFAULT_CLUSTERER + ")", "W", 1, "-W <clusterer>"));
    options.add(new Option("\tFirst seed.\n\t(default 1)", "S", 1, "-S <seed>"));
    options.add(new Option("\tOutput folder for the CSV table and the PNG plot.\n\t(default rank-selection)", "out",
        1, "-out <folder>"));
    return options.elements();
  }

  @Override
  public void setOptions(String[] options) throws Exception {
    String value = Utils.getOption("data", options);
    setData(new File(value.isEmpty() ? RobustnessBenchmark.DEFAULT_DATA : value));
    value = Utils.getOption("ranks", options);
    setRanks(value.isEmpty() ? "2-10" : value);
    value = Utils.getOption("restarts", options);
    setRestarts(value.isEmpty() ? 10 : parseInt("restarts", value));
    value = Utils.getOption("S", options);
    setSeed(value.isEmpty() ? 1 : parseInt("S", value));
    value = Utils.getOption("out", options);
    setOutputFolder(new File(value.isEmpty() ? "rank-selection" : value));
    value = Utils.getOption('W', options);
    String[] clustererOptions = Utils.partitionOptions(options);
    String line = value.isEmpty() ? DEFAULT_CLUSTERER : value;
    if (clustererOptions.length > 0) {
      line = line + " " + Utils.joinOptions(clustererOptions);
    }
    setClusterer(line);
    Utils.checkForRemainingOptions(options);
  }

  private static int parseInt(String option, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-" + option + " needs an integer, got '" + value + "'");
    }
  }

  @Override
  public String[] getOptions() {
    return new String[] {"-data", m_Data.getPath(), "-ranks", getRanks(), "-restarts", "" + m_Restarts, "-W",
        m_Clusterer, "-S", "" + m_Seed, "-out", m_OutputFolder.getPath()};
  }

  public void setData(File data) {
    m_Data = data;
  }

  public File getData() {
    return m_Data;
  }

  /** The range "first-last" (or a single rank), each at least 1. */
  public void setRanks(String ranks) {
    String[] parts = ranks.trim().split("-");
    if (parts.length < 1 || parts.length > 2) {
      throw new IllegalArgumentException("-ranks needs first-last, e.g. 2-10, got '" + ranks + "'");
    }
    int first = parseInt("ranks", parts[0]);
    int last = parts.length == 2 ? parseInt("ranks", parts[1]) : first;
    if (first < 1 || last < first) {
      throw new IllegalArgumentException("-ranks needs 1 <= first <= last, got '" + ranks + "'");
    }
    m_FirstRank = first;
    m_LastRank = last;
  }

  public String getRanks() {
    return m_FirstRank + "-" + m_LastRank;
  }

  public void setRestarts(int restarts) {
    if (restarts < 2) {
      throw new IllegalArgumentException("-restarts must be at least 2 (a consensus needs several runs), got "
          + restarts);
    }
    m_Restarts = restarts;
  }

  public int getRestarts() {
    return m_Restarts;
  }

  /** The clusterer's command line: class name and options. */
  public void setClusterer(String commandLine) {
    m_Clusterer = commandLine.trim();
  }

  public String getClusterer() {
    return m_Clusterer;
  }

  public void setSeed(int seed) {
    m_Seed = seed;
  }

  public int getSeed() {
    return m_Seed;
  }

  public void setOutputFolder(File folder) {
    m_OutputFolder = folder;
  }

  public File getOutputFolder() {
    return m_OutputFolder;
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
    Instances data = DataSource.read(m_Data.getPath());
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
    DataMatrix y = WekaData.toMatrix(features, WekaData.featureIndices(features)).scaled(nmf.getModel().dataScale());
    double residual = Residuals.squaredResidual(y, fit.basis(), fit.coefficients());
    MaskedModel masked = MaskedModel.of(y);
    if (masked != null) {
      residual -= masked.evaluate(fit.basis(), fit.coefficients().transpose());
    }
    return Math.sqrt(Math.max(0.0, residual) / y.squaredNorm());
  }

  /** Writes {@code <relation>-ranks.csv} and {@code <relation>-ranks.png} into the output folder. */
  public List<File> write(Result result) throws IOException {
    Files.createDirectories(m_OutputFolder.toPath());
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
