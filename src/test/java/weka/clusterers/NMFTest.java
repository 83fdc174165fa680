package weka.clusterers;

/** Runs the shared clusterer contract on {@link NMF}. */
class NMFTest extends NMFClustererContract {

  @Override
  protected AbstractNMFClusterer newClusterer() {
    return new NMF();
  }
}
