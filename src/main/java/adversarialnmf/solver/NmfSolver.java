package adversarialnmf.solver;

import adversarialnmf.Choice;

/** The losses and solvers of standard NMF. */
public enum NmfSolver implements Choice {
  HALS("hals", "Frobenius loss, HALS coordinate descent on Gram matrices"),
  MU("mu", "Frobenius loss, Lee-Seung multiplicative updates (the ANMF paper's baseline)"),
  KL("kl", "Kullback-Leibler divergence, Lee-Seung multiplicative updates");

  private final String key;
  private final String description;

  NmfSolver(String key, String description) {
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

  public FactorizationSolver create(StoppingRule stopping) {
    switch (this) {
      case MU:
        return new MultiplicativeUpdateNmf(stopping);
      case KL:
        return new KullbackLeiblerNmf(stopping);
      default:
        return new HalsNmf(stopping);
    }
  }
}
