package adversarialnmf.cluster;

import adversarialnmf.Choice;

/** How the data are scaled before a fit (regularisation weights then mean the same on any data). */
public enum DataScaling implements Choice {
  NONE("none", "factorize the data as they are"),
  MAX("max", "divide the data by their largest value (so Y lies in [0, 1])");

  private final String key;
  private final String description;

  DataScaling(String key, String description) {
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

  /** The factor the data are multiplied by, given their largest value. */
  public double factor(double largest) {
    return this == MAX ? 1.0 / largest : 1.0;
  }
}
