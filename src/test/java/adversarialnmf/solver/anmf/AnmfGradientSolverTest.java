package adversarialnmf.solver.anmf;

import static adversarialnmf.solver.anmf.AnmfTestSupport.random;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.init.KMeansInitialization;
import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseData;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;
import adversarialnmf.linalg.MissingEntries;
import adversarialnmf.linalg.SparseData;
import adversarialnmf.solver.Factorization;
import adversarialnmf.solver.Factors;
import adversarialnmf.solver.StoppingRule;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AnmfGradientSolverTest {

  private static final int RANK = 3;
  /** Weights large enough that every term of (9) shapes the gradients. */
  private static final AnmfModel BALANCED = AnmfModel.builder().alpha(0.6).beta(0.3).gamma(0.5).lambda(0.2).build();
  private static final GradientSettings SETTINGS = GradientSettings.builder().build();

  private static DenseMatrix plantedData(int m, int count, long seed) {
    return AnmfTestSupport.plantedData(m, count, RANK, seed);
  }

  private static Factors randomStart(int m, int count, long seed) {
    Random random = new Random(seed);
    return new Factors(random(m, RANK, random, 0.1, 1), random(RANK, count, random, 0.1, 1));
  }

  /** Central differences of objective (9) in every entry of one factor (which = 0: A, 1: Ã, 2: X). */
  private static DenseMatrix finiteDifferences(DataMatrix y, AttackerTarget target, DenseMatrix[] factors,
      int which, AnmfModel options) {
    DenseMatrix varied = factors[which];
    DenseMatrix out = new DenseMatrix(varied.rows(), varied.cols());
    double h = 1e-5;
    for (int i = 0; i < varied.data().length; i++) {
      double saved = varied.data()[i];
      varied.data()[i] = saved + h;
      double up = AnmfObjective.value(y, target, factors[0], factors[1], factors[2], options);
      varied.data()[i] = saved - h;
      double down = AnmfObjective.value(y, target, factors[0], factors[1], factors[2], options);
      varied.data()[i] = saved;
      out.data()[i] = (up - down) / (2 * h);
    }
    return out;
  }

  private static void assertGradientsMatchFiniteDifferences(AttackerTarget target) {
    assertGradientsMatchFiniteDifferences(target, new DenseData(random(7, 9, new Random(11), 0, 1)));
  }

  private static void assertGradientsMatchFiniteDifferences(AttackerTarget target, DataMatrix y) {
    AnmfGradientSolver solver = new AnmfGradientSolver(BALANCED, SETTINGS, target, new StoppingRule(10, 0));
    AnmfGradientSolver.GradientRun run = solver.startRun(y, randomStart(7, 9, 12));
    run.iterate(); // so that Ã differs from A
    run.iterate();
    DenseMatrix gradientA = new DenseMatrix(7, RANK);
    DenseMatrix gradientAdversarial = new DenseMatrix(7, RANK);
    DenseMatrix gradientX = new DenseMatrix(RANK, 9);
    DenseMatrix[] factors = new DenseMatrix[3];
    run.gradients(gradientA, gradientAdversarial, gradientX, factors);
    assertTrue(AnmfTestSupport.norm2(AnmfTestSupport.combine(1, factors[0], -1, factors[1])) > 1e-6,
        "Ã should differ from A for a meaningful check");
    DenseMatrix[] analytic = {gradientA, gradientAdversarial, gradientX};
    String[] names = {"A", "Ã", "X"};
    for (int which = 0; which < 3; which++) {
      DenseMatrix numeric = finiteDifferences(y, target, factors, which, BALANCED);
      double scale = Math.sqrt(AnmfTestSupport.norm2(numeric));
      assertTrue(scale > 1e-3, "gradient in " + names[which] + " is too small to test");
      for (int i = 0; i < numeric.data().length; i++) {
        assertEquals(numeric.data()[i], analytic[which].data()[i], 1e-6 * scale,
            "gradient in " + names[which] + ", entry " + i + " (" + target.describe() + ")");
      }
    }
  }

  @Test
  void blockGradientsMatchFiniteDifferencesForTheShiftTarget() {
    assertGradientsMatchFiniteDifferences(AttackerTarget.shift(0.4));
  }

  @Test
  void blockGradientsMatchFiniteDifferencesForAnExplicitTarget() {
    assertGradientsMatchFiniteDifferences(AttackerTarget.explicit(random(7, 9, new Random(13), 0, 2)));
  }

  /** 7 x 9 data with about 30% of the entries missing (stored as 0). */
  private static DataMatrix withMissing(boolean sparse) {
    DenseMatrix data = random(7, 9, new Random(11), 0, 1);
    Random holes = new Random(5);
    for (int i = 0; i < data.data().length; i++) {
      if (holes.nextDouble() < 0.3) {
        data.data()[i] = Double.NaN;
      }
    }
    MissingEntries missing = MissingEntries.ofNaN(data);
    missing.fill(data, 0.0);
    if (!sparse) {
      return new DenseData(data, missing);
    }
    SparseData plain = SparseData.fromDense(data);
    return new SparseData(7, 9, plain.columnStarts(), plain.rowIndices(), plain.storedValues(), missing);
  }

  @Test
  void maskedBlockGradientsMatchFiniteDifferences() {
    for (boolean sparse : new boolean[] {false, true}) {
      assertGradientsMatchFiniteDifferences(AttackerTarget.shift(0.4), withMissing(sparse));
      assertGradientsMatchFiniteDifferences(AttackerTarget.explicit(random(7, 9, new Random(13), 0, 2)),
          withMissing(sparse));
    }
  }

  @Test
  void maskedObjectiveNeverIncreasesAndCountsOnlyObservedEntries() {
    DataMatrix y = withMissing(false);
    AttackerTarget target = AttackerTarget.shift(0.3);
    Factorization fit = new AnmfGradientSolver(BALANCED, SETTINGS, target, new StoppingRule(100, 0))
        .fit(y, randomStart(7, 9, 22));
    double[] trace = fit.objectiveTrace();
    for (int k = 1; k < trace.length; k++) {
      assertTrue(trace[k] <= trace[k - 1] * (1 + 1e-12), "masked objective rose at " + k);
    }
    // the fits by the textbook loop over observed entries, the penalty on the mean-imputed data
    DenseMatrix ax = MatrixOps.multiply(fit.basis(), fit.coefficients());
    DenseMatrix tx = MatrixOps.multiply(fit.adversarialBasis(), fit.coefficients());
    DenseMatrix dense = y.toDense();
    double fits = 0.0;
    for (int i = 0; i < 7; i++) {
      for (int j = 0; j < 9; j++) {
        if (!y.missing().isMissing(i, j)) {
          fits += BALANCED.alpha() * Math.pow(tx.get(i, j) - dense.get(i, j), 2)
              + BALANCED.beta() * Math.pow(ax.get(i, j) - dense.get(i, j), 2);
        }
      }
    }
    // γ‖Ã(λI + XXᵀ) − λA − Z Xᵀ‖² with Z = (Y, missing entries at their attribute's mean) + t
    DenseMatrix z = adversarialnmf.linalg.MissingValues.imputeAttributeMeans(y).toDense();
    for (int i = 0; i < z.data().length; i++) {
      z.data()[i] += 0.3;
    }
    DenseMatrix x = fit.coefficients();
    DenseMatrix p = MatrixOps.multiply(x, x.transpose());
    MatrixOps.addToDiagonal(p, BALANCED.lambda());
    DenseMatrix phi = AnmfTestSupport.combine(1, MatrixOps.multiply(fit.adversarialBasis(), p),
        -BALANCED.lambda(), fit.basis());
    phi = AnmfTestSupport.combine(1, phi, -1, MatrixOps.multiply(z, x.transpose()));
    double penalty = BALANCED.gamma() * AnmfTestSupport.norm2(phi);
    assertEquals(fits + penalty, fit.finalObjective(), 1e-9 * fit.finalObjective());
  }

  @Test
  void objectiveNeverIncreasesAndTheTraceIsObjective9() {
    for (AnmfModel options : new AnmfModel[] {AnmfModel.builder().build(), BALANCED}) {
      DataMatrix y = new DenseData(plantedData(15, 24, 21));
      AttackerTarget target = AttackerTarget.shift(0.7);
      AnmfGradientSolver solver = new AnmfGradientSolver(options, SETTINGS, target, new StoppingRule(150, 0));
      Factorization fit = solver.fit(y, randomStart(15, 24, 22));
      double[] trace = fit.objectiveTrace();
      assertEquals(151, trace.length);
      for (int k = 1; k < trace.length; k++) {
        assertTrue(trace[k] <= trace[k - 1] * (1 + 1e-12), "objective rose at iteration " + k + ": "
            + trace[k - 1] + " -> " + trace[k] + " ("+ options + ")");
      }
      assertTrue(trace[150] < 0.5 * trace[0], "objective barely fell: " + trace[0] + " -> " + trace[150]);
      assertEquals(AnmfObjective.value(y, target, fit.basis(), fit.adversarialBasis(), fit.coefficients(), options),
          fit.finalObjective(), 1e-9 * fit.finalObjective());
      for (DenseMatrix factor : new DenseMatrix[] {fit.basis(), fit.adversarialBasis(), fit.coefficients()}) {
        for (double v : factor.data()) {
          assertTrue(v >= 0, "factors stay nonnegative");
        }
      }
      assertTrue(Arrays.stream(fit.trace(AnmfGradientSolver.X_STEP)).skip(1).anyMatch(s -> s > 0),
          "X never moved");
    }
  }

  @Test
  void sparseAndDenseDataGiveTheSameFit() {
    DenseMatrix data = plantedData(12, 18, 6);
    for (int i = 0; i < data.data().length; i += 3) {
      data.data()[i] = 0; // a third of the entries are structural zeros of the sparse form
    }
    AnmfGradientSolver solver = new AnmfGradientSolver(AnmfModel.builder().build(), GradientSettings.builder().build(),
        AttackerTarget.shift(0.3),
        new StoppingRule(40, 0));
    Factors start = randomStart(12, 18, 7);
    Factorization dense = solver.fit(new DenseData(data), start);
    Factorization sparse = solver.fit(SparseData.fromDense(data), start);
    assertFactorizationsAgree(dense, sparse, 1e-9);
  }

  @Test
  void shiftTargetGivesTheSameFitAsTheEquivalentExplicitTarget() {
    DenseMatrix data = plantedData(12, 18, 8);
    DataMatrix y = new DenseData(data);
    AttackerTarget shift = AttackerTarget.shift(0.3);
    StoppingRule rule = new StoppingRule(40, 0);
    Factors start = randomStart(12, 18, 9);
    Factorization viaShift = new AnmfGradientSolver(AnmfModel.builder().build(), GradientSettings.builder().build(),
        shift, rule).fit(y, start);
    Factorization viaExplicit = new AnmfGradientSolver(AnmfModel.builder().build(), GradientSettings.builder().build(),
        AttackerTarget.explicit(shift.materialize(y)), rule).fit(y, start);
    assertFactorizationsAgree(viaShift, viaExplicit, 1e-8);
  }

  private static void assertFactorizationsAgree(Factorization expected, Factorization actual, double tolerance) {
    assertEquals(expected.iterations(), actual.iterations());
    for (int k = 0; k < expected.objectiveTrace().length; k++) {
      assertEquals(expected.objectiveTrace()[k], actual.objectiveTrace()[k],
          tolerance * expected.objectiveTrace()[k], "objective at iteration " + k);
    }
    DenseMatrix[] e = {expected.basis(), expected.adversarialBasis(), expected.coefficients()};
    DenseMatrix[] a = {actual.basis(), actual.adversarialBasis(), actual.coefficients()};
    for (int f = 0; f < 3; f++) {
      for (int i = 0; i < e[f].data().length; i++) {
        assertEquals(e[f].data()[i], a[f].data()[i], tolerance * (1 + Math.abs(e[f].data()[i])), "factor " + f);
      }
    }
  }

  @Test
  void plantedClustersAreRecovered() {
    DataMatrix y = new DenseData(plantedData(20, 30, 1));
    AttackerTarget target = AttackerTarget.shift(0.0); // Z = Y: the planted factors nearly attain 0
    AnmfGradientSolver solver = new AnmfGradientSolver(AnmfModel.builder().build(), GradientSettings.builder().build(),
        target,
        new StoppingRule(2000, 1e-9));
    Factorization fit = solver.fit(y, new KMeansInitialization(0.2).initialize(y, RANK, new Random(3)));
    int[] labels = fit.argmaxAssignments();
    int[] clusterOfPlanted = {-1, -1, -1};
    for (int j = 0; j < labels.length; j++) {
      int planted = j % RANK;
      if (clusterOfPlanted[planted] < 0) {
        clusterOfPlanted[planted] = labels[j];
      }
      assertEquals(clusterOfPlanted[planted], labels[j], "instance " + j + " left its planted cluster");
    }
    assertEquals(RANK, Arrays.stream(clusterOfPlanted).distinct().count(), "two planted clusters merged");
    // the fit explains the data: relative residual near the 1% noise level
    double relative = adversarialnmf.solver.Residuals.squaredResidual(y, fit.basis(), fit.coefficients())
        / y.squaredNorm();
    assertTrue(relative < 1e-3, "relative residual " + relative);
  }

  /**
   * 200000 x 2000 with 0.1% entries: its dense form (3.2 GB) exceeds the test heap (-Xmx2g), so any
   * m x N auxiliary would fail; the factors take about 9 MB.
   */
  @Test
  void fitsSparseDataWhoseDenseFormWouldNotFit() {
    int m = 200_000;
    int count = 2_000;
    int perColumn = 200;
    long denseBytes = 8L * m * count;
    org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.getRuntime().maxMemory() < denseBytes,
        "the heap must be too small for the dense form for this test to mean anything");
    Random random = new Random(31);
    int[] colStart = new int[count + 1];
    int[] rowIndex = new int[count * perColumn];
    double[] values = new double[count * perColumn];
    int e = 0;
    for (int j = 0; j < count; j++) {
      int[] rows = random.ints(0, m).distinct().limit(perColumn).sorted().toArray();
      for (int i : rows) {
        rowIndex[e] = i;
        values[e++] = random.nextDouble();
      }
      colStart[j + 1] = e;
    }
    DataMatrix y = new SparseData(m, count, colStart, rowIndex, values);
    int rank = 5;
    Factors start = new Factors(random(m, rank, random, 0, 0.01), random(rank, count, random, 0, 1));
    AttackerTarget target = AttackerTarget.shift(0.05);
    AnmfGradientSolver solver = new AnmfGradientSolver(AnmfModel.builder().build(), GradientSettings.builder().build(),
        target, new StoppingRule(4, 0));
    Factorization fit = solver.fit(y, start);
    double[] trace = fit.objectiveTrace();
    for (int k = 1; k < trace.length; k++) {
      assertTrue(trace[k] <= trace[k - 1] * (1 + 1e-12), "objective rose at iteration " + k);
    }
    assertTrue(trace[4] < trace[0], "objective did not fall");
    assertEquals(m, fit.adversarialBasis().rows());
  }

  @Test
  void describesItselfAndRejectsMissingSettings() {
    AnmfGradientSolver solver = new AnmfGradientSolver(AnmfModel.builder().build(), GradientSettings.builder().build(),
        AttackerTarget.shift(1),
        new StoppingRule(5, 0));
    assertTrue(solver.describe().contains("gradient"), solver.describe());
    assertTrue(solver.describe().contains("Y + 1.0"), solver.describe());
    assertThrows(IllegalArgumentException.class,
        () -> new AnmfGradientSolver(null, GradientSettings.builder().build(),
            AttackerTarget.shift(1), new StoppingRule(5, 0)));
    IllegalArgumentException wrongShape = assertThrows(IllegalArgumentException.class,
        () -> new AnmfGradientSolver(AnmfModel.builder().build(), GradientSettings.builder().build(),
            AttackerTarget.explicit(new DenseMatrix(3, 3)),
            new StoppingRule(5, 0)).fit(new DenseData(new DenseMatrix(4, 5)), randomStart(4, 5, 1)));
    assertTrue(wrongShape.getMessage().contains("Z"), wrongShape.getMessage());
  }
}
