package weka.experiment;

import adversarialnmf.weka.CommandLines;
import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;
import adversarialnmf.linalg.MissingValues;
import adversarialnmf.metrics.ClusteringScores;
import adversarialnmf.metrics.ConsensusMatrix;
import adversarialnmf.metrics.ContingencyTable;
import adversarialnmf.metrics.NmiNormalization;
import adversarialnmf.rank.HeldOutEntries;
import adversarialnmf.rank.RankCrossValidation;
import adversarialnmf.rank.RankCurve;
import adversarialnmf.rank.RankSelectionMethod;
import adversarialnmf.solver.Factorization;
import adversarialnmf.solver.Factors;
import adversarialnmf.solver.MaskedModel;
import adversarialnmf.solver.Residuals;
import adversarialnmf.weka.CommandLineOption;
import adversarialnmf.weka.DeclaredOptions;
import adversarialnmf.weka.EnumTags;
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
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.OptionHandler;
import weka.core.OptionMetadata;
import weka.core.Randomizable;
import weka.core.SelectedTag;
import weka.core.Tag;
import weka.core.Utils;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * Choosing the rank: fits a clusterer R times at each rank of a range and reports, per rank, the
 * cophenetic correlation of the consensus matrix (Brunet et al., PNAS 2004; R NMF's
 * {@code nmfEstimateRank}), the dispersion (Kim &amp; Park 2007), the relative reconstruction error
 * ‖Y − AX‖/‖Y‖ of the run with the lowest objective (NMF clusterers of this package), and, when the
 * data have a nominal class, the mean ACC and NMI of the runs. The suggested rank is the first at
 * which the cophenetic correlation drops. The consensus matrix is N x N by definition, so N is
 * bounded ({@link ConsensusMatrix#MAX_INSTANCES}). With {@code -method cv} it instead chooses the
 * rank by cross-validation of held-out entries ({@link RankCrossValidation}), each masked fit made
 * by the NMF clusterer with {@code -missing mask}.
 */
public class RankSelection implements CommandlineRunnable, OptionHandler {

  static final String DEFAULT_CLUSTERER = "weka.clusterers.NMF";

  public static final Tag[] TAGS_METHOD = EnumTags.of(RankSelectionMethod.class);

  private String m_Data = RobustnessBenchmark.DEFAULT_DATA;
  private RankSelectionMethod m_Method = RankSelectionMethod.COPHENETIC;
  private int m_FirstRank = 2;
  private int m_LastRank = 10;
  private int m_RankStep = 1;
  private int m_Repeats = 5;
  private double m_HeldOutShare = 0.1;
  private int m_Restarts = 10;
  private String m_Clusterer = DEFAULT_CLUSTERER;
  private int m_Seed = 1;
  private String m_OutputFolder = "rank-selection";

  public String globalInfo() {
    return "Fits a clusterer several times at each rank of a range and reports the cophenetic correlation"
        + " of the consensus matrix (Brunet et al. 2004), the dispersion, the reconstruction error and, with a"
        + " class, ACC and NMI per rank; suggests the rank at which the cophenetic correlation first drops."
        + " With -method cv it hides a random share of the entries, fits the masked model at each rank and"
        + " suggests the smallest rank whose held-out error is within one standard error of the lowest.";
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
    checkSettings();
  }

  /** The rules that involve several options. */
  private void checkSettings() {
    if (m_Method == RankSelectionMethod.COPHENETIC && m_Restarts < 2) {
      throw new IllegalArgumentException("-restarts must be at least 2 for -method cophenetic (a consensus needs"
          + " several runs), got " + m_Restarts);
    }
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

  @OptionMetadata(displayName = "method", displayOrder = 15,
      description = "How the rank is chosen: cophenetic (the consensus of -restarts runs per rank) or cv"
      + " (cross-validation of held-out entries).")
  @CommandLineOption(value = "method", synopsis = "-method <cophenetic|cv>")
  public SelectedTag getMethod() {
    return EnumTags.selected(m_Method, TAGS_METHOD);
  }

  public void setMethod(SelectedTag method) {
    m_Method = EnumTags.value(method, RankSelectionMethod.class, "method (-method)");
  }

  /** The range "first-last" (or a single rank), each at least 1, optionally ":step". */
  @OptionMetadata(displayName = "ranks", displayOrder = 20,
      description = "The ranks to try, first-last, or first-last:step for every step-th rank from first.")
  @CommandLineOption(value = "ranks", synopsis = "-ranks <first-last[:step]>")
  public String getRanks() {
    return m_FirstRank + "-" + m_LastRank + (m_RankStep == 1 ? "" : ":" + m_RankStep);
  }

  public void setRanks(String ranks) {
    String[] rangeAndStep = ranks.trim().split(":");
    String[] parts = rangeAndStep[0].split("-");
    if (rangeAndStep.length > 2 || parts.length < 1 || parts.length > 2) {
      throw new IllegalArgumentException("-ranks needs first-last or first-last:step, e.g. 2-10, got '" + ranks + "'");
    }
    int first = parseRank(parts[0], ranks);
    int last = parts.length == 2 ? parseRank(parts[1], ranks) : first;
    int step = rangeAndStep.length == 2 ? parseRank(rangeAndStep[1], ranks) : 1;
    if (first < 1 || last < first || step < 1) {
      throw new IllegalArgumentException("-ranks needs 1 <= first <= last and a step of at least 1, got '"
          + ranks + "'");
    }
    m_FirstRank = first;
    m_LastRank = last;
    m_RankStep = step;
  }

  /** The ranks tried, increasing. */
  private int[] rankGrid() {
    int[] grid = new int[(m_LastRank - m_FirstRank) / m_RankStep + 1];
    for (int r = 0; r < grid.length; r++) {
      grid[r] = m_FirstRank + r * m_RankStep;
    }
    return grid;
  }

  private static int parseRank(String value, String ranks) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("-ranks needs whole numbers first-last, e.g. 2-10, got '" + ranks + "'");
    }
  }

  @OptionMetadata(displayName = "restarts", displayOrder = 30,
      description = "cophenetic: fits per rank (seeds S..S+R-1), the runs of the consensus matrix, at least 2."
      + " cv: starts of each masked fit (the clusterer's -restarts), the lowest objective kept.")
  @CommandLineOption(value = "restarts", synopsis = "-restarts <R>")
  public int getRestarts() {
    return m_Restarts;
  }

  public void setRestarts(int restarts) {
    if (restarts < 1) {
      throw new IllegalArgumentException("-restarts must be at least 1, got " + restarts);
    }
    m_Restarts = restarts;
  }

  @OptionMetadata(displayName = "repeats", displayOrder = 32,
      description = "cv: random sets of held-out entries drawn, each fitted at every rank; at least 2.")
  @CommandLineOption(value = "repeats", synopsis = "-repeats <R>")
  public int getRepeats() {
    return m_Repeats;
  }

  public void setRepeats(int repeats) {
    RankCrossValidation.requireRepeats(repeats);
    m_Repeats = repeats;
  }

  @OptionMetadata(displayName = "held-out share", displayOrder = 34,
      description = "cv: the probability that an entry is held out, strictly between 0 and 1.")
  @CommandLineOption(value = "holdout", synopsis = "-holdout <share>")
  public double getHeldOutShare() {
    return m_HeldOutShare;
  }

  public void setHeldOutShare(double share) {
    HeldOutEntries.requireShare(share);
    m_HeldOutShare = share;
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

  /** What either method reports: a table (its toString), the same as CSV and a plot, and the suggested rank. */
  public interface Selection {
    int suggestedRank();

    String toCsv();

    BufferedImage plot();

    /** The name of the CSV and PNG files without extension. */
    String fileStem();
  }

  /** Every rank's measures and the suggestion of the cophenetic rule. */
  public static final class Result implements Selection {
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
    @Override
    public int suggestedRank() {
      return suggested;
    }

    @Override
    public String fileStem() {
      return safeFileName(relation) + "-ranks";
    }

    @Override
    public BufferedImage plot() {
      return RankSelection.plot(this);
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
    @Override
    public String toCsv() {
      StringBuilder csv = new StringBuilder("rank,cophenetic,dispersion,reconstruction_error,acc,nmi,seconds\n");
      for (Row row : rows) {
        csv.append(String.format(Locale.ROOT, "%d,%.6f,%.6f,%.6g,%.6f,%.6f,%.2f%n", row.rank, row.cophenetic,
            row.dispersion, row.reconstructionError, row.accuracy, row.nmi, row.seconds));
      }
      return csv.toString();
    }
  }

  /** The held-out error curve of -method cv and its suggestion (the one-standard-error rule). */
  public static final class CrossValidated implements Selection {
    private final String relation;
    private final RankCurve curve;

    CrossValidated(String relation, RankCurve curve) {
      this.relation = relation;
      this.curve = curve;
    }

    public RankCurve curve() {
      return curve;
    }

    /** The smallest rank within one standard error of the lowest held-out error. */
    @Override
    public int suggestedRank() {
      return curve.oneStandardErrorRank();
    }

    @Override
    public String toCsv() {
      return curve.toCsv();
    }

    @Override
    public String fileStem() {
      return safeFileName(relation) + "-ranks-cv";
    }

    /** The mean held-out error and its standard error against the rank. */
    @Override
    public BufferedImage plot() {
      double[] means = new double[curve.size()];
      double[] standardErrors = new double[curve.size()];
      for (int r = 0; r < curve.size(); r++) {
        means[r] = curve.meanError(r);
        standardErrors[r] = curve.standardError(r);
      }
      int step = curve.size() > 1 ? curve.rank(1) - curve.rank(0) : 1;
      // log scale: the error grows by orders of magnitude once a rank overfits
      return panels(relation + ": rank " + suggestedRank() + " (1-SE rule), lowest error " + curve.lowestErrorRank(),
          new String[] {"held-out mean squared error (mean of the repeats)", "its standard error"},
          new double[][] {means, standardErrors}, curve.rank(0), step, true);
    }

    @Override
    public String toString() {
      return "Rank selection by cross-validation of held-out entries on " + relation + "\n" + curve;
    }
  }

  private static String safeFileName(String relation) {
    return relation.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  /** Runs every rank and returns the table (also written to the output folder by {@link #run}). */
  public Selection select() throws Exception {
    Instances data = DataSource.read(m_Data);
    if (data.classIndex() < 0 && data.attribute(data.numAttributes() - 1).isNominal()) {
      data.setClassIndex(data.numAttributes() - 1);
    }
    return select(data);
  }

  /** As {@link #select()} on data already loaded (the class, if set, is left out of the fit), by -method. */
  public Selection select(Instances data) throws Exception {
    return m_Method == RankSelectionMethod.CV ? crossValidate(data) : cophenetic(data);
  }

  /** -method cophenetic on data already loaded. */
  public Result cophenetic(Instances data) throws Exception {
    checkSettings();
    boolean labelled = data.classIndex() >= 0 && data.classAttribute().isNominal();
    Instances features = data.classIndex() >= 0 ? ClassLabelledClustering.withoutClass(data) : data;
    if (features.numInstances() > ConsensusMatrix.MAX_INSTANCES) { // before any fit
      throw new IllegalArgumentException("RankSelection: '" + data.relationName() + "' has " + features.numInstances()
          + " instances; the consensus matrix is N x N and is limited to " + ConsensusMatrix.MAX_INSTANCES
          + " (run it on a subsample, e.g. weka.filters.unsupervised.instance.Resample)");
    }
    requireRanksWithin(features, data.relationName());
    List<Row> rows = new ArrayList<Row>();
    for (int rank : rankGrid()) {
      rows.add(measure(data, features, labelled, rank));
    }
    return new Result(data.relationName(), rows);
  }

  private void requireRanksWithin(Instances features, String relation) {
    int[] grid = rankGrid();
    int largest = grid[grid.length - 1];
    if (largest > features.numInstances()) {
      throw new IllegalArgumentException("RankSelection: rank " + largest + " exceeds the " + features.numInstances()
          + " instances of '" + relation + "'; lower -ranks");
    }
  }

  /**
   * -method cv on data already loaded: the numeric attributes but the class are Y; every masked fit
   * is the -W clusterer's, which must be an NMF clusterer of this package fitting with -missing mask.
   */
  public CrossValidated crossValidate(Instances data) throws Exception {
    Instances features = data.classIndex() >= 0 ? ClassLabelledClustering.withoutClass(data) : data;
    requireMaskedNmf(RobustnessBenchmark.instantiate(m_Clusterer));
    requireRanksWithin(features, data.relationName());
    int[] attributes = WekaData.numericFeatureIndices(features);
    DataMatrix y = WekaData.toMatrix(features, attributes);
    RankCrossValidation validation = new RankCrossValidation(rankGrid(), m_Repeats, m_HeldOutShare, m_Seed);
    RankCurve curve = validation.run(y, (heldOut, rank, seed) ->
        fitWithHeldOutMissing(features, attributes, heldOut, rank, seed));
    return new CrossValidated(data.relationName(), curve);
  }

  private static AbstractNMFClusterer requireMaskedNmf(Clusterer clusterer) {
    if (!(clusterer instanceof AbstractNMFClusterer)) {
      throw new IllegalArgumentException("RankSelection: -method cv needs an NMF clusterer of this package (its"
          + " factors predict the held-out entries), got -W " + clusterer.getClass().getName());
    }
    AbstractNMFClusterer nmf = (AbstractNMFClusterer) clusterer;
    MissingValues missing = EnumTags.value(nmf.getMissingValues(), MissingValues.class, "-missing");
    if (missing != MissingValues.MASK) {
      throw new IllegalArgumentException("RankSelection: -method cv fits only the entries it does not hold out;"
          + " the clusterer's -missing must be mask, got " + missing.key());
    }
    return nmf;
  }

  /** The clusterer's fit of the features with the held-out entries missing; A X in the units of the data. */
  private Factors fitWithHeldOutMissing(Instances features, int[] attributes, HeldOutEntries heldOut, int rank,
      int seed) throws Exception {
    Instances hidden = new Instances(features);
    for (int j = 0; j < hidden.numInstances(); j++) {
      Instance instance = hidden.instance(j);
      for (int row : heldOut.positions().rowsOfColumn(j)) {
        instance.setMissing(attributes[row]);
      }
    }
    AbstractNMFClusterer nmf = requireMaskedNmf(RobustnessBenchmark.instantiate(m_Clusterer));
    nmf.setNumClusters(rank);
    nmf.setSeed(seed);
    nmf.setRestarts(m_Restarts);
    nmf.buildClusterer(hidden);
    Factorization fit = nmf.getFactorization();
    DenseMatrix basis = fit.basis().copy();
    MatrixOps.scale(basis, 1.0 / nmf.getModel().dataScale());
    return new Factors(basis, fit.coefficients());
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

  /**
   * Writes {@code <relation>-ranks.csv} and {@code .png} into the output folder
   * ({@code <relation>-ranks-cv.*} for -method cv).
   */
  public List<File> write(Selection result) throws IOException {
    Files.createDirectories(new File(m_OutputFolder).toPath());
    File csv = new File(m_OutputFolder, result.fileStem() + ".csv");
    try (PrintWriter out = new PrintWriter(csv, StandardCharsets.UTF_8.name())) {
      out.print(result.toCsv());
    }
    File png = new File(m_OutputFolder, result.fileStem() + ".png");
    ImageIO.write(result.plot(), "png", png);
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
    int step = rows.size() > 1 ? rows.get(1).rank - rows.get(0).rank : 1;
    return panels(result.relation + ": suggested rank " + result.suggestedRank(), titles.toArray(new String[0]),
        series.toArray(new double[0][]), rows.get(0).rank, step, false);
  }

  /** One panel per series against the ranks firstRank, firstRank + step, ..., under a heading. */
  private static BufferedImage panels(String heading, String[] titles, double[][] series, int firstRank, int step,
      boolean logScale) {
    int panelWidth = 520;
    int panelHeight = 180;
    BufferedImage image = new BufferedImage(panelWidth, panelHeight * titles.length + 24, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    g.setColor(Color.BLACK);
    g.drawString(heading, 10, 16);
    for (int p = 0; p < titles.length; p++) {
      FactorizationFigures.plot(g, titles[p], series[p], firstRank, step, "rank", logScale, 0, 24 + p * panelHeight,
          panelWidth, panelHeight);
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
      System.out.println(DeclaredOptions.help("RankSelection", globalInfo(), this));
      return;
    }
    RankSelection selection = (RankSelection) toRun;
    selection.setOptions(options);
    Selection result = selection.select();
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
    CommandLines.exitOnError("RankSelection", () -> selection.run(selection, args));
  }
}
