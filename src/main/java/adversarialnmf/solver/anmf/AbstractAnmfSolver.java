package adversarialnmf.solver.anmf;

import adversarialnmf.solver.IterativeSolver;
import adversarialnmf.solver.StoppingRule;

/** What both solvers of model (9) share: the model's options and the attacker's target. */
public abstract class AbstractAnmfSolver extends IterativeSolver {

  protected final AnmfOptions options;
  protected final AttackerTarget target;

  protected AbstractAnmfSolver(AnmfOptions options, AttackerTarget target, StoppingRule stopping) {
    super(stopping);
    if (options == null || target == null || stopping == null) {
      throw new IllegalArgumentException("ANMF needs options, an attacker target and a stopping rule (got null)");
    }
    this.options = options;
    this.target = target;
  }

  public AnmfOptions options() {
    return options;
  }

  public AttackerTarget target() {
    return target;
  }
}
