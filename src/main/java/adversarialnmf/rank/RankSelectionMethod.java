package adversarialnmf.rank;

import adversarialnmf.Choice;

/** How the rank is chosen. */
public enum RankSelectionMethod implements Choice {
  COPHENETIC("cophenetic", "the first rank after which the cophenetic correlation of the consensus drops"),
  CV("cv", "cross-validation of held-out entries: lowest error, or the smallest rank within one standard error");

  private final String key;
  private final String description;

  RankSelectionMethod(String key, String description) {
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
