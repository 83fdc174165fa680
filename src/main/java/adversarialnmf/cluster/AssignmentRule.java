package adversarialnmf.cluster;

import adversarialnmf.Choice;

/** How coefficient columns become cluster labels. */
public enum AssignmentRule implements Choice {
  /** The paper's rule: the index of the largest coefficient. */
  ARGMAX("argmax", "largest coefficient of each instance (the paper's rule)"),
  /** k-means on the unit-normalised coefficient columns. */
  KMEANS("kmeans", "k-means on the unit-normalised coefficient vectors");

  private final String key;
  private final String description;

  AssignmentRule(String key, String description) {
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
