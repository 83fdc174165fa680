package adversarialnmf.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseData;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MissingEntries;
import adversarialnmf.solver.Factors;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Held-out entries: which are drawn, and the error on them against a sum written by hand. */
class HeldOutEntriesTest {

  /** A 12 x 9 matrix, a third of it zeros, with entries (1, 0) and (4, 7) missing. */
  private static DenseMatrix values() {
    Random random = new Random(5);
    DenseMatrix y = new DenseMatrix(12, 9);
    for (int i = 0; i < 12; i++) {
      for (int j = 0; j < 9; j++) {
        y.set(i, j, random.nextInt(3) == 0 ? 0.0 : random.nextDouble());
      }
    }
    return y;
  }

  private static MissingEntries twoMissing() {
    DenseMatrix marks = new DenseMatrix(12, 9);
    marks.set(1, 0, Double.NaN);
    marks.set(4, 7, Double.NaN);
    return MissingEntries.ofNaN(marks);
  }

  private static DenseMatrix random(int rows, int cols, Random random) {
    DenseMatrix m = new DenseMatrix(rows, cols);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        m.set(i, j, random.nextDouble());
      }
    }
    return m;
  }

  @Test
  void theErrorIsTheMeanSquaredResidualOnTheHeldOutEntriesComputedByHand() {
    DenseMatrix original = values();
    DataMatrix y = new DenseData(original.copy(), twoMissing());
    HeldOutEntries heldOut = HeldOutEntries.draw(y, 0.3, new Random(11));
    Random random = new Random(2);
    DenseMatrix a = random(12, 3, random);
    DenseMatrix x = random(3, 9, random);
    double sum = 0.0;
    int count = 0;
    for (int i = 0; i < 12; i++) {
      for (int j = 0; j < 9; j++) {
        if (heldOut.positions().isMissing(i, j)) {
          double model = 0.0;
          for (int r = 0; r < 3; r++) {
            model += a.get(i, r) * x.get(r, j);
          }
          sum += (original.get(i, j) - model) * (original.get(i, j) - model);
          count++;
        }
      }
    }
    assertEquals(count, heldOut.count());
    assertTrue(!heldOut.positions().isMissing(1, 0) && !heldOut.positions().isMissing(4, 7),
        "a missing entry is never held out");
    assertTrue(count > 10 && count < 60, count + " of 108 entries at share 0.3");
    assertEquals(sum / count, heldOut.meanSquaredError(new Factors(a, x)), 1e-14);
  }

  @Test
  void theSameGeneratorDrawsTheSameEntriesAndTheShareIsRespected() {
    DataMatrix y = new DenseData(new DenseMatrix(100, 100));
    HeldOutEntries first = HeldOutEntries.draw(y, 0.2, new Random(3));
    HeldOutEntries again = HeldOutEntries.draw(y, 0.2, new Random(3));
    assertEquals(first.count(), again.count());
    for (int j = 0; j < 100; j++) {
      assertEquals(java.util.Arrays.toString(first.positions().rowsOfColumn(j)),
          java.util.Arrays.toString(again.positions().rowsOfColumn(j)));
    }
    // binomial(10000, 0.2): standard deviation 40
    assertEquals(2000, first.count(), 160);
  }

  @Test
  void aShareOutsideTheOpenUnitIntervalIsRefused() {
    DataMatrix y = new DenseData(new DenseMatrix(3, 3));
    for (double share : new double[] {0.0, 1.0, -0.1, Double.NaN}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> HeldOutEntries.draw(y, share, new Random(1)));
      assertTrue(e.getMessage().contains("share") && e.getMessage().contains(String.valueOf(share)), e.getMessage());
    }
  }
}
