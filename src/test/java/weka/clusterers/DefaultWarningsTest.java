package weka.clusterers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;
import weka.core.logging.Logger;

/**
 * A fit at the defaults warns about nothing of its own settings: ANMF's 200 iterations without
 * meeting the tolerance and its basis at the k-means start are what its defaults were chosen at;
 * the same facts under other settings still warn, and a cluster count that differs from the
 * left-out class's is named with the option that matches it.
 */
class DefaultWarningsTest {

  /** Records what the package logs through Weka's logger. */
  static final class RecordingLogger extends Logger {
    final List<String> warnings = new ArrayList<>();
    private Logger previous;

    void install() {
      previous = Logger.getSingleton();
      m_Singleton = this;
      m_MinLevel = Level.ALL;
    }

    void uninstall() {
      m_Singleton = previous;
    }

    @Override
    public String getRevision() {
      return "1";
    }

    @Override
    protected void doLog(Level level, String msg, String cls, String method, int lineno) {
      if (level == Level.WARNING) {
        warnings.add(msg);
      }
    }
  }

  private final RecordingLogger log = new RecordingLogger();
  private Instances mnist;

  @BeforeEach
  void recordTheLog() throws Exception {
    mnist = DataSource.read("test-data/MNIST_test_bal150.arff.gz");
    log.install();
  }

  @AfterEach
  void restoreTheLog() {
    log.uninstall();
  }

  private Instances withoutClass() throws Exception {
    Instances data = new Instances(mnist);
    data.deleteAttributeAt(data.numAttributes() - 1);
    return data;
  }

  @Test
  void anmfAtItsDefaultsWarnsOfNothing() throws Exception {
    ANMF anmf = new ANMF();
    anmf.setNumClusters(10);
    anmf.buildClusterer(withoutClass());
    assertFalse(anmf.getFactorization().converged(), "the default fit stops at the cap, as measured");
    assertTrue(anmf.getBasisMovement() < ANMF.STILL_BASIS, "A stays at its start at the default beta");
    assertEquals(List.of(), log.warnings);
    String model = anmf.toString();
    assertFalse(model.contains("Warning"), model);
    assertTrue(model.contains("Basis: the basis A stayed within") && model.contains("(the paper's setting; a larger"
        + " -beta lets the data shape A)"), model);
  }

  @Test
  void otherSettingsStillWarn() throws Exception {
    ANMF anmf = new ANMF();
    anmf.setOptions(new String[] {"-N", "10", "-I", "20", "-beta", "2e-5"});
    anmf.buildClusterer(withoutClass());
    assertEquals(2, log.warnings.size(), "" + log.warnings);
    assertTrue(log.warnings.get(0).contains("stopped at the iteration cap (20)"), log.warnings.get(0));
    assertTrue(log.warnings.get(1).startsWith("ANMF: the basis A stayed within") && log.warnings.get(1)
        .endsWith("raise -beta further for the data to shape A"), log.warnings.get(1));
  }

  @Test
  void aClusterCountOtherThanTheLeftOutClassIsNamed() throws Exception {
    NMF nmf = new NMF();
    nmf.setMaxIterations(5);
    nmf.buildClusterer(mnist);
    assertTrue(nmf.toString().contains("Left out of the factorization (not numeric): class (10 values, 2 clusters:"
        + " -N 10 gives one cluster per value)"), nmf.toString());
    nmf.setNumClusters(10);
    nmf.buildClusterer(mnist);
    assertTrue(nmf.toString().contains("Left out of the factorization (not numeric): class\n"), nmf.toString());
  }
}
