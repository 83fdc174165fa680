package weka.filters.unsupervised.attribute;

import junit.framework.Test;
import junit.framework.TestSuite;
import weka.filters.Filter;

/** Weka's filter checks for {@link CorruptedPixelNoise}. */
public class CorruptedPixelNoiseTest extends AbstractImageNoiseTest {

  public CorruptedPixelNoiseTest(String name) {
    super(name);
  }

  @Override
  public Filter getFilter() {
    CorruptedPixelNoise filter = new CorruptedPixelNoise();
    filter.setPercent(30);
    return filter;
  }

  @Override
  protected String[] userOptions() {
    return new String[] {"-P", "5", "-S", "2", "-width", "4", "-height", "3", "-max", "100"};
  }

  public static Test suite() {
    return new TestSuite(CorruptedPixelNoiseTest.class);
  }
}
