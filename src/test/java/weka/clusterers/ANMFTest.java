package weka.clusterers;

/** Runs the shared clusterer contract on {@link ANMF}. */
class ANMFTest extends NMFClustererContract {

  @Override
  protected AbstractNMFClusterer newClusterer() {
    return new ANMF();
  }

  @Override
  protected boolean ownRuleIsHomogeneous() {
    return false;
  }
}
