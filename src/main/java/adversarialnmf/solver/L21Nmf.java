package adversarialnmf.solver;

/**
 * L2,1-norm NMF of Kong, Ding &amp; Huang (CIKM 2011): min ‖Y − AX‖_{2,1} = Σ_j ‖y_j − A x_j‖₂ over
 * A, X ≥ 0. A large residual enters linearly rather than squared, so a few gross outlier
 * instances pull the basis far less than in standard NMF. Their reweighted multiplicative updates
 * with w_j = 1 / max(‖y_j − A x_j‖, ε): A ← A ∘ (Y W Xᵀ) / (A X W Xᵀ), X ← X ∘ (AᵀY) / (AᵀA X)
 * (W cancels in the X-update). Kong et al. prove the objective non-increasing; ε (a residual
 * negligible at the data's scale, {@link ColumnLossNmf#RELATIVE_RESIDUAL_FLOOR} times the
 * root-mean-square column norm of Y) only guards columns that are fitted exactly.
 */
public final class L21Nmf extends ColumnLossNmf {

  public L21Nmf(StoppingRule stopping) {
    super(stopping);
  }

  @Override
  CoefficientRule.Factory coefficientRule() {
    return LEE_SEUNG;
  }

  @Override
  public String describe() {
    return "L2,1-norm NMF (Kong et al. 2011)";
  }

  @Override
  ColumnLoss loss(double[] startSquaredResiduals, double residualFloor) {
    return (squaredResiduals, weights) -> {
      double sum = 0.0;
      for (int j = 0; j < squaredResiduals.length; j++) {
        double r = Math.sqrt(squaredResiduals[j]);
        sum += r;
        weights[j] = 1.0 / Math.max(r, residualFloor);
      }
      return sum;
    };
  }
}
