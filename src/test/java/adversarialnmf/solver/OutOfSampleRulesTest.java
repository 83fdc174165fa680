package adversarialnmf.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.init.KMeansInitialization;
import adversarialnmf.linalg.DenseData;
import adversarialnmf.linalg.DenseMatrix;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The KL and orthogonal out-of-sample rules against naive formulas: KKT conditions of the KL
 * divergence (gradient by finite differences of the naive divergence), the complementarity
 * conditions of the orthogonal X rule's fixed point with M = AᵀYXᵀ computed by loops, the rule each
 * solver attaches to its fit, and a training column of a converged fit landing where the fit put it.
 */
class OutOfSampleRulesTest {

  private static double[] column(Random random, int m, double zeroFraction) {
    double[] y = new double[m];
    for (int i = 0; i < m; i++) {
      y[i] = random.nextDouble() < zeroFraction ? 0.0 : random.nextDouble();
    }
    return y;
  }

  private static double naiveDivergence(DenseMatrix a, double[] y, double[] x) {
    DenseMatrix yColumn = new DenseMatrix(y.length, 1);
    DenseMatrix xColumn = new DenseMatrix(x.length, 1);
    for (int i = 0; i < y.length; i++) {
      yColumn.set(i, 0, y[i]);
    }
    for (int r = 0; r < x.length; r++) {
      xColumn.set(r, 0, x[r]);
    }
    return SolverFixtures.naiveKullbackLeibler(yColumn, a, xColumn);
  }

  @Test
  void klRuleMeetsTheKktConditionsOfTheDivergence() {
    Random random = new Random(7);
    DenseMatrix a = SolverFixtures.uniform(25, 5, random);
    KullbackLeiblerRule rule = new KullbackLeiblerRule(a);
    int active = 0;
    for (int trial = 0; trial < 10; trial++) {
      double[] y = column(random, 25, 0.3);
      // a column far from the cone of A, so that some coefficients sit at the bound
      y[trial % 25] += 3.0;
      double[] x = rule.coefficients(y);
      for (int r = 0; r < 5; r++) {
        double h = 1e-6;
        double[] plus = x.clone();
        plus[r] += h;
        double g;
        if (x[r] > h) {
          double[] minus = x.clone();
          minus[r] -= h;
          g = (naiveDivergence(a, y, plus) - naiveDivergence(a, y, minus)) / (2 * h);
          assertEquals(0.0, g, 1e-5, "stationary in free coordinate " + r);
        } else {
          active++;
          g = (naiveDivergence(a, y, plus) - naiveDivergence(a, y, x)) / h;
          assertTrue(x[r] >= 0.0);
          assertTrue(g >= -1e-5, "one-sided derivative " + g + " at the bound, coordinate " + r);
        }
      }
    }
    assertTrue(active > 0, "some coefficients should be at the bound");
  }

  @Test
  void klSolverAttachesTheKlRuleAndItRecoversExactCoefficients() {
    Random random = new Random(8);
    DenseMatrix y = SolverFixtures.uniform(20, 12, random);
    Factorization fit = new KullbackLeiblerNmf(new StoppingRule(5, 0))
        .fit(new DenseData(y), new KMeansInitialization(0.2).initialize(new DenseData(y), 3, random));
    assertTrue(fit.outOfSampleRule() instanceof KullbackLeiblerRule);
    DenseMatrix a = fit.basis();
    double[] planted = {0.5, 0.0, 1.5};
    double[] x = fit.outOfSampleRule().coefficients(adversarialnmf.linalg.MatrixOps.timesVector(a, planted));
    assertArrayEquals(planted, x, 1e-7);
  }

  @Test
  void orthogonalRuleSolvesTheComplementarityProblemOfItsXRule() {
    Random random = new Random(9);
    DenseMatrix y = SolverFixtures.uniform(30, 40, random);
    Factorization fit = new OrthogonalNmf(new StoppingRule(50, 0))
        .fit(new DenseData(y), new KMeansInitialization(0.2).initialize(new DenseData(y), 4, random));
    OutOfSampleRule rule = fit.outOfSampleRule();
    assertTrue(rule instanceof OrthogonalOutOfSampleRule);
    DenseMatrix a = fit.basis();
    DenseMatrix x = fit.coefficients();
    // M = Aᵀ Y Xᵀ by loops
    double[][] m = new double[4][4];
    for (int r = 0; r < 4; r++) {
      for (int c = 0; c < 4; c++) {
        double s = 0.0;
        for (int i = 0; i < 30; i++) {
          for (int j = 0; j < 40; j++) {
            s += a.get(i, r) * y.get(i, j) * x.get(c, j);
          }
        }
        m[r][c] = s;
      }
    }
    for (int trial = 0; trial < 10; trial++) {
      double[] column = column(random, 30, 0.5);
      double[] coefficients = rule.coefficients(column);
      double scale = 0.0;
      for (int r = 0; r < 4; r++) {
        double w = 0.0;
        for (int i = 0; i < 30; i++) {
          w -= a.get(i, r) * column[i];
        }
        scale = Math.max(scale, Math.abs(w));
      }
      for (int r = 0; r < 4; r++) {
        double w = 0.0;
        for (int i = 0; i < 30; i++) {
          w -= a.get(i, r) * column[i];
        }
        for (int c = 0; c < 4; c++) {
          w += m[r][c] * coefficients[c];
        }
        assertTrue(coefficients[r] >= 0.0);
        assertTrue(w >= -1e-9 * scale, "Mx - Aᵀy = " + w + " in coordinate " + r);
        assertEquals(0.0, coefficients[r] * w, 1e-9 * scale * (1 + coefficients[r]));
      }
    }
  }

  /**
   * The batch splits columns among threads (300 columns of 200 attributes at rank 4: two tasks);
   * every column must come out exactly as the rule gives it alone, a missing entry included.
   */
  @Test
  void aBatchOnTwoThreadsGivesEachColumnAsTheRuleAlone() {
    Random random = new Random(12);
    DenseMatrix y = SolverFixtures.uniform(200, 300, random);
    y.set(5, 250, Double.NaN);
    DenseMatrix a = SolverFixtures.uniform(200, 4, random);
    OutOfSampleRule rule = new KullbackLeiblerRule(a);
    DenseMatrix batch = adversarialnmf.linalg.Parallelism.threads(2)
        .within(() -> rule.coefficients(new DenseData(y)));
    for (int j = 0; j < y.cols(); j++) {
      double[] column = new double[y.rows()];
      for (int i = 0; i < column.length; i++) {
        column[i] = y.get(i, j);
      }
      double[] alone = rule.coefficients(column);
      for (int r = 0; r < alone.length; r++) {
        assertEquals(alone[r], batch.get(r, j), 0.0, "column " + j + ", coefficient " + r);
      }
    }
  }

  @Test
  void aTrainingColumnOfAConvergedFitLandsWhereTheFitPutIt() {
    Random random = new Random(10);
    DenseMatrix y = SolverFixtures.uniform(25, 30, random);
    Factorization fit = new HalsNmf(new StoppingRule(5000, 1e-14))
        .fit(new DenseData(y), new KMeansInitialization(0.2).initialize(new DenseData(y), 3, random));
    DenseMatrix finished = fit.outOfSampleRule().coefficients(new DenseData(y));
    DenseMatrix fitted = fit.coefficients();
    double largest = 0.0;
    for (double v : fitted.data()) {
      largest = Math.max(largest, v);
    }
    assertArrayEquals(fitted.data(), finished.data(), 1e-5 * largest);
  }

  @Test
  void klRuleLeavesMissingEntriesOutAsIfTheirRowsWereNotThere() {
    Random random = new Random(12);
    DenseMatrix a = SolverFixtures.uniform(25, 4, random);
    int[] skipped = {2, 3, 17};
    DenseMatrix observedRows = new DenseMatrix(25 - skipped.length, 4);
    for (int i = 0, k = 0; i < 25; i++) {
      if (java.util.Arrays.binarySearch(skipped, i) < 0) {
        for (int r = 0; r < 4; r++) {
          observedRows.set(k, r, a.get(i, r));
        }
        k++;
      }
    }
    for (int trial = 0; trial < 5; trial++) {
      double[] y = column(random, 25, 0.2);
      double[] masked = y.clone();
      double[] shortened = new double[25 - skipped.length];
      for (int i = 0, k = 0; i < 25; i++) {
        if (java.util.Arrays.binarySearch(skipped, i) >= 0) {
          masked[i] = Double.NaN;
        } else {
          shortened[k++] = y[i];
        }
      }
      assertArrayEquals(new KullbackLeiblerRule(observedRows).coefficients(shortened),
          new KullbackLeiblerRule(a).coefficients(masked), 1e-8);
    }
  }
}
