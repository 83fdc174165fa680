package adversarialnmf.solver.anmf;

import static adversarialnmf.solver.anmf.AnmfTestSupport.augmentedLagrangian;
import static adversarialnmf.solver.anmf.AnmfTestSupport.combine;
import static adversarialnmf.solver.anmf.AnmfTestSupport.random;
import static adversarialnmf.solver.anmf.AnmfTestSupport.times;
import static adversarialnmf.solver.anmf.AnmfTestSupport.transpose;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.linalg.DenseData;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.solver.Factors;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The updates as printed in Algorithm 1 / (19)-(21) are not minimisers of their sub-problems of
 * (16) (docs/ALGORITHM.md, "Misprints"): each printed formula is evaluated densely here and the
 * augmented Lagrangian is shown to go lower at the corrected update the solver uses.
 */
class PrintedMisprintsTest {

  private static final double MU = 1.7;

  private static AdmmState state(double mu, DenseMatrix z, long seed) {
    Random random = new Random(seed);
    int m = 6;
    int count = 8;
    int rank = 2;
    AnmfModel o = AnmfModel.builder().alpha(0.6).beta(0.3).gamma(0.2).lambda(0.5).build();
    AdmmSettings settings = AdmmSettings.builder().mu(mu).adaptivePenalty(false).rescaleStart(false).build();
    AdmmState s = new AdmmState(new DenseData(random(m, count, random, 0, 1)), AttackerTarget.explicit(z), o, settings,
        new Factors(random(m, rank, random, 0, 1), random(rank, count, random, 0, 1)));
    s.adv.assign(random(m, rank, random, 0, 1));
    s.h.assign(random(m, count, random, 0, 1));
    s.j.assign(random(m, count, random, 0, 1));
    s.u.assign(random(count, rank, random, 0, 1));
    s.b.assign(random(m, rank, random, 0, 1));
    s.advB.assign(random(m, rank, random, 0, 1));
    s.m1.assign(random(m, rank, random, -2, 2));
    s.m2.assign(random(m, rank, random, -2, 2));
    s.m3.assign(random(m, count, random, -1, 1));
    s.m4.assign(random(m, count, random, -1, 1));
    s.m5.assign(random(count, rank, random, -1, 1));
    s.refreshProducts();
    return s;
  }

  /** L at the printed value of a block minus L at the corrected value. */
  private static double excess(AdmmState s, DenseMatrix z, DenseMatrix block, DenseMatrix printed, Runnable corrected) {
    DenseMatrix keep = block.copy();
    block.assign(printed);
    s.refreshProducts();
    double atPrinted = augmentedLagrangian(s, z);
    block.assign(keep);
    s.refreshProducts();
    corrected.run();
    s.refreshProducts();
    return atPrinted - augmentedLagrangian(s, z);
  }

  @Test
  void printedJUpdateWithAdversarialProductIsNotTheMinimiser() {
    DenseMatrix z = random(6, 8, new Random(1), 0, 2);
    AdmmState s = state(MU, z, 2);
    // printed: J = (2βY + μ(ÃX + M3/μ)) / (2β + μ)
    double beta = s.model.beta();
    DenseMatrix printed = combine(2 * beta / (2 * beta + MU), s.yDense, 1 / (2 * beta + MU),
        combine(MU, times(s.adv, s.x), 1, s.m3));
    double gap = excess(s, z, s.j, printed, s::updateJ);
    assertTrue(gap > 1e-3, "printed J should be worse than the corrected J, excess " + gap);
  }

  @Test
  void printedAUpdateWithoutMuOnXXtIsWrongUnlessMuIsOne() {
    DenseMatrix z = random(6, 8, new Random(3), 0, 2);
    for (double mu : new double[] {MU, 1.0}) {
      AdmmState s = state(mu, z, 4);
      s.updateU(); // A's sub-problem uses the new U (and D U)
      AnmfModel o = s.model;
      double gl = 2 * o.gamma() * o.lambda();
      // R4 = 2γλ(HU + λÃ − ZU) + μB − M2 + (μJ − M4)Xᵀ, printed inverse (2γλ²I + μI + XXᵀ)⁻¹
      DenseMatrix du = times(combine(1, s.h, -1, z), s.u);
      DenseMatrix r4 = combine(gl, combine(1, du, o.lambda(), s.adv), 1, combine(mu, s.b, -1, s.m2));
      r4 = combine(1, r4, 1, times(combine(mu, s.j, -1, s.m4), transpose(s.x)));
      DenseMatrix k = combine(1, times(s.x, transpose(s.x)), gl * o.lambda() + mu,
          DenseMatrix.identity(s.rank));
      DenseMatrix printed = transpose(AdmmStateTest.solveDense(k, transpose(r4)));
      double gap = excess(s, z, s.a, printed, s::updateA);
      if (mu == 1.0) {
        assertTrue(Math.abs(gap) < 1e-10, "with mu = 1 the printed A is the corrected A, excess " + gap);
      } else {
        assertTrue(gap > 1e-4, "printed A should be worse for mu = " + mu + ", excess " + gap);
      }
    }
  }

  @Test
  void printedSecondProjectionMixingAWithM1IsNotTheMinimiser() {
    DenseMatrix z = random(6, 8, new Random(5), 0, 2);
    AdmmState s = state(MU, z, 6);
    DenseMatrix printed = combine(1, s.a, 1 / MU, s.m1); // B̃ = max(0, A + M1/μ)
    for (int i = 0; i < printed.data().length; i++) {
      printed.data()[i] = Math.max(0, printed.data()[i]);
    }
    double gap = excess(s, z, s.advB, printed, s::updateAdversarialB);
    assertTrue(gap > 1e-3, "printed B~ should be worse than the corrected B~, excess " + gap);
  }
}
