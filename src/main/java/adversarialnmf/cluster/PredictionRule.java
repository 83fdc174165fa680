package adversarialnmf.cluster;

import adversarialnmf.Choice;

/** Which coefficients a fitted clustering gives an instance (new or training). */
public enum PredictionRule implements Choice {
  /**
   * The method's own out-of-sample rule (the minimiser of its objective over the column with the
   * fitted factors fixed; docs/ALGORITHM.md §7). The default.
   */
  MODEL("model", "the method's own rule"),
  /** Nonnegative least squares onto the learned basis A. */
  BASIS("basis", "nonnegative least squares onto A"),
  /** Nonnegative least squares onto ANMF's adversarial basis Ã. */
  ADVERSARIAL_BASIS("adversarial", "nonnegative least squares onto \u00c3");

  private final String key;
  private final String description;

  PredictionRule(String key, String description) {
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
}
