package weka.filters.unsupervised.attribute;

import junit.framework.Test;
import junit.framework.TestSuite;
import weka.filters.Filter;

/** Weka's filter checks for {@link RegularPatchNoise}. */
public class RegularPatchNoiseTest extends AbstractImageNoiseTest {

  public RegularPatchNoiseTest(String name) {
    super(name);
  }

  @Override
  public Filter getFilter() {
    RegularPatchNoise filter = new RegularPatchNoise();
    filter.setPercent(34);
    return filter;
  }

  @Override
  protected String[] userOptions() {
    return new String[] {"-P", "50", "-shape", "image", "-fill", "constant", "-fill-value", "7",
      "-R", "first-12"};
  }

  public static Test suite() {
    return new TestSuite(RegularPatchNoiseTest.class);
  }
}
