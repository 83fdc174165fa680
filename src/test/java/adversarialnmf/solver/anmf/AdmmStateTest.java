package adversarialnmf.solver.anmf;

import static adversarialnmf.solver.anmf.AnmfTestSupport.augmentedLagrangian;
import static adversarialnmf.solver.anmf.AnmfTestSupport.combine;
import static adversarialnmf.solver.anmf.AnmfTestSupport.random;
import static adversarialnmf.solver.anmf.AnmfTestSupport.times;
import static adversarialnmf.solver.anmf.AnmfTestSupport.transpose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.linalg.DenseData;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.solver.Factors;
import java.util.Random;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each ADMM update is the minimiser of the augmented Lagrangian (16) over its block: the
 * finite-difference gradient of (16) vanishes at the new value (unconstrained blocks) or satisfies
 * the KKT conditions (B, B̃, U ≥ 0). Weights are far from the paper's and μ ≠ 1 so that a missing
 * factor (e.g. μ on X Xᵀ) cannot hide.
 */
class AdmmStateTest {

  private static final double STEP = 1e-5;

  private static final AnmfModel MODEL = AnmfModel.builder().alpha(0.6).beta(0.3).gamma(0.2).lambda(0.5).build();

  private static AdmmSettings settings(AdmmSettings.UUpdate mode) {
    return AdmmSettings.builder().mu(1.7).adaptivePenalty(false).rescaleStart(false).uUpdate(mode)
        .uInnerIterations(50000).build();
  }

  /** A state with every variable random (multipliers of both signs), Z explicit. */
  private static AdmmState randomState(int m, int count, int rank, AdmmSettings settings, DenseMatrix z, long seed) {
    Random random = new Random(seed);
    DenseMatrix y = random(m, count, random, 0, 1);
    AdmmState s = new AdmmState(new DenseData(y), AttackerTarget.explicit(z), MODEL, settings,
        new Factors(random(m, rank, random, 0, 1), random(rank, count, random, 0, 1)));
    s.adv.assign(random(m, rank, random, 0, 1));
    s.h.assign(random(m, count, random, 0, 1));
    s.j.assign(random(m, count, random, 0, 1));
    s.u.assign(random(count, rank, random, 0, 1));
    s.b.assign(random(m, rank, random, 0, 1));
    s.advB.assign(random(m, rank, random, 0, 1));
    s.m1.assign(random(m, rank, random, -3, 1));
    s.m2.assign(random(m, rank, random, -3, 1));
    s.m3.assign(random(m, count, random, -1, 1));
    s.m4.assign(random(m, count, random, -1, 1));
    s.m5.assign(random(count, rank, random, -1, 1));
    s.refreshProducts();
    return s;
  }

  /** Central finite-difference gradient of (16) with respect to one block (cached products refreshed). */
  private static DenseMatrix gradient(AdmmState s, DenseMatrix z, DenseMatrix block) {
    DenseMatrix g = new DenseMatrix(block.rows(), block.cols());
    double[] v = block.data();
    for (int i = 0; i < v.length; i++) {
      double keep = v[i];
      v[i] = keep + STEP;
      double plus = augmentedLagrangian(s, z);
      v[i] = keep - STEP;
      double minus = augmentedLagrangian(s, z);
      v[i] = keep;
      g.data()[i] = (plus - minus) / (2 * STEP);
    }
    return g;
  }

  private static double maxAbs(DenseMatrix a) {
    double m = 0;
    for (double v : a.data()) {
      m = Math.max(m, Math.abs(v));
    }
    return m;
  }

  private static void assertStationary(String name, AdmmState s, DenseMatrix z, DenseMatrix block,
      Runnable update) {
    double before = maxAbs(gradient(s, z, block));
    update.run();
    double after = maxAbs(gradient(s, z, block));
    assertTrue(after <= 1e-6 * before, name + ": gradient of (16) after the update " + after + " (before " + before + ")");
  }

  /** KKT of min over V ≥ 0: gradient 0 where V > 0, gradient ≥ 0 where V = 0, V ≥ 0. */
  private static void assertKkt(String name, AdmmState s, DenseMatrix z, DenseMatrix block, Runnable update,
      double relTol) {
    double before = maxAbs(gradient(s, z, block));
    update.run();
    DenseMatrix g = gradient(s, z, block);
    double tol = relTol * before;
    int active = 0;
    for (int i = 0; i < block.data().length; i++) {
      double v = block.data()[i];
      double gi = g.data()[i];
      assertTrue(v >= 0, name + " entry " + i + " negative: " + v);
      if (v > 1e-12) {
        assertTrue(Math.abs(gi) <= tol, name + " entry " + i + " = " + v + " > 0 but gradient " + gi);
      } else {
        active++;
        assertTrue(gi >= -tol, name + " entry " + i + " at 0 but gradient " + gi + " < 0");
      }
    }
    assertTrue(active > 0 || name.startsWith("U"), name + ": random multipliers should make some entries active");
  }

  @ParameterizedTest(name = "m={0} N={1}")
  @CsvSource({"7, 9", "9, 6"})
  void everyUpdateMinimisesItsSubproblem(int m, int count) {
    int rank = 3;
    Random random = new Random(11);
    DenseMatrix z = random(m, count, random, 0, 2);
    AdmmState s = randomState(m, count, rank, settings(AdmmSettings.UUpdate.EXACT_NONNEGATIVE), z, 5);
    assertStationary("H", s, z, s.h, s::updateH);
    assertKkt("B", s, z, s.b, s::updateB, 1e-6);
    assertStationary("J", s, z, s.j, s::updateJ);
    assertKkt("U (exact)", s, z, s.u, s::updateU, 1e-4);
    assertKkt("B~", s, z, s.advB, s::updateAdversarialB, 1e-6);
    assertStationary("A", s, z, s.a, () -> {
      s.updateA();
      s.refreshProducts();
    });
    assertStationary("A~", s, z, s.adv, () -> {
      s.updateAdversarialBasis();
      s.refreshProducts();
    });
    assertStationary("X", s, z, s.x, () -> {
      s.updateX();
      s.refreshProducts();
    });
  }

  @ParameterizedTest(name = "m={0} N={1}")
  @CsvSource({"7, 9", "9, 6"})
  void unconstrainedUSolvesAgreeWithDenseSolveAndAreStationary(int m, int count) {
    int rank = 3;
    Random random = new Random(12);
    DenseMatrix z = random(m, count, random, 0, 2);
    AdmmState s = randomState(m, count, rank, settings(AdmmSettings.UUpdate.PAPER_CLIP), z, 6);
    s.updateH();
    DenseMatrix a = s.a.copy();
    DenseMatrix adv = s.adv.copy();
    DenseMatrix x = s.x.copy();
    AnmfModel o = s.model;
    // dense reference: U = (2γDᵀD + μI)⁻¹ (2γλDᵀ(A − Ã) + μXᵀ + M5)
    DenseMatrix d = combine(1, s.h, -1, z);
    DenseMatrix r3 = combine(2 * o.gamma() * o.lambda(), times(transpose(d), combine(1, a, -1, adv)), 1,
        combine(s.mu, transpose(x), 1, s.m5));
    DenseMatrix q = combine(2 * o.gamma(), times(transpose(d), d), s.mu, DenseMatrix.identity(count));
    DenseMatrix expected = solveDense(q, r3);

    s.updateU(); // computes D and R3, solves and clips
    DenseMatrix clipped = s.u.copy();
    for (USolve.Unconstrained solve : new USolve.Unconstrained[] {new GramUSolve(),
        new ConjugateGradientUSolve(count, rank)}) {
      s.u.assign(clipped);
      solve.solve(s.uProblem, s.u);
      assertClose(expected, s.u, 1e-10, solve.getClass().getSimpleName());
    }
    // the unconstrained minimiser has a zero gradient of (16) in U
    double g = maxAbs(gradient(s, z, s.u));
    assertTrue(g < 1e-6, "gradient at the unconstrained U: " + g);
    // and the printed update is its clipped version
    for (int i = 0; i < clipped.data().length; i++) {
      assertEquals(Math.max(0, expected.data()[i]), clipped.data()[i], 1e-10 * (1 + Math.abs(expected.data()[i])));
    }
  }

  @ParameterizedTest(name = "m={0} N={1}")
  @CsvSource({"7, 9", "9, 6"})
  void woodburyHMatchesDenseSolve(int m, int count) {
    Random random = new Random(13);
    DenseMatrix z = random(m, count, random, 0, 2);
    AdmmState s = randomState(m, count, 3, settings(AdmmSettings.UUpdate.EXACT_NONNEGATIVE), z, 7);
    AnmfModel o = s.model;
    // R1 = 2αY + μÃX + M3 + 2γ(λA − λÃ + ZU)Uᵀ;  H = R1 (cI + 2γUUᵀ)⁻¹
    DenseMatrix w = combine(o.lambda(), combine(1, s.a, -1, s.adv), 1, times(z, s.u));
    DenseMatrix r1 = combine(2 * o.alpha(), s.yDense, 1, combine(s.mu, times(s.adv, s.x), 1, s.m3));
    r1 = combine(1, r1, 2 * o.gamma(), times(w, transpose(s.u)));
    DenseMatrix k = combine(2 * o.alpha() + s.mu, DenseMatrix.identity(count), 2 * o.gamma(),
        times(s.u, transpose(s.u)));
    DenseMatrix expected = transpose(solveDense(k, transpose(r1)));
    s.updateH();
    assertClose(expected, s.h, 1e-10, "Woodbury H");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"true", "false"})
  void multipliersMoveByMuTimesTheConstraintResidual(boolean adaptive) {
    Random random = new Random(14);
    DenseMatrix z = random(5, 6, random, 0, 2);
    AdmmSettings o = settings(AdmmSettings.UUpdate.PAPER_CLIP).toBuilder().adaptivePenalty(adaptive).build();
    AdmmState s = randomState(5, 6, 2, o, z, 8);
    double mu = s.mu;
    DenseMatrix m1 = combine(1, s.m1, mu, combine(1, s.adv, -1, s.advB));
    DenseMatrix m2 = combine(1, s.m2, mu, combine(1, s.a, -1, s.b));
    DenseMatrix m3 = combine(1, s.m3, mu, combine(1, times(s.adv, s.x), -1, s.h));
    DenseMatrix m4 = combine(1, s.m4, mu, combine(1, times(s.a, s.x), -1, s.j));
    DenseMatrix m5 = combine(1, s.m5, mu, combine(1, transpose(s.x), -1, s.u));
    s.updateMultipliers();
    assertClose(m1, s.m1, 1e-12, "M1");
    assertClose(m2, s.m2, 1e-12, "M2");
    assertClose(m3, s.m3, 1e-12, "M3");
    assertClose(m4, s.m4, 1e-12, "M4");
    assertClose(m5, s.m5, 1e-12, "M5");
  }

  @org.junit.jupiter.api.Test
  void autoPicksTheGramSolveWhenItIsCheaperThanConjugateGradients() {
    // ORL-sized: Gram of the 400 instances costs ~10 mNn, 30 CG steps ~120 mNn
    assertTrue(USolve.gramIsCheaper(1024, 400, 40));
    // both sides large, rank small: m N min(m, N) dwarfs 30 CG steps
    assertTrue(!USolve.gramIsCheaper(20000, 10000, 5));
  }

  static DenseMatrix solveDense(DenseMatrix k, DenseMatrix rhs) {
    RealMatrix solution = new LUDecomposition(MatrixUtils.createRealMatrix(k.toArray())).getSolver()
        .solve(MatrixUtils.createRealMatrix(rhs.toArray()));
    return DenseMatrix.fromRows(solution.getData());
  }

  static void assertClose(DenseMatrix expected, DenseMatrix actual, double relTol, String what) {
    double diff = Math.sqrt(AnmfTestSupport.norm2(combine(1, expected, -1, actual)));
    double scale = Math.sqrt(AnmfTestSupport.norm2(expected));
    assertTrue(diff <= relTol * scale, what + ": relative difference " + diff / scale);
  }
}
