package weka.clusterers;

import junit.framework.Test;
import junit.framework.TestSuite;

/** Weka's own checks on {@link ANMF}. */
public class ANMFWekaCheckTest extends NMFClustererWekaChecks {

  public ANMFWekaCheckTest(String name) {
    super(name);
  }

  @Override
  public Clusterer getClusterer() {
    return new ANMF();
  }

  public static Test suite() {
    return new TestSuite(ANMFWekaCheckTest.class);
  }
}
