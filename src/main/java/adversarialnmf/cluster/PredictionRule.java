package adversarialnmf.cluster;

/** Which coefficients a fitted clustering gives an instance (new or training). */
public enum PredictionRule {
  /**
   * The method's own out-of-sample rule (the minimiser of its objective over the column with the
   * fitted factors fixed; docs/ALGORITHM.md §7). The default.
   */
  MODEL("the method's own rule"),
  /** Nonnegative least squares onto the learned basis A. */
  BASIS("nonnegative least squares onto A"),
  /** Nonnegative least squares onto ANMF's adversarial basis Ã. */
  ADVERSARIAL_BASIS("nonnegative least squares onto \u00c3");

  private final String description;

  PredictionRule(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
