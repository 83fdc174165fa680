package adversarialnmf.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every fast kernel against a naive triple loop kept here, on random shapes that exercise the
 * blocking edges (odd sizes, one row, one column, empty, several column and depth blocks), and
 * bit-for-bit agreement across thread counts. Runs on our kernels whatever BLAS the JVM chose
 * (BlasTest compares the native path with them).
 */
class KernelsTest {

  private static Blas chosen;

  @BeforeAll
  static void useOurKernels() {
    chosen = BlasSelection.use(BlasSelection.java());
  }

  @AfterAll
  static void restoreTheChoice() {
    BlasSelection.use(chosen);
  }

  private static final Parallelism[] THREAD_COUNTS = {
      Parallelism.SEQUENTIAL, Parallelism.threads(2), Parallelism.threads(3), Parallelism.threads(7)};

  /** {m, k, n}: C (m x n) = A (m x k) B (k x n). */
  private static final int[][] SHAPES = {
      {0, 0, 0}, {0, 5, 3}, {4, 0, 3}, {3, 5, 0}, {1, 1, 1}, {1, 17, 1}, {1, 9, 13}, {13, 9, 1},
      {7, 1, 5}, {5, 3, 2}, {31, 33, 29}, {64, 128, 40}, {150, 97, 61}, {3, 1100, 530},
      {257, 300, 3}, {2, 70, 1030}};

  private final Random random = new Random(20261128L);

  private DenseMatrix randomMatrix(int rows, int cols) {
    DenseMatrix m = new DenseMatrix(rows, cols);
    double[] d = m.data();
    for (int i = 0; i < d.length; i++) {
      d[i] = random.nextDouble() * 2.0 - 1.0;
    }
    return m;
  }

  private static DenseMatrix naiveProduct(DenseMatrix a, boolean transposeA, DenseMatrix b,
      boolean transposeB) {
    int m = transposeA ? a.cols() : a.rows();
    int k = transposeA ? a.rows() : a.cols();
    int n = transposeB ? b.rows() : b.cols();
    DenseMatrix c = new DenseMatrix(m, n);
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0.0;
        for (int p = 0; p < k; p++) {
          double aip = transposeA ? a.get(p, i) : a.get(i, p);
          double bpj = transposeB ? b.get(j, p) : b.get(p, j);
          s += aip * bpj;
        }
        c.set(i, j, s);
      }
    }
    return c;
  }

  /** Entrywise agreement to a tolerance scaled by the depth of the sums. */
  private static void assertClose(DenseMatrix expected, DenseMatrix actual, int depth) {
    assertEquals(expected.shape(), actual.shape());
    double tol = 1e-14 * Math.max(1, depth);
    double[] e = expected.data();
    double[] a = actual.data();
    for (int i = 0; i < e.length; i++) {
      assertEquals(e[i], a[i], tol * Math.max(1.0, Math.abs(e[i])), "entry " + i);
    }
  }

  /** Runs a product for every thread count: each must equal the sequential bits. */
  private interface Product {
    void compute(DenseMatrix out, Parallelism parallelism);
  }

  private static DenseMatrix checkThreadCounts(int rows, int cols, Product product) {
    DenseMatrix first = null;
    for (Parallelism p : THREAD_COUNTS) {
      DenseMatrix out = DenseMatrix.filled(rows, cols, Double.NaN);
      product.compute(out, p);
      if (first == null) {
        first = out;
      } else {
        assertArrayEquals(first.data(), out.data(), 0.0, "thread count " + p);
      }
    }
    return first;
  }

  @Test
  void multiplyMatchesNaiveForEveryShape() {
    for (int[] s : SHAPES) {
      DenseMatrix a = randomMatrix(s[0], s[1]);
      DenseMatrix b = randomMatrix(s[1], s[2]);
      DenseMatrix c = checkThreadCounts(s[0], s[2], (out, p) -> MatrixOps.multiply(a, b, out, p));
      assertClose(naiveProduct(a, false, b, false), c, s[1]);
      assertClose(c, MatrixOps.multiply(a, b), 0);
    }
  }

  @Test
  void multiplyTransposeAMatchesNaiveForEveryShape() {
    for (int[] s : SHAPES) {
      DenseMatrix a = randomMatrix(s[1], s[0]);
      DenseMatrix b = randomMatrix(s[1], s[2]);
      DenseMatrix c = checkThreadCounts(s[0], s[2],
          (out, p) -> MatrixOps.multiplyTransposeA(a, b, out, p));
      assertClose(naiveProduct(a, true, b, false), c, s[1]);
      assertClose(c, MatrixOps.multiplyTransposeA(a, b), 0);
    }
  }

  @Test
  void multiplyTransposeBMatchesNaiveForEveryShape() {
    for (int[] s : SHAPES) {
      DenseMatrix a = randomMatrix(s[0], s[1]);
      DenseMatrix b = randomMatrix(s[2], s[1]);
      DenseMatrix c = checkThreadCounts(s[0], s[2],
          (out, p) -> MatrixOps.multiplyTransposeB(a, b, out, p));
      assertClose(naiveProduct(a, false, b, true), c, s[1]);
      assertClose(c, MatrixOps.multiplyTransposeB(a, b), 0);
    }
  }

  @Test
  void accumulatedTransposeBProductAddsToTheOldValues() {
    for (int[] s : SHAPES) {
      DenseMatrix a = randomMatrix(s[0], s[1]);
      DenseMatrix b = randomMatrix(s[2], s[1]);
      DenseMatrix start = randomMatrix(s[0], s[2]);
      DenseMatrix expected = start.copy();
      MatrixOps.addScaled(expected, -2.5, naiveProduct(a, false, b, true));
      DenseMatrix c = checkThreadCounts(s[0], s[2], (out, p) -> {
        out.assign(start);
        MatrixOps.multiplyTransposeBAccumulate(-2.5, a, b, out, p);
      });
      assertClose(expected, c, 3 * s[1]);
    }
  }

  @Test
  void gramMatricesMatchNaiveAndAreExactlySymmetric() {
    for (int[] s : SHAPES) {
      DenseMatrix a = randomMatrix(s[0], s[1]);
      DenseMatrix cols = checkThreadCounts(s[1], s[1], (out, p) -> MatrixOps.gramOfColumns(a, out, p));
      assertClose(naiveProduct(a, true, a, false), cols, s[0]);
      DenseMatrix rows = checkThreadCounts(s[0], s[0], (out, p) -> MatrixOps.gramOfRows(a, out, p));
      assertClose(naiveProduct(a, false, a, true), rows, s[1]);
      assertArrayEquals(cols.data(), cols.transpose().data(), 0.0);
      assertArrayEquals(rows.data(), rows.transpose().data(), 0.0);
      assertClose(cols, MatrixOps.gramOfColumns(a), 0);
      assertClose(rows, MatrixOps.gramOfRows(a), 0);
    }
  }

  @Test
  void transposeMatchesEntrywiseDefinition() {
    for (int[] s : SHAPES) {
      DenseMatrix a = randomMatrix(s[0], s[1]);
      DenseMatrix t = a.transpose();
      assertEquals(s[1] + "x" + s[0], t.shape());
      for (int i = 0; i < s[0]; i++) {
        for (int j = 0; j < s[1]; j++) {
          assertEquals(a.get(i, j), t.get(j, i), 0.0);
        }
      }
    }
  }

  /** A random matrix with about {@code density} of its entries non-zero, some rows/columns empty. */
  private DenseMatrix randomSparse(int rows, int cols, double density) {
    DenseMatrix y = new DenseMatrix(rows, cols);
    for (int i = 0; i < rows; i++) {
      if (i % 7 == 3) {
        continue;
      }
      for (int j = 0; j < cols; j++) {
        if (j % 5 != 2 && random.nextDouble() < density) {
          y.set(i, j, random.nextInt(9) + 1);
        }
      }
    }
    return y;
  }

  @Test
  void sparseProductsMatchDenseNaive() {
    int[][] shapes = {{0, 0, 3}, {4, 0, 2}, {0, 6, 2}, {1, 1, 1}, {1, 40, 3}, {40, 1, 3},
        {37, 53, 5}, {300, 211, 17}, {500, 400, 40}};
    for (int[] s : shapes) {
      for (double density : new double[] {0.0, 0.03, 0.4}) {
        DenseMatrix dense = randomSparse(s[0], s[1], density);
        SparseData y = SparseData.fromDense(dense);
        DenseMatrix b = randomMatrix(s[1], s[2]);
        DenseMatrix yb = checkThreadCounts(s[0], s[2], (out, p) -> y.times(b, out, p));
        assertClose(naiveProduct(dense, false, b, false), yb, s[1]);
        assertClose(yb, y.times(b), 0);
        DenseMatrix c = randomMatrix(s[0], s[2]);
        DenseMatrix ytc = checkThreadCounts(s[1], s[2], (out, p) -> y.transposeTimes(c, out, p));
        assertClose(naiveProduct(dense, true, c, false), ytc, s[0]);
        assertClose(ytc, y.transposeTimes(c), 0);
      }
    }
  }

  @Test
  void denseDataProductsMatchNaive() {
    DenseMatrix dense = randomMatrix(45, 71);
    DenseData y = new DenseData(dense);
    DenseMatrix b = randomMatrix(71, 9);
    DenseMatrix c = randomMatrix(45, 9);
    assertClose(naiveProduct(dense, false, b, false),
        checkThreadCounts(45, 9, (out, p) -> y.times(b, out, p)), 71);
    assertClose(naiveProduct(dense, true, c, false),
        checkThreadCounts(71, 9, (out, p) -> y.transposeTimes(c, out, p)), 45);
  }

  @Test
  void nanInAnOperandReachesTheResult() {
    DenseMatrix a = randomMatrix(6, 5);
    DenseMatrix b = randomMatrix(5, 4);
    a.set(2, 3, 0.0);
    b.set(3, 1, Double.NaN);
    DenseMatrix c = MatrixOps.multiply(a, b);
    assertTrue(Double.isNaN(c.get(2, 1)), "0 * NaN must not be skipped");
  }

  @Test
  void badShapesAndAliasedResultsAreRejected() {
    DenseMatrix a = randomMatrix(3, 4);
    DenseMatrix b = randomMatrix(5, 2);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MatrixOps.multiply(a, b, new DenseMatrix(3, 2)));
    assertTrue(e.getMessage().contains("3x4") && e.getMessage().contains("5x2"), e.getMessage());
    DenseMatrix square = randomMatrix(4, 4);
    e = assertThrows(IllegalArgumentException.class, () -> MatrixOps.multiply(square, square, square));
    assertTrue(e.getMessage().contains("must not be one of its inputs"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> MatrixOps.gramOfColumns(a, new DenseMatrix(3, 3)));
    e = assertThrows(IllegalArgumentException.class, () -> Parallelism.threads(0));
    assertTrue(e.getMessage().contains("0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> new SparseData(3, 1, new int[] {0, 2}, new int[] {2, 1}, new double[] {1, 1}));
    assertTrue(e.getMessage().contains("column 0"), e.getMessage());
  }

  @Test
  void failureInsideATaskReachesTheCaller() {
    List<Integer> seen = new ArrayList<>();
    RuntimeException e = assertThrows(IllegalStateException.class,
        () -> Parallelism.threads(3).run(3, t -> {
          synchronized (seen) {
            seen.add(t);
          }
          if (t == 2) {
            throw new IllegalStateException("task 2 failed");
          }
        }));
    assertTrue(e.getMessage().contains("task 2 failed"), e.getMessage());
    assertEquals(3, seen.size());
  }

  /**
   * ‖Y‖² of data whose squares span twelve orders of magnitude (one large entry, a million small
   * ones): the plain sum drops every small square, the accurate one is the exact sum (BigDecimal)
   * rounded once; DenseData and SparseData give it, and a random matrix is right to one rounding.
   */
  @Test
  void theDataNormIsTheExactSumOfSquaresRoundedOnce() {
    double[] values = new double[1_000_001];
    java.util.Arrays.fill(values, 1e-5);
    values[0] = 1e4;
    java.math.BigDecimal exact = java.math.BigDecimal.ZERO;
    for (double v : values) {
      exact = exact.add(new java.math.BigDecimal(v).multiply(new java.math.BigDecimal(v)));
    }
    double expected = exact.doubleValue();
    double plain = 0.0;
    for (double v : values) {
      plain += v * v;
    }
    assertTrue(Math.abs(plain - expected) > 1000 * Math.ulp(expected), "the plain sum loses the small squares");
    assertEquals(expected, MatrixOps.accurateSumOfSquares(values), 0.0);
    DenseMatrix column = new DenseMatrix(values.length, 1, values.clone());
    assertEquals(expected, new DenseData(column).squaredNorm(), 0.0);
    assertEquals(expected, SparseData.fromDense(column).squaredNorm(), 0.0);

    Random random = new Random(5);
    double[] uniform = new double[100_000];
    java.math.BigDecimal uniformExact = java.math.BigDecimal.ZERO;
    for (int i = 0; i < uniform.length; i++) {
      uniform[i] = random.nextDouble();
      uniformExact = uniformExact.add(new java.math.BigDecimal(uniform[i]).multiply(new java.math.BigDecimal(uniform[i])));
    }
    double uniformExpected = uniformExact.doubleValue();
    assertEquals(uniformExpected, MatrixOps.accurateSumOfSquares(uniform), Math.ulp(uniformExpected));
  }
}
