package adversarialnmf.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.cluster.Assignment;
import adversarialnmf.cluster.AssignmentRule;
import adversarialnmf.cluster.InstanceNormalisation;
import adversarialnmf.cluster.InstancePreprocessing;
import adversarialnmf.cluster.NmfClustering;
import adversarialnmf.cluster.PredictionRule;
import adversarialnmf.cluster.TermWeighting;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.solver.Factorization;
import adversarialnmf.solver.NonnegativeProjection;
import adversarialnmf.solver.OrthogonalOutOfSampleRule;
import adversarialnmf.solver.OutOfSampleRule;
import adversarialnmf.testing.PlantedData;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The attack on planted low-rank data: its gradient, its closed-form start and the damage it does. */
class ProjectedGradientAttackTest {

  private static final int M = 30;
  private static final int K = 3;

  /** The planted factorization (A, X of Y = AX + noise) as a clustering under the given rules. */
  private static NmfClustering planted(PlantedData data, OutOfSampleRule rule, AssignmentRule assignment,
      InstancePreprocessing preprocessing) {
    Factorization factorization = Factorization.builder().factors(data.basis(), data.coefficients())
        .objectiveTrace(new double[] {1.0}).outOfSampleRule(rule).build();
    return NmfClustering.of(factorization, preprocessing.apply(data.data(), 1.0), preprocessing, 1.0,
        Assignment.of(assignment, 3), PredictionRule.MODEL, new Random(1));
  }

  private static NmfClustering planted(PlantedData data, AssignmentRule assignment) {
    return planted(data, new NonnegativeProjection(data.basis()), assignment, InstancePreprocessing.NONE);
  }

  private static double[] column(PlantedData data, int j) {
    return data.y().column(j);
  }

  /** A perturbation well inside the ball, where y + δ stays positive. */
  private static double[] interiorDelta(Random random, int m, double size) {
    double[] delta = new double[m];
    for (int i = 0; i < m; i++) {
      delta[i] = size * random.nextGaussian();
    }
    return delta;
  }

  /** Central finite difference of the objective along v, against the gradient's inner product with v. */
  private static void assertGradientMatchesFiniteDifferences(ProjectedGradientAttack attack, PlantedData data) {
    Random random = new Random(3);
    for (int j = 0; j < 12; j++) {
      double[] y = column(data, j);
      double[] delta = interiorDelta(random, M, 0.01);
      double[] v = interiorDelta(random, M, 1.0);
      double[] g = attack.gradient(y, delta);
      double along = 0.0;
      for (int i = 0; i < M; i++) {
        along += g[i] * v[i];
      }
      double h = 1e-6;
      double[] plus = delta.clone();
      double[] minus = delta.clone();
      for (int i = 0; i < M; i++) {
        plus[i] += h * v[i];
        minus[i] -= h * v[i];
      }
      double difference = (attack.objective(y, plus) - attack.objective(y, minus)) / (2 * h);
      assertEquals(difference, along, 1e-5 * Math.max(1.0, Math.abs(difference)), "instance " + j);
    }
  }

  @ParameterizedTest
  @EnumSource(AttackGoal.class)
  void theGradientThroughLeastSquaresEqualsFiniteDifferences(AttackGoal goal) {
    PlantedData data = PlantedData.generate(M, 10, K, 0.02, 4);
    for (AssignmentRule assignment : new AssignmentRule[] {AssignmentRule.ARGMAX, AssignmentRule.KMEANS}) {
      ProjectedGradientAttack attack = new ProjectedGradientAttack(planted(data, assignment),
          AttackNorm.EUCLIDEAN, goal, 10);
      assertTrue(attack.exactGradient());
      assertGradientMatchesFiniteDifferences(attack, data);
    }
  }

  @Test
  void theGradientThroughTheOrthogonalRuleAndAnL2NormalisationEqualsFiniteDifferences() {
    PlantedData data = PlantedData.generate(M, 10, K, 0.02, 6);
    OrthogonalOutOfSampleRule orthogonal = OrthogonalOutOfSampleRule.of(data.data(), data.basis(), data.coefficients());
    assertGradientMatchesFiniteDifferences(new ProjectedGradientAttack(planted(data, orthogonal,
        AssignmentRule.ARGMAX, InstancePreprocessing.NONE), AttackNorm.EUCLIDEAN, AttackGoal.COEFFICIENTS, 10), data);
    InstancePreprocessing l2 = InstancePreprocessing.fit(data.data(), TermWeighting.NONE, InstanceNormalisation.L2);
    NmfClustering normalised = planted(data, new NonnegativeProjection(data.basis()), AssignmentRule.KMEANS, l2);
    assertGradientMatchesFiniteDifferences(new ProjectedGradientAttack(normalised, AttackNorm.EUCLIDEAN,
        AttackGoal.CLUSTER, 10), data);
  }

  /**
   * With every coefficient positive and y far from 0, NNLS is locally h = (AᵀA)⁻¹Aᵀy, so the
   * closed-form start reaches ½(ε σ_max)², σ_max the largest singular value of (AᵀA)⁻¹Aᵀ,
   * computed here independently by power iteration on its Gram matrix (AᵀA)⁻¹.
   */
  @Test
  void theClosedFormStartAttainsTheTopSingularValueOfThePseudoinverse() {
    PlantedData data = PlantedData.generate(M, 10, K, 0.0, 9);
    DenseMatrix a = data.basis();
    double[][] gram = new double[K][K];
    for (int r = 0; r < K; r++) {
      for (int s = 0; s < K; s++) {
        for (int i = 0; i < M; i++) {
          gram[r][s] += a.get(i, r) * a.get(i, s);
        }
      }
    }
    // the largest eigenvalue of (AᵀA)⁻¹ is 1 / the smallest of AᵀA: inverse iteration by Cramer's rule
    double[] w = {1, 1, 1};
    double lambda = 0;
    for (int it = 0; it < 500; it++) {
      double[] next = solve3(gram, w);
      double length = Math.sqrt(next[0] * next[0] + next[1] * next[1] + next[2] * next[2]);
      lambda = length;
      for (int r = 0; r < K; r++) {
        w[r] = next[r] / length;
      }
    }
    double sigma = Math.sqrt(lambda);
    double epsilon = 1e-4;
    ProjectedGradientAttack attack = new ProjectedGradientAttack(planted(data, AssignmentRule.ARGMAX),
        AttackNorm.EUCLIDEAN, AttackGoal.COEFFICIENTS, 0);
    double[] y = column(data, 0);
    double[] attacked = attack.attack(y, epsilon, new Random(1));
    double[] delta = new double[M];
    for (int i = 0; i < M; i++) {
      delta[i] = attacked[i] - y[i];
    }
    assertEquals(0.5 * epsilon * epsilon * sigma * sigma, attack.objective(y, delta), 1e-6 * epsilon * epsilon * sigma * sigma);
  }

  private static double[] solve3(double[][] g, double[] b) {
    double det = determinant(g);
    double[] x = new double[3];
    for (int c = 0; c < 3; c++) {
      double[][] replaced = new double[3][3];
      for (int r = 0; r < 3; r++) {
        for (int s = 0; s < 3; s++) {
          replaced[r][s] = s == c ? b[r] : g[r][s];
        }
      }
      x[c] = determinant(replaced) / det;
    }
    return x;
  }

  private static double determinant(double[][] g) {
    return g[0][0] * (g[1][1] * g[2][2] - g[1][2] * g[2][1]) - g[0][1] * (g[1][0] * g[2][2] - g[1][2] * g[2][0])
        + g[0][2] * (g[1][0] * g[2][1] - g[1][1] * g[2][0]);
  }

  @ParameterizedTest
  @EnumSource(AttackNorm.class)
  void theAttackKeepsItsBudgetAndTheDataNonnegative(AttackNorm norm) {
    PlantedData data = PlantedData.generate(M, 10, K, 0.05, 2);
    for (AttackGoal goal : AttackGoal.values()) {
      ProjectedGradientAttack attack = new ProjectedGradientAttack(planted(data, AssignmentRule.ARGMAX), norm, goal, 15);
      for (int j = 0; j < 30; j++) {
        double[] y = column(data, j);
        double radius = 0.3;
        double[] attacked = attack.attack(y, radius, new Random(j));
        double[] delta = new double[M];
        for (int i = 0; i < M; i++) {
          assertTrue(attacked[i] >= 0.0);
          delta[i] = attacked[i] - y[i];
        }
        assertTrue(norm.norm(delta) <= radius + 1e-12, goal + ": " + norm.norm(delta));
      }
    }
  }

  /**
   * The damage exceeds that of random perturbations of the same norm: the coefficients move further,
   * and more instances leave their cluster, on planted data over seeds.
   */
  @ParameterizedTest
  @EnumSource(AttackNorm.class)
  void theAttackDoesMoreDamageThanRandomNoiseOfTheSameNorm(AttackNorm norm) {
    for (long seed = 1; seed <= 3; seed++) {
      PlantedData data = PlantedData.generate(M, 10, K, 0.02, seed);
      NmfClustering clustering = planted(data, AssignmentRule.ARGMAX);
      ProjectedGradientAttack coefficients = new ProjectedGradientAttack(clustering, norm, AttackGoal.COEFFICIENTS, 20);
      ProjectedGradientAttack cluster = new ProjectedGradientAttack(clustering, norm, AttackGoal.CLUSTER, 20);
      Random random = new Random(seed);
      double attackedMove = 0;
      double randomMove = 0;
      int attackedChanges = 0;
      int randomChanges = 0;
      double largest = data.data().max();
      for (int j = 0; j < data.y().cols(); j++) {
        double[] y = column(data, j);
        double radius = norm == AttackNorm.INFINITY ? 0.35 * largest : 0.8 * AttackNorm.EUCLIDEAN.norm(y);
        double[] h = clustering.coefficientsOf(y);
        double[] moved = coefficients.attack(y, radius, random);
        double[] pushed = cluster.attack(y, radius, random);
        double[] noisy = norm.project(norm.steepestStep(interiorDelta(random, M, 1.0), radius), y, radius);
        for (int i = 0; i < M; i++) {
          noisy[i] += y[i];
        }
        attackedMove += distance(clustering.coefficientsOf(moved), h);
        randomMove += distance(clustering.coefficientsOf(noisy), h);
        int own = clustering.clusterOf(h);
        attackedChanges += clustering.clusterOf(clustering.coefficientsOf(pushed)) != own ? 1 : 0;
        randomChanges += clustering.clusterOf(clustering.coefficientsOf(noisy)) != own ? 1 : 0;
      }
      assertTrue(attackedMove > 2 * randomMove, "seed " + seed + ": " + attackedMove + " vs " + randomMove);
      assertTrue(attackedChanges > randomChanges, "seed " + seed + ": " + attackedChanges + " vs " + randomChanges);
    }
  }

  private static double distance(double[] a, double[] b) {
    double sum = 0;
    for (int r = 0; r < a.length; r++) {
      sum += (a[r] - b[r]) * (a[r] - b[r]);
    }
    return Math.sqrt(sum);
  }

  @Test
  void theKullbackLeiblerRuleGetsASurrogateGradient() {
    PlantedData data = PlantedData.generate(M, 10, K, 0.02, 4);
    OutOfSampleRule kl = new adversarialnmf.solver.KullbackLeiblerRule(data.basis());
    assertFalse(new ProjectedGradientAttack(planted(data, kl, AssignmentRule.ARGMAX, InstancePreprocessing.NONE),
        AttackNorm.INFINITY, AttackGoal.CLUSTER, 5).exactGradient());
  }
}
