package weka.experiment;

import adversarialnmf.weka.CommandLines;
import adversarialnmf.metrics.ClusteringScores;
import adversarialnmf.metrics.ContingencyTable;
import adversarialnmf.metrics.NmiNormalization;
import adversarialnmf.solver.FitInterruptedException;
import adversarialnmf.weka.CommandLineOption;
import adversarialnmf.weka.DeclaredOptions;
import adversarialnmf.weka.EnumTags;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import weka.clusterers.AbstractClusterer;
import weka.clusterers.AbstractNMFClusterer;
import weka.clusterers.Clusterer;
import weka.core.AdditionalMeasureProducer;
import weka.core.CommandlineRunnable;
import weka.core.Instances;
import weka.core.Option;
import weka.core.OptionHandler;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;
import weka.core.Utils;
import weka.core.converters.ArffLoader;

/**
 * The ANMF paper's comparison in one command, for any Weka clusterers: data sets × corruption
 * recipes × clusterers × seeds. Each run corrupts the data with the recipe's first stage (the
 * corruption seeded by the run's seed), hides the class, builds the clusterer with that same seed
 * and as many clusters as classes, and scores all rows against the class (the transductive
 * setting of the paper): a clusterer's own fitted assignments when it offers them through {@code
 * int[] getTrainingAssignments()} (this package's NMF clusterers do; their assignment rule is
 * their own option), otherwise {@code clusterInstance} per row. Every clusterer of a run sees the
 * same corrupted data and the same seed, so seeds pair the runs for the significance test. A
 * clusterer command line may name later stages of the recipe: by default ANMF's attacker target
 * is {@code -target "{stage2-3|shift}"}, the recipe's stages 2-3 applied to the corrupted data (the
 * paper's Z), or the paper's random shift for the clean data.
 *
 * <p>Prints a progress line per run with an ETA, appends every run to {@code results.csv} as soon
 * as it ends (a rerun with the same output folder skips runs already there, so an interrupted
 * benchmark resumes), survives failing runs (reported in the tables), and writes the tables as
 * Markdown ({@code tables.md}, also printed), LaTeX ({@code tables.tex}) and CSV ({@code
 * summary.csv}); with {@code -figures}, the {@link FactorizationFigures} of the first seed's NMF
 * fits as well.
 */
public class RobustnessBenchmark implements CommandlineRunnable, OptionHandler {

  /** The clusterers compared by default: the paper's methods and k-means. */
  public static final List<String> DEFAULT_CLUSTERERS = Collections.unmodifiableList(Arrays.asList(
      "weka.clusterers.SimpleKMeans -init 1", "weka.clusterers.NMF", "weka.clusterers.OrthogonalNMF",
      "weka.clusterers.L21NMF", "weka.clusterers.CappedNMF", "weka.clusterers.ANMF -target \"{stage2-3|shift}\""));

  public static final String DEFAULT_DATA = "test-data/MNIST_test_bal150.arff.gz";
  public static final String RESULTS_FILE = "results.csv";

  /** How long a Ctrl-C waits for the run in progress to stop before the JVM exits anyway. */
  private static final long SIGNAL_GRACE_SECONDS = 10;

  private List<File> m_DataFiles = new ArrayList<File>(Collections.singletonList(new File(DEFAULT_DATA)));
  private List<CorruptionRecipe> m_Recipes = new ArrayList<CorruptionRecipe>(CorruptionRecipe.DEFAULTS);
  /** Clusterer label -> command line, in table order. */
  private Map<String, String> m_Clusterers = labelled(DEFAULT_CLUSTERERS);
  private int m_Seeds = 10;
  private int m_FirstSeed = 1;
  private NmiNormalization m_Nmi = NmiNormalization.MAX;
  private double m_Alpha = 0.05;
  private File m_OutputFolder = new File("benchmark-results");
  private boolean m_Fresh;
  private boolean m_Figures;
  private PrintStream m_Progress = System.err;
  /** Told of every finished run before its results line is written (studies record more per run). */
  private RunListener m_RunListener;

  /** What a study records about a finished run beyond the results line (e.g. the fitted model's diagnostics). */
  interface RunListener {
    /**
     * Called once per successful run, before its line goes to the results file (so a record of
     * the listener never lacks its result; a rerun after a crash may call it again for that run).
     *
     * @param clusters the cluster of every row, as scored
     */
    void finished(BenchmarkResult.Coordinates at, Clusterer built, int[] clusters) throws IOException;
  }

  public String globalInfo() {
    return "Runs the ANMF paper's robustness comparison for any Weka clusterers: data sets x "
        + "corruption recipes x clusterers x seeds; prints ACC and NMI tables (mean +- std, best in "
        + "bold, a dagger where the best is not significantly better than the runner-up) and writes "
        + "them as Markdown, LaTeX and CSV. Results are written run by run and resumed.";
  }

  // ------------------------------------------------------------------ options

  @Override
  public Enumeration<Option> listOptions() {
    return DeclaredOptions.listOptions(this).elements();
  }

  @Override
  public void setOptions(String[] options) throws Exception {
    DeclaredOptions.setOptions(this, options);
    Utils.checkForRemainingOptions(options);
  }

  @Override
  public String[] getOptions() {
    return DeclaredOptions.getOptions(this);
  }

  @OptionMetadata(displayName = "data", displayOrder = 10,
      description = "An ARFF file, plain or gzipped, or a folder of them; repeat for several. The class"
      + " is the last attribute unless the file sets it.")
  @CommandLineOption(value = "data", synopsis = "-data <file or folder>")
  public String[] getDataFiles() {
    return m_DataFiles.stream().map(File::getPath).toArray(String[]::new);
  }

  public void setDataFiles(String[] paths) {
    List<File> files = new ArrayList<File>();
    for (String path : paths) {
      files.add(new File(path));
    }
    m_DataFiles = files;
  }

  @OptionMetadata(displayName = "recipes", displayOrder = 20,
      description = "A corruption recipe: a name (clean, saltpepper, pixel, regular or irregular), or"
      + " name=<filter command line>. Repeat for several.")
  @CommandLineOption(value = "recipe", synopsis = "-recipe <name|name=filter>")
  public String[] getRecipes() {
    List<String> specs = new ArrayList<String>();
    for (CorruptionRecipe recipe : m_Recipes) {
      boolean isDefault = CorruptionRecipe.DEFAULTS.contains(recipe);
      specs.add(isDefault ? recipe.name() : recipe.name() + "=" + recipe.dataStage());
    }
    return specs.toArray(new String[0]);
  }

  public void setRecipes(String[] specs) {
    List<CorruptionRecipe> recipes = new ArrayList<CorruptionRecipe>();
    for (String spec : specs) {
      recipes.add(CorruptionRecipe.parse(spec));
    }
    m_Recipes = recipes;
  }

  @OptionMetadata(displayName = "clusterers", displayOrder = 30,
      description = "A clusterer command line, optionally labelled: [label=]class [options]. Its seed"
      + " and number of clusters are set per run. {stageK|fallback} is replaced by the recipe's stage"
      + " K filter (seeded seed+K-1), or the fallback if it has none. Repeat for several.")
  @CommandLineOption(value = "W", synopsis = "-W <[label=]clusterer command line>")
  public String[] getClusterers() {
    List<String> lines = new ArrayList<String>();
    for (Map.Entry<String, String> clusterer : m_Clusterers.entrySet()) {
      lines.add(clusterer.getKey() + "=" + clusterer.getValue());
    }
    return lines.toArray(new String[0]);
  }

  public void setClusterers(String[] commandLines) {
    m_Clusterers = labelled(Arrays.asList(commandLines));
  }

  @OptionMetadata(displayName = "seeds", displayOrder = 40,
      description = "Number of seeds (runs) per cell.")
  @CommandLineOption("seeds")
  public int getSeeds() {
    return m_Seeds;
  }

  public void setSeeds(int seeds) {
    if (seeds < 1) {
      throw new IllegalArgumentException("-seeds must be at least 1, got " + seeds);
    }
    m_Seeds = seeds;
  }

  @OptionMetadata(displayName = "first seed", displayOrder = 41,
      description = "First seed; the seeds are first, first+1, and so on.")
  @CommandLineOption("first-seed")
  public int getFirstSeed() {
    return m_FirstSeed;
  }

  public void setFirstSeed(int firstSeed) {
    m_FirstSeed = firstSeed;
  }

  @OptionMetadata(displayName = "NMI normalisation", displayOrder = 50,
      description = "Normalisation of the NMI: max, sqrt, arithmetic or min.")
  @CommandLineOption("nmi")
  public SelectedTag getNmi() {
    return EnumTags.selected(m_Nmi, ClustererSplitEvaluator.TAGS_NMI);
  }

  public void setNmi(SelectedTag nmi) {
    m_Nmi = EnumTags.value(nmi, NmiNormalization.class, "NMI normalisation (-nmi)");
  }

  @OptionMetadata(displayName = "significance level", displayOrder = 51,
      description = "Significance level of the paired t-test of the best method against the runner-up.")
  @CommandLineOption("alpha")
  public double getAlpha() {
    return m_Alpha;
  }

  public void setAlpha(double alpha) {
    if (!(alpha > 0.0 && alpha < 1.0)) {
      throw new IllegalArgumentException("-alpha must lie strictly between 0 and 1, got " + alpha);
    }
    m_Alpha = alpha;
  }

  @OptionMetadata(displayName = "output folder", displayOrder = 60,
      description = "The folder the results and tables are written to. The files are results.csv,"
      + " summary.csv, tables.md and tables.tex.")
  @CommandLineOption(value = "out", synopsis = "-out <folder>")
  public String getOutputFolder() {
    return m_OutputFolder.getPath();
  }

  public void setOutputFolder(String folder) {
    m_OutputFolder = new File(folder);
  }

  @OptionMetadata(displayName = "fresh", displayOrder = 61, description = "Start afresh, discarding earlier results instead of resuming. The results are in"
      + " results.csv of the output folder.")
  @CommandLineOption("fresh")
  public boolean getFresh() {
    return m_Fresh;
  }

  public void setFresh(boolean fresh) {
    m_Fresh = fresh;
  }

  @OptionMetadata(displayName = "figures", displayOrder = 62,
      description = "Also draw, for the first seed, the basis images and convergence curves of every NMF"
      + " clusterer of this package on image data (see FactorizationFigures), into <out>/figures.")
  @CommandLineOption("figures")
  public boolean getFigures() {
    return m_Figures;
  }

  public void setFigures(boolean figures) {
    m_Figures = figures;
  }

  /**
   * Labels for clusterer command lines: an explicit {@code label=} prefix, else the class's
   * simple name, else (if two lines share a class) the whole command line.
   */
  static Map<String, String> labelled(List<String> specs) {
    Map<String, Integer> simpleNameCount = new HashMap<String, Integer>();
    List<String[]> parsed = new ArrayList<String[]>();
    for (String spec : specs) {
      String label = null;
      String line = spec.trim();
      int equals = line.indexOf('=');
      int space = line.indexOf(' ');
      if (equals > 0 && (space < 0 || equals < space)) {
        label = line.substring(0, equals).trim();
        line = line.substring(equals + 1).trim();
      }
      if (line.isEmpty()) {
        throw new IllegalArgumentException("-W '" + spec + "' names no clusterer class");
      }
      String className = space(line);
      String simple = className.substring(className.lastIndexOf('.') + 1);
      if (label == null) {
        simpleNameCount.merge(simple, 1, Integer::sum);
      }
      parsed.add(new String[] {label, line, simple});
    }
    Map<String, String> result = new LinkedHashMap<String, String>();
    for (String[] entry : parsed) {
      String label = entry[0] != null ? entry[0] : simpleNameCount.get(entry[2]) > 1 ? entry[1] : entry[2];
      if (result.put(label, entry[1]) != null) {
        throw new IllegalArgumentException("two clusterers are labelled '" + label + "'; give them distinct labels");
      }
    }
    return result;
  }

  private static String space(String line) {
    int space = line.indexOf(' ');
    return space < 0 ? line : line.substring(0, space);
  }

  void setProgressStream(PrintStream progress) {
    m_Progress = progress;
  }

  void setRunListener(RunListener listener) {
    m_RunListener = listener;
  }

  // ------------------------------------------------------------------ running

  /** Data set name (file name without .arff / .arff.gz) -> file, in a stable order. */
  private Map<String, File> dataSets() {
    Map<String, File> sets = new LinkedHashMap<String, File>();
    for (File path : m_DataFiles) {
      List<File> files = new ArrayList<File>();
      if (path.isDirectory()) {
        File[] listed = path.listFiles((dir, name) -> name.endsWith(".arff") || name.endsWith(".arff.gz"));
        if (listed != null) {
          files.addAll(Arrays.asList(listed));
        }
        Collections.sort(files);
        if (files.isEmpty()) {
          throw new IllegalArgumentException("-data folder " + path + " holds no .arff or .arff.gz file");
        }
      } else if (path.isFile()) {
        files.add(path);
      } else {
        throw new IllegalArgumentException("-data " + path + " is neither a file nor a folder"
            + (path.getPath().equals(DEFAULT_DATA) ? " (run from the project folder, or give -data)" : ""));
      }
      for (File file : files) {
        String name = file.getName().replaceFirst("\\.arff(\\.gz)?$", "");
        if (sets.put(name, file) != null) {
          throw new IllegalArgumentException("two data files are named '" + name + "'");
        }
      }
    }
    return sets;
  }

  static Instances load(File file) throws IOException {
    ArffLoader loader = new ArffLoader();
    loader.setFile(file);
    Instances data = loader.getDataSet();
    if (data.classIndex() < 0) {
      data.setClassIndex(data.numAttributes() - 1);
    }
    ClassLabelledClustering.requireNominalClass(data, "RobustnessBenchmark");
    return data;
  }

  /**
   * Runs every missing run, then writes and returns the report.
   *
   * @return the tables as Markdown
   */
  public String runBenchmark() throws Exception {
    Map<String, File> dataSets = dataSets();
    if (m_OutputFolder.exists() && !m_OutputFolder.isDirectory()) {
      throw new IllegalArgumentException("-out " + m_OutputFolder + " is a file; give a folder (it will hold "
          + RESULTS_FILE + ", summary.csv, tables.md and tables.tex)");
    }
    Files.createDirectories(m_OutputFolder.toPath());
    File resultsFile = new File(m_OutputFolder, RESULTS_FILE);
    if (m_Fresh) {
      Files.deleteIfExists(resultsFile.toPath());
    }
    requireImagesForImageRecipes(dataSets);
    Map<String, BenchmarkResult> done = readResults(resultsFile);
    Map<String, String> fingerprints = new HashMap<String, String>();
    for (Map.Entry<String, File> dataset : dataSets.entrySet()) {
      fingerprints.put(dataset.getKey(), fingerprint(dataset.getValue()));
    }
    List<Integer> seeds = new ArrayList<Integer>();
    for (int s = 0; s < m_Seeds; s++) {
      seeds.add(m_FirstSeed + s);
    }

    int total = dataSets.size() * m_Recipes.size() * seeds.size() * m_Clusterers.size();
    int skipped = 0;
    for (String dataset : dataSets.keySet()) {
      for (CorruptionRecipe recipe : m_Recipes) {
        for (int seed : seeds) {
          for (Map.Entry<String, String> clusterer : m_Clusterers.entrySet()) {
            if (done.containsKey(coordinates(dataset, fingerprints.get(dataset), recipe, clusterer, seed).key())) {
              skipped++;
            }
          }
        }
      }
    }
    if (skipped > 0) {
      m_Progress.println("Resuming: " + skipped + " of " + total + " runs already in " + resultsFile);
    }

    // each distinct command line is parsed once (Weka's forName rescans the class path on every call)
    Map<String, Object> templates = new HashMap<String, Object>();

    Map<String, BenchmarkResult> current = new HashMap<String, BenchmarkResult>();
    Map<String, int[]> facts = new HashMap<String, int[]>();
    int position = skipped;
    int executed = 0;
    long started = System.nanoTime();
    try (Writer out = openForAppend(resultsFile)) {
      for (Map.Entry<String, File> dataset : dataSets.entrySet()) {
        Instances data = null;
        for (CorruptionRecipe recipe : m_Recipes) {
          for (int seed : seeds) {
            Instances corrupted = null;
            Throwable corruptionFailure = null;
            for (Map.Entry<String, String> clusterer : m_Clusterers.entrySet()) {
              BenchmarkResult.Coordinates at = coordinates(dataset.getKey(), fingerprints.get(dataset.getKey()), recipe,
                  clusterer, seed);
              BenchmarkResult result = done.get(at.key());
              if (result == null) {
                if (Thread.interrupted()) {
                  throw stopped(position, total, executed, resultsFile);
                }
                long runStarted = System.nanoTime();
                try {
                  if (data == null) {
                    data = load(dataset.getValue());
                    facts.put(dataset.getKey(), BenchmarkReport.dataFacts(data));
                  }
                  if (corrupted == null && corruptionFailure == null) {
                    try {
                      corrupted = recipe.corrupt(data, seed);
                    } catch (InterruptedException | FitInterruptedException e) {
                      throw e;
                    } catch (Exception | LinkageError e) {
                      corruptionFailure = e;
                    }
                  }
                  if (corruptionFailure != null) {
                    throw new IllegalStateException("corruption '" + recipe.name() + "' failed: "
                        + corruptionFailure.getClass().getSimpleName() + ": " + corruptionFailure.getMessage(),
                        corruptionFailure);
                  }
                  String commandLine = recipe.substituteStages(at.clustererSpec, seed);
                  Object template = templates.computeIfAbsent(commandLine, RobustnessBenchmark::instantiateOrFailure);
                  if (template instanceof Throwable) {
                    throw new IllegalArgumentException("cannot create clusterer '" + commandLine + "': "
                        + ((Throwable) template).getMessage(), (Throwable) template);
                  }
                  Clusterer built = AbstractClusterer.makeCopy((Clusterer) template);
                  result = runOne(at, built, corrupted);
                  if (m_Figures && seed == m_FirstSeed && built instanceof AbstractNMFClusterer) {
                    drawFigures(data, recipe, seed, (AbstractNMFClusterer) built);
                  }
                } catch (InterruptedException | FitInterruptedException e) {
                  throw stopped(position, total, executed, resultsFile);
                } catch (Exception | LinkageError | OutOfMemoryError e) {
                  result = at.failed((System.nanoTime() - runStarted) / 1e9, e);
                }
                out.write(result.toCsv());
                out.write('\n');
                out.flush();
                executed++;
                position++;
                progress(position, total, executed, started, result);
              }
              current.put(BenchmarkReport.cellKey(dataset.getKey(), recipe.name(), clusterer.getKey(), seed), result);
            }
          }
        }
      }
    }

    BenchmarkReport report = new BenchmarkReport(new ArrayList<String>(dataSets.keySet()), m_Recipes,
        new ArrayList<String>(m_Clusterers.keySet()), seeds, m_Alpha, current);
    BenchmarkReport.Setting setting = setting(dataSets, facts, templates, current);
    if (Thread.interrupted()) { // the report reads the data sets the run resumed: honour a stop meanwhile
      throw stopped(position, total, executed, resultsFile);
    }
    String markdown = report.standAloneMarkdown(setting);
    Files.write(new File(m_OutputFolder, "tables.md").toPath(), markdown.getBytes(StandardCharsets.UTF_8));
    Files.write(new File(m_OutputFolder, "tables.tex").toPath(), report.latex().getBytes(StandardCharsets.UTF_8));
    Files.write(new File(m_OutputFolder, "summary.csv").toPath(),
        report.summaryCsv().getBytes(StandardCharsets.UTF_8));
    return markdown;
  }

  /** The facts of the data sets and clusterers that tables.md states beside the numbers. */
  private BenchmarkReport.Setting setting(Map<String, File> dataSets, Map<String, int[]> loaded,
      Map<String, Object> templates, Map<String, BenchmarkResult> results) throws IOException {
    Map<String, int[]> facts = new LinkedHashMap<String, int[]>();
    for (Map.Entry<String, File> dataset : dataSets.entrySet()) {
      int[] known = loaded.get(dataset.getKey()); // resumed data sets were not loaded by this run
      facts.put(dataset.getKey(), known != null ? known : BenchmarkReport.dataFacts(load(dataset.getValue())));
    }
    Map<String, Integer> caps = new HashMap<String, Integer>();
    for (Map.Entry<String, String> clusterer : m_Clusterers.entrySet()) {
      // the clusterers this run built, else the one its spec names (a resumed run built none); by
      // class name, with no class-path scan here, where a stop must still be seen
      String spec = m_Recipes.get(0).substituteStages(clusterer.getValue(), m_FirstSeed);
      Object built = templates.containsKey(spec) ? templates.get(spec) : clustererOfSpec(spec);
      if (built instanceof AbstractNMFClusterer) {
        caps.put(clusterer.getKey(), ((AbstractNMFClusterer) built).getMaxIterations());
      }
    }
    return new BenchmarkReport.Setting(facts, m_Clusterers, caps, m_Nmi.optionName(), results);
  }

  /** The package clusterer a spec names, with its options, or null for any other class. */
  private static Object clustererOfSpec(String spec) throws IOException {
    try {
      String[] words = Utils.splitOptions(spec);
      Class<?> type = Class.forName(words[0]);
      if (!AbstractNMFClusterer.class.isAssignableFrom(type)) {
        return null;
      }
      AbstractNMFClusterer clusterer = (AbstractNMFClusterer) type.getDeclaredConstructor().newInstance();
      clusterer.setOptions(Arrays.copyOfRange(words, 1, words.length));
      return clusterer;
    } catch (Exception e) {
      throw new IOException("RobustnessBenchmark: cannot read the clusterer " + spec + ": " + e.getMessage(), e);
    }
  }

  /** The interrupt of a run, or between runs: every finished run is already in the results file. */
  private static InterruptedException stopped(int position, int total, int executed, File resultsFile) {
    return new InterruptedException("RobustnessBenchmark was interrupted after " + position + " of " + total
        + " runs (" + executed + " done now); every finished run is in " + resultsFile
        + "; run the same command again to resume");
  }

  private BenchmarkResult.Coordinates coordinates(String dataset, String fingerprint, CorruptionRecipe recipe,
      Map.Entry<String, String> clusterer, int seed) {
    return new BenchmarkResult.Coordinates(dataset, fingerprint, recipe, clusterer.getKey(), clusterer.getValue(),
        seed, m_Nmi.optionName());
  }

  /** The first 16 hex digits of the SHA-256 of the file's bytes: a changed data file is new data. */
  static String fingerprint(File file) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file.toPath()), sha)) {
      byte[] buffer = new byte[1 << 16];
      while (in.read(buffer) >= 0) {
        // the digest sees every byte read
      }
    }
    StringBuilder hex = new StringBuilder();
    for (byte b : Arrays.copyOf(sha.digest(), 8)) {
      hex.append(String.format("%02x", b));
    }
    return hex.toString();
  }

  /** Builds {@code clusterer} (a fresh copy) on the corrupted data and scores it. */
  private BenchmarkResult runOne(BenchmarkResult.Coordinates at, Clusterer clusterer, Instances corrupted)
      throws Exception {
    long started = System.nanoTime();
    ClassLabelledClustering.seed(clusterer, at.seed);
    ClassLabelledClustering.requestClusters(clusterer, corrupted.numClasses(), "RobustnessBenchmark");
    Instances features = ClassLabelledClustering.withoutClass(corrupted);
    clusterer.buildClusterer(features);
    int[] clusters = ClassLabelledClustering.clustersOf(clusterer, features, true);
    if (m_RunListener != null) {
      m_RunListener.finished(at, clusterer, clusters);
    }
    ContingencyTable table = ClassLabelledClustering.tabulate(corrupted, clusters, clusterer.numberOfClusters());
    double seconds = (System.nanoTime() - started) / 1e9;
    return at.succeeded(ClusteringScores.accuracy(table), ClusteringScores.normalizedMutualInformation(table, m_Nmi),
        ClusteringScores.adjustedRandIndex(table), ClusteringScores.purity(table), clusterer.numberOfClusters(),
        table.nonEmptyClusterCount(), seconds, measure(clusterer, "measureIterations"),
        measure(clusterer, "measureFinalObjective"));
  }

  /** Refuses, before any run, an image corruption of a data set of sparse instances (text counts, say). */
  private void requireImagesForImageRecipes(Map<String, File> dataSets) throws Exception {
    List<String> imageRecipes = new ArrayList<String>();
    for (CorruptionRecipe recipe : m_Recipes) {
      if (recipe.corruptsImages()) {
        imageRecipes.add(recipe.name());
      }
    }
    if (imageRecipes.isEmpty()) {
      return;
    }
    for (Map.Entry<String, File> dataset : dataSets.entrySet()) {
      Instances data = load(dataset.getValue());
      int sparse = 0;
      for (int j = 0; j < data.numInstances(); j++) {
        sparse += data.instance(j) instanceof weka.core.SparseInstance ? 1 : 0;
      }
      if (2 * sparse > data.numInstances()) {
        throw new IllegalArgumentException("-recipe " + String.join(", ", imageRecipes) + " corrupts images, but "
            + dataset.getKey() + " holds sparse instances (text counts or other non-image data); benchmark it with"
            + " -recipe clean only (a separate run), or give image data");
      }
    }
  }

  /** A clusterer from its command line, through Weka's class loading so package classes resolve. */
  static Clusterer instantiate(String commandLine) throws Exception {
    String[] options = Utils.splitOptions(commandLine);
    String className = options[0];
    options[0] = "";
    return AbstractClusterer.forName(className, options);
  }

  /** Figures are extras: a failure (e.g. data that are not images) is reported, the run stands. */
  private void drawFigures(Instances clean, CorruptionRecipe recipe, int seed, AbstractNMFClusterer built) {
    try {
      for (File file : FactorizationFigures.write(clean, recipe, seed, 2, built, new File(m_OutputFolder, "figures"))) {
        m_Progress.println("  wrote " + file.getPath());
      }
    } catch (InterruptedException | FitInterruptedException e) {
      Thread.currentThread().interrupt(); // the run itself is done and kept; the loop stops before the next
    } catch (Exception e) {
      m_Progress.println("  no figures for " + clean.relationName() + " / " + recipe.name() + " / "
          + built.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static Object instantiateOrFailure(String commandLine) {
    try {
      return instantiate(commandLine);
    } catch (Exception | LinkageError e) {
      return e;
    }
  }

  private static double measure(Clusterer clusterer, String name) {
    if (clusterer instanceof AdditionalMeasureProducer) {
      for (String produced : Collections.list(((AdditionalMeasureProducer) clusterer).enumerateMeasures())) {
        if (produced.equalsIgnoreCase(name)) {
          return ((AdditionalMeasureProducer) clusterer).getMeasure(name);
        }
      }
    }
    return Double.NaN;
  }

  private void progress(int position, int total, int executed, long started, BenchmarkResult result) {
    double elapsed = (System.nanoTime() - started) / 1e9;
    double eta = elapsed / executed * (total - position);
    String outcome = result.ok()
        ? String.format(Locale.ROOT, "ACC %.4f NMI %.4f (%.1f s)", result.accuracy, result.nmi, result.seconds)
        : "FAILED: " + result.message;
    int width = String.valueOf(total).length();
    String line = "[%" + width + "d/%d] %s | %s | seed %d | %s: %s | elapsed %s, ETA %s";
    m_Progress.println(String.format(Locale.ROOT, line,
        position, total, result.dataset, result.recipe, result.seed, result.clusterer, outcome, clock(elapsed),
        clock(eta)));
  }

  private static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  /**
   * The runs in the results file, which is healed first: a line that fails its checksum (cut short
   * by a crash, wherever the cut fell) and repeats of a run are dropped, and the file is rewritten
   * (atomically: written beside it, then moved over it) so that the next row starts on a line of
   * its own. The dropped runs are simply done again.
   */
  private Map<String, BenchmarkResult> readResults(File file) throws IOException {
    Map<String, BenchmarkResult> results = new LinkedHashMap<String, BenchmarkResult>();
    if (!file.exists() || file.length() == 0) {
      return results;
    }
    String text = new String(Files.readAllBytes(file.toPath()), StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<String>(Arrays.asList(text.split("\n", -1)));
    String last = lines.remove(lines.size() - 1); // "" when the file ends with a line break
    boolean headerCut = lines.isEmpty();
    int dropped = last.isEmpty() || headerCut ? 0 : 1;
    String header = headerCut ? last : lines.get(0);
    if (!BenchmarkResult.header().startsWith(header)) {
      throw new IOException(file + " is not a results file of this benchmark version (header differs); "
          + "use another -out folder or -fresh");
    }
    for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
      try {
        BenchmarkResult result = BenchmarkResult.fromCsv(line);
        if (results.put(result.key(), result) != null) {
          dropped++;
        }
      } catch (IllegalArgumentException cutOrAltered) {
        dropped++;
      }
    }
    if (dropped > 0 || headerCut) {
      StringBuilder healed = new StringBuilder(BenchmarkResult.header()).append('\n');
      for (BenchmarkResult result : results.values()) {
        healed.append(result.toCsv()).append('\n');
      }
      File rewritten = new File(file.getPath() + ".tmp");
      Files.write(rewritten.toPath(), healed.toString().getBytes(StandardCharsets.UTF_8));
      Files.move(rewritten.toPath(), file.toPath(), StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
      if (dropped > 0) {
        m_Progress.println("Healed " + file + ": dropped " + dropped + " incomplete or repeated line(s);"
            + " those runs are done again");
      }
    }
    return results;
  }

  private static Writer openForAppend(File file) throws IOException {
    boolean fresh = !file.exists() || file.length() == 0;
    BufferedWriter out = Files.newBufferedWriter(file.toPath(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    if (fresh) {
      out.write(BenchmarkResult.header());
      out.write('\n');
      out.flush();
    }
    return out;
  }

  // ------------------------------------------------------------------ command line

  @Override
  public void preExecution() {
  }

  @Override
  public void run(Object toRun, String[] options) throws Exception {
    if (Utils.getFlag('h', options) || Utils.getFlag("help", options)) {
      System.out.println(DeclaredOptions.help("RobustnessBenchmark", globalInfo(), this));
      return;
    }
    RobustnessBenchmark benchmark = (RobustnessBenchmark) toRun;
    benchmark.setOptions(options);
    System.out.println(benchmark.runBenchmark());
    System.out.println("Tables and per-run results written to " + benchmark.m_OutputFolder.getAbsolutePath());
  }

  @Override
  public void postExecution() {
  }

  /**
   * Runs the benchmark from the command line. Ctrl-C (or a plain kill) interrupts the running fit,
   * so that the run in progress ends without a half-written line before the JVM exits.
   */
  public static void main(String[] args) {
    RobustnessBenchmark benchmark = new RobustnessBenchmark();
    Thread benchmarkThread = Thread.currentThread();
    CountDownLatch finished = new CountDownLatch(1);
    AtomicBoolean signalled = new AtomicBoolean();
    Thread stopOnSignal = new Thread(() -> {
      signalled.set(true);
      benchmarkThread.interrupt();
      try {
        finished.await(SIGNAL_GRACE_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "RobustnessBenchmark stop on signal");
    Runtime.getRuntime().addShutdownHook(stopOnSignal);
    int status;
    try {
      status = CommandLines.status("RobustnessBenchmark", () -> benchmark.run(benchmark, args));
    } finally {
      finished.countDown();
    }
    if (!signalled.get()) { // during shutdown System.exit would block for ever
      Runtime.getRuntime().removeShutdownHook(stopOnSignal);
      if (status != 0) {
        System.exit(status);
      }
    }
  }
}
