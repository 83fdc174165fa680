package weka.filters.unsupervised.attribute;

import junit.framework.Test;
import junit.framework.TestSuite;
import weka.filters.Filter;

/** Weka's filter checks for {@link SaltAndPepperNoise}. */
public class SaltAndPepperNoiseTest extends AbstractImageNoiseTest {

  public SaltAndPepperNoiseTest(String name) {
    super(name);
  }

  @Override
  public Filter getFilter() {
    SaltAndPepperNoise filter = new SaltAndPepperNoise();
    filter.setPercent(30);
    return filter;
  }

  @Override
  protected String[] userOptions() {
    return new String[] {"-P", "25", "-S", "3", "-min", "1", "-max", "254", "-every-batch"};
  }

  public static Test suite() {
    return new TestSuite(SaltAndPepperNoiseTest.class);
  }
}
