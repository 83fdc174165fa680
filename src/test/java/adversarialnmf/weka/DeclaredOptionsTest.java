package adversarialnmf.weka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Collections;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import weka.core.Option;
import weka.core.OptionHandler;
import weka.core.OptionMetadata;

/** The declared options of every option class of the package, checked the same way. */
class DeclaredOptionsTest {

  static Stream<Class<?>> optionClasses() {
    return Stream.concat(adversarialnmf.testing.PackageClusterers.classes().stream(), Stream.of(
        weka.clusterers.MiniBatchNMF.class,
        weka.filters.unsupervised.attribute.NonnegativeFactorization.class,
        weka.filters.unsupervised.attribute.SaltAndPepperNoise.class,
        weka.filters.unsupervised.attribute.CorruptedPixelNoise.class,
        weka.filters.unsupervised.attribute.RegularPatchNoise.class,
        weka.filters.unsupervised.attribute.IrregularPatchNoise.class,
        weka.filters.unsupervised.attribute.GaussianNoise.class,
        weka.filters.unsupervised.attribute.LaplaceNoise.class,
        weka.filters.unsupervised.attribute.FactorizationAttack.class,
        weka.experiment.ClustererSplitEvaluator.class, weka.experiment.RobustnessBenchmark.class,
        weka.experiment.FactorizationFigures.class));
  }

  static OptionHandler fresh(Class<?> type) throws Exception {
    return (OptionHandler) type.getDeclaredConstructor().newInstance();
  }

  @ParameterizedTest
  @MethodSource("optionClasses")
  void defaultsRoundTripAndEveryDeclaredOptionIsListed(Class<?> type) throws Exception {
    OptionHandler original = fresh(type);
    String[] written = original.getOptions();
    OptionHandler copy = fresh(type);
    copy.setOptions(written.clone());
    assertArrayEquals(written, copy.getOptions(), type.getName());
    String listed = Collections.list(original.listOptions()).stream().map(Option::name)
        .reduce("", (a, b) -> a + " " + b) + " ";
    for (Method getter : type.getMethods()) {
      CommandLineOption option = getter.getAnnotation(CommandLineOption.class);
      if (option != null) {
        assertTrue(listed.contains(" " + option.value() + " "), type.getName() + " does not list -" + option.value());
      }
    }
  }

  @ParameterizedTest
  @MethodSource("optionClasses")
  void aMalformedNumberIsAnErrorNamingTheOptionAndTheValue(Class<?> type) throws Exception {
    for (Method getter : type.getMethods()) {
      CommandLineOption option = getter.getAnnotation(CommandLineOption.class);
      Class<?> value = getter.getReturnType();
      if (option == null || !(value == int.class || value == double.class)) {
        continue;
      }
      Exception e = assertThrows(Exception.class, () -> fresh(type).setOptions(new String[] {"-" + option.value(), "x7"}));
      assertTrue(e.getMessage().contains("-" + option.value()) && e.getMessage().contains("x7"), e.getMessage());
    }
  }

  /** Weka's property sheet shows a tip text up to its first '.': that must end a whole first sentence. */
  @ParameterizedTest
  @MethodSource("optionClasses")
  void theTipTextIsNotCutInsideItsFirstSentence(Class<?> type) {
    for (Method getter : type.getMethods()) {
      OptionMetadata meta = getter.getAnnotation(OptionMetadata.class);
      if (meta == null) {
        continue;
      }
      String tip = meta.description();
      int cut = tip.indexOf('.');
      assertTrue(cut < 0 || cut == tip.length() - 1 || tip.charAt(cut + 1) == ' ',
          type.getSimpleName() + "." + getter.getName() + ": the property sheet would show only '"
          + tip.substring(0, Math.max(cut, 0)) + "'");
      assertTrue(cut < 0 || tip.substring(0, cut).split(" ").length >= 3, getter.getName() + ": '" + tip + "'");
    }
  }

  @ParameterizedTest
  @MethodSource("optionClasses")
  void anAbsentOptionReturnsToItsDefault(Class<?> type) throws Exception {
    OptionHandler handler = fresh(type);
    String[] defaults = handler.getOptions();
    for (Method getter : type.getMethods()) {
      CommandLineOption option = getter.getAnnotation(CommandLineOption.class);
      if (option != null && getter.getReturnType() == int.class && option.value().equals("N")) {
        handler.setOptions(new String[] {"-N", "5"});
        assertEquals(5, getter.invoke(handler));
      }
    }
    handler.setOptions(new String[0]);
    assertArrayEquals(defaults, handler.getOptions());
  }
}
