package adversarialnmf.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.init.RandomInitialization;
import adversarialnmf.linalg.DenseData;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;
import adversarialnmf.testing.PlantedData;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The online NMF core: its statistics, its basis step, and what it learns from planted data. */
class MiniBatchNmfTest {

  /** Columns [from, from + count) of y. */
  private static DenseMatrix columns(DenseMatrix y, int from, int count) {
    DenseMatrix out = new DenseMatrix(y.rows(), count);
    for (int i = 0; i < y.rows(); i++) {
      for (int j = 0; j < count; j++) {
        out.set(i, j, y.get(i, from + j));
      }
    }
    return out;
  }

  /** Feeds y in batches for {@code passes} passes; returns each pass's summed batch residuals. */
  private static double[] learn(MiniBatchNmf solver, DenseMatrix y, int batchSize, int passes) {
    double[] residuals = new double[passes];
    for (int p = 0; p < passes; p++) {
      for (int from = 0; from < y.cols(); from += batchSize) {
        residuals[p] += solver.partialFit(columns(y, from, Math.min(batchSize, y.cols() - from)));
      }
    }
    return residuals;
  }

  @Test
  void theStatisticsAreTheForgettingWeightedSumsOfEveryBatchsCoefficients() {
    DenseMatrix y = PlantedData.generate(12, 30, 3, 0.05, 3).y();
    double rho = 0.7;
    MiniBatchNmf solver = new MiniBatchNmf(12, 3, rho, 2, 11);
    int m = 12;
    int n = 3;
    double[][] gram = new double[n][n];
    double[][] cross = new double[m][n];
    for (int from = 0; from < y.cols(); from += 25) {
      DenseMatrix batch = columns(y, from, Math.min(25, y.cols() - from));
      // the coefficients the batch gets: NNLS against the basis before it (the start for the first)
      DenseMatrix before = solver.started() ? solver.basis() : MiniBatchNmf.startingBasis(batch, new Random(11), n);
      DenseMatrix h = new NonnegativeProjection(before).coefficients(new DenseData(batch));
      solver.partialFit(batch);
      for (int r = 0; r < n; r++) {
        for (int c = 0; c < n; c++) {
          double sum = 0.0;
          for (int j = 0; j < batch.cols(); j++) {
            sum += h.get(r, j) * h.get(c, j);
          }
          gram[r][c] = rho * gram[r][c] + sum;
        }
      }
      for (int i = 0; i < m; i++) {
        for (int c = 0; c < n; c++) {
          double sum = 0.0;
          for (int j = 0; j < batch.cols(); j++) {
            sum += batch.get(i, j) * h.get(c, j);
          }
          cross[i][c] = rho * cross[i][c] + sum;
        }
      }
    }
    assertEquals(4, solver.batches());
    assertEquals(90, solver.instances());
    double[][] gramFound = solver.coefficientGram().toArray();
    double[][] crossFound = solver.dataCoefficientProducts().toArray();
    for (int r = 0; r < n; r++) {
      assertArrayEquals(gram[r], gramFound[r], 1e-9 * (1 + Math.abs(gram[r][r])));
    }
    for (int i = 0; i < m; i++) {
      assertArrayEquals(cross[i], crossFound[i], 1e-9);
    }
  }

  @Test
  void everyBasisSweepLowersTheSurrogateAndKeepsTheColumnsNonnegativeInTheUnitBall() {
    Random random = new Random(5);
    int m = 20;
    int n = 4;
    DenseMatrix h = SolverFixtures.uniform(n, 60, random);
    DenseMatrix y = SolverFixtures.uniform(m, 60, random);
    DenseMatrix gram = MatrixOps.gramOfRows(h);
    DenseMatrix cross = MatrixOps.multiplyTransposeB(y, h);
    DenseMatrix w = SolverFixtures.uniform(m, n, random); // columns far outside the unit ball
    double previous = surrogate(w, gram, cross);
    for (int sweep = 0; sweep < 30; sweep++) {
      MiniBatchNmf.updateBasis(w, gram, cross);
      double now = surrogate(w, gram, cross);
      assertTrue(now <= previous + 1e-9 * Math.abs(previous), "sweep " + sweep + ": " + previous + " -> " + now);
      previous = now;
      for (int c = 0; c < n; c++) {
        double norm2 = 0.0;
        for (int i = 0; i < m; i++) {
          assertTrue(w.get(i, c) >= 0.0);
          norm2 += w.get(i, c) * w.get(i, c);
        }
        assertTrue(norm2 <= 1.0 + 1e-12, "column " + c + " has squared norm " + norm2);
      }
    }
  }

  private static double surrogate(DenseMatrix w, DenseMatrix gram, DenseMatrix cross) {
    return 0.5 * MatrixOps.dot(MatrixOps.gramOfColumns(w), gram) - MatrixOps.dot(w, cross);
  }

  @Test
  void thePlantedFactorsAreRecoveredWithAnObjectiveNearBatchNmfs() {
    PlantedData planted = PlantedData.generate(40, 200, 4, 0.05, 7);
    DenseMatrix y = planted.y();
    MiniBatchNmf solver = new MiniBatchNmf(40, 4, 0.9, 5, 1);
    double[] passes = learn(solver, y, 50, 4);
    assertTrue(passes[3] < passes[0], "the online objective must fall over the passes: "
        + java.util.Arrays.toString(passes));

    DenseMatrix w = solver.basis();
    double online = Residuals.squaredResidual(new DenseData(y), w,
        new NonnegativeProjection(w).coefficients(new DenseData(y)));
    Factors start = new RandomInitialization().initialize(new DenseData(y), 4, new Random(1));
    double batch = new HalsNmf(new StoppingRule(2000, 1e-9)).fit(new DenseData(y), start).finalObjective();
    assertTrue(online <= 1.05 * batch, "online objective " + online + " vs batch NMF's " + batch);

    // each planted basis vector has a learnt column pointing its way (cosine above 0.99)
    DenseMatrix a = planted.basis();
    for (int c = 0; c < 4; c++) {
      double best = 0.0;
      for (int r = 0; r < 4; r++) {
        best = Math.max(best, cosine(a.column(c), w.column(r)));
      }
      assertTrue(best > 0.99, "planted column " + c + ": best cosine " + best);
    }
  }

  private static double cosine(double[] p, double[] q) {
    double dot = 0.0;
    double pp = 0.0;
    double qq = 0.0;
    for (int i = 0; i < p.length; i++) {
      dot += p[i] * q[i];
      pp += p[i] * p[i];
      qq += q[i] * q[i];
    }
    return dot / Math.sqrt(pp * qq);
  }

  @Test
  void theSameSeedAndOrderGiveTheSameBasisAndAnotherSeedAnother() {
    DenseMatrix y = PlantedData.generate(15, 40, 3, 0.1, 2).y();
    MiniBatchNmf first = new MiniBatchNmf(15, 3, 0.8, 3, 4);
    MiniBatchNmf again = new MiniBatchNmf(15, 3, 0.8, 3, 4);
    MiniBatchNmf other = new MiniBatchNmf(15, 3, 0.8, 3, 5);
    learn(first, y, 16, 1);
    learn(again, y, 16, 1);
    learn(other, y, 16, 1);
    assertArrayEquals(first.basis().data(), again.basis().data(), 0.0);
    assertTrue(!java.util.Arrays.equals(first.basis().data(), other.basis().data()));
  }

  @Test
  void badSettingsAndBatchesAreRefusedWithTheirRange() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new MiniBatchNmf(5, 2, 0.0, 1, 1))
        .getMessage().contains("(0, 1]"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new MiniBatchNmf(5, 2, 1.5, 1, 1))
        .getMessage().contains("forgetting factor"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new MiniBatchNmf(5, 2, 1.0, 0, 1))
        .getMessage().contains("at least 1"));
    assertThrows(IllegalArgumentException.class, () -> new MiniBatchNmf(5, 0, 1.0, 1, 1));
    MiniBatchNmf solver = new MiniBatchNmf(5, 2, 1.0, 1, 1);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> solver.partialFit(new DenseMatrix(4, 3)))
        .getMessage().contains("5 attributes"));
    assertThrows(IllegalStateException.class, solver::basis);
  }
}
