package adversarialnmf.solver;

import java.util.Arrays;

/**
 * Orthogonal NMF of Ding, Li, Peng &amp; Park (KDD 2006), orthogonality on the cluster-indicator
 * factor: min ‖Y − AX‖²_F over A, X ≥ 0 subject to X Xᵀ = I, by their multiplicative updates
 * A ← A ∘ (Y Xᵀ) / (A X Xᵀ) and X ← X ∘ sqrt((AᵀY) / (AᵀY Xᵀ X)). The X-update comes from the
 * Lagrangian of the constraint; it is not proven to decrease ‖Y − AX‖² at every step, and the
 * constraint holds only approximately (the trace {@link #ORTHOGONALITY_TRACE} records
 * ‖X Xᵀ − I‖_F). The objective reported is ‖Y − AX‖²_F.
 */
public final class OrthogonalNmf extends ColumnLossNmf {

  public OrthogonalNmf(StoppingRule stopping) {
    super(stopping, true);
  }

  @Override
  public String describe() {
    return "orthogonal NMF (Ding et al. 2006, X Xᵀ = I)";
  }

  @Override
  ColumnLoss loss(double[] startSquaredResiduals, double residualFloor) {
    return (squaredResiduals, weights) -> {
      Arrays.fill(weights, 1.0);
      double sum = 0.0;
      for (double r2 : squaredResiduals) {
        sum += r2;
      }
      return sum;
    };
  }
}
