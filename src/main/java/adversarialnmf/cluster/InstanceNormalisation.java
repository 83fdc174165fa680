package adversarialnmf.cluster;

import adversarialnmf.Choice;

/**
 * How each instance is rescaled before the fit and before a new instance gets its coefficients:
 * the NMF clustering literature (Cai et al.'s GNMF code and the papers that follow it) fits unit
 * vectors, so that an instance's cluster does not depend on its brightness or length.
 */
public enum InstanceNormalisation implements Choice {
  /** L2 for sparse data (term counts), none for dense data (images): what the protocol study found best. */
  AUTO("auto", "l2 for sparse data (text), none for dense data (images)"),
  NONE("none", "each instance as it is"),
  L2("l2", "each instance divided by its Euclidean length (unit L2 norm)"),
  L1("l1", "each instance divided by the sum of its absolute values (unit L1 norm)");

  private final String key;
  private final String description;

  InstanceNormalisation(String key, String description) {
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

  /** This choice for {@code sparse} data (InstancePreprocessing#isSparseData) or dense: {@link #AUTO} resolved, the others as they are. */
  public InstanceNormalisation resolvedFor(boolean sparse) {
    return this != AUTO ? this : sparse ? L2 : NONE;
  }
}
