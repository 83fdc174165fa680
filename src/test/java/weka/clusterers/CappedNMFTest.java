package weka.clusterers;

/** Runs the shared clusterer contract on {@link CappedNMF}. */
class CappedNMFTest extends NMFClustererContract {

  @Override
  protected AbstractNMFClusterer newClusterer() {
    return new CappedNMF();
  }
}
