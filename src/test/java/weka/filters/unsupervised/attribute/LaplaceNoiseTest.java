package weka.filters.unsupervised.attribute;

import junit.framework.Test;
import junit.framework.TestSuite;
import weka.filters.Filter;

/** Weka's filter checks for {@link LaplaceNoise}. */
public class LaplaceNoiseTest extends AbstractImageNoiseTest {

  public LaplaceNoiseTest(String name) {
    super(name);
  }

  @Override
  public Filter getFilter() {
    LaplaceNoise filter = new LaplaceNoise();
    filter.setSigma(0.5);
    return filter;
  }

  @Override
  protected String[] userOptions() {
    return new String[] {"-sigma", "0.4", "-every-batch", "-height", "3"};
  }

  public static Test suite() {
    return new TestSuite(LaplaceNoiseTest.class);
  }
}
