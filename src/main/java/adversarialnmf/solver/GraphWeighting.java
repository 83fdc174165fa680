package adversarialnmf.solver;

import adversarialnmf.Choice;

/**
 * The edge weights of graph-regularised NMF's nearest-neighbour graph, Cai et al.'s three choices
 * (TPAMI 2011, §3.1): every edge 1, a heat kernel of the distance, or the cosine of the two instances.
 */
public enum GraphWeighting implements Choice {
  BINARY("binary", "0-1 weights: 1 for an edge (Cai et al.'s default)"),
  HEAT("heat", "heat kernel exp(-d^2 / (2 t^2)), t the mean distance over the graph's edges"),
  COSINE("cosine", "cosine of the two instances (dot-product weighting of unit-norm instances)");

  private final String key;
  private final String description;

  GraphWeighting(String key, String description) {
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
