package weka.filters.unsupervised.attribute;

import junit.framework.Test;
import junit.framework.TestSuite;
import weka.filters.Filter;

/** Weka's filter checks for {@link IrregularPatchNoise}. */
public class IrregularPatchNoiseTest extends AbstractImageNoiseTest {

  public IrregularPatchNoiseTest(String name) {
    super(name);
  }

  @Override
  public Filter getFilter() {
    IrregularPatchNoise filter = new IrregularPatchNoise();
    filter.setPercent(34);
    return filter;
  }

  @Override
  protected String[] userOptions() {
    return new String[] {"-P", "40", "-connectivity", "8", "-min", "0", "-S", "9"};
  }

  public static Test suite() {
    return new TestSuite(IrregularPatchNoiseTest.class);
  }
}
