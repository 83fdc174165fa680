package adversarialnmf.attack;

import adversarialnmf.Choice;

/** What an attack on an instance maximises (docs/ATTACK.md §2). */
public enum AttackGoal implements Choice {
  /** ½‖h(y + δ) − h(y)‖²: move the instance's coefficients as far as the budget allows. */
  COEFFICIENTS("coefficients", "move the instance's coefficients as far as possible"),
  /** The best other cluster's score minus the assigned cluster's: push the instance out of its cluster. */
  CLUSTER("cluster", "push the instance out of its cluster, towards the runner-up");

  private final String key;
  private final String description;

  AttackGoal(String key, String description) {
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
