package weka.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import adversarialnmf.testing.InterruptedRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.clusterers.SimpleKMeans;
import weka.core.Instances;

class RobustnessBenchmarkTest {

  /** A clusterer that always fails to build, to check that failures are reported, not fatal. */
  public static class FailingClusterer extends SimpleKMeans {
    private static final long serialVersionUID = 1L;

    @Override
    public void buildClusterer(Instances data) throws Exception {
      throw new IllegalStateException("deliberate failure for the test");
    }
  }

  private static final String FAILING = FailingClusterer.class.getName();

  /** A clusterer that takes a minute unless interrupted, as a Weka clusterer that honours interrupts does. */
  public static class SlowClusterer extends SimpleKMeans {
    private static final long serialVersionUID = 1L;

    @Override
    public void buildClusterer(Instances data) throws Exception {
      super.buildClusterer(data);
      Thread.sleep(60_000);
    }
  }

  @Test
  void anInterruptedBenchmarkKeepsEveryFinishedRunAndResumes(@TempDir File folder) throws Exception {
    File data = SyntheticData.save(SyntheticData.blobs(3, 15, 3, 0.5, 1), folder);
    File out = new File(folder, "out");
    File resultsFile = new File(out, RobustnessBenchmark.RESULTS_FILE);
    String[] options = {"-data", data.getPath(), "-out", out.getPath(), "-seeds", "2", "-recipe", "clean",
        "-W", "km=weka.clusterers.SimpleKMeans -init 1", "-W", "NMF=weka.clusterers.NMF -I 100000 -E 0",
        "-W", "slow=" + SlowClusterer.class.getName()};
    InterruptedException stopped = InterruptedRun.of(() -> {
      run(options, new ByteArrayOutputStream());
    }).assertStoppedWith(InterruptedException.class);
    assertTrue(stopped.getMessage().contains("run the same command again to resume"), stopped.getMessage());
    List<String> kept = lines(resultsFile);
    assertTrue(kept.size() >= 1 && kept.size() <= 3, "header and the finished runs: " + kept);
    for (String line : kept.subList(1, kept.size())) {
      BenchmarkResult.fromCsv(line); // every line is whole
    }

    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    String[] quick = {"-data", data.getPath(), "-out", out.getPath(), "-seeds", "2", "-recipe", "clean",
        "-W", "km=weka.clusterers.SimpleKMeans -init 1", "-W", "NMF=weka.clusterers.NMF -I 100000 -E 0"};
    run(quick, progress);
    assertTrue(progress.toString("UTF-8").startsWith("Resuming: " + (kept.size() - 1) + " of 4 runs"),
        progress.toString("UTF-8"));
  }

  @Test
  void anImageCorruptionOfSparseDataIsRefusedBeforeAnyRunAndTextRunsClean(@TempDir File folder) throws Exception {
    Instances dense = SyntheticData.blobs(3, 10, 3, 0.5, 2);
    Instances text = new Instances(dense, dense.numInstances());
    for (int j = 0; j < dense.numInstances(); j++) {
      text.add(new weka.core.SparseInstance(dense.instance(j)));
    }
    text.setRelationName("counts");
    File data = SyntheticData.save(text, folder);
    File out = new File(folder, "out");
    Exception e = assertThrows(IllegalArgumentException.class, () -> run(new String[] {"-data", data.getPath(),
        "-out", out.getPath(), "-seeds", "1", "-recipe", "clean", "-recipe", "saltpepper",
        "-W", "NMF=weka.clusterers.NMF"}, new ByteArrayOutputStream()));
    assertTrue(e.getMessage().contains("saltpepper") && e.getMessage().contains("sparse")
        && e.getMessage().contains("-recipe clean"), e.getMessage());
    assertTrue(!new File(out, RobustnessBenchmark.RESULTS_FILE).exists() || lines(new File(out,
        RobustnessBenchmark.RESULTS_FILE)).size() <= 1, "no run was made");
    String tables = run(new String[] {"-data", data.getPath(), "-out", out.getPath(), "-seeds", "1",
        "-recipe", "clean", "-W", "NMF=weka.clusterers.NMF -term-weighting tfidf -normalize l2 -assign kmeans"},
        new ByteArrayOutputStream());
    assertTrue(tables.contains("counts"), tables);
  }

  private static String[] options(File data, File out, String... extra) {
    List<String> options = new ArrayList<String>(Arrays.asList("-data", data.getPath(), "-out", out.getPath(),
        "-seeds", "3", "-recipe", "clean", "-recipe",
        "doubled=weka.filters.unsupervised.attribute.MathExpression -E A*2",
        "-W", "km=weka.clusterers.SimpleKMeans -init 1", "-W", "weka.clusterers.FarthestFirst", "-W", FAILING));
    options.addAll(Arrays.asList(extra));
    return options.toArray(new String[0]);
  }

  private static String run(String[] options, ByteArrayOutputStream progress) throws Exception {
    RobustnessBenchmark benchmark = new RobustnessBenchmark();
    benchmark.setOptions(options);
    benchmark.setProgressStream(new PrintStream(progress, true, "UTF-8"));
    return benchmark.runBenchmark();
  }

  private static List<String> lines(File file) throws Exception {
    return Files.readAllLines(file.toPath(), StandardCharsets.UTF_8);
  }

  @Test
  void tablesHaveOneRowPerRecipeAndDataSetAndFailuresAreReported(@TempDir File folder) throws Exception {
    File dataFolder = new File(folder, "data");
    dataFolder.mkdirs();
    SyntheticData.save(SyntheticData.blobs(3, 15, 3, 0.5, 1), dataFolder);
    SyntheticData.save(SyntheticData.blobs(4, 10, 2, 3.0, 2), dataFolder);
    File out = new File(folder, "out");
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    String markdown = run(options(dataFolder, out), progress);

    // 2 data sets x 2 recipes x 3 seeds x 3 clusterers
    List<String> results = lines(new File(out, RobustnessBenchmark.RESULTS_FILE));
    assertEquals(1 + 36, results.size());
    String progressText = progress.toString("UTF-8");
    assertTrue(progressText.contains("[36/36]"), progressText);
    assertTrue(progressText.contains("ETA"), progressText);
    assertTrue(progressText.contains("FAILED: IllegalStateException: deliberate failure"), progressText);

    for (String metric : new String[] {"### ACC", "### NMI"}) {
      String table = markdown.substring(markdown.indexOf(metric));
      List<String> rows = new ArrayList<String>();
      for (String line : table.split("\n")) {
        if (line.startsWith("| ")) {
          rows.add(line);
        }
        if (rows.size() == 5) {
          break;
        }
      }
      assertEquals("| Noise | Data set | km | FarthestFirst | RobustnessBenchmarkTest$FailingClusterer |", rows.get(0));
      for (String row : rows.subList(1, 5)) {
        String[] cells = row.split("\\|");
        assertEquals(6, cells.length, row); // leading empty + noise + data set + 3 clusterers
        assertTrue(cells[5].trim().equals("failed"), row);
        int bold = row.split("\\*\\*", -1).length / 2;
        assertTrue(bold >= 1, "a best cell is bold: " + row);
        if (bold > 1) {
          assertEquals(bold, row.split("\\*\\* †", -1).length - 1, "tied best cells are not significant: " + row);
        }
      }
    }
    // tables.md stands alone: data with n and chance level, recipes, clusterers, convergence, verdict
    String tables = new String(Files.readAllBytes(new File(out, "tables.md").toPath()), StandardCharsets.UTF_8);
    assertEquals(markdown, tables);
    assertTrue(tables.startsWith("# RobustnessBenchmark results"), tables);
    assertTrue(tables.contains("| blobs3 | 45 | 3 | 0.3333 | 0 |"), tables);
    assertTrue(tables.contains("| blobs4 | 40 | 4 | 0.2500 | 0 |"), tables);
    assertTrue(tables.contains("- `doubled`: stage 1 `weka.filters.unsupervised.attribute.MathExpression -E A*2`"),
        tables);
    assertTrue(tables.contains("- km: `weka.clusterers.SimpleKMeans -init 1`"), tables);
    assertTrue(tables.contains("### Convergence"), tables);
    assertTrue(tables.contains("**Verdict.** ACC: "), tables);
    // the well separated blobs: k-means++ finds them on every seed, clean and doubled alike
    assertTrue(markdown.contains("| clean | blobs3 | **1.0000 ± 0.0000**"), markdown);
    assertTrue(markdown.contains("| doubled | blobs3 | **1.0000 ± 0.0000**"), markdown);

    List<String> summary = lines(new File(out, "summary.csv"));
    assertEquals(1 + 2 * 2 * 2 * 3, summary.size());
    String latex = new String(Files.readAllBytes(new File(out, "tables.tex").toPath()), StandardCharsets.UTF_8);
    assertTrue(latex.contains("\\begin{tabular}{llccc}"), latex);
    assertTrue(latex.contains("blobs3 & $\\mathbf{1.0000 \\pm 0.0000}"), latex);
  }

  @Test
  void convergenceColumnCountsRunsAtTheIterationCapAndTheVerdictNamesSignificantWinners(@TempDir File folder)
      throws Exception {
    File data = SyntheticData.save(SyntheticData.blobs(3, 12, 3, 2.0, 4), folder);
    File out = new File(folder, "out");
    String tables = run(new String[] {"-data", data.getPath(), "-out", out.getPath(), "-seeds", "3", "-recipe",
        "clean", "-W", "capped=weka.clusterers.NMF -I 2 -E 0", "-W", "free=weka.clusterers.NMF -I 500 -E 0.1"},
        new ByteArrayOutputStream());
    assertTrue(tables.contains("| capped | 3 | 3 of 3 (cap 2) | 2.0 |"), tables);
    assertTrue(tables.contains("| free | 3 | 0 of 3 (cap 500) |"), tables);
    String verdict = tables.substring(tables.indexOf("**Verdict.**"));
    assertTrue(verdict.matches("(?s)\\*\\*Verdict\\.\\*\\* ACC: (no clusterer is significantly better than the runner-up in"
        + " any of the 1 row|significantly best (capped|free) in 1 of 1 rows; no significant winner in 0)\\. NMI: .*"),
        verdict);
  }

  @Test
  void aRerunResumesAndRecomputesOnlyMissingRuns(@TempDir File folder) throws Exception {
    File data = SyntheticData.save(SyntheticData.blobs(3, 12, 3, 2.0, 4), folder);
    File out = new File(folder, "out");
    String first = run(options(data, out), new ByteArrayOutputStream());
    File resultsFile = new File(out, RobustnessBenchmark.RESULTS_FILE);
    List<String> complete = lines(resultsFile);
    assertEquals(1 + 18, complete.size());

    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    assertEquals(first, run(options(data, out), progress));
    assertEquals(complete, lines(resultsFile), "nothing recomputed");
    assertTrue(progress.toString("UTF-8").startsWith("Resuming: 18 of 18 runs"), progress.toString("UTF-8"));

    // an interrupted benchmark: the last run and half of the one before are lost
    List<String> cut = new ArrayList<String>(complete.subList(0, complete.size() - 2));
    String partial = complete.get(complete.size() - 2);
    Files.write(resultsFile.toPath(), (String.join("\n", cut) + "\n" + partial.substring(0, partial.length() / 2)
        + "\n").getBytes(StandardCharsets.UTF_8));
    progress.reset();
    assertEquals(first, run(options(data, out), progress), "same seeds give the same tables");
    String text = progress.toString("UTF-8");
    assertTrue(text.contains("dropped 1 incomplete or repeated line(s)"), text);
    assertTrue(text.contains("Resuming: 16 of 18 runs"), text);
    assertTrue(text.contains("[17/18]") && text.contains("[18/18]"), text);
    assertFalse(text.contains("[16/18]"), text);

    progress.reset();
    run(options(data, out, "-fresh"), progress);
    assertFalse(progress.toString("UTF-8").contains("Resuming"));
    assertEquals(1 + 18, lines(resultsFile).size());
  }

  private static String[] faultOptions(File data, File out) {
    return new String[] {"-data", data.getPath(), "-out", out.getPath(), "-seeds", "3", "-recipe", "clean",
        "-recipe", "doubled=weka.filters.unsupervised.attribute.MathExpression -E A*2",
        "-W", "km=weka.clusterers.SimpleKMeans -init 1", "-W", "NMF=weka.clusterers.NMF -I 400 -E 0"};
  }

  /**
   * Progress that interrupts the benchmark's own thread after its k-th line, so the benchmark stops
   * at its next check however fast the machine is (a timed interrupt from outside let fast runs
   * finish before any fault was injected).
   */
  private static final class InterruptAfterLines extends ByteArrayOutputStream {
    private int linesLeft;

    InterruptAfterLines(int lines) {
      linesLeft = lines;
    }

    @Override
    public synchronized void write(int b) {
      super.write(b);
      count(b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
      super.write(bytes, offset, length);
      for (int i = offset; i < offset + length; i++) {
        count(bytes[i]);
      }
    }

    private void count(int b) {
      if (b == '\n' && --linesLeft == 0) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static String read(File file) throws Exception {
    return new String(Files.readAllBytes(file.toPath()), StandardCharsets.UTF_8);
  }

  /**
   * Fault injection: the benchmark is stopped after a random number of its progress lines (at its
   * next interruption check), and after most stops its results file is cut at a random byte of its
   * last line (a kill -9 in the middle of writing a row), then resumed, again and again. It must end with exactly one row per run and the tables of a run that
   * was never stopped.
   */
  @Test
  void aBenchmarkStoppedAndCutAtRandomPointsEndsAsAnUninterruptedOne(@TempDir File folder) throws Exception {
    File data = SyntheticData.save(SyntheticData.blobs(3, 12, 3, 2.0, 4), folder);
    File reference = new File(folder, "reference");
    run(faultOptions(data, reference), new ByteArrayOutputStream());

    File out = new File(folder, "out");
    File resultsFile = new File(out, RobustnessBenchmark.RESULTS_FILE);
    Random random = new Random(13);
    int stops = 0;
    int cuts = 0;
    boolean finished = false;
    for (int attempt = 0; attempt < 300 && !finished; attempt++) {
      AtomicReference<Throwable> failure = new AtomicReference<>();
      InterruptAfterLines progress = new InterruptAfterLines(1 + random.nextInt(3));
      Thread benchmark = new Thread(() -> {
        try {
          run(faultOptions(data, out), progress);
        } catch (Throwable t) {
          failure.set(t);
        }
      });
      benchmark.start();
      benchmark.join();
      if (failure.get() == null) {
        finished = true;
        continue;
      }
      assertTrue(failure.get() instanceof InterruptedException, "" + failure.get());
      stops++;
      if (resultsFile.exists() && random.nextInt(3) > 0) {
        byte[] bytes = Files.readAllBytes(resultsFile.toPath());
        int lineBreak = bytes.length - 1; // the file ends with the last row's line break
        int lastLineStart = lineBreak;
        while (lastLineStart > 0 && bytes[lastLineStart - 1] != '\n') {
          lastLineStart--;
        }
        int cutAt = lastLineStart + random.nextInt(lineBreak - lastLineStart + 1); // anywhere up to its line break
        Files.write(resultsFile.toPath(), Arrays.copyOf(bytes, cutAt));
        cuts++;
      }
    }
    assertTrue(finished, "the benchmark never finished");
    assertTrue(stops >= 3 && cuts >= 2, stops + " stops, " + cuts + " cuts: the test injected too few faults");

    List<String> rows = lines(resultsFile);
    assertEquals(BenchmarkResult.header(), rows.get(0));
    java.util.Set<String> keys = new java.util.HashSet<String>();
    for (String row : rows.subList(1, rows.size())) {
      assertTrue(keys.add(BenchmarkResult.fromCsv(row).key()), "a run appears twice: " + row);
    }
    assertEquals(2 * 3 * 2, keys.size(), "one row per run");
    assertEquals(read(new File(reference, "tables.md")), read(new File(out, "tables.md")));
    assertEquals(read(new File(reference, "tables.tex")), read(new File(out, "tables.tex")));
  }

  @Test
  void anOutputFolderThatIsAFileIsNamed(@TempDir File folder) throws Exception {
    File data = SyntheticData.save(SyntheticData.blobs(3, 12, 3, 2.0, 4), folder);
    Exception e = assertThrows(IllegalArgumentException.class,
        () -> run(faultOptions(data, data), new ByteArrayOutputStream()));
    assertTrue(e.getMessage().contains("is a file; give a folder"), e.getMessage());
  }

  /** The same data file name with other content used to reuse the old rows silently. */
  @Test
  void aChangedDataFileIsNewData(@TempDir File folder) throws Exception {
    File data = SyntheticData.save(SyntheticData.blobs(3, 12, 3, 2.0, 4), folder);
    File out = new File(folder, "out");
    run(faultOptions(data, out), new ByteArrayOutputStream());
    File other = new File(folder, "other");
    other.mkdirs();
    Files.copy(SyntheticData.save(SyntheticData.blobs(3, 12, 3, 0.5, 9), other).toPath(),
        data.toPath(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    String changed = run(faultOptions(data, out), progress);
    assertFalse(progress.toString("UTF-8").contains("Resuming"), progress.toString("UTF-8"));
    assertEquals(changed, run(faultOptions(data, new File(folder, "fresh")), new ByteArrayOutputStream()));
  }

  @Test
  void figuresForTheFirstSeedOfEachNmfClusterer(@TempDir File folder) throws Exception {
    File dataFolder = new File(folder, "data");
    dataFolder.mkdirs();
    SyntheticData.save(SyntheticData.blobs(3, 8, 9, 0.5, 1), dataFolder); // 3 x 3 "images"
    SyntheticData.save(SyntheticData.blobs(2, 8, 2, 0.5, 1), dataFolder); // 2 values: no image
    File out = new File(folder, "out");
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    run(new String[] {"-data", dataFolder.getPath(), "-out", out.getPath(), "-seeds", "2", "-recipe", "clean",
        "-recipe", "saltpepper", "-W", "weka.clusterers.SimpleKMeans", "-W", "weka.clusterers.NMF -I 20",
        "-figures"}, progress);
    String[] files = new File(out, "figures").list();
    Arrays.sort(files);
    assertEquals(Arrays.asList("blobs3-clean-NMF-seed1-basis.png", "blobs3-clean-NMF-seed1-convergence.png",
        "blobs3-saltpepper-NMF-seed1-basis.png", "blobs3-saltpepper-NMF-seed1-convergence.png"),
        Arrays.asList(files));
    String text = progress.toString("UTF-8");
    assertTrue(text.contains("no figures for blobs2 / clean / NMF"), text);
    for (String line : text.split("\n")) {
      // the noise filters cannot corrupt 2-value "images": those runs fail, reported; the others run
      assertEquals(line.contains("blobs2 | saltpepper"), line.contains("FAILED"), line);
    }
  }

  @Test
  void pairedTestMatchesAHandComputedValue() {
    // differences 1, 1, 2, 1: mean 1.25, sd 0.5, t = 5 with 3 degrees of freedom, p = 0.01539
    double p = BenchmarkReport.pairedPValue(new double[] {1, 2, 3, 4}, new double[] {0, 1, 1, 3});
    assertEquals(0.01539, p, 1e-5);
    // seeds where either run failed are left out of the pairing
    double withGaps = BenchmarkReport.pairedPValue(new double[] {1, 2, Double.NaN, 3, 4, 9},
        new double[] {0, 1, 5, 1, 3, Double.NaN});
    assertEquals(p, withGaps, 1e-12);
    assertTrue(Double.isNaN(BenchmarkReport.pairedPValue(new double[] {1, 2}, new double[] {1, 2})));
    assertTrue(Double.isNaN(BenchmarkReport.pairedPValue(new double[] {1}, new double[] {0})));
  }

  @Test
  void daggerMarksABestThatIsNotSignificantlyBetter() {
    List<CorruptionRecipe> recipes = Arrays.asList(CorruptionRecipe.parse("clean"));
    List<Integer> seeds = Arrays.asList(1, 2, 3, 4);
    double[][] scores = {{0.90, 0.91, 0.92, 0.93}, {0.80, 0.81, 0.83, 0.82}, {0.89, 0.93, 0.90, 0.92}};
    String[] names = {"A", "B", "C"};
    Map<String, BenchmarkResult> results = new java.util.HashMap<String, BenchmarkResult>();
    for (int c = 0; c < names.length; c++) {
      for (int s = 0; s < seeds.size(); s++) {
        BenchmarkResult.Coordinates at = new BenchmarkResult.Coordinates("d", "0", recipes.get(0), names[c], names[c],
            seeds.get(s), "max");
        results.put(BenchmarkReport.cellKey("d", "clean", names[c], seeds.get(s)),
            at.succeeded(scores[c][s], scores[c][s], 0, 0, 3, 3, 0.1, Double.NaN, Double.NaN));
      }
    }
    BenchmarkReport report = new BenchmarkReport(Arrays.asList("d"), recipes, Arrays.asList(names), seeds, 0.05,
        results);
    BenchmarkReport.Cell best = report.cell("ACC", "clean", "d", 0);
    assertTrue(best.best);
    assertEquals(0.915, best.mean, 1e-12);
    assertEquals(Math.sqrt(0.0005 / 3), best.std, 1e-12);
    // A (0.915) against the runner-up C (0.910): differences 0.01, -0.02, 0.02, 0.01 -> not significant
    assertTrue(best.notSignificant);
    assertFalse(report.cell("ACC", "clean", "d", 2).best);
    String row = "| clean | d | **0.9150 ± 0.0129** † | 0.8150 ± 0.0129 | 0.9100 ± 0.0183 |";
    assertTrue(report.markdown().contains(row),
        report.markdown());
  }

  @Test
  void clustererLabelsAndBadOptions() throws Exception {
    Map<String, String> labels = RobustnessBenchmark.labelled(Arrays.asList("weka.clusterers.SimpleKMeans -N 3",
        "fast=weka.clusterers.SimpleKMeans -N 3 -fast", "weka.clusterers.EM", "weka.clusterers.EM -I 5"));
    assertEquals(Arrays.asList("SimpleKMeans", "fast", "weka.clusterers.EM", "weka.clusterers.EM -I 5"),
        new ArrayList<String>(labels.keySet()));
    assertEquals("weka.clusterers.SimpleKMeans -N 3 -fast", labels.get("fast"));
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> RobustnessBenchmark.labelled(Arrays.asList("a=weka.clusterers.EM", "a=weka.clusterers.Cobweb")));
    assertTrue(twice.getMessage().contains("'a'"), twice.getMessage());

    IllegalArgumentException recipe = assertThrows(IllegalArgumentException.class,
        () -> new RobustnessBenchmark().setOptions(new String[] {"-recipe", "gaussian"}));
    assertTrue(recipe.getMessage().contains("gaussian") && recipe.getMessage().contains("saltpepper"),
        recipe.getMessage());
    IllegalArgumentException seeds = assertThrows(IllegalArgumentException.class,
        () -> new RobustnessBenchmark().setOptions(new String[] {"-seeds", "0"}));
    assertTrue(seeds.getMessage().contains("-seeds"), seeds.getMessage());
    Exception unknown = assertThrows(Exception.class,
        () -> new RobustnessBenchmark().setOptions(new String[] {"-bogus"}));
    assertTrue(unknown.getMessage().contains("-bogus"), unknown.getMessage());

    RobustnessBenchmark benchmark = new RobustnessBenchmark();
    benchmark.setOptions(new String[] {"-data", "x.arff", "-recipe", "pixel", "-recipe", "mine=weka.filters.AllFilter",
        "-W", "weka.clusterers.EM", "-seeds", "4", "-nmi", "sqrt", "-fresh"});
    RobustnessBenchmark copy = new RobustnessBenchmark();
    copy.setOptions(benchmark.getOptions());
    assertEquals(Arrays.asList(benchmark.getOptions()), Arrays.asList(copy.getOptions()));
  }

  @Test
  void defaultRecipesFollowThePaper() {
    assertEquals(Arrays.asList("clean", "saltpepper", "pixel", "regular", "irregular"),
        CorruptionRecipe.DEFAULTS.stream().map(CorruptionRecipe::name).collect(java.util.stream.Collectors.toList()));
    CorruptionRecipe pixel = CorruptionRecipe.parse("PIXEL");
    assertEquals(3, pixel.stageCount());
    assertTrue(pixel.stage(1).endsWith("CorruptedPixelNoise -P 20"));
    assertTrue(pixel.stage(2).endsWith("CorruptedPixelNoise -P 5"));
    assertEquals("weka.clusterers.ANMF -target \"weka.filters.unsupervised.attribute.CorruptedPixelNoise -P 5 -S 8\"",
        pixel.substituteStages("weka.clusterers.ANMF -target \"{stage2|shift}\"", 7));
    assertEquals("weka.clusterers.ANMF -target \"weka.filters.MultiFilter -S 8"
        + " -F \\\"weka.filters.unsupervised.attribute.CorruptedPixelNoise -P 5\\\""
        + " -F \\\"weka.filters.unsupervised.attribute.CorruptedPixelNoise -P 5\\\"\"",
        pixel.substituteStages("weka.clusterers.ANMF -target \"{stage2-3|shift}\"", 7));
    assertEquals("X {stage} -target shift",
        CorruptionRecipe.parse("clean").substituteStages("X {stage} -target {stage2|shift}", 7));
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> CorruptionRecipe.parse("clean").substituteStages("-target {stage2}", 1));
    assertTrue(missing.getMessage().contains("no stage 2"), missing.getMessage());
    assertEquals(0, CorruptionRecipe.parse("clean").stageCount());
    assertEquals("", CorruptionRecipe.parse("clean").dataStage());
  }
}
