package adversarialnmf.solver;

/** Why a solver stopped. */
public enum StopReason {
  /** The convergence test of the solver was met. */
  CONVERGED("converged (tolerance met)"),
  /** The iteration cap was reached first. */
  MAX_ITERATIONS("stopped at the iteration cap without meeting the tolerance");

  private final String description;

  StopReason(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
