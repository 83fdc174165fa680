package adversarialnmf.solver.anmf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.init.KMeansInitialization;
import adversarialnmf.linalg.DenseData;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.solver.Factorization;
import adversarialnmf.solver.StoppingRule;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * ANMF's out-of-sample rule against the dense model (9) of the data with the column appended: the
 * reduced objective equals it up to the training columns' fits, its gradient matches finite differences, and the minimiser meets
 * the KKT conditions of (9) in the added column (gradient by finite differences of the dense (9)).
 */
class AnmfColumnRuleTest {

  private static final int M = 20;
  private static final int N = 18;
  private static final int RANK = 3;
  private static final double SHIFT = 0.3;

  private final DenseMatrix y = AnmfTestSupport.plantedData(M, N, RANK, 11);
  private final AnmfModel options = AnmfModel.builder().build();
  private final Factorization fit = new AnmfAdmmSolver(options, AdmmSettings.builder().build(),
      AttackerTarget.shift(SHIFT), new StoppingRule(25, 0))
      .fit(new DenseData(y), new KMeansInitialization(0.2).initialize(new DenseData(y), RANK, new Random(3)));
  private final AnmfColumnRule rule = (AnmfColumnRule) fit.outOfSampleRule();

  /** Dense (9) of [Y y] with target [Y + t, y + t] at (A, Ã, [X x]). */
  private double appendedObjective(double[] column, double[] x) {
    DenseMatrix yy = new DenseMatrix(M, N + 1);
    DenseMatrix zz = new DenseMatrix(M, N + 1);
    DenseMatrix xx = new DenseMatrix(RANK, N + 1);
    DenseMatrix fitted = fit.coefficients();
    for (int i = 0; i < M; i++) {
      for (int j = 0; j <= N; j++) {
        double v = j < N ? y.get(i, j) : column[i];
        yy.set(i, j, v);
        zz.set(i, j, v + SHIFT);
      }
    }
    for (int r = 0; r < RANK; r++) {
      for (int j = 0; j <= N; j++) {
        xx.set(r, j, j < N ? fitted.get(r, j) : x[r]);
      }
    }
    return AnmfTestSupport.naiveObjective(yy, zz, fit.basis(), fit.adversarialBasis(), xx, options);
  }

  private double[] newColumn(long seed) {
    Random random = new Random(seed);
    double[] column = new double[M];
    int source = random.nextInt(N);
    for (int i = 0; i < M; i++) {
      column[i] = y.get(i, source) * (0.8 + 0.4 * random.nextDouble()) + 0.05 * random.nextDouble();
    }
    return column;
  }

  private double[] finiteDifferenceGradient(double[] column, double[] x) {
    double[] g = new double[RANK];
    for (int r = 0; r < RANK; r++) {
      double h = 1e-5 * Math.max(1.0, Math.abs(x[r]));
      double[] plus = x.clone();
      double[] minus = x.clone();
      plus[r] += h;
      minus[r] -= h;
      g[r] = (appendedObjective(column, plus) - appendedObjective(column, minus)) / (2 * h);
    }
    return g;
  }

  @Test
  void reducedObjectiveIsModelNineWithTheColumnAppended() {
    // the reduced objective leaves out the training columns' two fits, which do not depend on x
    DenseMatrix x0 = fit.coefficients();
    double trainingFits = options.alpha() * AnmfTestSupport.norm2(AnmfTestSupport.combine(1,
        AnmfTestSupport.times(fit.adversarialBasis(), x0), -1, y))
        + options.beta() * AnmfTestSupport.norm2(AnmfTestSupport.combine(1, AnmfTestSupport.times(fit.basis(), x0), -1, y));
    Random random = new Random(5);
    for (int trial = 0; trial < 5; trial++) {
      double[] column = newColumn(trial);
      double[] x = {random.nextDouble(), random.nextDouble(), random.nextDouble()};
      double expected = appendedObjective(column, x);
      assertEquals(expected, trainingFits + rule.objectiveOf(column).value(x), 1e-10 * expected);
    }
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    Random random = new Random(6);
    for (int trial = 0; trial < 5; trial++) {
      double[] column = newColumn(10 + trial);
      double[] x = {0.2 + random.nextDouble(), 0.2 + random.nextDouble(), 0.2 + random.nextDouble()};
      double[] g = new double[RANK];
      rule.objectiveOf(column).derivatives(x, g, new double[RANK * RANK]);
      double[] expected = finiteDifferenceGradient(column, x);
      for (int r = 0; r < RANK; r++) {
        assertEquals(expected[r], g[r], 1e-6 * (1 + Math.abs(expected[r])), "component " + r);
      }
    }
  }

  @Test
  void minimiserMeetsTheKktConditionsOfModelNine() {
    int active = 0;
    for (int trial = 0; trial < 8; trial++) {
      double[] column = newColumn(20 + trial);
      double[] x = rule.coefficients(column);
      double[] g = finiteDifferenceGradient(column, x);
      double scale = 0.0;
      for (double v : finiteDifferenceGradient(column, new double[RANK])) {
        scale = Math.max(scale, Math.abs(v));
      }
      for (int r = 0; r < RANK; r++) {
        assertTrue(x[r] >= 0.0);
        if (x[r] > 0.0) {
          assertEquals(0.0, g[r], 1e-6 * scale, "stationary in free coordinate " + r);
        } else {
          active++;
          assertTrue(g[r] >= -1e-6 * scale, "gradient " + g[r] + " of active coordinate " + r);
        }
      }
    }
    assertTrue(active > 0, "the planted columns should leave some coefficients at the bound");
  }

  /** The rows of b other than {@code skipped}. */
  private static DenseMatrix withoutRows(DenseMatrix b, java.util.Set<Integer> skipped) {
    DenseMatrix out = new DenseMatrix(b.rows() - skipped.size(), b.cols());
    int k = 0;
    for (int i = 0; i < b.rows(); i++) {
      if (!skipped.contains(i)) {
        for (int r = 0; r < b.cols(); r++) {
          out.set(k, r, b.get(i, r));
        }
        k++;
      }
    }
    return out;
  }

  @Test
  void missingEntriesAreLeftOutAsIfTheirRowsWereNotThere() {
    java.util.Set<Integer> skipped = new java.util.TreeSet<>(java.util.Arrays.asList(1, 4, 5, 11));
    AnmfObjective objective = new AnmfObjective(new DenseData(y), AttackerTarget.shift(SHIFT), options, RANK);
    objective.terms(fit.basis(), fit.adversarialBasis(), fit.coefficients());
    AnmfColumnRule observedRows = new AnmfColumnRule(options, withoutRows(fit.basis(), skipped),
        withoutRows(fit.adversarialBasis(), skipped), withoutRows(objective.attackerResidual(), skipped), SHIFT);
    for (int trial = 0; trial < 4; trial++) {
      double[] column = newColumn(40 + trial);
      double[] masked = column.clone();
      double[] shortened = new double[M - skipped.size()];
      int k = 0;
      for (int i = 0; i < M; i++) {
        if (skipped.contains(i)) {
          masked[i] = Double.NaN;
        } else {
          shortened[k++] = column[i];
        }
      }
      org.junit.jupiter.api.Assertions.assertArrayEquals(observedRows.coefficients(shortened),
          rule.coefficients(masked), 1e-8);
    }
  }

  /**
   * The batch reduces every fully observed column by one product and the others over their
   * observed rows; on two threads each column must come out as the rule gives it alone, to rounding
   * (the reductions sum in another order), a column with missing entries included.
   */
  @Test
  void aBatchOnTwoThreadsGivesEachColumnAsTheRuleAlone() {
    int count = 40;
    DenseMatrix columns = new DenseMatrix(M, count);
    for (int j = 0; j < count; j++) {
      double[] column = newColumn(70 + j);
      for (int i = 0; i < M; i++) {
        columns.set(i, j, column[i]);
      }
    }
    columns.set(3, 7, Double.NaN);
    columns.set(9, 7, Double.NaN);
    DenseMatrix batch = adversarialnmf.linalg.Parallelism.threads(2)
        .within(() -> rule.coefficients(new DenseData(columns.copy(), adversarialnmf.linalg.MissingEntries.ofNaN(columns))));
    for (int j = 0; j < count; j++) {
      double[] column = new double[M];
      for (int i = 0; i < M; i++) {
        column[i] = columns.get(i, j);
      }
      double[] alone = rule.coefficients(column);
      double largest = 0.0;
      for (double v : alone) {
        largest = Math.max(largest, v);
      }
      for (int r = 0; r < RANK; r++) {
        assertEquals(alone[r], batch.get(r, j), 1e-10 * largest, "column " + j + ", coefficient " + r);
      }
    }
  }
}
