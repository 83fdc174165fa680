package adversarialnmf.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import adversarialnmf.linalg.Blas;
import adversarialnmf.linalg.BlasSelection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import weka.clusterers.AbstractNMFClusterer;
import weka.clusterers.ClusterEvaluation;
import weka.clusterers.Clusterer;
import weka.core.Attribute;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

/**
 * Golden replay of the documented commands: every {@code java ...} line of README.md and
 * docs/*.md (fenced or indented code, with {@code \} continuations) is either replayed in-process
 * and compared with its stored output under src/test/resources/golden, or named in {@link #SKIPPED}
 * with the reason. Clusterer commands are compared on ClusterEvaluation's text plus the exact
 * training assignments; other commands on what they print plus a fingerprint of each ARFF file
 * they write (header, row and column sums: no copy of licensed data). Numbers match to a relative
 * 1e-6, other text exactly; lines that report timings or the BLAS found are ignored. The replay
 * runs on our kernels whatever BLAS the machine has: they give the same bits everywhere, while a
 * native BLAS rounds differently, which moves discrete outcomes (a J48 split, a class count) by
 * more than any tolerance.
 *
 * <p>After a deliberate change of behaviour, regenerate the stored outputs (and say why in the
 * commit message):
 * {@code mvn -B -q test -Dtest=DocumentedCommandsTest -Dgolden.update=true}
 */
class DocumentedCommandsTest {

  static final Path GOLDEN = Paths.get("src", "test", "resources", "golden");
  static final boolean UPDATE = Boolean.getBoolean("golden.update");
  static final Path DATASETS = Paths.get(System.getProperty("datasets", "../shared/datasets")).toAbsolutePath().normalize();
  static final double RELATIVE_TOLERANCE = 1e-6;

  /** Documented commands that are not replayed: (a substring of the command, why). */
  static final Map<String, String> SKIPPED = new LinkedHashMap<>();

  static {
    SKIPPED.put("RobustnessBenchmark", "minutes per run (10 seeds, six methods); covered by"
        + " RobustnessBenchmarkTest on small data");
    SKIPPED.put("adversarialnmf.bench.", "benchmark (src/bench, bench/run.sh): minutes, timings only");
    SKIPPED.put("adversarialnmf.experiments.", "study (src/bench): minutes on the full data sets");
    SKIPPED.put("AnmfAblation", "study (src/bench): an hour or more on 2 cores; its report is docs/results/ablation");
    SKIPPED.put("adversarialnmf.spark.", "the Spark job (spark/, its own Maven project): FactorizationJobTest"
        + " runs it in local mode");
    SKIPPED.put("-l mnist-nmf/model.model", "reads the Spark job's output; FactorizationJobTest evaluates the"
        + " job's model with ClusterEvaluation -l ... -T");
    SKIPPED.put(" weka.gui.", "starts a GUI; PackageInstallIT starts the Explorer, the Knowledge Flow and the"
        + " Experimenter from their main classes on Java 25 under Xvfb");
    SKIPPED.put("RankSelection", "140 fits (about a minute) writing into -out; RankSelectionTest runs it on"
        + " planted data");
    SKIPPED.put("WekaPackageManager", "installs into ~/wekafiles; PackageInstallIT does it offline");
    SKIPPED.put("{stage2-3|shift}", "a placeholder, not a command; FactorizationFiguresTest runs it");
    SKIPPED.put("-i noisy.arff", "its input noisy.arff is a placeholder for the user's data");
    SKIPPED.put("MNIST_test_bal1000", "10-fold cross-validation on 1000 images: about a minute");
  }

  @TempDir
  static Path work;

  private static Blas chosen;

  @BeforeAll
  static void replayOnOurKernels() {
    chosen = BlasSelection.use(BlasSelection.java());
  }

  @AfterAll
  static void restoreTheChoice() {
    BlasSelection.use(chosen);
  }

  @TestFactory
  Stream<DynamicNode> documentedCommands() throws IOException {
    List<Path> documents = new ArrayList<>();
    documents.add(Paths.get("README.md"));
    try (Stream<Path> docs = Files.list(Paths.get("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
    }
    List<DynamicNode> nodes = new ArrayList<>();
    for (Path document : documents) {
      List<String> commands = javaCommands(Files.readAllLines(document, StandardCharsets.UTF_8));
      if (commands.isEmpty()) {
        continue;
      }
      // commands of one document run in order in one folder: later ones read earlier outputs
      Path folder = work.resolve(document.getFileName().toString());
      List<DynamicTest> tests = new ArrayList<>();
      for (String command : commands) {
        tests.add(DynamicTest.dynamicTest(command, () -> replay(document, folder, command)));
      }
      nodes.add(DynamicContainer.dynamicContainer(document.toString(), tests));
    }
    return nodes.stream();
  }

  static void replay(Path document, Path folder, String command) throws Exception {
    for (Map.Entry<String, String> skip : SKIPPED.entrySet()) {
      Assumptions.assumeFalse(command.contains(skip.getKey()), skip.getValue());
    }
    Files.createDirectories(folder);
    List<String> words = shellWords(command);
    String mainClass = words.get(0);
    String[] args = resolvePaths(words.subList(1, words.size()), folder);
    String output = run(mainClass, args, folder);
    Path golden = GOLDEN.resolve(document.getFileName().toString().replace(".md", "")
        + "-" + digest(command) + ".txt");
    String stored = "# " + command + "\n" + output;
    if (UPDATE) {
      Files.createDirectories(GOLDEN);
      Files.write(golden, stored.getBytes(StandardCharsets.UTF_8));
      return;
    }
    assertTrue(Files.isRegularFile(golden), "no stored output " + golden + " for `" + command
        + "`; create it with mvn -B -q test -Dtest=DocumentedCommandsTest -Dgolden.update=true");
    assertSameOutput(new String(Files.readAllBytes(golden), StandardCharsets.UTF_8), stored);
  }

  /** Runs one command in-process; returns what it printed and fingerprints of what it wrote. */
  static String run(String mainClass, String[] args, Path folder) throws Exception {
    Class<?> type = Class.forName(mainClass);
    StringBuilder output = new StringBuilder();
    if (Clusterer.class.isAssignableFrom(type)) {
      // what runClusterer prints, plus the exact assignments of the training instances
      Clusterer clusterer = (Clusterer) type.getDeclaredConstructor().newInstance();
      output.append(ClusterEvaluation.evaluateClusterer(clusterer, args.clone()));
      if (clusterer instanceof AbstractNMFClusterer) {
        output.append("\n=== training assignments ===\n").append(Arrays.stream(
            ((AbstractNMFClusterer) clusterer).getTrainingAssignments())
            .mapToObj(Integer::toString).collect(Collectors.joining(" "))).append('\n');
      }
    } else {
      PrintStream original = System.out;
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      Method main = type.getMethod("main", String[].class);
      try (PrintStream capture = new PrintStream(printed, true, "UTF-8")) {
        System.setOut(capture);
        main.invoke(null, (Object) args.clone());
      } finally {
        System.setOut(original);
      }
      output.append(new String(printed.toByteArray(), StandardCharsets.UTF_8));
    }
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals("-o") && args[i + 1].endsWith(".arff")) {
        Path written = Paths.get(args[i + 1]);
        assertTrue(Files.isRegularFile(written), mainClass + " did not write " + written);
        output.append("\n=== ").append(folder.relativize(written)).append(" ===\n")
            .append(fingerprint(written));
      }
    }
    return output.toString().replace(folder.toString(), "<folder>");
  }

  /** Header, then the sum of each row and of each column: enough to notice any changed value. */
  static String fingerprint(Path arff) throws Exception {
    Instances data = DataSource.read(arff.toString());
    StringBuilder text = new StringBuilder(new Instances(data, 0).toString()).append('\n');
    double[] columns = new double[data.numAttributes()];
    text.append("row sums:");
    for (int i = 0; i < data.numInstances(); i++) {
      double row = 0;
      for (int j = 0; j < data.numAttributes(); j++) {
        double value = data.instance(i).isMissing(j) ? 0 : data.instance(i).value(j);
        row += value;
        columns[j] += value;
      }
      text.append(' ').append(number(row));
    }
    text.append("\ncolumn sums:");
    for (int j = 0; j < columns.length; j++) {
      Attribute attribute = data.attribute(j);
      text.append(' ').append(attribute.isNumeric() || attribute.isNominal() ? number(columns[j]) : "-");
    }
    return text.append('\n').toString();
  }

  static String number(double value) {
    return String.format(Locale.ROOT, "%.10g", value);
  }

  static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?");
  /** Lines that differ between runs or machines: timings, and which BLAS was found. */
  static final Pattern MACHINE_DEPENDENT =
      Pattern.compile("(?i)time taken|seconds|\\bms\\b|elapsed|^linear algebra:");

  static void assertSameOutput(String expected, String actual) {
    List<String> want = comparableLines(expected);
    List<String> got = comparableLines(actual);
    String context = "replayed output differs from the stored one (if on purpose, regenerate with"
        + " mvn -B -q test -Dtest=DocumentedCommandsTest -Dgolden.update=true)";
    for (int line = 0; line < Math.min(want.size(), got.size()); line++) {
      if (!sameLine(want.get(line), got.get(line))) {
        fail(context + " at line " + (line + 1) + ":\n  stored:   " + want.get(line)
            + "\n  replayed: " + got.get(line));
      }
    }
    assertEquals(want.size(), got.size(), context + ": number of lines");
  }

  static List<String> comparableLines(String text) {
    return Arrays.stream(text.split("\r?\n")).map(String::trim)
        .filter(line -> !line.isEmpty() && !MACHINE_DEPENDENT.matcher(line).find())
        .collect(Collectors.toList());
  }

  static boolean sameLine(String expected, String actual) {
    Matcher want = NUMBER.matcher(expected);
    Matcher got = NUMBER.matcher(actual);
    int wantEnd = 0;
    int gotEnd = 0;
    while (want.find()) {
      if (!got.find() || !expected.substring(wantEnd, want.start()).equals(actual.substring(gotEnd, got.start()))) {
        return false;
      }
      double a = Double.parseDouble(want.group());
      double b = Double.parseDouble(got.group());
      if (Math.abs(a - b) > RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b))) {
        return false;
      }
      wantEnd = want.end();
      gotEnd = got.end();
    }
    return !got.find() && expected.substring(wantEnd).equals(actual.substring(gotEnd));
  }

  /** The java command lines of a Markdown document, continuations joined. */
  static List<String> javaCommands(List<String> lines) {
    List<String> commands = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).trim();
      if (!line.startsWith("java ")) {
        continue;
      }
      StringBuilder command = new StringBuilder();
      while (line.endsWith("\\") && i + 1 < lines.size()) {
        command.append(line, 0, line.length() - 1).append(' ');
        line = lines.get(++i).trim();
      }
      commands.add(command.append(line).toString().replaceAll("\\s+", " "));
    }
    return commands;
  }

  /**
   * Splits a documented command as a shell would (quotes, backslash escapes, $N and $D), then drops
   * the launcher: {@code java}, its flags and class path, and {@code weka.Run}.
   */
  static List<String> shellWords(String command) {
    String expanded = command.replace("$N", "weka.filters.unsupervised.attribute")
        .replace("$D", DATASETS.toString()).replace("../shared/datasets", DATASETS.toString());
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (int i = 0; i < expanded.length(); i++) {
      char c = expanded.charAt(i);
      if (quote == 0 && Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
        continue;
      }
      if (word == null) {
        word = new StringBuilder();
      }
      if (quote == 0 && (c == '"' || c == '\'')) {
        quote = c;
      } else if (c == quote) {
        quote = 0;
      } else if (c == '\\' && quote != '\'' && i + 1 < expanded.length()) {
        word.append(expanded.charAt(++i));
      } else {
        word.append(c);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    int first = 1;
    while (words.get(first).startsWith("-")) {
      first += words.get(first).equals("-cp") || words.get(first).equals("-classpath") ? 2 : 1;
    }
    if (words.get(first).equals("weka.Run")) {
      first++;
    }
    return words.subList(first, words.size());
  }

  /** Relative inputs come from the document's folder if an earlier command wrote them, else from
   * the checkout; outputs go to the document's folder. A missing data set skips the command. */
  static String[] resolvePaths(List<String> words, Path folder) throws IOException {
    String[] args = words.toArray(new String[0]);
    for (int i = 0; i + 1 < args.length; i++) {
      Path path = Paths.get(args[i + 1]);
      if (args[i].equals("-o")) {
        Path output = folder.resolve(path.getFileName());
        args[i + 1] = output.toString();
      } else if (args[i].equals("-i") || args[i].equals("-t") || args[i].equals("-T")) {
        // a file an earlier command of the document wrote (-o, e.g. into /tmp) is read from the folder
        Path written = folder.resolve(path.getFileName());
        Path input = Files.exists(written) ? written : path.isAbsolute() ? path : path.toAbsolutePath();
        Assumptions.assumeTrue(Files.isRegularFile(input), "data not on this machine: " + input);
        args[i + 1] = input.toString();
      }
    }
    return args;
  }

  static String digest(String command) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(command.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (int i = 0; i < 4; i++) {
        hex.append(String.format("%02x", hash[i]));
      }
      return hex.toString();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
