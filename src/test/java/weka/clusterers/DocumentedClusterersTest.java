package weka.clusterers;

import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.testing.PackageClusterers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The texts that cannot discover the clusterers name every one that {@link PackageClusterers}
 * discovers, and every one has the shared tests: a clusterer added without its README entry, its
 * mention in the package description or its contract and Weka-check tests fails here.
 */
class DocumentedClusterersTest {

  static Stream<Class<? extends AbstractNMFClusterer>> clusterers() {
    return PackageClusterers.classes().stream();
  }

  private static String read(String path) throws Exception {
    return new String(Files.readAllBytes(Paths.get(path)), StandardCharsets.UTF_8);
  }

  /** The text of {@code document} from the line starting with {@code from} to the next heading. */
  private static String section(String document, String from) {
    int start = document.indexOf("\n" + from);
    assertTrue(start >= 0, "no section '" + from + "'");
    int end = document.indexOf("\n#", start + 1 + from.length());
    return document.substring(start, end < 0 ? document.length() : end);
  }

  private static boolean namesClass(String text, String name) {
    return text.contains("`" + name + "`") || text.contains("`weka.clusterers." + name + "`")
        || text.contains("`clusterers/" + name + "`");
  }

  @ParameterizedTest
  @MethodSource("clusterers")
  void theReadmesAndTheFeatureGuideNameIt(Class<? extends AbstractNMFClusterer> type) throws Exception {
    String name = type.getSimpleName();
    String readme = read("README.md");
    String table = readme.substring(0, readme.indexOf("\n## "));
    assertTrue(namesClass(table, name), "README's table of classes does not name " + name);
    assertTrue(namesClass(section(readme, "### Explorer"), name), "README's Explorer section does not name " + name);
    assertTrue(read("src/assembly/README.md").contains(name), "the package's README does not name " + name);
    String features = read("docs/FEATURES.md");
    String clustererRow = features.lines().filter(l -> l.startsWith("| `-W <clusterer>")).findFirst().orElse("");
    assertTrue(namesClass(clustererRow, name), "docs/FEATURES.md's -W row does not name " + name);
  }

  @ParameterizedTest
  @MethodSource("clusterers")
  void thePackageDescriptionNamesItsMethod(Class<? extends AbstractNMFClusterer> type) throws Exception {
    String method = PackageClusterers.fresh(type).methodName().toLowerCase(Locale.ROOT);
    assertTrue(read("Description.props").toLowerCase(Locale.ROOT).contains(method),
        "Description.props does not name " + method);
  }

  @ParameterizedTest
  @MethodSource("clusterers")
  void itHasTheContractAndWekaCheckTests(Class<? extends AbstractNMFClusterer> type) throws Exception {
    Class<?> contract = Class.forName(type.getName() + "Test");
    assertTrue(NMFClustererContract.class.isAssignableFrom(contract), contract + " does not run the contract");
    Class<?> checks = Class.forName(type.getName() + "WekaCheckTest");
    assertTrue(NMFClustererWekaChecks.class.isAssignableFrom(checks), checks + " does not run Weka's checks");
    Path reference = Paths.get("src/test/resources/wekarefs", type.getName().replace('.', '/') + "WekaCheckTest.ref");
    assertTrue(Files.isRegularFile(reference), "no regression reference " + reference);
  }
}
