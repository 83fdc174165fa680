package adversarialnmf.solver.anmf;

import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;

/** Algorithm 1 as printed: the unconstrained minimiser, then negatives set to zero. */
final class ClippedUSolve implements USolve {

  private final USolve.Unconstrained unconstrained;

  ClippedUSolve(USolve.Unconstrained unconstrained) {
    this.unconstrained = unconstrained;
  }

  @Override
  public int solve(USubproblem problem, DenseMatrix u, DenseMatrix dU) {
    int steps = unconstrained.solve(problem, u);
    MatrixOps.clipNegatives(u);
    MatrixOps.multiply(problem.d, u, dU);
    return steps;
  }
}
