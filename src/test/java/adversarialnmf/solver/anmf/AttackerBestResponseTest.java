package adversarialnmf.solver.anmf;

import static adversarialnmf.solver.anmf.AnmfTestSupport.combine;
import static adversarialnmf.solver.anmf.AnmfTestSupport.norm2;
import static adversarialnmf.solver.anmf.AnmfTestSupport.random;
import static adversarialnmf.solver.anmf.AnmfTestSupport.times;
import static adversarialnmf.solver.anmf.AnmfTestSupport.transpose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.linalg.Cholesky;
import adversarialnmf.linalg.DenseData;
import adversarialnmf.linalg.DenseMatrix;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Theorem 1 of the paper: given X, the attacker's cost C_a = ‖ÃX − Z‖² + λ‖Ã − A‖² (5) is
 * minimised by Ã* = (λA + ZXᵀ)(λI + XXᵀ)⁻¹ (7), exactly where the γ term of (9) vanishes.
 */
class AttackerBestResponseTest {

  private static double attackerCost(DenseMatrix adv, DenseMatrix x, DenseMatrix z, DenseMatrix a, double lambda) {
    return norm2(combine(1, times(adv, x), -1, z)) + lambda * norm2(combine(1, adv, -1, a));
  }

  @Test
  void closedFormMinimisesTheAttackersCostAndZeroesTheGammaTerm() {
    Random random = new Random(17);
    DenseMatrix y = random(7, 9, random, 0, 1);
    DenseMatrix z = random(7, 9, random, 0, 2);
    DenseMatrix a = random(7, 3, random, 0, 1);
    DenseMatrix x = random(3, 9, random, 0, 1);
    double lambda = 0.3;
    DenseMatrix p = times(x, transpose(x));
    for (int k = 0; k < 3; k++) {
      p.set(k, k, p.get(k, k) + lambda);
    }
    DenseMatrix best = combine(lambda, a, 1, times(z, transpose(x)));
    Cholesky.of(p).solveRowsInPlace(best); // rows of (λA + ZXᵀ) times P⁻¹ (P symmetric)

    double cost = attackerCost(best, x, z, a, lambda);
    for (int trial = 0; trial < 200; trial++) {
      DenseMatrix moved = combine(1, best, 1e-3, random(7, 3, random, -1, 1));
      assertTrue(attackerCost(moved, x, z, a, lambda) > cost, "a perturbation of (7) lowered the attacker's cost");
    }
    AnmfModel options = AnmfModel.builder().alpha(0.6).beta(0.2).gamma(5).lambda(lambda).build();
    double model = AnmfObjective.value(new DenseData(y), AttackerTarget.explicit(z), a, best, x, options);
    double fitsOnly = 0.6 * norm2(combine(1, times(best, x), -1, y)) + 0.2 * norm2(combine(1, times(a, x), -1, y));
    assertEquals(fitsOnly, model, 1e-10 * fitsOnly);
  }
}
