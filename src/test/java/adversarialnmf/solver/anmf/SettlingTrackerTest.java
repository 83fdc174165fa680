package adversarialnmf.solver.anmf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.init.KMeansInitialization;
import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseData;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.solver.Factorization;
import adversarialnmf.solver.Factors;
import adversarialnmf.solver.StopReason;
import adversarialnmf.solver.StoppingRule;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The ADMM's settling traces against naive values from two fits one iteration apart (the ADMM is
 * deterministic): the scale-free change ‖X̂_k − X̂_{k−1}‖/‖X̂_k‖ with X̂ = diag(‖a_r‖) X, the number of
 * instances whose argmax changed, (9) at the representative with ‖A‖ = ‖A⁰‖; and the scale-free
 * stopping rule stops a Z = Y fit before the cap with that change at or below the tolerance.
 */
class SettlingTrackerTest {

  private final DataMatrix y = new DenseData(AnmfTestSupport.plantedData(20, 24, 3, 8));
  private final Factors start = new KMeansInitialization(0.2).initialize(y, 3, new Random(2));
  private final AttackerTarget target = AttackerTarget.shift(0.2);
  private final AnmfModel model = AnmfModel.builder().build();
  private final AdmmSettings options = AdmmSettings.builder().build();

  private Factorization fit(int iterations, AdmmSettings o, double tolerance) {
    return new AnmfAdmmSolver(model, o, target, new StoppingRule(iterations, tolerance)).fit(y, start);
  }

  private static DenseMatrix scaleFree(Factorization fit) {
    DenseMatrix a = fit.basis();
    DenseMatrix x = fit.coefficients();
    DenseMatrix out = new DenseMatrix(x.rows(), x.cols());
    for (int r = 0; r < x.rows(); r++) {
      double norm = 0.0;
      for (int i = 0; i < a.rows(); i++) {
        norm += a.get(i, r) * a.get(i, r);
      }
      for (int j = 0; j < x.cols(); j++) {
        out.set(r, j, Math.sqrt(norm) * x.get(r, j));
      }
    }
    return out;
  }

  private static int[] argmax(DenseMatrix x) {
    int[] labels = new int[x.cols()];
    for (int j = 0; j < x.cols(); j++) {
      for (int r = 1; r < x.rows(); r++) {
        if (x.get(r, j) > x.get(labels[j], j)) {
          labels[j] = r;
        }
      }
    }
    return labels;
  }

  @Test
  void tracesMatchNaiveValuesFromConsecutiveIterates() {
    Factorization before = fit(6, options, 0.0);
    Factorization after = fit(7, options, 0.0);
    DenseMatrix p = scaleFree(before);
    DenseMatrix q = scaleFree(after);
    double difference = 0.0;
    double norm = 0.0;
    for (int i = 0; i < q.data().length; i++) {
      difference += (q.data()[i] - p.data()[i]) * (q.data()[i] - p.data()[i]);
      norm += q.data()[i] * q.data()[i];
    }
    double[] change = after.trace(SettlingTracker.SCALE_FREE_CHANGE);
    assertTrue(Double.isNaN(change[0]));
    assertEquals(Math.sqrt(difference / norm), change[7], 1e-12);
    int[] labelsBefore = argmax(p);
    int[] labelsAfter = argmax(q);
    int moved = 0;
    for (int j = 0; j < labelsAfter.length; j++) {
      moved += labelsBefore[j] != labelsAfter[j] ? 1 : 0;
    }
    assertEquals(moved, after.trace(SettlingTracker.ASSIGNMENT_CHANGES)[7], 0.0);

    DenseMatrix a0 = start.basis();
    DenseMatrix a = after.basis();
    double c = Math.sqrt(AnmfTestSupport.norm2(a) / AnmfTestSupport.norm2(a0));
    DenseMatrix dense = y.toDense();
    DenseMatrix z = AnmfTestSupport.combine(1, dense, 0.2, ones(dense.rows(), dense.cols()));
    double expected = AnmfTestSupport.naiveObjective(dense, z, AnmfTestSupport.combine(1 / c, a, 0, a),
        AnmfTestSupport.combine(1 / c, after.adversarialBasis(), 0, a), AnmfTestSupport.combine(c,
            after.coefficients(), 0, after.coefficients()), model);
    assertEquals(expected, after.trace(SettlingTracker.FIXED_SCALE_OBJECTIVE)[7], 1e-9 * expected);
  }

  private static DenseMatrix ones(int rows, int cols) {
    DenseMatrix out = new DenseMatrix(rows, cols);
    java.util.Arrays.fill(out.data(), 1.0);
    return out;
  }

  @Test
  void theScaleFreeRuleStopsWhenTheScaleFreeCoefficientsSettle() {
    AdmmSettings rule = options.toBuilder().toleranceRule(AdmmSettings.ToleranceRule.SCALE_FREE_CHANGE).build();
    Factorization fit = fit(2000, rule, 1e-3);
    assertEquals(StopReason.CONVERGED, fit.stopReason());
    double[] change = fit.trace(SettlingTracker.SCALE_FREE_CHANGE);
    assertTrue(change[change.length - 1] <= 1e-3);
    assertTrue(change[change.length - 2] > 1e-3 || fit.trace(AnmfAdmmSolver.PRIMAL_RESIDUAL)[change.length - 2] > 1e-3,
        "the rule stopped at the first iteration that met it");
  }
}
