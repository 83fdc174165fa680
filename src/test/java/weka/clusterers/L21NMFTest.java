package weka.clusterers;

/** Runs the shared clusterer contract on {@link L21NMF}. */
class L21NMFTest extends NMFClustererContract {

  @Override
  protected AbstractNMFClusterer newClusterer() {
    return new L21NMF();
  }
}
