package weka.clusterers;

/** Runs the shared clusterer contract on {@link OrthogonalNMF}. */
class OrthogonalNMFTest extends NMFClustererContract {

  @Override
  protected AbstractNMFClusterer newClusterer() {
    return new OrthogonalNMF();
  }
}
