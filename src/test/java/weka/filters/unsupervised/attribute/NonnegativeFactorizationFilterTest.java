package weka.filters.unsupervised.attribute;

import adversarialnmf.testing.PlantedData;
import java.util.Arrays;
import junit.framework.Test;
import junit.framework.TestSuite;
import weka.core.Attribute;
import weka.core.CheckOptionHandler;
import weka.core.Instances;
import weka.core.Utils;
import weka.filters.AbstractFilterTest;
import weka.filters.Filter;

/**
 * Weka's own filter checks (options via CheckOptionHandler, GOE via CheckGOE, buffered, incremental and
 * batch use, FilteredClassifier, regression against a stored reference) for {@link NonnegativeFactorization},
 * on nonnegative numeric data with a nominal class: Weka's default filter test data has negative values.
 */
public class NonnegativeFactorizationFilterTest extends AbstractFilterTest {

  static {
    // reference outputs live beside the tests, not in the working directory
    if (System.getProperty("weka.test.Regression.root") == null) {
      System.setProperty("weka.test.Regression.root", "src/test/resources/wekarefs");
    }
  }

  public NonnegativeFactorizationFilterTest(String name) {
    super(name);
  }

  /** Planted 3-cluster data, 12 numeric attributes, the planted cluster as the nominal class. */
  static Instances plantedWithClass(long seed) {
    PlantedData planted = PlantedData.generate(12, 10, 3, 0.02, seed);
    Instances data = planted.instances();
    data.insertAttributeAt(new Attribute("cluster", Arrays.asList("c0", "c1", "c2")), data.numAttributes());
    int[] labels = planted.labels();
    for (int j = 0; j < data.numInstances(); j++) {
      data.instance(j).setValue(data.numAttributes() - 1, labels[j]);
    }
    data.setClassIndex(data.numAttributes() - 1);
    return data;
  }

  @Override
  protected void setUp() throws Exception {
    super.setUp();
    m_Instances = plantedWithClass(11);
  }

  @Override
  public Filter getFilter() {
    NonnegativeFactorization filter = new NonnegativeFactorization();
    try {
      filter.setOptions(Utils.splitOptions("-W weka.clusterers.NMF -- -N 3 -I 100 -S 1"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return filter;
  }

  @Override
  protected CheckOptionHandler getOptionTester() {
    CheckOptionHandler tester = super.getOptionTester();
    try {
      tester.setUserOptions(Utils.splitOptions(
          "-mode reconstruction -pass-nonnumeric -W weka.clusterers.NMF -- -N 4 -I 50 -init nndsvd"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return tester;
  }

  @Override
  protected Instances getFilteredClassifierData() throws Exception {
    return plantedWithClass(12);
  }

  public static Test suite() {
    return new TestSuite(NonnegativeFactorizationFilterTest.class);
  }
}
