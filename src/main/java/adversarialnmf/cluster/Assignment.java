package adversarialnmf.cluster;

import java.io.Serializable;

/**
 * How coefficient vectors become clusters: the rule, and for k-means how many times it is run from
 * a new k-means++ seeding (the run with the lowest within-cluster sum of squares is kept, as
 * scikit-learn's {@code n_init} and MATLAB's {@code 'Replicates'}). Immutable.
 */
public final class Assignment implements Serializable {

  private static final long serialVersionUID = 6125305791839950917L;

  /** The paper's rule: the largest coefficient. */
  public static final Assignment ARGMAX = new Assignment(AssignmentRule.ARGMAX, 1);

  private final AssignmentRule rule;
  private final int restarts;

  private Assignment(AssignmentRule rule, int restarts) {
    this.rule = rule;
    this.restarts = restarts;
  }

  /**
   * @param restarts k-means runs (at least 1; ignored by argmax)
   * @throws IllegalArgumentException if restarts is below 1
   */
  public static Assignment of(AssignmentRule rule, int restarts) {
    if (restarts < 1) {
      throw new IllegalArgumentException("k-means assignment restarts must be at least 1, got " + restarts);
    }
    return new Assignment(rule, rule == AssignmentRule.ARGMAX ? 1 : restarts);
  }

  public AssignmentRule rule() {
    return rule;
  }

  /** k-means runs (1 for argmax). */
  public int restarts() {
    return restarts;
  }

  /** e.g. "k-means on the unit-normalised coefficient vectors, best of 10 runs". */
  public String describe() {
    return rule.description() + (rule == AssignmentRule.KMEANS ? ", best of " + restarts + " runs" : "");
  }
}
