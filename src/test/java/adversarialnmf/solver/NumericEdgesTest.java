package adversarialnmf.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.init.RandomInitialization;
import adversarialnmf.linalg.DenseData;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.OverflowSafe;
import adversarialnmf.solver.anmf.AttackerTarget;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Norms, scalings and starts at the edges of double precision. */
class NumericEdgesTest {

  @Test
  void normsAreTheNaiveOnesInRangeAndFiniteOutsideIt() {
    double[] v = {3.0, 4.0, 12.0};
    assertEquals(Math.sqrt(9.0 + 16.0 + 144.0), OverflowSafe.norm(v), 0.0);
    assertEquals(13e200, OverflowSafe.norm(new double[] {3e200, 4e200, 12e200}), 1e187);
    assertEquals(13e-200, OverflowSafe.norm(new double[] {3e-200, 4e-200, 12e-200}), 1e-213);
    assertEquals(0.0, OverflowSafe.norm(new double[3]), 0.0);
    assertTrue(Double.isNaN(OverflowSafe.norm(new double[] {1e200, Double.NaN})));
    double[] column = {1e300, 0.0, 1e300, 0.0}; // a 2 x 2 row-major matrix: column 0
    assertEquals(Math.sqrt(2.0) * 1e300, OverflowSafe.norm(column, 0, 2, 2), 1e286);
  }

  @Test
  void powerOfTwoScalesAreExactAndBringTheLargestValueBelowOne() {
    for (double largest : new double[] {1.0, 255.0, 1e300, 1e-300, Double.MAX_VALUE, Double.MIN_NORMAL, 0x1p-1023}) {
      double scale = OverflowSafe.powerOfTwoScale(largest);
      double scaled = largest * scale;
      assertTrue(scaled >= 0.5 && scaled < 1.0, largest + " -> " + scaled);
      assertEquals(largest, scaled / scale, 0.0);
    }
    assertTrue(Double.isInfinite(OverflowSafe.powerOfTwoScale(Double.MIN_VALUE)));
  }

  @Test
  void aProjectionIsPositivelyHomogeneousUpToTheLargestDouble() {
    DenseMatrix basis = SolverFixtures.uniform(6, 2, new Random(2));
    NonnegativeProjection projection = new NonnegativeProjection(basis);
    double[] y = SolverFixtures.uniform(6, 1, new Random(3)).data();
    double[] x = projection.coefficients(y);
    double[] huge = y.clone();
    for (int i = 0; i < huge.length; i++) {
      huge[i] *= 0x1p1020;
    }
    double[] xHuge = projection.coefficients(huge);
    double[] xBatch = projection.coefficients(new DenseData(new DenseMatrix(6, 1, huge))).column(0);
    for (int r = 0; r < x.length; r++) {
      assertEquals(x[r], xHuge[r] * 0x1p-1020, 1e-12 * (1 + x[r]));
      assertEquals(x[r], xBatch[r] * 0x1p-1020, 1e-12 * (1 + x[r]));
    }
  }

  /** A NaN objective at the start once made every later test false and the fit end "converged". */
  @Test
  void aStartWhoseObjectiveIsNotFiniteIsReportedAsSuch() {
    DenseData y = new DenseData(SolverFixtures.uniform(5, 8, new Random(1)));
    Factors start = new RandomInitialization().initialize(y, 2, new Random(1));
    start.basis().set(0, 0, Double.NaN);
    FactorizationDivergedException e = assertThrows(FactorizationDivergedException.class,
        () -> new HalsNmf(new StoppingRule(20, 1e-4)).fit(y, start));
    assertTrue(e.getMessage().contains("objective at the start is NaN"), e.getMessage());
  }

  @Test
  void aStandardDeviationThatOverflowsIsNamed() {
    DenseMatrix huge = new DenseMatrix(2, 2, new double[] {1e300, 0, 0, 1e300});
    Exception e = assertThrows(IllegalArgumentException.class,
        () -> AttackerTarget.randomShift(new DenseData(huge), new Random(1)));
    assertTrue(e.getMessage().contains("standard deviation of the data is not finite"), e.getMessage());
  }

  @Test
  void columnNormsOfAHugeBasisStayFinite() {
    DenseMatrix a = new DenseMatrix(2, 1, new double[] {3e200, 4e200});
    Factorization f = Factorization.builder().factors(a, new DenseMatrix(1, 1, new double[] {1.0}))
        .objectiveTrace(new double[] {0.0}).iterations(0).stopReason(StopReason.CONVERGED).build();
    assertArrayEquals(new double[] {5e200}, f.basisColumnNorms(), 1e187);
  }
}
