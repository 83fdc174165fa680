package adversarialnmf.init;

import adversarialnmf.Choice;

/** The starts a user can pick by name. */
public enum InitializationMethod implements Choice {
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

  /** The strategy; {@code indicatorOffset} is used by the k-means start only. */
  public Initialization create(double indicatorOffset) {
    switch (this) {
      case NNDSVD:
        return new NndsvdInitialization();
      case RANDOM:
        return new RandomInitialization();
      default:
        return new KMeansInitialization(indicatorOffset);
    }
  }
}
