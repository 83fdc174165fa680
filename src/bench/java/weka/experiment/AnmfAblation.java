package weka.experiment;

import adversarialnmf.metrics.ClusteringScores;
import adversarialnmf.metrics.ContingencyTable;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import weka.clusterers.AbstractNMFClusterer;
import weka.clusterers.Clusterer;
import weka.core.AdditionalMeasureProducer;
import weka.core.Utils;

/**
 * The ANMF ablation of issue 17 (docs/REPRODUCTION.md): one factor at a time around ANMF's
 * defaults, each setting run by {@link RobustnessBenchmark} beside k-means and NMF on the same
 * corrupted data and seeds, then one report with, per data set, recipe and setting: ACC and NMI,
 * the paired t-tests against NMF and against k-means over the seeds, how many labels the attacker
 * target changes against Z = Y (same seed, same start), and the fitted model's diagnostics (how far
 * A, Ã and X moved from the start, the share of each term of objective (9)). Not a unit test.
 *
 * <pre>
 * mvn -B -q package -DskipTests &amp;&amp; mvn -B -q dependency:build-classpath -Dmdep.includeScope=test \
 *     -Dmdep.outputFile=target/test-classpath.txt
 * java -cp "target/classes:target/test-classes:$(cat target/test-classpath.txt)" \
 *     weka.experiment.AnmfAblation -data test-data/MNIST_test_bal150.arff.gz -seeds 5 [-factor gamma ...]
 * </pre>
 *
 * Each (data set, recipe) is one benchmark in {@code <out>/<data set>/<recipe>/} (its results.csv
 * with one line per run, its own tables, and diagnostics.csv: the measures and the labels of every
 * run); a rerun skips the runs already there, so an interrupted study resumes. {@code -report}
 * only rewrites {@code <out>/ablation.md} and {@code <out>/ablation.csv} from what is on disk.
 */
public final class AnmfAblation {

  static final String ANMF = "weka.clusterers.ANMF";
  static final String FILTERS = "weka.filters.unsupervised.attribute.";
  /** The benchmark's default target: the recipe's stages 2-3, the paper's shift on clean data. */
  static final String DEFAULT_TARGET = "-target \"{stage2-3|shift}\"";
  /** Seed of the targets that draw a corruption of their own (independent of the data's seeds 1..n). */
  static final int TARGET_SEED = 1000;

  static final String KMEANS_LABEL = "k-means";
  static final String NMF_LABEL = "NMF";
  static final String DEFAULTS_LABEL = "ANMF";
  static final String NO_ATTACK_LABEL = "Z:Y";
  /** A setting's twin without attack: "-W 'mu:10,Z:Y=-mu 10 -target weka.filters.AllFilter'" beside "mu:10". */
  static final String NO_ATTACK_SUFFIX = "," + NO_ATTACK_LABEL;

  /** One ANMF setting: a label, the factor it varies, and its command line per recipe (null: not applicable). */
  static final class Variant {
    final String factor;
    final String label;
    final Function<CorruptionRecipe, String> commandLine;

    Variant(String factor, String label, Function<CorruptionRecipe, String> commandLine) {
      if (label.contains("=") || label.contains(" ")) {
        throw new IllegalArgumentException("a variant label may hold neither '=' nor spaces: '" + label + "'");
      }
      this.factor = factor;
      this.label = label;
      this.commandLine = commandLine;
    }

    /** ANMF with {@code options} and the default target. */
    static Variant options(String factor, String label, String options) {
      return new Variant(factor, label, recipe -> ANMF + " " + options + " " + DEFAULT_TARGET);
    }
  }

  /** The baselines and the defaults, run in every benchmark. */
  static List<Variant> reference() {
    return Arrays.asList(
        new Variant("reference", KMEANS_LABEL, recipe -> "weka.clusterers.SimpleKMeans -init 1"),
        new Variant("reference", NMF_LABEL, recipe -> "weka.clusterers.NMF"),
        new Variant("reference", DEFAULTS_LABEL, recipe -> ANMF + " " + DEFAULT_TARGET));
  }

  /** The one-factor-at-a-time grid of issue 17, by factor. */
  static Map<String, List<Variant>> factors() {
    Map<String, List<Variant>> grid = new LinkedHashMap<>();
    List<Variant> gamma = new ArrayList<>();
    for (String value : new String[] {"1e-2", "1e-1", "1", "10"}) {
      gamma.add(Variant.options("gamma", "gamma:" + value, "-gamma " + value));
    }
    grid.put("gamma", gamma);
    grid.put("lambda", Arrays.asList(Variant.options("lambda", "lambda:1", "-lambda 1"),
        Variant.options("lambda", "lambda:10", "-lambda 10")));
    grid.put("beta", Arrays.asList(Variant.options("beta", "beta:1e-2", "-beta 1e-2"),
        Variant.options("beta", "beta:0.4", "-beta 0.4")));
    grid.put("mu", Arrays.asList(Variant.options("mu", "mu:1", "-mu 1"), Variant.options("mu", "mu:10", "-mu 10"),
        Variant.options("mu", "mu:adaptive", "-adaptive-penalty")));
    grid.put("iterations", Collections.singletonList(Variant.options("iterations", "I:1000", "-I 1000")));
    grid.put("target", Arrays.asList(
        new Variant("target", "Z:shift", recipe -> recipe.stageCount() == 0 ? null : ANMF + " -target shift"),
        new Variant("target", NO_ATTACK_LABEL, recipe -> ANMF + " -target weka.filters.AllFilter"),
        new Variant("target", "Z:same-kind", recipe -> recipe.stageCount() == 0 ? null
            : ANMF + " -target \"" + recipe.stage(1) + " -S " + TARGET_SEED + "\""),
        new Variant("target", "Z:other-kind", recipe -> ANMF + " -target \"" + otherCorruption(recipe) + " -S "
            + TARGET_SEED + "\"")));
    grid.put("scale", Arrays.asList(Variant.options("scale", "unit-bases", "-unit-norm-bases"),
        Variant.options("scale", "unit-bases,gamma:1e-1", "-unit-norm-bases -gamma 1e-1")));
    grid.put("start", Arrays.asList(Variant.options("start", "init:nndsvd", "-init nndsvd"),
        Variant.options("start", "init:random", "-init random")));
    return grid;
  }

  /** A corruption of another kind than the recipe's: a patch for pixel noise and clean data, salt &amp; pepper for patches. */
  static String otherCorruption(CorruptionRecipe recipe) {
    boolean patch = recipe.name().equals("regular") || recipe.name().equals("irregular");
    return patch ? FILTERS + "SaltAndPepperNoise -P 10" : FILTERS + "RegularPatchNoise -P 25";
  }

  // ------------------------------------------------------------------ running

  private final List<File> dataFiles = new ArrayList<>();
  private final List<CorruptionRecipe> recipes = new ArrayList<>();
  private final List<Variant> variants = new ArrayList<>();
  private int seeds = 5;
  private File out = new File("docs/results/ablation");
  private boolean reportOnly;
  private final PrintStream log = System.err;

  void setOptions(String[] options) throws Exception {
    for (String value = Utils.getOption("data", options); !value.isEmpty(); value = Utils.getOption("data", options)) {
      dataFiles.add(new File(value));
    }
    if (dataFiles.isEmpty()) {
      dataFiles.add(new File(RobustnessBenchmark.DEFAULT_DATA));
    }
    for (String value = Utils.getOption("recipe", options); !value.isEmpty();
        value = Utils.getOption("recipe", options)) {
      recipes.add(CorruptionRecipe.parse(value));
    }
    if (recipes.isEmpty()) {
      recipes.addAll(CorruptionRecipe.DEFAULTS);
    }
    variants.addAll(reference());
    Map<String, List<Variant>> grid = factors();
    List<String> chosen = new ArrayList<>();
    for (String value = Utils.getOption("factor", options); !value.isEmpty();
        value = Utils.getOption("factor", options)) {
      if (!grid.containsKey(value)) {
        throw new IllegalArgumentException("-factor " + value + " is not one of " + grid.keySet());
      }
      chosen.add(value);
    }
    // a pair or any other setting: -W label=<ANMF options> (the default target unless it sets -target)
    List<Variant> extra = new ArrayList<>();
    for (String value = Utils.getOption('W', options); !value.isEmpty(); value = Utils.getOption('W', options)) {
      int equals = value.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException("-W needs label=<ANMF options>, got '" + value + "'");
      }
      String anmfOptions = value.substring(equals + 1).trim();
      String line = ANMF + " " + anmfOptions + (anmfOptions.contains("-target") ? "" : " " + DEFAULT_TARGET);
      extra.add(new Variant("extra", value.substring(0, equals).trim(), recipe -> line));
    }
    if (chosen.isEmpty() && extra.isEmpty()) {
      chosen.addAll(grid.keySet());
    }
    for (String factor : chosen) {
      variants.addAll(grid.get(factor));
    }
    variants.addAll(extra);
    String seedText = Utils.getOption("seeds", options);
    seeds = seedText.isEmpty() ? 5 : Integer.parseInt(seedText);
    String outText = Utils.getOption("out", options);
    if (!outText.isEmpty()) {
      out = new File(outText);
    }
    reportOnly = Utils.getFlag("report", options);
    Utils.checkForRemainingOptions(options);
  }

  static String dataName(File file) {
    return file.getName().replaceFirst("\\.arff(\\.gz)?$", "");
  }

  void run() throws Exception {
    if (!reportOnly) {
      for (File data : dataFiles) {
        for (CorruptionRecipe recipe : recipes) {
          runBenchmark(data, recipe);
        }
      }
    }
    writeReport();
  }

  private void runBenchmark(File data, CorruptionRecipe recipe) throws Exception {
    File folder = new File(new File(out, dataName(data)), recipe.name());
    Files.createDirectories(folder.toPath());
    List<String> args = new ArrayList<>(Arrays.asList("-data", data.getPath(), "-recipe", recipe.name(),
        "-seeds", "" + seeds, "-out", folder.getPath()));
    for (Variant variant : variants) {
      String line = variant.commandLine.apply(recipe);
      if (line != null) {
        args.add("-W");
        args.add(variant.label + "=" + line);
      }
    }
    RobustnessBenchmark benchmark = new RobustnessBenchmark();
    benchmark.setOptions(args.toArray(new String[0]));
    benchmark.setProgressStream(log);
    long started = System.nanoTime();
    try (Diagnostics diagnostics = new Diagnostics(new File(folder, Diagnostics.FILE))) {
      benchmark.setRunListener(diagnostics);
      benchmark.runBenchmark();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    String line = String.format(Locale.ROOT, "%s | %s | %d seeds | %d settings | %.0f s wall (this invocation)%n",
        dataName(data), recipe.name(), seeds, variants.size(), seconds);
    Files.write(new File(out, "timing.txt").toPath(), line.getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    log.print(line);
  }

  // ------------------------------------------------------------------ per-run diagnostics

  /** diagnostics.csv: the labels and the measures of every run, one line per run. */
  static final class Diagnostics implements RobustnessBenchmark.RunListener, AutoCloseable {
    static final String FILE = "diagnostics.csv";
    static final String[] COLUMNS = {"dataset", "recipe", "clusterer", "seed", "measures", "labels"};

    private final Writer writer;

    Diagnostics(File file) throws IOException {
      boolean fresh = !file.exists() || file.length() == 0;
      writer = Files.newBufferedWriter(file.toPath(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      if (fresh) {
        writer.write(BenchmarkResult.csvLine(COLUMNS) + "\n");
      }
    }

    @Override
    public void finished(BenchmarkResult.Coordinates at, Clusterer built, int[] clusters) throws IOException {
      StringBuilder labels = new StringBuilder();
      for (int label : clusters) {
        labels.append(labels.length() == 0 ? "" : " ").append(label);
      }
      writer.write(BenchmarkResult.csvLine(new String[] {at.dataset, at.recipe.name(), at.clusterer, "" + at.seed,
          measures(built), labels.toString()}) + "\n");
      writer.flush();
    }

    /** name=value;... of the clusterer's additional measures and its fit's own diagnostics. */
    static String measures(Clusterer built) {
      Map<String, Double> values = new LinkedHashMap<>();
      if (built instanceof AdditionalMeasureProducer) {
        AdditionalMeasureProducer producer = (AdditionalMeasureProducer) built;
        for (String name : Collections.list(producer.enumerateMeasures())) {
          try {
            values.put(name, producer.getMeasure(name));
          } catch (IllegalArgumentException e) {
            // a measure the model does not have (e.g. residuals of another solver)
          }
        }
      }
      if (built instanceof AbstractNMFClusterer) {
        values.putAll(((AbstractNMFClusterer) built).getFactorization().measures());
      }
      StringBuilder text = new StringBuilder();
      for (Map.Entry<String, Double> value : values.entrySet()) {
        text.append(text.length() == 0 ? "" : ";").append(value.getKey().replace(";", ",").replace("=", ":"))
            .append('=').append(value.getValue());
      }
      return text.toString();
    }

    /** Run (clusterer, seed) -> [measures, labels]; the last line of a run counts. */
    static Map<String, String[]> read(File file) throws IOException {
      Map<String, String[]> runs = new HashMap<>();
      if (!file.exists()) {
        return runs;
      }
      try (BufferedReader in = Files.newBufferedReader(file.toPath(), StandardCharsets.UTF_8)) {
        in.readLine();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          List<String> fields;
          try {
            fields = BenchmarkResult.parseCsvLine(line);
          } catch (IllegalArgumentException e) {
            continue; // a line cut short by an interruption
          }
          if (fields.size() == COLUMNS.length) {
            runs.put(fields.get(2) + '\u0000' + fields.get(3), new String[] {fields.get(4), fields.get(5)});
          }
        }
      }
      return runs;
    }

    @Override
    public void close() throws IOException {
      writer.close();
    }
  }

  // ------------------------------------------------------------------ report

  /** What the report shows of one setting in one (data set, recipe) cell. */
  static final class Row {
    String label;
    String factor;
    double[] accuracy;
    double[] nmi;
    double pNmf = Double.NaN;
    double pKmeans = Double.NaN;
    double pNmiNmf = Double.NaN;
    /** Mean over seeds of the labels that differ from Z = Y's (raw, and after the best matching). */
    double changed = Double.NaN;
    double changedMatched = Double.NaN;
    int changedMax = -1;
    Map<String, Double> measures = new LinkedHashMap<>();
    double seconds;
    double iterations;
  }

  /** The diagnostics shown in the report, by a fragment of their measure name. */
  static final String[][] SHOWN_MEASURES = {
      {"A move", "||A - A0||"}, {"Ã move", "\u00c3 - A0||"}, {"X move", "||X - X0||"}, {"‖X‖/‖X⁰‖", "||X|| / ||X0||"},
      {"Ã vs best response", "\u00c3*(X)||"},
      {"α share", "share of alpha"}, {"β share", "share of beta"}, {"γ share", "share of gamma"}};

  private void writeReport() throws IOException {
    StringBuilder md = new StringBuilder("# ANMF ablation (generated by weka.experiment.AnmfAblation)\n\n");
    md.append("Per cell: ACC mean ± std over the seeds; p: two-sided paired t-test over seeds against NMF "
        + "(ACC, then NMI) and against k-means (ACC); changed: labels that differ from the run with Z = Y at the "
        + "same seed and start (mean over seeds, raw / after the best one-to-one matching of clusters, max), that is "
        + "the setting's twin \"<setting>,Z:Y\" where one was run (only the target differs), else Z = Y at the "
        + "defaults (then a setting other than the target changes labels by itself too); "
        + "moves: ‖A − A⁰‖/‖A⁰‖, ‖Ã − A⁰‖/‖A⁰‖, ‖X − X⁰‖/‖X⁰‖ and the scale ‖X‖/‖X⁰‖ (A⁰, X⁰: the start as given, "
        + "with -unit-norm-bases as normalised); ‖Ã − Ã*(X)‖/‖Ã*(X)‖: distance of Ã from the attacker's best response (7) to "
        + "the fitted X (Theorem 1); shares: of α‖ÃX − Y‖², β‖AX − Y‖², "
        + "γ‖Ã(λI + XXᵀ) − λA − ZXᵀ‖² in objective (9) at the end; all means over seeds.\n\n");
    List<String[]> csv = new ArrayList<>();
    csv.add(new String[] {"dataset", "recipe", "setting", "factor", "seeds", "acc_mean", "acc_std", "nmi_mean",
        "delta_acc_vs_nmf", "p_acc_vs_nmf", "p_nmi_vs_nmf", "delta_acc_vs_kmeans", "p_acc_vs_kmeans",
        "changed_vs_zy", "changed_matched_vs_zy", "changed_max_vs_zy", "a_move", "at_move", "x_move", "x_scale",
        "best_response_gap",
        "alpha_share", "beta_share", "gamma_share", "iterations", "seconds"});
    Map<String, int[]> tally = new LinkedHashMap<>();
    List<String> headline = new ArrayList<>();
    File[] dataFolders = out.listFiles(File::isDirectory);
    if (dataFolders == null) {
      dataFolders = new File[0];
    }
    Arrays.sort(dataFolders);
    for (File dataFolder : dataFolders) {
      for (CorruptionRecipe recipe : CorruptionRecipe.DEFAULTS) {
        File folder = new File(dataFolder, recipe.name());
        File results = new File(folder, RobustnessBenchmark.RESULTS_FILE);
        if (!results.exists()) {
          continue;
        }
        List<Row> rows = rows(results, Diagnostics.read(new File(folder, Diagnostics.FILE)));
        if (rows.isEmpty()) {
          continue;
        }
        md.append("## ").append(dataFolder.getName()).append(", ").append(recipe.name()).append("\n\n");
        md.append("| setting | seeds | ACC | NMI | ΔACC vs NMF | p (ACC) | p (NMI) | ΔACC vs k-means | p | changed vs Z=Y "
            + "| A move | Ã move | X move | ‖X‖/‖X⁰‖ | ‖Ã − Ã*(X)‖/‖Ã*‖ | α share | β share | γ share | iterations | s/fit |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        Row nmf = find(rows, NMF_LABEL);
        Row kmeans = find(rows, KMEANS_LABEL);
        Row best = null;
        for (Row row : rows) {
          double deltaNmf = nmf == null ? Double.NaN : mean(row.accuracy) - mean(nmf.accuracy);
          double deltaKmeans = kmeans == null ? Double.NaN : mean(row.accuracy) - mean(kmeans.accuracy);
          md.append(String.format(Locale.ROOT, "| %s | %d | %.4f ± %.4f | %.4f | %+.4f | %s | %s | %+.4f | %s | %s |",
              row.label, count(row.accuracy), mean(row.accuracy), std(row.accuracy), mean(row.nmi), deltaNmf,
              p(row.pNmf), p(row.pNmiNmf), deltaKmeans, p(row.pKmeans), changedText(row)));
          String[] shown = new String[SHOWN_MEASURES.length];
          for (int i = 0; i < SHOWN_MEASURES.length; i++) {
            Double value = row.measures.get(SHOWN_MEASURES[i][0]);
            shown[i] = value == null ? "" : String.format(Locale.ROOT, "%.3g", value);
            md.append(' ').append(shown[i]).append(" |");
          }
          md.append(String.format(Locale.ROOT, " %.0f | %.2f |%n", row.iterations, row.seconds));
          List<String> fields = new ArrayList<>(Arrays.asList(dataFolder.getName(), recipe.name(), row.label,
              row.factor, "" + count(row.accuracy), num(mean(row.accuracy)), num(std(row.accuracy)),
              num(mean(row.nmi)), num(deltaNmf), num(row.pNmf), num(row.pNmiNmf), num(deltaKmeans),
              num(row.pKmeans), num(row.changed), num(row.changedMatched),
              row.changedMax < 0 ? "" : "" + row.changedMax));
          for (String value : shown) {
            fields.add(value);
          }
          fields.add(num(row.iterations));
          fields.add(num(row.seconds));
          csv.add(fields.toArray(new String[0]));
          if (!row.label.equals(NMF_LABEL) && !row.label.equals(KMEANS_LABEL)) {
            int[] counts = tally.computeIfAbsent(row.label, k -> new int[4]);
            boolean significant = row.pNmf < 0.05;
            counts[Double.isNaN(row.pNmf) ? 3 : significant && deltaNmf > 0 ? 0 : significant && deltaNmf < 0 ? 1 : 2]++;
            if (best == null || mean(row.accuracy) > mean(best.accuracy)) {
              best = row;
            }
          }
        }
        md.append('\n');
        if (best != null && nmf != null) {
          headline.add(String.format(Locale.ROOT, "| %s | %s | %.4f | %s | %.4f | %+.4f | %s | %s |",
              dataFolder.getName(), recipe.name(), mean(nmf.accuracy), best.label, mean(best.accuracy),
              mean(best.accuracy) - mean(nmf.accuracy), p(best.pNmf), p(best.pKmeans)));
        }
      }
    }
    StringBuilder top = new StringBuilder("## Headline: the best ANMF setting per cell against NMF\n\n");
    top.append("| data | recipe | NMF ACC | best ANMF setting | its ACC | Δ | p vs NMF | p vs k-means |\n");
    top.append("|---|---|---|---|---|---|---|---|\n");
    for (String line : headline) {
      top.append(line).append('\n');
    }
    top.append("\nThe best of some twenty settings per cell, picked after the fact: its p-value is not corrected for "
        + "that choice.\n");
    top.append("\n## Cells where a setting is significantly above / below NMF in ACC (p < 0.05), neither, or untested "
        + "(fewer than two seeds)\n\n");
    top.append("| setting | above | below | neither | untested |\n|---|---|---|---|---|\n");
    for (Map.Entry<String, int[]> entry : tally.entrySet()) {
      top.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d |%n", entry.getKey(), entry.getValue()[0],
          entry.getValue()[1], entry.getValue()[2], entry.getValue()[3]));
    }
    top.append('\n');
    int split = md.indexOf("\n\n", md.indexOf("Per cell")) + 2;
    md.insert(split, top);
    Files.createDirectories(out.toPath());
    Files.write(new File(out, "ablation.md").toPath(), md.toString().getBytes(StandardCharsets.UTF_8));
    StringBuilder csvText = new StringBuilder();
    for (String[] line : csv) {
      csvText.append(BenchmarkResult.csvLine(line)).append('\n');
    }
    Files.write(new File(out, "ablation.csv").toPath(), csvText.toString().getBytes(StandardCharsets.UTF_8));
    log.println("Report written to " + new File(out, "ablation.md").getPath());
  }

  /** The rows of one benchmark folder, in the order of its results file, with tests and diagnostics. */
  private List<Row> rows(File results, Map<String, String[]> diagnostics) throws IOException {
    Map<String, Map<Integer, BenchmarkResult>> byLabel = new LinkedHashMap<>();
    Set<Integer> seedSet = new TreeSet<>();
    try (BufferedReader in = Files.newBufferedReader(results.toPath(), StandardCharsets.UTF_8)) {
      in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        BenchmarkResult result;
        try {
          result = BenchmarkResult.fromCsv(line);
        } catch (IllegalArgumentException e) {
          continue;
        }
        if (result.ok()) {
          byLabel.computeIfAbsent(result.clusterer, k -> new HashMap<>()).put(result.seed, result);
          seedSet.add(result.seed);
        }
      }
    }
    List<Integer> seedList = new ArrayList<>(seedSet);
    Map<String, String> factorOf = new HashMap<>();
    for (Variant variant : reference()) {
      factorOf.put(variant.label, variant.factor);
    }
    for (List<Variant> list : factors().values()) {
      for (Variant variant : list) {
        factorOf.put(variant.label, variant.factor);
      }
    }
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, Map<Integer, BenchmarkResult>> entry : byLabel.entrySet()) {
      Row row = new Row();
      row.label = entry.getKey();
      row.factor = factorOf.getOrDefault(row.label, "extra");
      row.accuracy = new double[seedList.size()];
      row.nmi = new double[seedList.size()];
      double seconds = 0;
      double iterations = 0;
      int counted = 0;
      for (int s = 0; s < seedList.size(); s++) {
        BenchmarkResult result = entry.getValue().get(seedList.get(s));
        row.accuracy[s] = result == null ? Double.NaN : result.accuracy;
        row.nmi[s] = result == null ? Double.NaN : result.nmi;
        if (result != null) {
          seconds += result.seconds;
          iterations += Double.isNaN(result.iterations) ? 0 : result.iterations;
          counted++;
        }
      }
      row.seconds = counted == 0 ? Double.NaN : seconds / counted;
      row.iterations = counted == 0 ? Double.NaN : iterations / counted;
      row.measures = meanMeasures(row.label, seedList, diagnostics);
      rows.add(row);
    }
    Row nmf = find(rows, NMF_LABEL);
    Row kmeans = find(rows, KMEANS_LABEL);
    for (Row row : rows) {
      if (nmf != null && row != nmf) {
        row.pNmf = BenchmarkReport.pairedPValue(row.accuracy, nmf.accuracy);
        row.pNmiNmf = BenchmarkReport.pairedPValue(row.nmi, nmf.nmi);
      }
      if (kmeans != null && row != kmeans) {
        row.pKmeans = BenchmarkReport.pairedPValue(row.accuracy, kmeans.accuracy);
      }
      if (!row.label.equals(NMF_LABEL) && !row.label.equals(KMEANS_LABEL)
          && !row.label.endsWith(NO_ATTACK_SUFFIX)) {
        changedAgainstNoAttack(row, noAttackTwin(row.label, rows), seedList, diagnostics);
      }
    }
    return rows;
  }

  /** Mean over seeds of each shown measure (found by a fragment of its name). */
  private static Map<String, Double> meanMeasures(String label, List<Integer> seedList,
      Map<String, String[]> diagnostics) {
    Map<String, Double> means = new LinkedHashMap<>();
    for (String[] shown : SHOWN_MEASURES) {
      double sum = 0;
      int n = 0;
      for (int seed : seedList) {
        String[] run = diagnostics.get(label + '\u0000' + seed);
        if (run == null) {
          continue;
        }
        for (String pair : run[0].split(";")) {
          int equals = pair.lastIndexOf('=');
          if (equals > 0 && pair.substring(0, equals).contains(shown[1])) {
            double value = Double.parseDouble(pair.substring(equals + 1));
            if (!Double.isNaN(value)) {
              sum += value;
              n++;
            }
            break;
          }
        }
      }
      if (n > 0) {
        means.put(shown[0], sum / n);
      }
    }
    return means;
  }

  /**
   * The run without attack that {@code label} is compared with: its twin "label,Z:Y" where one was run (the
   * setting with Z = Y, so only the target differs), else Z = Y at the defaults.
   */
  static String noAttackTwin(String label, List<Row> rows) {
    return find(rows, label + NO_ATTACK_SUFFIX) != null ? label + NO_ATTACK_SUFFIX : NO_ATTACK_LABEL;
  }

  /** Labels that differ from those of the no-attack run with the same seed (same start): raw and after matching. */
  private static void changedAgainstNoAttack(Row row, String noAttackLabel, List<Integer> seedList,
      Map<String, String[]> diagnostics) {
    double raw = 0;
    double matched = 0;
    int max = 0;
    int n = 0;
    for (int seed : seedList) {
      String[] run = diagnostics.get(row.label + '\u0000' + seed);
      String[] noAttack = diagnostics.get(noAttackLabel + '\u0000' + seed);
      if (run == null || noAttack == null) {
        continue;
      }
      int[] labels = parseLabels(run[1]);
      int[] reference = parseLabels(noAttack[1]);
      int differ = 0;
      for (int i = 0; i < labels.length; i++) {
        differ += labels[i] != reference[i] ? 1 : 0;
      }
      ContingencyTable table = ContingencyTable.ofLabels(reference, labels);
      double agreement = ClusteringScores.accuracy(table);
      raw += differ;
      matched += Math.round((1.0 - agreement) * labels.length);
      max = Math.max(max, differ);
      n++;
    }
    if (n > 0) {
      row.changed = raw / n;
      row.changedMatched = matched / n;
      row.changedMax = max;
    }
  }

  private static int[] parseLabels(String text) {
    String[] parts = text.trim().split(" ");
    int[] labels = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      labels[i] = Integer.parseInt(parts[i]);
    }
    return labels;
  }

  private static Row find(List<Row> rows, String label) {
    for (Row row : rows) {
      if (row.label.equals(label)) {
        return row;
      }
    }
    return null;
  }

  private static String changedText(Row row) {
    return Double.isNaN(row.changed) ? "" : String.format(Locale.ROOT, "%.1f / %.1f (max %d)", row.changed,
        row.changedMatched, row.changedMax);
  }

  private static String p(double value) {
    return Double.isNaN(value) ? "–" : value < 0.001 ? String.format(Locale.ROOT, "%.1e", value)
        : String.format(Locale.ROOT, "%.3f", value);
  }

  private static String num(double value) {
    return Double.isNaN(value) ? "" : Double.toString(value);
  }

  private static int count(double[] values) {
    int n = 0;
    for (double v : values) {
      n += Double.isNaN(v) ? 0 : 1;
    }
    return n;
  }

  private static double mean(double[] values) {
    double sum = 0;
    int n = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        sum += v;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  private static double std(double[] values) {
    double m = mean(values);
    double squares = 0;
    int n = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        squares += (v - m) * (v - m);
        n++;
      }
    }
    return n < 2 ? Double.NaN : Math.sqrt(squares / (n - 1));
  }

  public static void main(String[] args) throws Exception {
    AnmfAblation study = new AnmfAblation();
    study.setOptions(args);
    study.run();
  }
}
