package adversarialnmf.attack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The budgets' projections: feasible, exact, and the nearest feasible point. */
class AttackNormTest {

  /** y ≥ 0 with a third of its entries 0, so the orthant binds; d much larger than the budget. */
  private static double[][] instanceAndStep(Random random, int m) {
    double[] y = new double[m];
    double[] d = new double[m];
    for (int i = 0; i < m; i++) {
      y[i] = i % 3 == 0 ? 0.0 : random.nextDouble();
      d[i] = 3.0 * random.nextGaussian();
    }
    return new double[][] {y, d};
  }

  @ParameterizedTest
  @EnumSource(AttackNorm.class)
  void theProjectionKeepsTheBudgetExactlyAndTheInstanceNonnegative(AttackNorm norm) {
    Random random = new Random(5);
    for (int trial = 0; trial < 200; trial++) {
      double[][] yd = instanceAndStep(random, 1 + random.nextInt(60));
      double radius = Math.pow(10, -3 + 4 * random.nextDouble());
      double[] delta = norm.project(yd[1], yd[0], radius);
      assertTrue(norm.norm(delta) <= radius * (1 + 1e-12), norm + ": " + norm.norm(delta) + " > " + radius);
      for (int i = 0; i < delta.length; i++) {
        assertTrue(yd[0][i] + delta[i] >= 0.0, norm + ": entry " + i + " goes negative");
      }
    }
  }

  @ParameterizedTest
  @EnumSource(AttackNorm.class)
  void aFeasiblePerturbationIsItsOwnProjection(AttackNorm norm) {
    Random random = new Random(8);
    double[] y = new double[20];
    double[] d = new double[20];
    for (int i = 0; i < y.length; i++) {
      y[i] = 1.0 + random.nextDouble();
      d[i] = 0.01 * random.nextGaussian();
    }
    assertArrayEquals(d, norm.project(d, y, 1.0), 0.0);
  }

  /**
   * Dykstra's alternating projections onto the ball and onto the shifted orthant, each of which is
   * trivial alone, converge to the projection onto their intersection: the reference.
   */
  private static double[] dykstra(double[] d, double[] y, double radius) {
    int m = d.length;
    double[] x = d.clone();
    double[] p = new double[m];
    double[] q = new double[m];
    for (int iteration = 0; iteration < 200000; iteration++) {
      double[] z = new double[m];
      for (int i = 0; i < m; i++) {
        z[i] = Math.max(x[i] + p[i], -y[i]);
        p[i] = x[i] + p[i] - z[i];
      }
      double length = 0.0;
      for (int i = 0; i < m; i++) {
        length += (z[i] + q[i]) * (z[i] + q[i]);
      }
      double shrink = Math.min(1.0, radius / Math.sqrt(length));
      for (int i = 0; i < m; i++) {
        double next = (z[i] + q[i]) * shrink;
        q[i] = z[i] + q[i] - next;
        x[i] = next;
      }
    }
    return x;
  }

  @Test
  void theEuclideanProjectionEqualsDykstrasOnSmallProblems() {
    Random random = new Random(13);
    for (int trial = 0; trial < 20; trial++) {
      double[][] yd = instanceAndStep(random, 2 + random.nextInt(6));
      double radius = 0.2 + random.nextDouble();
      double[] exact = AttackNorm.EUCLIDEAN.project(yd[1], yd[0], radius);
      assertArrayEquals(dykstra(yd[1], yd[0], radius), exact, 1e-7, "trial " + trial);
    }
  }

  @Test
  void theMaxNormProjectionIsTheBoxClip() {
    double[] y = {0.0, 0.5, 2.0};
    double[] d = {-1.0, -1.0, -1.0};
    assertArrayEquals(new double[] {0.0, -0.5, -1.0}, AttackNorm.INFINITY.project(d, y, 1.0), 0.0);
    assertArrayEquals(new double[] {0.0, -0.3, -0.3}, AttackNorm.INFINITY.project(d, y, 0.3), 1e-15);
  }

  @ParameterizedTest
  @EnumSource(AttackNorm.class)
  void theSteepestStepHasTheStepLengthInItsNorm(AttackNorm norm) {
    double[] g = {3.0, -4.0, 0.0, 1e-9};
    assertEquals(0.7, norm.norm(norm.steepestStep(g, 0.7)), 1e-15);
  }
}
