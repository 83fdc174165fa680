package weka.filters.unsupervised.attribute;

import junit.framework.Test;
import junit.framework.TestSuite;
import weka.core.CheckOptionHandler;
import weka.filters.AbstractFilterTest;
import weka.filters.Filter;

/**
 * Weka's own filter checks for {@link InstanceNormalization} (options, CheckGOE's global info and tip texts,
 * buffered, incremental and batch use, FilteredClassifier, regression against a stored reference) on
 * Weka's default filter test data (numeric, nominal, string and date attributes, missing values).
 */
public class InstanceNormalizationTest extends AbstractFilterTest {

  static {
    if (System.getProperty("weka.test.Regression.root") == null) {
      System.setProperty("weka.test.Regression.root", "src/test/resources/wekarefs");
    }
  }

  public InstanceNormalizationTest(String name) {
    super(name);
  }

  @Override
  public Filter getFilter() {
    return new InstanceNormalization();
  }

  @Override
  protected CheckOptionHandler getOptionTester() {
    CheckOptionHandler tester = super.getOptionTester();
    tester.setUserOptions(new String[] {"-normalize", "l1", "-term-weighting", "tfidf"});
    return tester;
  }

  public static Test suite() {
    return new TestSuite(InstanceNormalizationTest.class);
  }
}
