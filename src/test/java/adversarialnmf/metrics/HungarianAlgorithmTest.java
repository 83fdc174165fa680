package adversarialnmf.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HungarianAlgorithmTest {

  @Test
  void matchesBruteForceOnRandomSquareAndRectangularMatrices() {
    Random random = new Random(42);
    for (int trial = 0; trial < 400; trial++) {
      int rows = 1 + random.nextInt(6);
      int cols = 1 + random.nextInt(6);
      double[] cost = new double[rows * cols];
      for (int i = 0; i < cost.length; i++) {
        // small integers make ties common, which is where augmenting-path bugs hide
        cost[i] = random.nextInt(7) - 3;
      }
      int[] assignment = HungarianAlgorithm.minimumCostAssignment(cost, rows, cols);
      assertValidAssignment(assignment, rows, cols);
      assertEquals(bruteForceMinimum(cost, rows, cols), totalCost(cost, cols, assignment), 1e-9,
          "trial " + trial + " (" + rows + " x " + cols + ")");
    }
  }

  @Test
  void maximumWeightBeatsTheGreedyChoice() {
    // greedy takes the 3 and is left with 0 (total 3); the optimum crosses over (2 + 2)
    double[] weight = {3, 2, 2, 0};
    assertArrayEquals(new int[] {1, 0}, HungarianAlgorithm.maximumWeightAssignment(weight, 2, 2));
  }

  @Test
  void tallMatrixLeavesSurplusRowsUnassigned() {
    double[] cost = {5, 1, 0, 9, 2, 2};
    int[] assignment = HungarianAlgorithm.minimumCostAssignment(cost, 3, 2);
    // rows 1 (0 at column 0) and 0 (1 at column 1) are cheapest: total 1
    assertArrayEquals(new int[] {1, 0, -1}, assignment);
  }

  @Test
  void rejectsMismatchedShapeAndNonFiniteCosts() {
    IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
        () -> HungarianAlgorithm.minimumCostAssignment(new double[5], 2, 3));
    assertTrue(shape.getMessage().contains("2 x 3"), shape.getMessage());
    IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
        () -> HungarianAlgorithm.minimumCostAssignment(new double[] {1, Double.NaN}, 1, 2));
    assertTrue(nan.getMessage().contains("(0, 1)"), nan.getMessage());
  }

  private static void assertValidAssignment(int[] assignment, int rows, int cols) {
    assertEquals(rows, assignment.length);
    boolean[] used = new boolean[cols];
    int assigned = 0;
    for (int column : assignment) {
      if (column >= 0) {
        assertTrue(column < cols);
        assertTrue(!used[column], "column " + column + " used twice");
        used[column] = true;
        assigned++;
      }
    }
    assertEquals(Math.min(rows, cols), assigned);
  }

  private static double totalCost(double[] cost, int cols, int[] assignment) {
    double total = 0.0;
    for (int r = 0; r < assignment.length; r++) {
      if (assignment[r] >= 0) {
        total += cost[r * cols + assignment[r]];
      }
    }
    return total;
  }

  /** Tries every injective map of the smaller side into the larger one. */
  private static double bruteForceMinimum(double[] cost, int rows, int cols) {
    if (rows <= cols) {
      return search(cost, rows, cols, 0, new boolean[cols], false);
    }
    return search(cost, cols, rows, 0, new boolean[rows], true);
  }

  private static double search(double[] cost, int small, int large, int index, boolean[] used, boolean transposed) {
    if (index == small) {
      return 0.0;
    }
    double best = Double.POSITIVE_INFINITY;
    for (int j = 0; j < large; j++) {
      if (!used[j]) {
        used[j] = true;
        int origCols = transposed ? small : large;
        double c = transposed ? cost[j * origCols + index] : cost[index * origCols + j];
        best = Math.min(best, c + search(cost, small, large, index + 1, used, transposed));
        used[j] = false;
      }
    }
    return best;
  }
}
