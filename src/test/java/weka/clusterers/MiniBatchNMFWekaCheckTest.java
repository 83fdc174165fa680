package weka.clusterers;

import junit.framework.Test;
import junit.framework.TestSuite;

/** Weka's own checks on {@link MiniBatchNMF}. */
public class MiniBatchNMFWekaCheckTest extends NMFClustererWekaChecks {

  public MiniBatchNMFWekaCheckTest(String name) {
    super(name);
  }

  @Override
  public Clusterer getClusterer() {
    return new MiniBatchNMF();
  }

  public static Test suite() {
    return new TestSuite(MiniBatchNMFWekaCheckTest.class);
  }
}
