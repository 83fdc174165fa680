package weka.clusterers;

import junit.framework.Test;
import junit.framework.TestSuite;

/** Weka's own checks on {@link GraphNMF}. */
public class GraphNMFWekaCheckTest extends NMFClustererWekaChecks {

  public GraphNMFWekaCheckTest(String name) {
    super(name);
  }

  @Override
  public Clusterer getClusterer() {
    return new GraphNMF();
  }

  public static Test suite() {
    return new TestSuite(GraphNMFWekaCheckTest.class);
  }
}
