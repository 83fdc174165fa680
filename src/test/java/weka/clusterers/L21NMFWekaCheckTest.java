package weka.clusterers;

import junit.framework.Test;
import junit.framework.TestSuite;

/** Weka's own checks on {@link L21NMF}. */
public class L21NMFWekaCheckTest extends NMFClustererWekaChecks {

  public L21NMFWekaCheckTest(String name) {
    super(name);
  }

  @Override
  public Clusterer getClusterer() {
    return new L21NMF();
  }

  public static Test suite() {
    return new TestSuite(L21NMFWekaCheckTest.class);
  }
}
