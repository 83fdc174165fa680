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
    String output = weka("weka.core.WekaPackageManager", "-offline", "-install-package", ZIP.toString());
    assertTrue(Files.isRegularFile(wekaHome.resolve("packages/adversarialNMF/adversarialNMF.jar")), output);
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
        "-screen 0 1400x1000x24", java));
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

  @Test
  void packageManagerListsTheInstalledPackage() throws Exception {
    String output = weka("weka.core.WekaPackageManager", "-offline", "-list-packages", "installed");
    assertTrue(output.contains("adversarialNMF"), output);
  }

  @Test
  void clustererRunsFromTheInstallation() throws Exception {
    String output = weka("weka.Run", "weka.clusterers.ANMF", "-t", "test-data/MNIST_test_bal150.arff.gz",
        "-N", "10", "-c", "last", "-I", "30");
    assertTrue(output.contains("ANMF") && output.contains("Clustered instances (argmax rule)"), output);
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
    // every clusterer of the build (discovered on this JVM's class path) is offered by the installation
    for (String clusterer : PackageClusterers.names()) {
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
    assertTrue(output.contains("weka.filters.Filter weka.filters.unsupervised.attribute.NonnegativeFactorization\n"),
        output);
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
   * In the Explorer on a virtual display (package loaded from WEKA_HOME only): ANMF on MNIST-150
   * in the Cluster tab, the Factorization view's accuracy against ClusteringScores, screenshots
   * under target/explorer-screenshots; then a long fit whose progress reaches the log, which Stop
   * ends (twice, Start working again in between).
   */
  @Test
  void explorerShowsTheFactorizationViewAndStopEndsAFit() throws Exception {
    Path shots = Paths.get("target", "explorer-screenshots");
    String output = onVirtualDisplay(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        DRIVER, MNIST, shots.toString(), "weka.clusterers.ANMF -N 10 -I 30", LONG_RUN);
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
    String output = onVirtualDisplay(java25.toString(), DRIVER, MNIST, "target/explorer-screenshots-java25", "-",
        LONG_RUN);
    assertTrue(output.contains("DONE"), output);
    assertStopsAndRestarts(output);
  }

  private static final String DRIVER = "src/test/resources/packaging/ExplorerDriver.java";
  private static final String MNIST = "test-data/MNIST_test_bal150.arff.gz";
  private static final String LONG_RUN = "weka.clusterers.ANMF -N 10 -I 100000 -E 0";

  /** Both rounds: progress in the log, the fit ended soon after Stop, Start usable again. */
  private static void assertStopsAndRestarts(String output) {
    for (String line : output.split("\n")) {
      if (line.matches("^(FIT_SECONDS|SHOWN_ACC|EXPECTED_ACC|EVALUATION_MILLIS|PROGRESS_LINE|STOP_SECONDS|STOP_MESSAGE) .*")) {
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
