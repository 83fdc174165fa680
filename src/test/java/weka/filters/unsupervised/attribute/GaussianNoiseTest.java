package weka.filters.unsupervised.attribute;

import junit.framework.Test;
import junit.framework.TestSuite;
import weka.filters.Filter;

/** Weka's filter checks for {@link GaussianNoise}. */
public class GaussianNoiseTest extends AbstractImageNoiseTest {

  public GaussianNoiseTest(String name) {
    super(name);
  }

  @Override
  public Filter getFilter() {
    GaussianNoise filter = new GaussianNoise();
    filter.setSigma(0.5);
    return filter;
  }

  @Override
  protected String[] userOptions() {
    return new String[] {"-P", "50", "-sigma", "3", "-absolute", "-S", "4"};
  }

  public static Test suite() {
    return new TestSuite(GaussianNoiseTest.class);
  }
}
