package adversarialnmf.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import adversarialnmf.init.KMeansInitialization;
import adversarialnmf.init.RandomInitialization;
import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseData;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.SparseData;
import adversarialnmf.testing.PlantedData;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Properties every NMF solver of the paper's comparison must have, checked on small data. */
class BaselineSolversTest {

  /** Each solver with its naive dense objective and whether theory says its objective never rises. */
  enum Method {
    MULTIPLICATIVE(true) {
      @Override
      FactorizationSolver solver(StoppingRule rule) {
        return new MultiplicativeUpdateNmf(rule);
      }

      @Override
      double naiveObjective(DenseMatrix y, DenseMatrix a, DenseMatrix x, Factorization fit) {
        return SolverFixtures.naiveFrobenius(y, a, x);
      }
    },
    HALS(true) {
      @Override
      FactorizationSolver solver(StoppingRule rule) {
        return new HalsNmf(rule);
      }

      @Override
      double naiveObjective(DenseMatrix y, DenseMatrix a, DenseMatrix x, Factorization fit) {
        return SolverFixtures.naiveFrobenius(y, a, x);
      }
    },
    KULLBACK_LEIBLER(true) {
      @Override
      FactorizationSolver solver(StoppingRule rule) {
        return new KullbackLeiblerNmf(rule);
      }

      @Override
      double naiveObjective(DenseMatrix y, DenseMatrix a, DenseMatrix x, Factorization fit) {
        return SolverFixtures.naiveKullbackLeibler(y, a, x);
      }
    },
    ORTHOGONAL(false) {
      @Override
      FactorizationSolver solver(StoppingRule rule) {
        return new OrthogonalNmf(rule);
      }

      @Override
      double naiveObjective(DenseMatrix y, DenseMatrix a, DenseMatrix x, Factorization fit) {
        return SolverFixtures.naiveFrobenius(y, a, x);
      }
    },
    L21(true) {
      @Override
      FactorizationSolver solver(StoppingRule rule) {
        return new L21Nmf(rule);
      }

      @Override
      double naiveObjective(DenseMatrix y, DenseMatrix a, DenseMatrix x, Factorization fit) {
        return SolverFixtures.naiveL21(y, a, x);
      }
    },
    /** The authors' capped model: orthogonal coefficients, data-driven cap. */
    CAPPED(false) {
      @Override
      FactorizationSolver solver(StoppingRule rule) {
        return new CappedNmf(rule, CappedNmf.Options.defaults());
      }

      @Override
      double naiveObjective(DenseMatrix y, DenseMatrix a, DenseMatrix x, Factorization fit) {
        return SolverFixtures.naiveCapped(y, a, x, fit.trace(CappedNmf.CAP_TRACE)[0]);
      }
    },
    /** Capped loss with Lee-Seung coefficients: a majorise-minimise scheme, so monotone. */
    CAPPED_LEE_SEUNG(true) {
      @Override
      FactorizationSolver solver(StoppingRule rule) {
        return new CappedNmf(rule, CappedNmf.Options.quantileCap(0.8, false));
      }

      @Override
      double naiveObjective(DenseMatrix y, DenseMatrix a, DenseMatrix x, Factorization fit) {
        return SolverFixtures.naiveCapped(y, a, x, fit.trace(CappedNmf.CAP_TRACE)[0]);
      }
    };

    final boolean monotone;

    Method(boolean monotone) {
      this.monotone = monotone;
    }

    abstract FactorizationSolver solver(StoppingRule rule);

    abstract double naiveObjective(DenseMatrix y, DenseMatrix a, DenseMatrix x, Factorization fit);
  }

  private static Factors randomStart(DataMatrix y, int rank, long seed) {
    return new RandomInitialization().initialize(y, rank, new Random(seed));
  }

  @ParameterizedTest
  @EnumSource(Method.class)
  void objectiveNeverIncreasesWhereTheoryGuaranteesIt(Method method) {
    assumeTrue(method.monotone, method + ": no monotonicity theorem, not checked");
    for (long seed = 1; seed <= 3; seed++) {
      DataMatrix y = new DenseData(SolverFixtures.uniform(30, 25, new Random(seed)));
      Factorization fit = method.solver(new StoppingRule(150, 0.0)).fit(y, randomStart(y, 4, seed));
      double[] trace = fit.objectiveTrace();
      assertEquals(151, trace.length);
      for (int i = 1; i < trace.length; i++) {
        assertTrue(trace[i] <= trace[i - 1] * (1 + 1e-12) + 1e-12,
            method + " seed " + seed + ": objective rose at iteration " + i + " from "
                + trace[i - 1] + " to " + trace[i]);
      }
      assertTrue(trace[150] < 0.9 * trace[0], method + " made no progress: " + trace[0] + " -> " + trace[150]);
    }
  }

  @ParameterizedTest
  @EnumSource(Method.class)
  void reportedObjectiveMatchesNaiveDenseComputation(Method method) {
    Random random = new Random(7);
    DenseMatrix dense = SolverFixtures.sparseUniform(20, 15, 0.3, random);
    for (DataMatrix y : new DataMatrix[] {new DenseData(dense), SparseData.fromDense(dense)}) {
      Factors start = randomStart(y, 3, 11);
      Factorization fit = method.solver(new StoppingRule(5, 0.0)).fit(y, start);
      double initial = method.naiveObjective(dense, start.basis(), start.coefficients(), fit);
      double last = method.naiveObjective(dense, fit.basis(), fit.coefficients(), fit);
      assertEquals(initial, fit.objectiveTrace()[0], 1e-9 * initial, method + " start objective");
      assertEquals(last, fit.finalObjective(), 1e-9 * last, method + " final objective");
    }
  }

  @ParameterizedTest
  @EnumSource(Method.class)
  void recoversPlantedClustersFromKMeansStart(Method method) {
    for (long seed = 1; seed <= 3; seed++) {
      PlantedData planted = PlantedData.generate(30, 20, 3, 0.01, seed);
      DataMatrix y = planted.data();
      Factors start = new KMeansInitialization(0.2).initialize(y, 3, new Random(seed));
      Factorization fit = method.solver(new StoppingRule(300, 1e-8)).fit(y, start);
      assertEquals(1.0, SolverFixtures.accuracy(planted.labels(), fit.argmaxAssignments()), 0.0,
          method + " seed " + seed);
    }
  }

  @ParameterizedTest
  @EnumSource(Method.class)
  void sparseAndDenseDataGiveTheSameFit(Method method) {
    DenseMatrix dense = SolverFixtures.sparseUniform(25, 20, 0.5, new Random(3));
    Factors start = randomStart(new DenseData(dense), 3, 5);
    FactorizationSolver solver = method.solver(new StoppingRule(40, 0.0));
    Factorization fromDense = solver.fit(new DenseData(dense), start);
    Factorization fromSparse = solver.fit(SparseData.fromDense(dense), start);
    assertClose(fromDense.basis(), fromSparse.basis(), 1e-9, method + " basis");
    assertClose(fromDense.coefficients(), fromSparse.coefficients(), 1e-9, method + " coefficients");
    assertArrayEquals(fromDense.objectiveTrace(), fromSparse.objectiveTrace(), 1e-9 * fromDense.objectiveTrace()[0]);
  }

  @ParameterizedTest
  @EnumSource(Method.class)
  void sameStartGivesIdenticalResultAndLeavesStartUntouched(Method method) {
    DataMatrix y = new DenseData(SolverFixtures.uniform(20, 18, new Random(9)));
    Factors start = randomStart(y, 3, 2);
    Factors pristine = start.copy();
    FactorizationSolver solver = method.solver(new StoppingRule(30, 0.0));
    Factorization first = solver.fit(y, start);
    Factorization second = solver.fit(y, start);
    assertArrayEquals(first.basis().data(), second.basis().data(), 0.0);
    assertArrayEquals(first.coefficients().data(), second.coefficients().data(), 0.0);
    assertArrayEquals(first.objectiveTrace(), second.objectiveTrace(), 0.0);
    assertArrayEquals(pristine.basis().data(), start.basis().data(), 0.0);
    assertArrayEquals(pristine.coefficients().data(), start.coefficients().data(), 0.0);
  }

  /**
   * A sparse Y of 100,000 attributes x 3,000 instances with 4 entries per instance: densified it
   * would take 2.4 GB, more than the test heap (2 GB), so a fit that finishes never formed it, nor
   * any other m x N matrix.
   */
  @ParameterizedTest
  @EnumSource(Method.class)
  void sparseDataIsNeverDensified(Method method) {
    DataMatrix y = PlantedData.sparseBands(100_000, 3000, 4, 5);
    Factorization fit = method.solver(new StoppingRule(3, 0.0)).fit(y, randomStart(y, 3, 1));
    assertEquals(3, fit.iterations());
    assertTrue(Double.isFinite(fit.finalObjective()) && fit.finalObjective() <= fit.objectiveTrace()[0] * 1.5,
        method + " objective " + fit.objectiveTrace()[0] + " -> " + fit.finalObjective());
  }

  /**
   * The sweep takes rows four at a time; each row's steps must be exactly those of sweeping it
   * alone (seven rows: one group of four and a remainder of three; component 2 has no curvature).
   */
  @Test
  void halsSweepsRowsInGroupsBitForBitAsOneAtATime() {
    Random random = new Random(8L);
    int rows = 7;
    int n = 5;
    DenseMatrix h = new DenseMatrix(9, n);
    Arrays.setAll(h.data(), i -> i % n == 2 ? 0.0 : random.nextDouble());
    DenseMatrix gram = adversarialnmf.linalg.MatrixOps.gramOfColumns(h);
    DenseMatrix w = new DenseMatrix(rows, n);
    DenseMatrix cross = new DenseMatrix(rows, n);
    Arrays.setAll(w.data(), i -> random.nextDouble());
    Arrays.setAll(cross.data(), i -> random.nextDouble() * 2.0 - 0.5);
    DenseMatrix together = w.copy();
    HalsNmf.sweep(together, gram, cross);
    for (int i = 0; i < rows; i++) {
      DenseMatrix row = new DenseMatrix(1, n);
      DenseMatrix rowCross = new DenseMatrix(1, n);
      System.arraycopy(w.data(), i * n, row.data(), 0, n);
      System.arraycopy(cross.data(), i * n, rowCross.data(), 0, n);
      HalsNmf.sweep(row, gram, rowCross);
      assertArrayEquals(row.data(), Arrays.copyOfRange(together.data(), i * n, i * n + n), 0.0, "row " + i);
    }
    assertTrue(together.get(0, 2) == w.get(0, 2), "a component without curvature is left alone");
  }

  /** Rows split among threads (6001 rows of rank 5: two tasks) give exactly the sequential sweep. */
  @Test
  void halsSweepIsTheSameOnOneThreadAndOnTwo() {
    Random random = new Random(9L);
    int n = 5;
    DenseMatrix h = new DenseMatrix(40, n);
    Arrays.setAll(h.data(), i -> random.nextDouble());
    DenseMatrix gram = adversarialnmf.linalg.MatrixOps.gramOfColumns(h);
    DenseMatrix w = new DenseMatrix(6001, n);
    DenseMatrix cross = new DenseMatrix(6001, n);
    Arrays.setAll(w.data(), i -> random.nextDouble());
    Arrays.setAll(cross.data(), i -> random.nextDouble() * 20.0 - 5.0);
    DenseMatrix sequential = w.copy();
    DenseMatrix split = w.copy();
    adversarialnmf.linalg.Parallelism.SEQUENTIAL.within(() -> {
      HalsNmf.sweep(sequential, gram, cross);
      return null;
    });
    adversarialnmf.linalg.Parallelism.threads(2).within(() -> {
      HalsNmf.sweep(split, gram, cross);
      return null;
    });
    assertArrayEquals(sequential.data(), split.data(), 0.0);
    assertTrue(!Arrays.equals(w.data(), split.data()), "the sweep moved W");
  }

  @Test
  void halsAndMultiplicativeUpdatesReachTheSameObjective() {
    PlantedData planted = PlantedData.generate(40, 15, 4, 0.01, 21);
    DataMatrix y = planted.data();
    Factors start = randomStart(y, 4, 3);
    Factorization hals = new HalsNmf(new StoppingRule(5000, 1e-8)).fit(y, start);
    Factorization mu = new MultiplicativeUpdateNmf(new StoppingRule(20000, 1e-8)).fit(y, start);
    assertTrue(hals.converged() && mu.converged(), "HALS " + hals.stopReason() + ", MU " + mu.stopReason());
    double ratio = mu.finalObjective() / hals.finalObjective();
    assertTrue(Math.abs(ratio - 1.0) < 0.01, "MU " + mu.finalObjective() + " vs HALS " + hals.finalObjective());
  }

  /**
   * Three planted clusters of 20 plus five gross outlier instances (uniform on [0, 20) in every
   * attribute, about ten times the norm of a clean instance). From the k-means start, Frobenius NMF
   * (MU and HALS) often spends a component on the outliers and merges two clusters; the L2,1 and
   * capped losses, which grow at most linearly in an instance's residual, keep the clusters on
   * every one of eight data sets (at most three clean instances of 60 moved, under the scale-free
   * argmax rule) and beat both Frobenius solvers on average. Accuracy is measured on the clean
   * instances.
   */
  @Test
  void robustLossesKeepClustersThatOutliersRuinForFrobeniusNmf() {
    Method[] methods = {Method.MULTIPLICATIVE, Method.HALS, Method.L21, Method.CAPPED};
    double[] meanAccuracy = new double[methods.length];
    int seeds = 8;
    for (long seed = 1; seed <= seeds; seed++) {
      PlantedData planted = PlantedData.generate(30, 20, 3, 0.01, seed);
      DenseMatrix y = withOutlierColumns(planted.y(), 5, 20.0, new Random(100 + seed));
      DataMatrix data = new DenseData(y);
      Factors start = new KMeansInitialization(0.2).initialize(data, 3, new Random(seed));
      for (int k = 0; k < methods.length; k++) {
        Factorization fit = methods[k].solver(new StoppingRule(500, 1e-9)).fit(data, start);
        int[] clean = Arrays.copyOf(fit.argmaxAssignments(), planted.labels().length);
        double accuracy = SolverFixtures.accuracy(planted.labels(), clean);
        meanAccuracy[k] += accuracy / seeds;
        if (methods[k] == Method.L21 || methods[k] == Method.CAPPED) {
          assertTrue(accuracy >= 57.0 / 60.0, methods[k] + " seed " + seed + " ACC " + accuracy);
        }
        if (methods[k] == Method.CAPPED) {
          double[] residuals = SolverFixtures.naiveColumnResidualNorms(y, fit.basis(), fit.coefficients());
          double cap = fit.trace(CappedNmf.CAP_TRACE)[0];
          int cappedOutliers = 0;
          for (int j = 0; j < y.cols(); j++) {
            boolean outlier = j >= planted.labels().length;
            assertTrue(outlier || residuals[j] <= cap, "clean instance " + j + " capped: residual "
                + residuals[j] + ", cap " + cap + ", seed " + seed);
            cappedOutliers += outlier && residuals[j] > cap ? 1 : 0;
          }
          assertTrue(cappedOutliers >= 3, "only " + cappedOutliers + " outliers capped, seed " + seed);
        }
      }
    }
    String summary = Arrays.toString(methods) + " mean ACC " + Arrays.toString(meanAccuracy);
    assertTrue(meanAccuracy[0] < 0.9 && meanAccuracy[1] < 0.9, summary);
    assertTrue(Math.min(meanAccuracy[2], meanAccuracy[3]) > Math.max(meanAccuracy[0], meanAccuracy[1]) + 0.05, summary);
  }

  private static DenseMatrix withOutlierColumns(DenseMatrix clean, int outliers, double magnitude, Random random) {
    int m = clean.rows();
    int count = clean.cols();
    DenseMatrix y = new DenseMatrix(m, count + outliers);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < count; j++) {
        y.set(i, j, clean.get(i, j));
      }
      for (int j = count; j < count + outliers; j++) {
        y.set(i, j, magnitude * random.nextDouble());
      }
    }
    return y;
  }

  private static void assertClose(DenseMatrix expected, DenseMatrix actual, double relative, String what) {
    double scale = 0.0;
    for (double v : expected.data()) {
      scale = Math.max(scale, Math.abs(v));
    }
    assertArrayEquals(expected.data(), actual.data(), relative * Math.max(scale, 1.0), what);
  }
}
