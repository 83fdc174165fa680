package adversarialnmf.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.init.RandomInitialization;
import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseData;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The reweighted family (orthogonal, L2,1, capped) and the column residuals it is built on. */
class ColumnLossNmfTest {

  @Test
  void columnResidualsByTheGramRouteMatchTheDenseProduct() {
    Random random = new Random(4);
    DenseMatrix y = SolverFixtures.uniform(12, 9, random);
    DenseMatrix a = SolverFixtures.uniform(12, 3, random);
    DenseMatrix x = SolverFixtures.uniform(3, 9, random);
    DataMatrix data = new DenseData(y);
    DenseMatrix ytA = data.transposeTimes(a);
    DenseMatrix xtGramA = MatrixOps.multiply(x.transpose(), MatrixOps.gramOfColumns(a));
    double[] out = new double[9];
    Residuals.columnSquaredResiduals(data.columnSquaredNorms(), ytA, x.transpose(), xtGramA, out);
    double[] expected = SolverFixtures.naiveColumnResidualNorms(y, a, x);
    for (int j = 0; j < 9; j++) {
      assertEquals(expected[j] * expected[j], out[j], 1e-12 * Math.max(1.0, out[j]), "column " + j);
    }
  }

  @Test
  void capIsTheQuantileOfStartResidualNorms() {
    double[] squared = {25.0, 1.0, 9.0, 16.0, 4.0};
    assertEquals(5.0, CappedNmf.quantileOfNorms(squared, 0.9), 0.0); // ⌈4.5⌉ = 5th smallest
    assertEquals(3.0, CappedNmf.quantileOfNorms(squared, 0.5), 0.0); // ⌈2.5⌉ = 3rd smallest
    assertEquals(1.0, CappedNmf.quantileOfNorms(squared, 0.01), 0.0);
    assertEquals(5.0, CappedNmf.quantileOfNorms(squared, 1.0), 0.0);
    assertArrayEquals(new double[] {25.0, 1.0, 9.0, 16.0, 4.0}, squared, 0.0);
  }

  @Test
  void capBelowEveryResidualMakesTheLossFlatAndLeavesTheBasisAlone() {
    DataMatrix y = new DenseData(SolverFixtures.uniform(15, 12, new Random(1)));
    Factors start = new RandomInitialization().initialize(y, 2, new Random(1));
    Factorization fit = new CappedNmf(new StoppingRule(20, 1e-9), CappedNmf.Options.fixedCap(1e-6, false))
        .fit(y, start);
    assertEquals(12 * 1e-6, fit.objectiveTrace()[0], 1e-18);
    assertEquals(1, fit.iterations(), "a flat loss converges at once");
    assertEquals(12.0, fit.trace(CappedNmf.CAPPED_TRACE)[1], 0.0);
    assertArrayEquals(start.basis().data(), fit.basis().data(), 0.0);
  }

  @Test
  void orthogonalUpdatesDriveCoefficientRowsTowardOrthonormality() {
    DataMatrix y = new DenseData(SolverFixtures.uniform(30, 40, new Random(2)));
    Factors start = new RandomInitialization().initialize(y, 4, new Random(2));
    Factorization onmf = new OrthogonalNmf(new StoppingRule(400, 0.0)).fit(y, start);
    Factorization nmf = new MultiplicativeUpdateNmf(new StoppingRule(400, 0.0)).fit(y, start);
    double[] trace = onmf.trace(OrthogonalNmf.ORTHOGONALITY_TRACE);
    assertEquals(401, trace.length);
    assertEquals(orthogonalityResidual(onmf.coefficients()), trace[400], 1e-9);
    assertTrue(trace[400] < 0.3 * trace[0], "‖XXᵀ − I‖ " + trace[0] + " -> " + trace[400]);
    double onmfCoherence = offDiagonalCoherence(onmf.coefficients());
    double nmfCoherence = offDiagonalCoherence(nmf.coefficients());
    assertTrue(onmfCoherence < 0.5 * nmfCoherence,
        "normalised off-diagonal of XXᵀ: ONMF " + onmfCoherence + ", NMF " + nmfCoherence);
  }

  @Test
  void optionsRejectBadValuesNamingThem() {
    IllegalArgumentException quantile = assertThrows(IllegalArgumentException.class,
        () -> CappedNmf.Options.quantileCap(1.5, true));
    assertTrue(quantile.getMessage().contains("inlier quantile") && quantile.getMessage().contains("1.5"));
    assertThrows(IllegalArgumentException.class, () -> CappedNmf.Options.quantileCap(0.0, true));
    assertThrows(IllegalArgumentException.class, () -> CappedNmf.Options.quantileCap(Double.NaN, true));
    IllegalArgumentException cap = assertThrows(IllegalArgumentException.class,
        () -> CappedNmf.Options.fixedCap(-2.0, false));
    assertTrue(cap.getMessage().contains("cap") && cap.getMessage().contains("-2.0"));
    assertThrows(IllegalArgumentException.class, () -> CappedNmf.Options.fixedCap(Double.POSITIVE_INFINITY, false));
  }

  private static double orthogonalityResidual(DenseMatrix x) {
    DenseMatrix gram = MatrixOps.gramOfRows(x);
    MatrixOps.addToDiagonal(gram, -1.0);
    return Math.sqrt(MatrixOps.squaredNorm(gram));
  }

  /** ‖offdiag(D^{-1/2} X Xᵀ D^{-1/2})‖_F with D = diag(X Xᵀ): 0 iff the rows are orthogonal. */
  private static double offDiagonalCoherence(DenseMatrix x) {
    DenseMatrix gram = MatrixOps.gramOfRows(x);
    int n = gram.rows();
    double s = 0.0;
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) {
        if (r != c) {
          double v = gram.get(r, c) / Math.sqrt(gram.get(r, r) * gram.get(c, c));
          s += v * v;
        }
      }
    }
    return Math.sqrt(s);
  }
}
