package weka.experiment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import weka.core.CheckGOE;
import weka.core.CheckOptionHandler;
import weka.core.OptionHandler;

/** Weka's own checks of option handling and GUI (GenericObjectEditor) metadata. */
class ExperimentWekaChecksTest {

  private static void checkOptions(OptionHandler handler, String... userOptions) {
    CheckOptionHandler check = new CheckOptionHandler();
    check.setSilent(true);
    check.setOptionHandler(handler);
    check.setUserOptions(userOptions);
    assertTrue(check.checkListOptions(), "listOptions");
    assertTrue(check.checkSetOptions(), "setOptions");
    assertTrue(check.checkDefaultOptions(), "default options");
    assertTrue(check.checkRemainingOptions(), "remaining options");
    assertTrue(check.checkCanonicalUserOptions(), "canonical user options");
    assertTrue(check.checkResettingOptions(), "resetting options");
  }

  private static void checkGuiMetadata(Object object) {
    CheckGOE goe = new CheckGOE();
    goe.setSilent(true);
    goe.setObject(object);
    assertTrue(goe.checkGlobalInfo(), "globalInfo");
    assertTrue(goe.checkToolTips(), "tip texts");
  }

  @Test
  void splitEvaluatorOptionsAndGuiMetadata() {
    checkOptions(new ClustererSplitEvaluator(), "-all-rows", "-nmi", "arithmetic", "-W",
        "weka.clusterers.FarthestFirst", "--", "-N", "4");
    checkGuiMetadata(new ClustererSplitEvaluator());
  }

  @Test
  void classesToClustersOptionsAndGuiMetadata() {
    checkOptions(new ClassesToClustersEvaluation(), "-t", "some.arff", "-c", "first", "-clusters-from-classes",
        "-nmi", "sqrt", "-W", "weka.clusterers.SimpleKMeans", "--", "-N", "4");
    checkGuiMetadata(new ClassesToClustersEvaluation());
  }

  @Test
  void benchmarkOptions() {
    checkOptions(new RobustnessBenchmark(), "-data", "some.arff", "-recipe", "pixel", "-W",
        "weka.clusterers.EM -I 5", "-seeds", "3", "-nmi", "sqrt", "-out", "elsewhere");
  }
}
