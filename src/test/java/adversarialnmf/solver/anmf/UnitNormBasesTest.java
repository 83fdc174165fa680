package adversarialnmf.solver.anmf;

import static adversarialnmf.solver.anmf.AnmfTestSupport.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.init.KMeansInitialization;
import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseData;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.solver.Factorization;
import adversarialnmf.solver.Factors;
import adversarialnmf.solver.StoppingRule;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The scale-fixed ANMF (unit-norm columns of A and Ã, docs/ALGORITHM.md §5.4). */
class UnitNormBasesTest {

  private static final int RANK = 3;

  private static final AnmfModel UNIT = AnmfModel.builder().unitNormBases(true).build();

  /**
   * Y = A* X* + light noise with unit columns of A*, instance j planted in cluster j mod rank, and
   * A*. (Noise keeps the multipliers away from 0, so the relative dual residual is defined.)
   */
  private static DenseMatrix[] plantedUnitFactors(int m, int count, long seed) {
    Random random = new Random(seed);
    DenseMatrix a = random(m, RANK, random, 0, 1);
    for (int k = 0; k < RANK; k++) {
      double norm = 0;
      for (int i = 0; i < m; i++) {
        norm += a.get(i, k) * a.get(i, k);
      }
      for (int i = 0; i < m; i++) {
        a.set(i, k, a.get(i, k) / Math.sqrt(norm));
      }
    }
    DenseMatrix x = new DenseMatrix(RANK, count);
    for (int j = 0; j < count; j++) {
      for (int r = 0; r < RANK; r++) {
        x.set(r, j, r == j % RANK ? 2 + random.nextDouble() : 0.1 * random.nextDouble());
      }
    }
    DenseMatrix y = AnmfTestSupport.times(a, x);
    for (int i = 0; i < y.data().length; i++) {
      y.data()[i] += 0.01 * random.nextDouble();
    }
    return new DenseMatrix[] {y, a};
  }

  private static void assertUnitNonnegativeColumns(DenseMatrix w, String name) {
    for (int k = 0; k < w.cols(); k++) {
      double norm = 0;
      for (int i = 0; i < w.rows(); i++) {
        assertTrue(w.get(i, k) >= 0, name + " has a negative entry in column " + k);
        norm += w.get(i, k) * w.get(i, k);
      }
      assertEquals(1.0, Math.sqrt(norm), 1e-12, name + " column " + k + " is not of unit norm");
    }
  }

  /** The B and B̃ step: max(0, v) / ‖max(0, v)‖ maximises ⟨v, w⟩ over unit nonnegative w, so it is the nearest. */
  @Test
  void projectionIsTheNearestNonnegativeUnitColumn() {
    Random random = new Random(5);
    DenseMatrix v = random(7, 3, random, -1, 1);
    for (int i = 0; i < 7; i++) {
      v.set(i, 2, -1 - i); // no positive entry: the nearest point is the unit vector at the largest (row 0)
    }
    DenseMatrix w = v.copy();
    for (int i = 0; i < w.data().length; i++) {
      w.data()[i] = Math.max(0, w.data()[i]);
    }
    AdmmState.toUnitColumns(w, v);
    assertUnitNonnegativeColumns(w, "projection");
    assertEquals(1.0, w.get(0, 2), 0.0);
    for (int trial = 0; trial < 2000; trial++) {
      DenseMatrix u = random(7, 3, random, 0, 1);
      AdmmState.toUnitColumns(u, u);
      for (int k = 0; k < 3; k++) {
        double projected = 0;
        double other = 0;
        for (int i = 0; i < 7; i++) {
          projected += (v.get(i, k) - w.get(i, k)) * (v.get(i, k) - w.get(i, k));
          other += (v.get(i, k) - u.get(i, k)) * (v.get(i, k) - u.get(i, k));
        }
        assertTrue(projected <= other + 1e-12, "column " + k + ": a unit nonnegative point is nearer to v");
      }
    }
  }

  @Test
  void plantedUnitFactorsAreRecoveredAndTheConstraintHolds() {
    DenseMatrix[] planted = plantedUnitFactors(20, 30, 2);
    DataMatrix y = new DenseData(planted[0]);
    AttackerTarget target = AttackerTarget.shift(0.0);
    AdmmSettings settings = AdmmSettings.builder().mu(1).toleranceRule(AdmmSettings.ToleranceRule.RELATIVE_RESIDUALS)
        .build();
    AnmfAdmmSolver solver = new AnmfAdmmSolver(UNIT, settings, target, new StoppingRule(3000, 1e-3));
    Factors start = new KMeansInitialization(0.2).initialize(y, RANK, new Random(3));
    Factorization fit = solver.fit(y, start);

    assertTrue(fit.converged(), "stopped after " + fit.iterations() + " iterations without converging");
    assertUnitNonnegativeColumns(fit.basis(), "A");
    assertUnitNonnegativeColumns(fit.adversarialBasis(), "\u00c3");
    // every planted column is found (cosine, both of unit norm), and every instance in its cluster
    DenseMatrix a = fit.basis();
    int[] match = new int[RANK];
    for (int k = 0; k < RANK; k++) {
      double best = -1;
      for (int c = 0; c < RANK; c++) {
        double cosine = 0;
        for (int i = 0; i < a.rows(); i++) {
          cosine += a.get(i, c) * planted[1].get(i, k);
        }
        if (cosine > best) {
          best = cosine;
          match[k] = c;
        }
      }
      assertTrue(best > 0.999, "planted column " + k + " recovered only to cosine " + best);
    }
    int[] labels = fit.argmaxAssignments();
    for (int j = 0; j < labels.length; j++) {
      assertEquals(match[j % RANK], labels[j], "instance " + j + " left its planted cluster");
    }
    // Ã X carries the fit (α ≫ β)
    double reconstruction = AnmfTestSupport.norm2(AnmfTestSupport.combine(1, AnmfTestSupport.times(
        fit.adversarialBasis(), fit.coefficients()), -1, planted[0])) / AnmfTestSupport.norm2(planted[0]);
    assertTrue(reconstruction < 1e-3, "relative squared residual " + reconstruction);
    // the trace is objective (9) at the returned factors, against the naive formula
    double naive = AnmfTestSupport.naiveObjective(planted[0], planted[0], fit.basis(), fit.adversarialBasis(),
        fit.coefficients(), UNIT);
    assertEquals(naive, fit.finalObjective(), 1e-9 * naive + 1e-12);
  }

  /**
   * With a shifted target the unconstrained model drifts along (A/c, Ã/c, cX) and never meets the
   * relative-residual rule (docs/ALGORITHM.md §5.1); with unit columns that direction is closed, and
   * the same run meets it.
   */
  @Test
  void withAShiftedTargetTheScaleFixedRunConverges() {
    DenseMatrix[] planted = plantedUnitFactors(20, 30, 4);
    DataMatrix y = new DenseData(planted[0]);
    AttackerTarget target = AttackerTarget.shift(0.5);
    Factors start = new KMeansInitialization(0.2).initialize(y, RANK, new Random(4));
    AnmfModel free = AnmfModel.builder().build();
    AdmmSettings settings = AdmmSettings.builder().mu(1).toleranceRule(AdmmSettings.ToleranceRule.RELATIVE_RESIDUALS)
        .build();
    StoppingRule rule = new StoppingRule(3000, 1e-3);
    Factorization fixed = new AnmfAdmmSolver(UNIT, settings, target, rule).fit(y, start);
    Factorization drifting = new AnmfAdmmSolver(free, settings, target, rule).fit(y, start);
    assertTrue(fixed.converged(), "scale-fixed run stopped after " + fixed.iterations() + " iterations");
    assertTrue(!drifting.converged(), "the unconstrained run converged: the premise of §5.1 failed");
    assertUnitNonnegativeColumns(fixed.basis(), "A");
    assertUnitNonnegativeColumns(fixed.adversarialBasis(), "\u00c3");
    double naive = AnmfTestSupport.naiveObjective(planted[0], target.materialize(y), fixed.basis(),
        fixed.adversarialBasis(), fixed.coefficients(), free);
    assertEquals(naive, fixed.finalObjective(), 1e-9 * naive);
  }

  @Test
  void theGradientSolverRefusesUnitNormBases() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new AnmfGradientSolver(UNIT, GradientSettings.builder().build(),
            AttackerTarget.shift(0), new StoppingRule(10, 0)));
    assertTrue(e.getMessage().contains("unit-norm"), e.getMessage());
  }
}
