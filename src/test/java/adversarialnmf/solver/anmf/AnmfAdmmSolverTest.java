package adversarialnmf.solver.anmf;

import static adversarialnmf.solver.anmf.AnmfTestSupport.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.init.KMeansInitialization;
import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseData;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.SparseData;
import adversarialnmf.solver.Factorization;
import adversarialnmf.solver.FactorizationDivergedException;
import adversarialnmf.solver.Factors;
import adversarialnmf.solver.StoppingRule;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AnmfAdmmSolverTest {

  private static final AnmfModel MODEL = AnmfModel.builder().build();

  private static final int RANK = 3;

  private static DenseMatrix plantedData(int m, int count, long seed) {
    return AnmfTestSupport.plantedData(m, count, RANK, seed);
  }

  private static Factors kmeansStart(DataMatrix y, long seed) {
    return new KMeansInitialization(0.2).initialize(y, RANK, new Random(seed));
  }

  /**
   * With Z = Y the planted factors (Ã = A = A0, X = X0) nearly attain objective 0, so the ADMM has
   * a point to converge to. (With a shift t > 0, (9) has no minimiser: X → cX, A, Ã → A/c, Ã/c
   * lowers it for c → 0, see docs/ALGORITHM.md, and the dual residual only decays with that drift.)
   */
  @Test
  void plantedFactorsAreRecoveredWithConvergedResiduals() {
    DataMatrix y = new DenseData(plantedData(20, 30, 1));
    AttackerTarget target = AttackerTarget.shift(0.0);
    AdmmSettings options = AdmmSettings.builder().mu(1).adaptivePenalty(false)
        .uUpdate(AdmmSettings.UUpdate.EXACT_NONNEGATIVE).toleranceRule(AdmmSettings.ToleranceRule.RELATIVE_RESIDUALS)
        .build();
    AnmfAdmmSolver solver = new AnmfAdmmSolver(MODEL, options, target, new StoppingRule(3000, 1e-3));
    Factorization fit = solver.fit(y, kmeansStart(y, 3));

    int[] labels = fit.argmaxAssignments();
    int[] clusterOfPlanted = {-1, -1, -1};
    for (int j = 0; j < labels.length; j++) {
      int planted = j % RANK;
      if (clusterOfPlanted[planted] < 0) {
        clusterOfPlanted[planted] = labels[j];
      }
      assertEquals(clusterOfPlanted[planted], labels[j], "instance " + j + " left its planted cluster");
    }
    assertEquals(RANK, java.util.Arrays.stream(clusterOfPlanted).distinct().count(), "two planted clusters merged");

    assertTrue(fit.converged(), "stopped after " + fit.iterations() + " iterations without converging");
    double[] objective = fit.objectiveTrace();
    assertTrue(objective[objective.length - 1] < objective[0], "objective did not decrease overall");
    double[] primal = fit.trace(AnmfAdmmSolver.PRIMAL_RESIDUAL);
    double[] dual = fit.trace(AnmfAdmmSolver.DUAL_RESIDUAL);
    assertTrue(primal[primal.length - 1] < 1e-3, "relative primal residual " + primal[primal.length - 1]);
    assertTrue(dual[dual.length - 1] < 1e-3, "relative dual residual " + dual[dual.length - 1]);
    assertTrue(Double.isNaN(primal[0]) && Double.isNaN(dual[0]), "no residual exists before iteration 1");
    assertTrue(fit.hasAdversarialBasis());
    for (DenseMatrix factor : new DenseMatrix[] {fit.basis(), fit.adversarialBasis(), fit.coefficients()}) {
      for (double v : factor.data()) {
        assertTrue(v >= 0, "returned factors are the nonnegative parts");
      }
    }
    // the trace is objective (9) at the returned factors
    assertEquals(AnmfObjective.value(y, target, fit.basis(), fit.adversarialBasis(), fit.coefficients(),
        solver.model()), fit.finalObjective(), 1e-9 * fit.finalObjective());
  }

  @Test
  void exactUReachesLowerObjectiveThanPaperClipAtEqualIterations() {
    for (long seed = 1; seed <= 3; seed++) {
      DataMatrix y = new DenseData(plantedData(25, 40, 10 + seed));
      AttackerTarget target = AttackerTarget.randomShift(y, new Random(seed));
      Factors start = kmeansStart(y, seed);
      AdmmSettings base = AdmmSettings.builder().adaptivePenalty(false).build();
      StoppingRule twenty = new StoppingRule(20, 0.0);
      double exact = new AnmfAdmmSolver(MODEL, base.toBuilder().uUpdate(AdmmSettings.UUpdate.EXACT_NONNEGATIVE).build(),
          target, twenty).fit(y, start).finalObjective();
      double clip = new AnmfAdmmSolver(MODEL, base.toBuilder().uUpdate(AdmmSettings.UUpdate.PAPER_CLIP).build(),
          target, twenty).fit(y, start).finalObjective();
      assertTrue(exact < clip, "seed " + seed + ": exact U " + exact + " vs clip " + clip);
    }
  }

  @Test
  void sameSeedSameResultAndInputsUntouched() {
    DenseMatrix data = plantedData(15, 21, 4);
    DenseMatrix dataCopy = data.copy();
    DataMatrix y = new DenseData(data);
    Factors start = kmeansStart(y, 5);
    Factors startCopy = start.copy();
    AnmfAdmmSolver solver = new AnmfAdmmSolver(AnmfModel.builder().build(), AdmmSettings.builder().build(),
        AttackerTarget.shift(0.3),
        new StoppingRule(40, 0.0));
    Factorization first = solver.fit(y, start);
    Factorization second = solver.fit(y, start);
    assertArrayEquals(first.coefficients().data(), second.coefficients().data());
    assertArrayEquals(first.adversarialBasis().data(), second.adversarialBasis().data());
    assertArrayEquals(first.objectiveTrace(), second.objectiveTrace());
    assertArrayEquals(dataCopy.data(), data.data(), "Y was modified");
    assertArrayEquals(startCopy.basis().data(), start.basis().data(), "A0 was modified");
    assertArrayEquals(startCopy.coefficients().data(), start.coefficients().data(), "X0 was modified");
  }

  @Test
  void sparseAndDenseDataAndExplicitShiftGiveTheSameFit() {
    DenseMatrix data = plantedData(12, 18, 6);
    for (int i = 0; i < data.data().length; i += 3) {
      data.data()[i] = 0.0;
    }
    DataMatrix dense = new DenseData(data);
    Factors start = kmeansStart(dense, 7);
    StoppingRule rule = new StoppingRule(25, 0.0);
    AdmmSettings options = AdmmSettings.builder().build();
    Factorization byShift = new AnmfAdmmSolver(MODEL, options, AttackerTarget.shift(0.4), rule).fit(dense, start);
    Factorization sparse = new AnmfAdmmSolver(MODEL, options, AttackerTarget.shift(0.4), rule)
        .fit(SparseData.fromDense(data), start);
    Factorization explicit = new AnmfAdmmSolver(MODEL, options,
        AttackerTarget.explicit(AttackerTarget.shift(0.4).materialize(dense)), rule).fit(dense, start);
    for (Factorization other : new Factorization[] {sparse, explicit}) {
      double[] expected = byShift.coefficients().data();
      double[] actual = other.coefficients().data();
      for (int i = 0; i < expected.length; i++) {
        assertEquals(expected[i], actual[i], 1e-8 * (1 + Math.abs(expected[i])));
      }
    }
  }

  @Test
  void paperRule26StopsOnAbsoluteThresholds() {
    DataMatrix y = new DenseData(plantedData(10, 12, 8));
    Factors start = kmeansStart(y, 9);
    AdmmSettings paper = AdmmSettings.paperSettings();
    // ‖Y − AX‖² is far above 1e-12 on noisy data: rule (26) never fires, the cap stops the run
    Factorization strict = new AnmfAdmmSolver(MODEL, paper, AttackerTarget.shift(0.1), new StoppingRule(15, 1e-12))
        .fit(y, start);
    assertEquals(15, strict.iterations());
    assertTrue(!strict.converged());
    assertNull(strict.trace(AnmfAdmmSolver.PENALTY), "no penalty trace with a fixed mu");
    // with ε above ‖Y‖² both parts of (26) hold after the first iteration
    Factorization loose = new AnmfAdmmSolver(MODEL, paper, AttackerTarget.shift(0.1),
        new StoppingRule(15, 10 * y.squaredNorm())).fit(y, start);
    assertEquals(1, loose.iterations());
    assertTrue(loose.converged());
  }

  @Test
  void relativeChangeRuleStopsAtTheFirstIterationThatMeetsIt() {
    DataMatrix y = new DenseData(plantedData(15, 24, 50));
    double tol = 1e-3;
    Factorization fit = new AnmfAdmmSolver(AnmfModel.builder().build(), AdmmSettings.builder().build(),
        AttackerTarget.randomShift(y, new Random(1)),
        new StoppingRule(2000, tol)).fit(y, kmeansStart(y, 2));
    assertTrue(fit.converged(), "did not stop on the rule within 2000 iterations");
    double[] f = fit.objectiveTrace();
    double[] primal = fit.trace(AnmfAdmmSolver.PRIMAL_RESIDUAL);
    for (int k = 1; k < f.length; k++) {
      boolean met = primal[k] <= tol && Math.abs(f[k - 1] - f[k]) <= tol * Math.abs(f[k - 1]);
      assertEquals(k == f.length - 1, met, "rule met at iteration " + k + " of " + (f.length - 1));
    }
  }

  @Test
  void objectiveMatchesNaiveDenseComputation() {
    Random random = new Random(21);
    DenseMatrix y = random(6, 8, random, 0, 2);
    DenseMatrix a = random(6, 2, random, 0, 1);
    DenseMatrix adv = random(6, 2, random, 0, 1);
    DenseMatrix x = random(2, 8, random, 0, 1);
    AnmfModel o = AnmfModel.builder().alpha(0.7).beta(0.2).gamma(0.3).lambda(0.4).build();
    AttackerTarget shift = AttackerTarget.shift(0.8);
    double expected = AnmfTestSupport.naiveObjective(y, shift.materialize(new DenseData(y)), a, adv, x, o);
    assertEquals(expected, AnmfObjective.value(new DenseData(y), shift, a, adv, x, o), 1e-10 * expected);
    DenseMatrix z = random(6, 8, random, 0, 3);
    double explicitExpected = AnmfTestSupport.naiveObjective(y, z, a, adv, x, o);
    assertEquals(explicitExpected, AnmfObjective.value(SparseData.fromDense(y), AttackerTarget.explicit(z), a, adv,
        x, o), 1e-10 * explicitExpected);
  }

  /** (9) has no minimiser when (AX − Z)Xᵀ ≠ 0: X → cX, A = Ã → A/c lowers it towards (α+β)‖AX − Y‖². */
  @Test
  void objectiveDecreasesAlongTheScalingDirectionTowardsTheNmfFit() {
    Random random = new Random(22);
    DenseMatrix y = random(6, 8, random, 0, 2);
    DenseMatrix a = random(6, 2, random, 0, 1);
    DenseMatrix x = random(2, 8, random, 0, 1);
    AnmfModel o = AnmfModel.builder().build();
    AttackerTarget shift = AttackerTarget.shift(1.5);
    DataMatrix data = new DenseData(y);
    double previous = Double.POSITIVE_INFINITY;
    for (double c : new double[] {1, 0.5, 0.1, 0.01}) {
      DenseMatrix scaledA = a.copy();
      adversarialnmf.linalg.MatrixOps.scale(scaledA, 1 / c);
      DenseMatrix scaledX = x.copy();
      adversarialnmf.linalg.MatrixOps.scale(scaledX, c);
      double value = AnmfObjective.value(data, shift, scaledA, scaledA, scaledX, o);
      assertTrue(value < previous, "objective " + value + " at c = " + c + " not below " + previous);
      previous = value;
    }
    double nmfFit = (o.alpha() + o.beta()) * adversarialnmf.solver.Residuals.squaredResidual(data, a, x);
    assertEquals(nmfFit, previous, 1e-3 * nmfFit);
  }

  @Test
  void divergenceNamesTheParameterToLower() {
    DataMatrix y = new DenseData(plantedData(10, 12, 30));
    // weights are bounded (AnmfModel.MAX_WEIGHT does not diverge here); a target far beyond the data does
    AnmfAdmmSolver solver = new AnmfAdmmSolver(AnmfModel.builder().build(), AdmmSettings.builder().build(),
        AttackerTarget.shift(1e200),
        new StoppingRule(50, 0.0));
    FactorizationDivergedException e = assertThrows(FactorizationDivergedException.class,
        () -> solver.fit(y, kmeansStart(y, 31)));
    assertTrue(e.getMessage().contains("lower gamma"), e.getMessage());
  }

  @Test
  void randomShiftDrawsFromZeroToFiveSigma() {
    DenseMatrix data = DenseMatrix.fromRows(new double[][] {{0, 2}, {4, 6}});
    DataMatrix y = new DenseData(data);
    // entries 0, 2, 4, 6: mean 3, population variance (9 + 1 + 1 + 9) / 4 = 5
    assertEquals(Math.sqrt(5), AttackerTarget.entryStandardDeviation(y), 1e-12);
    Random random = new Random(3);
    double expectedT = 5 * Math.sqrt(5) * new Random(3).nextDouble();
    DenseMatrix z = AttackerTarget.randomShift(y, random).materialize(y);
    assertEquals(expectedT, z.get(0, 0), 1e-12);
    assertEquals(6 + expectedT, z.get(1, 1), 1e-12);
    assertNotNull(AttackerTarget.shift(0).describe());
  }

  @Test
  void badTargetShapeIsNamed() {
    DataMatrix y = new DenseData(plantedData(6, 9, 40));
    AnmfAdmmSolver solver = new AnmfAdmmSolver(AnmfModel.builder().build(), AdmmSettings.builder().build(),
        AttackerTarget.explicit(new DenseMatrix(6, 8)), new StoppingRule(5, 0.0));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> solver.fit(y, kmeansStart(y, 1)));
    assertTrue(e.getMessage().contains("6x8") && e.getMessage().contains("6x9"), e.getMessage());
  }
}
