package adversarialnmf.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The active-set solver of min ½ xᵀGx − cᵀx over x ≥ 0 against its KKT conditions, computed by
 * loops, and its warm start: any guess of the free set (the true support, every coordinate, a wrong
 * one, none) must reach the same minimiser as the start from zero, which is unique.
 */
class NonnegativeQuadraticTest {

  /** G = BᵀB + small ridge for correlated B (like face bases), c = Bᵀy with y of mixed sign. */
  private static double[][] problem(int n, long seed) {
    Random random = new Random(seed);
    int rows = 3 * n;
    double[] b = new double[rows * n];
    for (int i = 0; i < b.length; i++) {
      b[i] = 0.5 + random.nextDouble();
    }
    double[] gram = new double[n * n];
    double[] cross = new double[n];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < n; c++) {
        double s = 0.0;
        for (int i = 0; i < rows; i++) {
          s += b[i * n + r] * b[i * n + c];
        }
        gram[r * n + c] = s + (r == c ? 1e-6 : 0.0);
      }
    }
    for (int i = 0; i < rows; i++) {
      double y = random.nextDouble() * 2.0 - 0.6;
      for (int r = 0; r < n; r++) {
        cross[r] += b[i * n + r] * y;
      }
    }
    return new double[][] {gram, cross};
  }

  private static void assertKkt(double[] gram, double[] cross, double[] x) {
    int n = x.length;
    double scale = 0.0;
    for (double v : cross) {
      scale = Math.max(scale, Math.abs(v));
    }
    for (int r = 0; r < n; r++) {
      double gradient = -cross[r];
      for (int c = 0; c < n; c++) {
        gradient += gram[r * n + c] * x[c];
      }
      assertTrue(x[r] >= 0.0, "x[" + r + "] = " + x[r]);
      assertTrue(gradient >= -1e-9 * scale, "gradient[" + r + "] = " + gradient);
      assertTrue(x[r] == 0.0 || Math.abs(gradient) <= 1e-9 * scale, "x[" + r + "] = " + x[r] + " with gradient "
          + gradient);
    }
  }

  @Test
  void everyGuessOfTheFreeSetReachesTheMinimiserFromZero() {
    for (long seed = 1; seed <= 20; seed++) {
      int n = 5 + (int) (seed % 4) * 10;
      double[][] p = problem(n, seed);
      double[] fromZero = new double[n];
      NonnegativeQuadratic.solve(p[0], p[1], fromZero);
      assertKkt(p[0], p[1], fromZero);
      boolean[] support = new boolean[n];
      boolean[] every = new boolean[n];
      boolean[] complement = new boolean[n];
      int positive = 0;
      for (int r = 0; r < n; r++) {
        support[r] = fromZero[r] > 0.0;
        every[r] = true;
        complement[r] = !support[r];
        positive += support[r] ? 1 : 0;
      }
      assertTrue(positive > 0 && positive < n, "seed " + seed + ": a problem with active bounds (" + positive
          + " of " + n + " positive)");
      double largest = 0.0;
      for (double v : fromZero) {
        largest = Math.max(largest, v);
      }
      for (boolean[] guess : new boolean[][] {support, every, complement, new boolean[n]}) {
        double[] warm = new double[n];
        NonnegativeQuadratic.solve(p[0], p[1], warm, guess);
        assertKkt(p[0], p[1], warm);
        assertArrayEquals(fromZero, warm, 1e-9 * largest, "seed " + seed);
      }
    }
  }
}
