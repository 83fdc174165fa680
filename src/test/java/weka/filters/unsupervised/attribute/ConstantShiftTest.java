package weka.filters.unsupervised.attribute;

import junit.framework.Test;
import junit.framework.TestSuite;
import weka.core.CheckOptionHandler;
import weka.filters.AbstractFilterTest;
import weka.filters.Filter;

/**
 * Weka's own filter checks for {@link ConstantShift} (options, CheckGOE's global info and tip texts,
 * buffered, incremental and batch use, FilteredClassifier, regression against a stored reference) on
 * Weka's default filter test data (numeric, nominal, string and date attributes, missing values).
 */
public class ConstantShiftTest extends AbstractFilterTest {

  static {
    if (System.getProperty("weka.test.Regression.root") == null) {
      System.setProperty("weka.test.Regression.root", "src/test/resources/wekarefs");
    }
  }

  public ConstantShiftTest(String name) {
    super(name);
  }

  @Override
  public Filter getFilter() {
    return new ConstantShift();
  }

  @Override
  protected CheckOptionHandler getOptionTester() {
    CheckOptionHandler tester = super.getOptionTester();
    tester.setUserOptions(new String[] {"-shift", "0.25", "-S", "7"});
    return tester;
  }

  public static Test suite() {
    return new TestSuite(ConstantShiftTest.class);
  }
}
