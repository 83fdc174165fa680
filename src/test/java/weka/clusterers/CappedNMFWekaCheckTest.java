package weka.clusterers;

import junit.framework.Test;
import junit.framework.TestSuite;

/** Weka's own checks on {@link CappedNMF}. */
public class CappedNMFWekaCheckTest extends NMFClustererWekaChecks {

  public CappedNMFWekaCheckTest(String name) {
    super(name);
  }

  @Override
  public Clusterer getClusterer() {
    return new CappedNMF();
  }

  public static Test suite() {
    return new TestSuite(CappedNMFWekaCheckTest.class);
  }
}
