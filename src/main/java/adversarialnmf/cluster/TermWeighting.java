package adversarialnmf.cluster;

import adversarialnmf.Choice;

/** How attributes are weighted before the instance normalisation: as they are, or by tf-idf for term counts. */
public enum TermWeighting implements Choice {
  /** tf-idf for sparse data (term counts), none for dense data (images). */
  AUTO("auto", "tfidf for sparse data (text), none for dense data (images)"),
  NONE("none", "attributes as they are"),
  /**
   * Each attribute (term) times its smoothed inverse document frequency ln((1 + N) / (1 + df)) + 1,
   * df the training instances in which it is nonzero (scikit-learn's TfidfTransformer default): every
   * weight is at least 1, so no term is dropped and zeros stay zeros (sparse data stay sparse).
   */
  TFIDF("tfidf", "term counts times their smoothed inverse document frequency ln((1+N)/(1+df))+1");

  private final String key;
  private final String description;

  TermWeighting(String key, String description) {
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
  public TermWeighting resolvedFor(boolean sparse) {
    return this != AUTO ? this : sparse ? TFIDF : NONE;
  }
}
