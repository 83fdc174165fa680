package adversarialnmf.solver.anmf;

import adversarialnmf.Choice;
import adversarialnmf.solver.FactorizationSolver;
import adversarialnmf.solver.StoppingRule;

/** The two solvers of model (9). */
public enum AnmfSolver implements Choice {
  ADMM("admm", "the paper's ADMM (Algorithm 1, corrected)"),
  GRADIENT("gradient", "block-coordinate gradient, no m x N auxiliaries (sparse, large data)");

  private final String key;
  private final String description;

  AnmfSolver(String key, String description) {
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

  public FactorizationSolver create(AnmfOptions options, AttackerTarget target, StoppingRule stopping) {
    return this == GRADIENT ? new AnmfGradientSolver(options, target, stopping)
        : new AnmfAdmmSolver(options, target, stopping);
  }
}
