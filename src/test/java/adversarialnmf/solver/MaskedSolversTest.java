package adversarialnmf.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.init.RandomInitialization;
import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseData;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;
import adversarialnmf.linalg.MissingEntries;
import adversarialnmf.linalg.SparseData;
import adversarialnmf.testing.PlantedData;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The masked (missing-value) fits: gradients, falling objectives, planted recovery, refusals. */
class MaskedSolversTest {

  /** Every method that fits a mask, with its naive masked objective. */
  enum Masked {
    MULTIPLICATIVE(MultiplicativeUpdateNmf::new, Loss.FROBENIUS),
    HALS(HalsNmf::new, Loss.FROBENIUS),
    KULLBACK_LEIBLER(KullbackLeiblerNmf::new, Loss.KULLBACK_LEIBLER),
    L21(L21Nmf::new, Loss.L21),
    CAPPED_LEE_SEUNG(rule -> new CappedNmf(rule, CappedNmf.Options.fixedCap(1e9, false)), Loss.L21);

    final Function<StoppingRule, IterativeSolver> solver;
    final Loss loss;

    Masked(Function<StoppingRule, IterativeSolver> solver, Loss loss) {
      this.solver = solver;
      this.loss = loss;
    }
  }

  enum Loss {
    FROBENIUS, L21, KULLBACK_LEIBLER
  }

  /** Y with about {@code fraction} of its entries set to NaN (missing) at random. */
  static DenseMatrix hide(DenseMatrix y, double fraction, Random random) {
    DenseMatrix out = y.copy();
    double[] d = out.data();
    for (int i = 0; i < d.length; i++) {
      if (random.nextDouble() < fraction) {
        d[i] = Double.NaN;
      }
    }
    return out;
  }

  static DataMatrix masked(DenseMatrix withNaN, boolean sparse) {
    MissingEntries missing = MissingEntries.ofNaN(withNaN);
    DenseMatrix zeroed = withNaN.copy();
    missing.fill(zeroed, 0.0);
    if (!sparse) {
      return new DenseData(zeroed, missing);
    }
    SparseData plain = SparseData.fromDense(zeroed);
    return new SparseData(plain.rows(), plain.cols(), plain.columnStarts(), plain.rowIndices(),
        plain.storedValues(), missing);
  }

  /** The masked objective by the textbook loops: only the entries that are not NaN count. */
  static double naive(Loss loss, DenseMatrix withNaN, DenseMatrix a, DenseMatrix x) {
    DenseMatrix ax = SolverFixtures.naiveProduct(a, x);
    double total = 0.0;
    for (int j = 0; j < withNaN.cols(); j++) {
      double column = 0.0;
      for (int i = 0; i < withNaN.rows(); i++) {
        double y = withNaN.get(i, j);
        if (Double.isNaN(y)) {
          continue;
        }
        double model = ax.get(i, j);
        if (loss == Loss.KULLBACK_LEIBLER) {
          column += (y > 0.0 ? y * Math.log(y / model) : 0.0) - y + model;
        } else {
          column += (y - model) * (y - model);
        }
      }
      total += loss == Loss.L21 ? Math.sqrt(column) : column;
    }
    return total;
  }

  @Test
  void maskedProductsAreTheGradientOfTheMaskedLossByFiniteDifferences() {
    Random random = new Random(11);
    DenseMatrix withNaN = hide(SolverFixtures.uniform(7, 9, random), 0.35, random);
    DenseMatrix a = SolverFixtures.uniform(7, 3, random);
    DenseMatrix x = SolverFixtures.uniform(3, 9, random);
    for (boolean sparse : new boolean[] {false, true}) {
      DataMatrix y = masked(withNaN, sparse);
      DenseMatrix xt = x.transpose();
      MaskedModel model = MaskedModel.of(y);
      model.evaluate(a, xt);
      // ∇_Xᵀ ‖M∘(Y − AX)‖² = 2 (Xᵀ AᵀA − CᵀA − YᵀA)
      DenseMatrix gradXt = MatrixOps.multiply(xt, MatrixOps.gramOfColumns(a));
      model.maskCoefficientProduct(a, gradXt);
      MatrixOps.addScaled(gradXt, -1.0, y.transposeTimes(a));
      MatrixOps.scale(gradXt, 2.0);
      // ∇_A = 2 (A XXᵀ − C Xᵀ − Y Xᵀ)
      DenseMatrix gradA = MatrixOps.multiply(a, MatrixOps.gramOfColumns(xt));
      model.maskBasisProduct(xt, gradA);
      MatrixOps.addScaled(gradA, -1.0, y.times(xt));
      MatrixOps.scale(gradA, 2.0);
      double h = 1e-6;
      for (int r = 0; r < 3; r++) {
        for (int j = 0; j < 9; j++) {
          DenseMatrix plus = x.copy();
          DenseMatrix minus = x.copy();
          plus.set(r, j, x.get(r, j) + h);
          minus.set(r, j, x.get(r, j) - h);
          double fd = (naive(Loss.FROBENIUS, withNaN, a, plus) - naive(Loss.FROBENIUS, withNaN, a, minus)) / (2 * h);
          assertEquals(fd, gradXt.get(j, r), 1e-6, "dX[" + r + "," + j + "] sparse=" + sparse);
        }
        for (int i = 0; i < 7; i++) {
          DenseMatrix plus = a.copy();
          DenseMatrix minus = a.copy();
          plus.set(i, r, a.get(i, r) + h);
          minus.set(i, r, a.get(i, r) - h);
          double fd = (naive(Loss.FROBENIUS, withNaN, plus, x) - naive(Loss.FROBENIUS, withNaN, minus, x)) / (2 * h);
          assertEquals(fd, gradA.get(i, r), 1e-6, "dA[" + i + "," + r + "] sparse=" + sparse);
        }
      }
      assertEquals(naive(Loss.FROBENIUS, withNaN, a, x),
          Residuals.squaredResidual(y, a, x) - model.squares(), 1e-10);
    }
  }

  @ParameterizedTest
  @EnumSource(Masked.class)
  void maskedObjectiveFallsAndMatchesTheNaiveMaskedLoss(Masked method) {
    Random random = new Random(3);
    DenseMatrix withNaN = hide(SolverFixtures.sparseUniform(20, 30, 0.2, random), 0.3, random);
    for (boolean sparse : new boolean[] {false, true}) {
      DataMatrix y = masked(withNaN, sparse);
      Factors start = new RandomInitialization().initialize(y, 4, new Random(5));
      Factorization fit = method.solver.apply(new StoppingRule(80, 0.0)).fit(y, start);
      double[] trace = fit.objectiveTrace();
      assertEquals(naive(method.loss, withNaN, start.basis(), start.coefficients()), trace[0],
          1e-9 * trace[0], method + " start, sparse=" + sparse);
      for (int t = 1; t < trace.length; t++) {
        assertTrue(trace[t] <= trace[t - 1] * (1 + 1e-12), method + " rose at " + t + ": " + trace[t - 1]
            + " -> " + trace[t] + ", sparse=" + sparse);
      }
      assertEquals(naive(method.loss, withNaN, fit.basis(), fit.coefficients()), fit.finalObjective(),
          1e-9 * trace[0], method + " end, sparse=" + sparse);
      assertTrue(fit.finalObjective() < 0.8 * trace[0], method + " barely moved");
    }
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void plantedLowRankMatrixIsRecoveredOnTheHiddenEntries(boolean sparse) {
    PlantedData planted = PlantedData.generate(60, 20, 4, 0.0, 21);
    DenseMatrix truth = planted.y();
    DenseMatrix withNaN = hide(truth, 0.3, new Random(8));
    DataMatrix y = masked(withNaN, sparse);
    Factors start = new RandomInitialization().initialize(y, 4, new Random(2));
    Factorization fit = new HalsNmf(new StoppingRule(3000, 1e-14)).fit(y, start);
    DenseMatrix model = SolverFixtures.naiveProduct(fit.basis(), fit.coefficients());
    double error = 0.0;
    double norm = 0.0;
    int hidden = 0;
    for (int i = 0; i < truth.rows(); i++) {
      for (int j = 0; j < truth.cols(); j++) {
        if (Double.isNaN(withNaN.get(i, j))) {
          double d = model.get(i, j) - truth.get(i, j);
          error += d * d;
          norm += truth.get(i, j) * truth.get(i, j);
          hidden++;
        }
      }
    }
    assertTrue(hidden > 0.25 * truth.rows() * truth.cols(), hidden + " hidden");
    double relative = Math.sqrt(error / norm);
    assertTrue(relative < 1e-3, "relative error on the hidden entries " + relative);
  }

  @Test
  void methodsWithoutAMaskedFormRefuseMissingValuesNamingTheFix() {
    Random random = new Random(1);
    DataMatrix y = masked(hide(SolverFixtures.uniform(8, 10, random), 0.2, random), false);
    Factors start = new RandomInitialization().initialize(y, 2, new Random(1));
    for (IterativeSolver solver : new IterativeSolver[] {new OrthogonalNmf(new StoppingRule(5, 0)),
        new CappedNmf(new StoppingRule(5, 0), CappedNmf.Options.defaults())}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> solver.fit(y, start));
      assertTrue(e.getMessage().contains("missing values") && e.getMessage().contains("-missing mean"),
          e.getMessage());
    }
  }

  @Test
  void observedGramOfARowMatchesTheSumOverItsObservedEntries() {
    Random random = new Random(4);
    DenseMatrix withNaN = hide(SolverFixtures.uniform(6, 12, random), 0.5, random);
    withNaN.set(2, 0, Double.NaN); // keep a fully missing attribute and a nearly full one
    for (int j = 0; j < 12; j++) {
      withNaN.set(0, j, Double.NaN);
      withNaN.set(1, j, 1.0);
    }
    MissingEntries missing = MissingEntries.ofNaN(withNaN);
    DenseMatrix xt = SolverFixtures.uniform(12, 3, random);
    DenseMatrix full = MatrixOps.gramOfColumns(xt);
    DenseMatrix out = new DenseMatrix(3, 3);
    for (int i = 0; i < 6; i++) {
      missing.observedGram(i, true, xt, full, out);
      for (int r = 0; r < 3; r++) {
        for (int c = 0; c < 3; c++) {
          double expected = 0.0;
          for (int j = 0; j < 12; j++) {
            if (!Double.isNaN(withNaN.get(i, j))) {
              expected += xt.get(j, r) * xt.get(j, c);
            }
          }
          assertEquals(expected, out.get(r, c), 1e-12, "attribute " + i);
        }
      }
    }
  }
}
