package adversarialnmf.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The native path against ours, on the shapes the solvers use and on the blocking edges: every
 * product, Gram matrix and Cholesky solve agrees to 1e-10 relative (in the max norm of the
 * result). Skipped where no system BLAS loads; the selection itself is checked everywhere.
 */
class BlasTest {

  /**
   * {rows, depth, cols} of op(A) op(B); {257, 300, 3}, {1440, 1024, 20} and {1000, 32, 2} take the
   * native path's column-major form, {1000, 31, 2} and {1024, 400, 40} just miss it.
   */
  private static final int[][] SHAPES = {
      {1, 1, 1}, {7, 1, 5}, {13, 9, 1}, {31, 33, 29}, {1024, 400, 40}, {40, 1024, 400}, {3, 1100, 530},
      {257, 300, 3}, {1440, 1024, 20}, {1000, 32, 2}, {1000, 31, 2}};

  private final Random random = new Random(20261201L);

  private DenseMatrix randomMatrix(int rows, int cols) {
    DenseMatrix m = new DenseMatrix(rows, cols);
    double[] d = m.data();
    for (int i = 0; i < d.length; i++) {
      d[i] = random.nextDouble() * 2.0 - 1.0;
    }
    return m;
  }

  private static Blas nativeOrSkip() {
    assumeTrue(BlasSelection.nativeIfAvailable().isPresent(), "no system BLAS loads here");
    return BlasSelection.nativeIfAvailable().get();
  }

  private static void assertRelativelyClose(DenseMatrix expected, DenseMatrix actual, String what) {
    double scale = 0.0;
    for (double v : expected.data()) {
      scale = Math.max(scale, Math.abs(v));
    }
    double worst = 0.0;
    for (int i = 0; i < expected.data().length; i++) {
      worst = Math.max(worst, Math.abs(expected.data()[i] - actual.data()[i]));
    }
    assertTrue(worst <= 1e-10 * Math.max(scale, Double.MIN_NORMAL),
        what + ": max difference " + worst + " for entries up to " + scale);
  }

  @Test
  void productsAgreeForEveryTransposeAndAccumulation() {
    Blas nativeBlas = nativeOrSkip();
    Blas java = BlasSelection.java();
    for (int[] shape : SHAPES) {
      int m = shape[0];
      int k = shape[1];
      int n = shape[2];
      for (int variant = 0; variant < 8; variant++) {
        boolean ta = (variant & 1) != 0;
        boolean tb = (variant & 2) != 0;
        boolean accumulate = (variant & 4) != 0;
        DenseMatrix a = ta ? randomMatrix(k, m) : randomMatrix(m, k);
        DenseMatrix b = tb ? randomMatrix(n, k) : randomMatrix(k, n);
        DenseMatrix start = randomMatrix(m, n);
        DenseMatrix ours = start.copy();
        DenseMatrix theirs = start.copy();
        java.multiply(ta, a, tb, b, -0.75, accumulate, ours, Parallelism.allProcessors());
        nativeBlas.multiply(ta, a, tb, b, -0.75, accumulate, theirs, Parallelism.allProcessors());
        assertRelativelyClose(ours, theirs, m + "x" + k + "x" + n + (ta ? " A^T" : "") + (tb ? " B^T" : "")
            + (accumulate ? " accumulated" : ""));
      }
    }
  }

  @Test
  void onlyTallNarrowProductsWithADeepInnerSideTakeTheColumnMajorForm() {
    assertTrue(NativeBlas.prefersColumnMajorResult(1440, 20, 1024), "Y^T A on COIL-shaped data");
    assertTrue(NativeBlas.prefersColumnMajorResult(1000, 2, 32), "depth 16 n");
    assertTrue(!NativeBlas.prefersColumnMajorResult(1000, 2, 31), "depth under 16 n");
    assertTrue(!NativeBlas.prefersColumnMajorResult(1024, 40, 400), "Y X^T on ORL (rank 40)");
    assertTrue(!NativeBlas.prefersColumnMajorResult(1440, 20, 20), "X^T times a Gram matrix");
    assertTrue(!NativeBlas.prefersColumnMajorResult(20, 1440, 1024), "a wide result");
  }

  @Test
  void gramMatricesAgreeAndAreExactlySymmetric() {
    Blas nativeBlas = nativeOrSkip();
    for (int[] shape : new int[][] {{1, 1}, {5, 3}, {1024, 40}, {40, 400}, {400, 1024}}) {
      DenseMatrix a = randomMatrix(shape[0], shape[1]);
      for (boolean ofColumns : new boolean[] {true, false}) {
        int side = ofColumns ? a.cols() : a.rows();
        DenseMatrix ours = new DenseMatrix(side, side);
        DenseMatrix theirs = DenseMatrix.filled(side, side, Double.NaN);
        BlasSelection.java().gram(a, ofColumns, ours, Parallelism.allProcessors());
        nativeBlas.gram(a, ofColumns, theirs, Parallelism.allProcessors());
        assertRelativelyClose(ours, theirs, (ofColumns ? "A^T A of " : "A A^T of ") + a.shape());
        for (int i = 0; i < side; i++) {
          for (int j = 0; j < i; j++) {
            assertEquals(theirs.get(i, j), theirs.get(j, i), 0.0, "symmetry at " + i + "," + j);
          }
        }
      }
    }
  }

  @Test
  void choleskySolvesAgree() {
    Blas nativeBlas = nativeOrSkip();
    for (int n : new int[] {1, 3, 40, 400}) {
      DenseMatrix g = randomMatrix(n + 5, n);
      DenseMatrix k = MatrixOps.gramOfColumns(g);
      MatrixOps.addToDiagonal(k, 0.5);
      double[] oursL = k.data().clone();
      double[] theirsL = k.data().clone();
      BlasSelection.java().choleskyFactor(oursL, n);
      nativeBlas.choleskyFactor(theirsL, n);
      DenseMatrix columns = randomMatrix(n, 7);
      DenseMatrix oursColumns = columns.copy();
      DenseMatrix theirsColumns = columns.copy();
      BlasSelection.java().choleskySolve(oursL, n, oursColumns.data(), 7);
      nativeBlas.choleskySolve(theirsL, n, theirsColumns.data(), 7);
      assertRelativelyClose(oursColumns, theirsColumns, "K^-1 B, n = " + n);
      DenseMatrix rows = randomMatrix(9, n);
      DenseMatrix oursRows = rows.copy();
      DenseMatrix theirsRows = rows.copy();
      BlasSelection.java().choleskySolveRows(oursL, n, oursRows.data(), 9);
      nativeBlas.choleskySolveRows(theirsL, n, theirsRows.data(), 9);
      assertRelativelyClose(oursRows, theirsRows, "B K^-1, n = " + n);
    }
  }

  @Test
  void nativeCholeskyRejectsAnIndefiniteMatrix() {
    Blas nativeBlas = nativeOrSkip();
    double[] indefinite = {1.0, 2.0, 2.0, 1.0};
    ArithmeticException e = assertThrows(ArithmeticException.class, () -> nativeBlas.choleskyFactor(indefinite, 2));
    assertTrue(e.getMessage().contains("not positive definite"), e.getMessage());
  }

  @Test
  void theSelectionIsDescribedAndCanBeSwappedAndRestored() {
    String description = BlasSelection.describe();
    assertTrue(description.startsWith(Blas.selected().describe()), description);
    String forced = System.getProperty(Blas.PROPERTY, "");
    if (forced.equals("java")) {
      assertEquals("java", Blas.selected().name(), description);
      assertTrue(description.contains("forced"), description);
    }
    Blas previous = BlasSelection.use(BlasSelection.java());
    try {
      assertEquals("java", Blas.selected().name());
    } finally {
      BlasSelection.use(previous);
    }
    assertEquals(previous, Blas.selected());
  }

  @Test
  void onlyANativeRateOurKernelsCannotReachSkipsTheRace() {
    double flops = 2.0 * 384 * 384 * 48;
    // a reference BLAS (2 GFLOP/s) and one as fast as ours at best (14.5 GFLOP/s) are raced
    assertTrue(!BlasSelection.beyondOurKernels(flops / 2e9, 1));
    assertTrue(!BlasSelection.beyondOurKernels(flops / 14.5e9, 1));
    // OpenBLAS on one core (40-60 GFLOP/s) is not, unless that rate is spread over four threads
    assertTrue(BlasSelection.beyondOurKernels(flops / 60e9, 1));
    assertTrue(!BlasSelection.beyondOurKernels(flops / 60e9, 4));
  }

  @Test
  void ourKernelsStayBelowTheRateThatSkipsTheRace() {
    Random random = new Random(3L);
    DenseMatrix a = new DenseMatrix(384, 384);
    DenseMatrix b = new DenseMatrix(384, 48);
    DenseMatrix c = new DenseMatrix(384, 48);
    java.util.Arrays.setAll(a.data(), i -> random.nextDouble());
    java.util.Arrays.setAll(b.data(), i -> random.nextDouble());
    double best = Double.POSITIVE_INFINITY;
    for (int run = 0; run < 40; run++) {
      long start = System.nanoTime();
      BlasSelection.java().multiply(false, a, false, b, 1.0, false, c, Parallelism.threads(1));
      best = Math.min(best, (System.nanoTime() - start) / 1e9);
    }
    // warm, on one thread: were ours ever this fast, the shortcut could pass over a faster path
    assertTrue(!BlasSelection.beyondOurKernels(best, 1), "our kernels: " + best * 1e3 + " ms");
  }
}
