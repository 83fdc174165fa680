package adversarialnmf.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.testing.PackageClusterers;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end, as a user would: the built package zip is installed offline into a fresh WEKA_HOME
 * with Weka's package manager, then used from that installation only (our jar, commons-math3 and
 * dev.ludovic.netlib are not on the class path; Weka loads them from the package, and Weka's own
 * arpack_combined_all provides the org.netlib.util classes that dev.ludovic.netlib needs).
 */
class PackageInstallIT {

  static final String VERSION = System.getProperty("project.version", "1.0.0");
  static final Path ZIP = Paths.get("target", "adversarialNMF-" + VERSION + ".zip");

  @TempDir
  static Path wekaHome;

  static String wekaClassPath;
  static String installOutput;

  @BeforeAll
  static void install() throws Exception {
    // Weka and its own dependencies only: drop this project, commons-math3 and test libraries.
    wekaClassPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> !e.isEmpty() && !e.endsWith(".pom"))
        .filter(e -> !e.contains("commons-math3") && !e.contains("adversarialNMF") && !e.endsWith("classes"))
        .filter(e -> !e.contains(File.separator + "ludovic" + File.separator))
        .filter(e -> !e.contains("junit") && !e.contains("opentest4j") && !e.contains("apiguardian")
            && !e.endsWith("-tests.jar"))
        .collect(Collectors.joining(File.pathSeparator));
    // as README installs it: offline, and Weka's class loader allowed into the JDK (Java 16+)
    installOutput = wekaWith(new String[] {"--add-opens=java.base/sun.net.www.protocol.jar=ALL-UNNAMED"},
        "weka.core.WekaPackageManager", "-offline", "-install-package", ZIP.toString());
    assertTrue(Files.isRegularFile(wekaHome.resolve("packages/adversarialNMF/adversarialNMF.jar")), installOutput);
  }

  /** No stack trace, and Weka's one line per file of a zip that has few (the sources in one jar). */
  @Test
  void installIsQuiet() throws IOException {
    assertTrue(!installOutput.contains("Exception") && !installOutput.contains("\tat "), installOutput);
    long installing = Arrays.stream(installOutput.split("\n")).filter(l -> l.contains("Installing: ")).count();
    try (ZipFile zip = new ZipFile(ZIP.toFile())) {
      assertEquals(zip.stream().filter(e -> !e.isDirectory()).count(), installing, installOutput);
    }
    assertTrue(installing < 80, installing + " files installed:\n" + installOutput);
  }

  static String weka(String mainClass, String... args) throws IOException, InterruptedException {
    return wekaWith(new String[0], mainClass, args);
  }

  /** Runs {@code mainClass} from the installation with extra JVM flags. */
  static String wekaWith(String[] jvmFlags, String mainClass, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<String>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(Arrays.asList(jvmFlags));
    command.add("-Djava.awt.headless=true");
    return launch(command, mainClass, args);
  }

  /** Runs {@code mainClass} from the installation with the JVM {@code java} on a virtual X display. */
  static String onVirtualDisplay(String java, String mainClass, String... args)
      throws IOException, InterruptedException {
    assertTrue(Files.isExecutable(Paths.get("/usr/bin/xvfb-run")),
        "the GUI test needs xvfb-run (Debian: apt-get install xvfb xauth; .ci/run installs it)");
    List<String> command = new ArrayList<String>(Arrays.asList("/usr/bin/xvfb-run", "-a", "-s",
        "-screen 0 1920x1080x24", java));
    return launch(command, mainClass, args);
  }

  private static String launch(List<String> command, String mainClass, String... args)
      throws IOException, InterruptedException {
    command.add("-Dweka.packageManager.offline=true");
    command.add("-cp");
    command.add(wekaClassPath);
    command.add(mainClass);
    command.addAll(Arrays.asList(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("WEKA_HOME", wekaHome.toString());
    Path log = Files.createTempFile("weka-run", ".txt");
    builder.redirectOutput(log.toFile());
    Process process = builder.start();
    assertTrue(process.waitFor(180, TimeUnit.SECONDS), "timed out: " + command);
    String output = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), output);
    return output;
  }

  @Test
  void zipHasNoEnclosingFolder() throws IOException {
    try (ZipFile zip = new ZipFile(ZIP.toFile())) {
      assertTrue(zip.getEntry("Description.props") != null, "Description.props at the root");
      assertTrue(zip.getEntry("adversarialNMF.jar") != null, "package jar at the root");
      assertTrue(zip.getEntry("lib/commons-math3-3.6.1.jar") != null, "commons-math3 in lib/");
      assertTrue(zip.getEntry("lib/blas-3.0.3.jar") != null, "dev.ludovic.netlib BLAS in lib/");
      assertTrue(zip.getEntry("lib/lapack-3.0.3.jar") != null, "dev.ludovic.netlib LAPACK in lib/");
      assertTrue(zip.stream().noneMatch(e -> e.getName().contains("arpack")), "Weka ships arpack_combined_all");
    }
  }

  /** The docs' pages and figures ship; the studies' raw per-run CSVs (3.5 MB) stay in the repository. */
  @Test
  void zipCarriesNoRawResultsAndStaysSmall() throws IOException {
    try (ZipFile zip = new ZipFile(ZIP.toFile())) {
      List<String> csv = zip.stream().map(e -> e.getName()).filter(n -> n.endsWith(".csv")).collect(Collectors.toList());
      assertTrue(csv.isEmpty(), "raw results in the zip: " + csv);
      assertTrue(zip.getEntry("doc/RESULTS.md") != null && zip.getEntry("doc/explorer-view-evaluation.png") != null,
          "the docs' pages and the figures they show");
      assertTrue(zip.getEntry("src/adversarialNMF-sources.jar") != null, "the sources, in one jar");
    }
    // 4.1 MB measured, most of it the jars of lib/ (commons-math3 alone 2.2 MB)
    long size = Files.size(ZIP);
    assertTrue(size < 4_500_000, ZIP + " is " + size + " bytes");
  }

  @Test
  void packageManagerListsTheInstalledPackage() throws Exception {
    String output = weka("weka.core.WekaPackageManager", "-offline", "-list-packages", "installed");
    assertTrue(output.contains("adversarialNMF"), output);
  }

  @Test
  void clustererRunsFromTheInstallation() throws Exception {
    String output = weka("weka.Run", "weka.clusterers.ANMF", "-t", "test-data/MNIST_test_bal150.arff.gz",
        "-N", "10", "-c", "last", "-I", "30");
    assertTrue(output.contains("ANMF") && output.contains("Clustered instances (kmeans rule, best of 10 runs)"), output);
    assertTrue(output.contains("Classes to Clusters"), output);
  }

  /** ANMF's toString names the linear algebra; the native path loads from the package where this JVM finds a system BLAS. */
  @Test
  void nativeBlasLoadsFromTheInstallationWhereTheSystemHasOne() throws Exception {
    String output = weka("weka.Run", "weka.clusterers.ANMF", "-t", "test-data/MNIST_test_bal150.arff.gz",
        "-N", "10", "-c", "last", "-I", "5");
    if (adversarialnmf.linalg.BlasSelection.nativeIfAvailable().isPresent()) {
      assertTrue(output.contains("Linear algebra: native ("), output);
    } else {
      assertTrue(output.contains("Linear algebra: java (our kernels)"), output);
    }
  }

  @Test
  void everythingWorksWithOurKernelsForced() throws Exception {
    String[] forceJava = {"-D" + adversarialnmf.linalg.Blas.PROPERTY + "=java"};
    String output = wekaWith(forceJava, "weka.Run", "weka.clusterers.ANMF", "-t",
        "test-data/MNIST_test_bal150.arff.gz", "-N", "10", "-c", "last", "-I", "30");
    assertTrue(output.contains("Linear algebra: java (our kernels)"), output);
    assertTrue(output.contains("Classes to Clusters"), output);
    output = wekaWith(forceJava, "weka.Run", "weka.clusterers.NMF", "-t", "test-data/MNIST_test_bal150.arff.gz",
        "-N", "10", "-c", "last", "-I", "30");
    assertTrue(output.contains("Linear algebra: java (our kernels)"), output);
  }

  @Test
  void explorerOffersTheClusterers() throws Exception {
    String output = weka("src/test/resources/packaging/GoeListing.java", "weka.clusterers.Clusterer");
    // every clusterer of the build (discovered on this JVM's class path) is offered by the installation,
    // and MiniBatchNMF, which streams and so is no AbstractNMFClusterer
    List<String> clusterers = new ArrayList<>(PackageClusterers.names());
    clusterers.add("MiniBatchNMF");
    for (String clusterer : clusterers) {
      assertTrue(output.contains("weka.clusterers.Clusterer weka.clusterers." + clusterer + "\n"), output);
    }
  }

  @Test
  void experimenterOffersTheClustererSplitEvaluator() throws Exception {
    String output = weka("src/test/resources/packaging/GoeListing.java", "weka.experiment.SplitEvaluator");
    assertTrue(output.contains("weka.experiment.SplitEvaluator weka.experiment.ClustererSplitEvaluator\n"), output);
  }

  @Test
  void benchmarkRunsFromTheInstallation(@TempDir Path out) throws Exception {
    String output = weka("weka.Run", "RobustnessBenchmark", "-seeds", "1", "-recipe", "clean", "-recipe",
        "saltpepper", "-W", "weka.clusterers.SimpleKMeans", "-W", "weka.clusterers.NMF -I 30", "-out", out.toString());
    assertTrue(output.contains("| saltpepper | MNIST_test_bal150 |"), output);
    assertTrue(!output.contains("FAILED") && !output.contains("failed"), output);
    assertTrue(Files.isRegularFile(out.resolve("tables.tex")), output);
  }

  @Test
  void explorerOffersTheFilterAndItsClusterers() throws Exception {
    String output = weka("src/test/resources/packaging/GoeListing.java", "weka.filters.Filter",
        "weka.clusterers.AbstractNMFClusterer");
    for (String filter : new String[] {"NonnegativeFactorization", "ConstantShift", "SaltAndPepperNoise"}) {
      assertTrue(output.contains("weka.filters.Filter weka.filters.unsupervised.attribute." + filter + "\n"), output);
    }
    for (String clusterer : PackageClusterers.names()) {
      assertTrue(output.contains("weka.clusterers.AbstractNMFClusterer weka.clusterers." + clusterer + "\n"),
          output);
    }
  }

  @Test
  void knowledgeFlowListsAndLoadsThePackagesTemplate() throws Exception {
    String output = weka("src/test/resources/packaging/KnowledgeFlowTemplates.java");
    assertTrue(output.contains("TEMPLATE ANMF and NMF on salt-and-pepper MNIST-150 | Loader:MNIST-150"
        + " ClassAssigner:ClassAssigner Filter:SaltAndPepperNoise 10% TrainingSetMaker:TrainingSetMaker"
        + " Clusterer:NMF Clusterer:ANMF ClustererPerformanceEvaluator:ClustererPerformanceEvaluator"
        + " TextViewer:TextViewer"), output);
  }

  /**
   * The Knowledge Flow on a virtual display (package loaded from WEKA_HOME only): every clusterer of
   * the package under Clusterers, every filter under Filters > unsupervised > attribute, the
   * template in the canvas; screenshots under target/knowledgeflow-screenshots.
   */
  @Test
  void knowledgeFlowPaletteListsThePackageUnderWekasCategories() throws Exception {
    Path shots = Paths.get("target", "knowledgeflow-screenshots");
    List<String> clusterers = PackageClusterers.names();
    String[] filters = {"NonnegativeFactorization", "ConstantShift", "SaltAndPepperNoise", "CorruptedPixelNoise",
        "RegularPatchNoise", "IrregularPatchNoise", "GaussianNoise", "LaplaceNoise", "FactorizationAttack"};
    List<String> args = new ArrayList<String>(Arrays.asList("kf-palette", shots.toString(), TEMPLATE));
    args.addAll(clusterers);
    args.addAll(Arrays.asList(filters));
    String output = onVirtualDisplay(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        DRIVER, args.toArray(new String[0]));
    assertTrue(output.contains("DONE"), output);
    for (String clusterer : clusterers) {
      assertTrue(output.contains("PALETTE Clusterers > " + clusterer + "\n"), output);
    }
    for (String filter : filters) {
      assertTrue(output.contains("PALETTE Filters > unsupervised > attribute > " + filter + "\n"), output);
    }
    for (String shot : new String[] {"kf-palette-clusterers", "kf-palette-filters"}) {
      assertTrue(Files.size(shots.resolve(shot + ".png")) > 5000, shot + "\n" + output);
    }
  }

  /**
   * ANMF's property sheet from the installation on a virtual display: the attacker target is one
   * filter property (the command-line forms hidden), opened in Weka's own object editor as the shift
   * filter with -shift's t; the filter tree holds the shift filter under unsupervised > attribute,
   * and a choice in it (AllFilter) reaches ANMF's options. Screenshots under target/target-editor-screenshots.
   */
  @Test
  void anmfsAttackerTargetIsChosenWithWekasObjectEditor() throws Exception {
    Path shots = Paths.get("target", "target-editor-screenshots");
    String output = onVirtualDisplay(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        DRIVER, "target-editor", shots.toString());
    assertTrue(output.contains("DONE"), output);
    assertTrue(output.contains("PROPERTY attacker target\n"), output);
    assertTrue(!output.contains("PROPERTY shift\n") && !output.contains("PROPERTY attacker target (command line)"),
        output);
    assertTrue(output.contains("OPTIONS -N 10 -alpha 0.6 -beta 1.0E-5 -gamma 0.001 -lambda 0.001 -target shift"
        + " -shift 0.05 -solver auto"), output);
    assertTrue(output.contains("TARGET_PROPERTY weka.filters.unsupervised.attribute.ConstantShift\n")
        && output.contains("TARGET_PROPERTY shift t\n"), output);
    assertTrue(output.contains("TREE [weka, filters, unsupervised, attribute, ConstantShift]"), output);
    assertTrue(output.contains("-lambda 0.001 -target weka.filters.AllFilter -shift -1.0 -solver auto"), output);
    for (String shot : new String[] {"anmf-property-sheet", "anmf-target-editor", "anmf-target-filter-tree"}) {
      assertTrue(Files.size(shots.resolve(shot + ".png")) > 5000, shot + "\n" + output);
    }
  }

  private static final String TEMPLATE = "ANMF and NMF on salt-and-pepper MNIST-150";

  /**
   * The template run to the end by Weka's FlowRunner from the installation: its ANMF branch reaches
   * the evaluation, whose classes-to-clusters table is the command line's for the same corruption
   * (SaltAndPepperNoise -P 10 -S 1) and the same ANMF.
   */
  @Test
  void knowledgeFlowTemplateRunsAndEvaluatesAnmfAsTheCommandLine(@TempDir Path out) throws Exception {
    String flow = weka("src/test/resources/packaging/KnowledgeFlowTemplates.java", "run", TEMPLATE);
    for (String line : flow.split("\n")) {
      if (line.startsWith("FLOW_SECONDS ")) {
        System.out.println(line);
      }
    }
    String anmf = result(flow, "ANMF train");
    assertTrue(result(flow, "NMF train").contains("Classes to Clusters:"), flow);
    assertTrue(anmf.contains("Attacker target Z: explicit Z (784x150)"), anmf);

    Path noisy = out.resolve("noisy.arff");
    weka("weka.Run", "weka.filters.unsupervised.attribute.SaltAndPepperNoise", "-P", "10", "-S", "1", "-c", "last",
        "-i", wekaHome.resolve("packages/adversarialNMF/data/MNIST_test_bal150.arff.gz").toString(),
        "-o", noisy.toString());
    String commandLine = weka("weka.Run", "weka.clusterers.ANMF", "-t", noisy.toString(), "-c", "last", "-N", "10",
        "-I", "100", "-target", "weka.filters.unsupervised.attribute.SaltAndPepperNoise -P 10 -S 2");
    String evaluation = classesToClusters(commandLine);
    assertTrue(evaluation.contains("Incorrectly clustered instances"), commandLine);
    assertEquals(evaluation, classesToClusters(anmf));
  }

  /** The text a TextViewer of the flow received under a title containing {@code title}. */
  private static String result(String flow, String title) {
    int start = flow.indexOf("RESULT ");
    while (start >= 0) {
      int end = flow.indexOf("\nEND_RESULT", start);
      String result = flow.substring(start, end);
      if (result.substring(0, result.indexOf('\n')).contains(" - " + title + " ")) {
        return result;
      }
      start = flow.indexOf("RESULT ", end);
    }
    throw new AssertionError("no result '" + title + "' in the flow's output:\n" + flow);
  }

  /** From "Classes to Clusters:" to the incorrectly clustered line. */
  private static String classesToClusters(String output) {
    int start = output.indexOf("Classes to Clusters:");
    int end = output.indexOf('\n', output.indexOf("Incorrectly clustered instances", start));
    assertTrue(start >= 0 && end > start, output);
    return output.substring(start, end);
  }

  /**
   * In the Explorer on a virtual display (package loaded from WEKA_HOME only): ANMF on MNIST-150
   * in the Cluster tab, the Factorization view's accuracy against ClusteringScores, screenshots
   * under target/explorer-screenshots; then a long fit whose progress reaches the log, which Stop
   * ends (twice, Start working again in between).
   */
  @Test
  void explorerShowsTheFactorizationViewAndStopEndsAFit() throws Exception {
    Path shots = Paths.get("target", "explorer-screenshots");
    String output = onVirtualDisplay(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        DRIVER, "explorer", MNIST, shots.toString(), "weka.clusterers.ANMF -N 10 -I 30", LONG_RUN);
    assertTrue(output.contains("DONE"), output);
    double expected = Double.parseDouble(value(output, "EXPECTED_ACC"));
    assertEquals(String.format(java.util.Locale.ROOT, "%.4f", expected), value(output, "SHOWN_ACC"), output);
    for (String shot : new String[] {"explorer-cluster-tab", "view-basis-images", "view-convergence",
        "view-evaluation", "view-data-images"}) {
      assertTrue(Files.size(shots.resolve(shot + ".png")) > 5000, shot + "\n" + output);
    }
    assertStopsAndRestarts(output);
  }

  /** Java 20 and later have no Thread.stop: Weka's Stop button relies on the solvers' interruption alone. */
  @Test
  void stopEndsAFitOnJava25() throws Exception {
    Path java25 = Paths.get(System.getProperty("java25.home", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "java");
    Assumptions.assumeTrue(Files.isExecutable(java25), "no Java 25 at " + java25);
    String output = onVirtualDisplay(java25.toString(), DRIVER, "explorer", MNIST, "target/explorer-screenshots-java25",
        "-", LONG_RUN);
    assertTrue(output.contains("DONE"), output);
    assertStopsAndRestarts(output);
  }

  /**
   * README's Java 25 commands: the Explorer, the Knowledge Flow and the Experimenter start from their
   * own main classes (package loaded from WEKA_HOME); Weka 3.8.6's GUI Chooser shows its error
   * dialog instead, since Java 24 refuses its security manager. Screenshots under
   * target/java25-screenshots.
   */
  @Test
  void guisStartFromTheirMainClassesOnJava25() throws Exception {
    Path java25 = Paths.get(System.getProperty("java25.home", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "java");
    Assumptions.assumeTrue(Files.isExecutable(java25), "no Java 25 at " + java25);
    String output = onVirtualDisplay(java25.toString(), DRIVER, "main-windows", "target/java25-screenshots",
        "weka.gui.explorer.Explorer", "weka.gui.knowledgeflow.KnowledgeFlow", "weka.gui.experiment.Experimenter",
        "weka.gui.GUIChooser");
    assertTrue(output.contains("DONE"), output);
    assertTrue(output.contains("WINDOW weka.gui.explorer.Explorer Weka Explorer\n"), output);
    assertTrue(output.contains("WINDOW weka.gui.knowledgeflow.KnowledgeFlow Weka Knowledge Flow\n"), output);
    assertTrue(output.contains("WINDOW weka.gui.experiment.Experimenter Weka Experiment Environment\n"), output);
    assertTrue(output.contains("ERROR_DIALOG weka.gui.GUIChooser ") && output.contains(
        "UnsupportedOperationException: Setting a Security Manager is not supported"), output);
  }

  private static final String DRIVER = "src/test/resources/packaging/GuiDriver.java";
  private static final String MNIST = "test-data/MNIST_test_bal150.arff.gz";
  private static final String LONG_RUN = "weka.clusterers.ANMF -N 10 -I 100000 -E 0";

  /** Both rounds: progress in the log, the fit ended soon after Stop, Start usable again. */
  private static void assertStopsAndRestarts(String output) {
    for (String line : output.split("\n")) {
      if (line.matches("^(FIT_SECONDS|SHOWN_ACC|EXPECTED_ACC|EVALUATION_MILLIS|PROGRESS_LINE|STOP_SECONDS|STOP_MESSAGE"
          + "|STOP_DIALOG_WIDTH|STOP_STATUS) .*")) {
        System.out.println(line); // the measured figures, in target/failsafe-reports/*-output.txt
      }
    }
    assertTrue(output.contains("PROGRESS_LINE") && value(output, "PROGRESS_LINE").contains("ANMF: iteration "),
        output);
    for (String line : output.split("\n")) {
      if (line.startsWith("STOP_SECONDS ")) {
        // generous against a loaded machine; measured 0.1-0.2 s (see the closing note)
        assertTrue(Double.parseDouble(line.substring(13)) < 2.0, output);
      }
    }
    for (String line : output.split("\n")) {
      // Weka's error dialog after Stop (Java 20+): short, and the status line no longer shows the progress
      if (line.startsWith("STOP_DIALOG_WIDTH ")) {
        assertTrue(Integer.parseInt(line.substring(18).trim()) < 800, output);
      }
      if (line.startsWith("STOP_STATUS ")) {
        assertTrue(line.contains("was stopped at iteration") && !line.contains(": iteration "), output);
      }
    }
    assertTrue(output.contains("RESTARTABLE 2"), output);
  }

  private static String value(String output, String key) {
    for (String line : output.split("\n")) {
      if (line.startsWith(key + " ")) {
        return line.substring(key.length() + 1).trim();
      }
    }
    throw new AssertionError("no " + key + " in the driver's output:\n" + output);
  }
}
