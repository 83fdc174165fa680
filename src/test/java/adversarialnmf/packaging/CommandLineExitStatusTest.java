package adversarialnmf.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The package's own command-line programs, each run as its own JVM with a bad option: exit status
 * 1 (a script can tell) and a first line that names the program and the option, no stack trace.
 * (The clusterers' and filters' mains are Weka's runClusterer / runFilter, and {@code weka.Run}
 * is Weka's: both print the error and exit 0.)
 */
class CommandLineExitStatusTest {

  @TempDir
  Path work;

  @ParameterizedTest
  @ValueSource(strings = {"weka.experiment.RobustnessBenchmark", "weka.experiment.RankSelection",
      "weka.experiment.FactorizationFigures", "weka.experiment.ClassesToClustersEvaluation",
      "weka.filters.unsupervised.attribute.NoiseGallery"})
  void aBadOptionExitsWithStatusOneAndOneLineNamingIt(String mainClass) throws Exception {
    Path log = work.resolve("output.txt");
    Process process = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.awt.headless=true", "-Dweka.packageManager.offline=true",
        "-cp", System.getProperty("java.class.path"), mainClass, "-no-such-option", "7")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), mainClass + " did not end");
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
        .filter(line -> !isJavaLoggingLine(line)).collect(Collectors.toList());
    String output = String.join("\n", lines);
    assertEquals(1, process.exitValue(), output);
    String simpleName = mainClass.substring(mainClass.lastIndexOf('.') + 1);
    assertEquals(simpleName + ": Illegal options: -no-such-option 7", lines.get(0).trim(), output);
    assertTrue(lines.stream().noneMatch(line -> line.trim().startsWith("at ") || line.contains("Exception")),
        "no stack trace: " + output);
  }

  /** java.util.logging's two lines about which BLAS loads (dev.ludovic.netlib, Weka's ARPACK). */
  private static boolean isJavaLoggingLine(String line) {
    return Arrays.asList("WARNING: ", "INFO: ").stream().anyMatch(line::startsWith)
        || line.matches("^[A-Z][a-z]{2} \\d{2}, \\d{4} .*");
  }
}
