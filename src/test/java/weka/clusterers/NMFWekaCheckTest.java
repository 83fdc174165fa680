package weka.clusterers;

import junit.framework.Test;
import junit.framework.TestSuite;

/** Weka's own checks on {@link NMF}. */
public class NMFWekaCheckTest extends NMFClustererWekaChecks {

  public NMFWekaCheckTest(String name) {
    super(name);
  }

  @Override
  public Clusterer getClusterer() {
    return new NMF();
  }

  public static Test suite() {
    return new TestSuite(NMFWekaCheckTest.class);
  }
}
