package adversarialnmf.solver.anmf;

import adversarialnmf.Choice;
import adversarialnmf.solver.FactorizationSolver;
import adversarialnmf.solver.StoppingRule;

/** The two solvers of model (9), and the rule that picks one for the data at hand. */
public enum AnmfSolver implements Choice {
  AUTO("auto", "the ADMM where its working set fits comfortably in the free heap, the gradient solver otherwise"),
  ADMM("admm", "the paper's ADMM (Algorithm 1, corrected)"),
  GRADIENT("gradient", "block-coordinate gradient, no m x N auxiliaries (sparse, large data)");

  /** AUTO takes the ADMM when its working set is at most this share of the free heap. */
  public static final double COMFORTABLE_SHARE = 0.5;

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

  /** The solver of {@code model}, with its own settings of the two; AUTO must be {@link #resolve}d first. */
  public FactorizationSolver create(AnmfModel model, AdmmSettings admm, GradientSettings gradient,
      AttackerTarget target, StoppingRule stopping) {
    if (this == AUTO) {
      throw new IllegalStateException("-solver auto picks ADMM or GRADIENT for the data: resolve it first");
    }
    return this == GRADIENT ? new AnmfGradientSolver(model, gradient, target, stopping)
        : new AnmfAdmmSolver(model, admm, target, stopping);
  }

  /**
   * The solver this choice stands for: itself, or for AUTO the ADMM when its working set is at most
   * {@link #COMFORTABLE_SHARE} of the free heap and the data have no missing entries (which only the
   * gradient solver fits around), the gradient solver otherwise.
   */
  public AnmfSolver resolve(long admmWorkingSetBytes, long freeHeapBytes, boolean missingEntries) {
    if (this != AUTO) {
      return this;
    }
    return !missingEntries && admmWorkingSetBytes <= COMFORTABLE_SHARE * freeHeapBytes ? ADMM : GRADIENT;
  }
}
