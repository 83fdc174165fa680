package weka.clusterers;

import weka.core.SelectedTag;

/** Runs the shared clusterer contract on {@link ANMF} with {@code -solver gradient}. */
class ANMFGradientTest extends NMFClustererContract {

  @Override
  protected AbstractNMFClusterer newClusterer() {
    ANMF anmf = new ANMF();
    anmf.setSolver(new SelectedTag(adversarialnmf.solver.anmf.AnmfSolver.GRADIENT.ordinal(), ANMF.TAGS_SOLVER));
    return anmf;
  }

  @Override
  protected boolean ownRuleIsHomogeneous() {
    return false;
  }
}
