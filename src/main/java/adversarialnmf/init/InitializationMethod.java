package adversarialnmf.init;

import adversarialnmf.Choice;

/** The starts a user can pick by name. */
public enum InitializationMethod implements Choice {
  /**
   * NNDSVD for sparse data (text counts), k-means for dense data (images): the protocol study found
   * the k-means start unstable on text (BBCSport ACC 0.88 ± 0.11 over 10 seeds against NNDSVD's
   * 0.94 ± 0.001) and NNDSVD worse on images (4-13 points on MNIST-150, Yale and ORL).
   */
  AUTO("auto", "NNDSVD for sparse data (text), k-means for dense data (images)"),
  KMEANS("kmeans", "k-means (A0 = centroids, X0 = indicator + offset), as the ANMF paper"),
  NNDSVD("nndsvd", "NNDSVD (nonnegative parts of the leading singular vectors)"),
  RANDOM("random", "random nonnegative factors");

  private final String key;
  private final String description;

  InitializationMethod(String key, String description) {
    this.key = key;
    this.description = description;
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public String description() {
    return description;
  }

  /** This choice for {@code sparse} data (under 10 % nonzero, InstancePreprocessing#isSparseData) or dense: {@link #AUTO} resolved, the others as they are. */
  public InitializationMethod resolvedFor(boolean sparse) {
    return this != AUTO ? this : sparse ? NNDSVD : KMEANS;
  }

  /**
   * The strategy for {@code sparse} or dense data; {@code indicatorOffset} is used by the
   * k-means start only.
   */
  public Initialization create(double indicatorOffset, boolean sparse) {
    switch (resolvedFor(sparse)) {
      case NNDSVD:
        return new NndsvdInitialization();
      case RANDOM:
        return new RandomInitialization();
      default:
        return new KMeansInitialization(indicatorOffset);
    }
  }
}
