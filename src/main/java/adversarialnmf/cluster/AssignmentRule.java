package adversarialnmf.cluster;

/** How coefficient columns become cluster labels. */
public enum AssignmentRule {
  /** The paper's rule: the index of the largest coefficient. */
  ARGMAX,
  /** k-means on the unit-normalised coefficient columns. */
  KMEANS
}
