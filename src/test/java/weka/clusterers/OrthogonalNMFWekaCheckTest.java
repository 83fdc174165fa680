package weka.clusterers;

import junit.framework.Test;
import junit.framework.TestSuite;

/** Weka's own checks on {@link OrthogonalNMF}. */
public class OrthogonalNMFWekaCheckTest extends NMFClustererWekaChecks {

  public OrthogonalNMFWekaCheckTest(String name) {
    super(name);
  }

  @Override
  public Clusterer getClusterer() {
    return new OrthogonalNMF();
  }

  public static Test suite() {
    return new TestSuite(OrthogonalNMFWekaCheckTest.class);
  }
}
