package adversarialnmf.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.linalg.DenseData;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;
import adversarialnmf.linalg.MissingEntries;
import adversarialnmf.linalg.SparseData;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** NNLS onto a fixed basis: KKT conditions, exact recovery, batch = single, sparse = dense. */
class NonnegativeProjectionTest {

  private static DenseMatrix randomMatrix(int rows, int cols, Random random) {
    DenseMatrix m = new DenseMatrix(rows, cols);
    for (int i = 0; i < m.data().length; i++) {
      m.data()[i] = random.nextDouble();
    }
    return m;
  }

  @Test
  void solutionSatisfiesTheKktConditions() {
    Random random = new Random(1);
    DenseMatrix a = randomMatrix(30, 6, random);
    NonnegativeProjection projection = new NonnegativeProjection(a);
    for (int trial = 0; trial < 20; trial++) {
      double[] y = new double[30];
      for (int i = 0; i < y.length; i++) {
        y[i] = random.nextGaussian(); // mixed signs force active constraints
      }
      double[] x = projection.coefficients(y);
      // gradient g = Aᵀ(Ax − y): g ≥ 0, x ≥ 0, x_r g_r = 0
      double[] residual = new double[30];
      for (int i = 0; i < 30; i++) {
        double s = -y[i];
        for (int r = 0; r < 6; r++) {
          s += a.get(i, r) * x[r];
        }
        residual[i] = s;
      }
      for (int r = 0; r < 6; r++) {
        double g = 0.0;
        for (int i = 0; i < 30; i++) {
          g += a.get(i, r) * residual[i];
        }
        assertTrue(x[r] >= 0.0);
        assertTrue(g >= -1e-9, "gradient " + g);
        assertEquals(0.0, x[r] * g, 1e-9);
      }
    }
  }

  @Test
  void recoversExactNonnegativeCoefficients() {
    Random random = new Random(2);
    DenseMatrix a = randomMatrix(40, 5, random);
    DenseMatrix x = randomMatrix(5, 12, random);
    x.set(2, 3, 0.0);
    DenseMatrix y = MatrixOps.multiply(a, x);
    DenseMatrix found = new NonnegativeProjection(a).coefficients(new DenseData(y));
    assertArrayEquals(x.data(), found.data(), 1e-8);
  }

  @Test
  void batchSparseAndSingleProjectionsAgree() {
    Random random = new Random(3);
    DenseMatrix a = randomMatrix(20, 4, random);
    DenseMatrix y = randomMatrix(20, 9, random);
    for (int i = 0; i < y.data().length; i += 3) {
      y.data()[i] = 0.0;
    }
    NonnegativeProjection projection = new NonnegativeProjection(a);
    DenseMatrix dense = projection.coefficients(new DenseData(y));
    DenseMatrix sparse = projection.coefficients(SparseData.fromDense(y));
    assertArrayEquals(dense.data(), sparse.data(), 1e-12);
    for (int j = 0; j < y.cols(); j++) {
      assertArrayEquals(dense.column(j), projection.coefficients(y.column(j)), 1e-12);
    }
  }

  @Test
  void wrongLengthIsRefused() {
    NonnegativeProjection projection = new NonnegativeProjection(new DenseMatrix(5, 2));
    Exception e = assertThrows(IllegalArgumentException.class, () -> projection.coefficients(new double[4]));
    assertTrue(e.getMessage().contains("length 4"), e.getMessage());
  }

  @Test
  void missingEntriesAreLeftOutOfTheFitOfTheirColumn() {
    Random random = new Random(6);
    DenseMatrix a = randomMatrix(25, 4, random);
    DenseMatrix x = randomMatrix(4, 8, random);
    DenseMatrix y = MatrixOps.multiply(a, x);
    DenseMatrix hidden = y.copy();
    for (int j = 0; j < 8; j++) {
      for (int i = j; i < 25; i += 3) {
        hidden.set(i, j, Double.NaN); // a third of every column; the rest still determines x_j
      }
    }
    NonnegativeProjection projection = new NonnegativeProjection(a);
    MissingEntries missing = MissingEntries.ofNaN(hidden);
    DenseMatrix zeroed = hidden.copy();
    missing.fill(zeroed, 0.0);
    DenseMatrix batch = projection.coefficients(new DenseData(zeroed, missing));
    for (int j = 0; j < 8; j++) {
      double[] single = projection.coefficients(hidden.column(j));
      for (int r = 0; r < 4; r++) {
        assertEquals(x.get(r, j), batch.get(r, j), 1e-8, "batch, column " + j);
        assertEquals(x.get(r, j), single[r], 1e-8, "single, column " + j);
      }
    }
  }

  /** Columns nearly parallel, as face bases are: coordinate descent needed thousands of sweeps here. */
  @Test
  void correlatedBasisIsSolvedExactly() {
    Random random = new Random(13);
    int m = 200;
    int n = 30;
    double[] common = new double[m];
    for (int i = 0; i < m; i++) {
      common[i] = random.nextDouble();
    }
    DenseMatrix a = new DenseMatrix(m, n);
    for (int i = 0; i < m; i++) {
      for (int r = 0; r < n; r++) {
        a.set(i, r, common[i] + 0.01 * random.nextDouble());
      }
    }
    NonnegativeProjection projection = new NonnegativeProjection(a);
    for (int trial = 0; trial < 5; trial++) {
      double[] y = new double[m];
      for (int i = 0; i < m; i++) {
        y[i] = common[i] * (1 + 0.05 * random.nextGaussian());
      }
      double[] x = projection.coefficients(y);
      double[] residual = MatrixOps.timesVector(a, x);
      for (int i = 0; i < m; i++) {
        residual[i] -= y[i];
      }
      double[] g = MatrixOps.transposeTimesVector(a, residual);
      double scale = 0.0;
      for (double v : MatrixOps.transposeTimesVector(a, y)) {
        scale = Math.max(scale, Math.abs(v));
      }
      for (int r = 0; r < n; r++) {
        assertTrue(x[r] >= 0.0);
        assertTrue(g[r] >= -1e-10 * scale, "gradient " + g[r] + " at coordinate " + r);
        if (x[r] > 0.0) {
          assertEquals(0.0, g[r], 1e-10 * scale, "free coordinate " + r);
        }
      }
    }
  }
}
