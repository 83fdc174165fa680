package weka.clusterers;

/**
 * Weka's own clusterer checks (CheckClusterer on nonnegative data, CheckOptionHandler, CheckGOE,
 * the regression reference) for an NMF clusterer of this package; a subclass names the clusterer.
 */
public abstract class NMFClustererWekaChecks extends AbstractClustererTest {

  protected NMFClustererWekaChecks(String name) {
    super(name);
  }

  @Override
  protected void setUp() throws Exception {
    super.setUp();
    // Redo the capability probes of the base class with a checker whose data NMF may factorize.
    m_Tester = new NonnegativeCheckClusterer();
    m_Tester.setSilent(true);
    m_Tester.setClusterer(m_Clusterer);
    m_Tester.setNumInstances(20);
    m_Tester.setDebug(DEBUG);
    checkAttributes(true, false, false, false, false, false);
    checkAttributes(false, true, false, false, false, false);
    checkAttributes(false, false, true, false, false, false);
    checkAttributes(false, false, false, true, false, false);
    checkAttributes(false, false, false, false, true, false);
    m_handleMissingPredictors = checkMissingPredictors(20, false);
  }

  /**
   * The stored reference under the paper's argmax rule: on Weka's random regression data one instance
   * lies on a boundary between two k-means clusters of the coefficients, which the rounding of the
   * two linear-algebra paths (a system BLAS, our kernels) decides differently; the reference must hold
   * on both. The k-means rule is checked by the clusterers' own tests (training agreement, sparse =
   * dense, same seed same result).
   */
  @Override
  public void testRegression() throws Exception {
    weka.core.SelectedTag argmax = adversarialnmf.weka.EnumTags.selected(
        adversarialnmf.cluster.AssignmentRule.ARGMAX, AbstractNMFClusterer.TAGS_ASSIGNMENT);
    if (m_Clusterer instanceof MiniBatchNMF) { // not an AbstractNMFClusterer: it streams, with its own options
      ((MiniBatchNMF) m_Clusterer).setAssignment(argmax);
    } else {
      ((AbstractNMFClusterer) m_Clusterer).setAssignment(argmax);
    }
    super.testRegression();
  }

  /** The numeric-attribute probe must succeed, otherwise the other checks silently skip. */
  public void testHandlesNumericAttributes() {
    assertTrue("numeric attributes must be handled", m_NumericPredictors);
  }
}
