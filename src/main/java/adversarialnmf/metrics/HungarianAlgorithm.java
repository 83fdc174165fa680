package adversarialnmf.metrics;

import java.util.Arrays;

/**
 * Minimum-cost assignment (Kuhn–Munkres) in O(r² c) time for an r x c cost matrix with r ≤ c, by
 * shortest augmenting paths with row and column potentials: each row is added in turn and the
 * cheapest alternating path from it to a free column is found Dijkstra-style on reduced costs.
 * Rectangular matrices are allowed; with more rows than columns the problem is solved on the
 * transpose and the surplus rows stay unassigned.
 */
public final class HungarianAlgorithm {

  private HungarianAlgorithm() {}

  /**
   * @param cost row-major {@code rows x cols} costs (finite; negative allowed)
   * @return for each row the column it is assigned to, or -1 if the row is left unassigned (only
   *     when {@code rows > cols}); the total cost over assigned rows is minimal
   */
  public static int[] minimumCostAssignment(double[] cost, int rows, int cols) {
    if (rows < 0 || cols < 0 || cost.length != rows * cols) {
      throw new IllegalArgumentException(
          "cost array of length " + cost.length + " does not match " + rows + " x " + cols);
    }
    for (int i = 0; i < cost.length; i++) {
      if (!Double.isFinite(cost[i])) {
        throw new IllegalArgumentException(
            "cost at (" + i / cols + ", " + i % cols + ") is not finite: " + cost[i]);
      }
    }
    if (rows <= cols) {
      return solveWide(cost, rows, cols);
    }
    double[] transposed = new double[cost.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        transposed[c * rows + r] = cost[r * cols + c];
      }
    }
    int[] columnToRow = solveWide(transposed, cols, rows);
    int[] rowToColumn = new int[rows];
    Arrays.fill(rowToColumn, -1);
    for (int c = 0; c < cols; c++) {
      rowToColumn[columnToRow[c]] = c;
    }
    return rowToColumn;
  }

  /**
   * Maximum-weight assignment, e.g. of clusters to classes by their shared instance counts.
   *
   * @return for each row its column, or -1 when there are more rows than columns and the row is
   *     left out
   */
  public static int[] maximumWeightAssignment(double[] weight, int rows, int cols) {
    double[] negated = new double[weight.length];
    for (int i = 0; i < weight.length; i++) {
      negated[i] = -weight[i];
    }
    return minimumCostAssignment(negated, rows, cols);
  }

  /** Rows ≤ cols: every row gets a distinct column. Arrays are 1-based; index 0 is the virtual root. */
  private static int[] solveWide(double[] cost, int rows, int cols) {
    double[] rowPotential = new double[rows + 1];
    double[] columnPotential = new double[cols + 1];
    int[] rowOfColumn = new int[cols + 1]; // 0 = column free
    int[] previousColumn = new int[cols + 1];
    double[] slack = new double[cols + 1];
    boolean[] visited = new boolean[cols + 1];
    for (int row = 1; row <= rows; row++) {
      rowOfColumn[0] = row;
      int column = 0;
      Arrays.fill(slack, Double.POSITIVE_INFINITY);
      Arrays.fill(visited, false);
      do {
        visited[column] = true;
        int frontRow = rowOfColumn[column];
        double delta = Double.POSITIVE_INFINITY;
        int nextColumn = -1;
        int base = (frontRow - 1) * cols;
        for (int c = 1; c <= cols; c++) {
          if (visited[c]) {
            continue;
          }
          double reduced = cost[base + c - 1] - rowPotential[frontRow] - columnPotential[c];
          if (reduced < slack[c]) {
            slack[c] = reduced;
            previousColumn[c] = column;
          }
          if (slack[c] < delta) {
            delta = slack[c];
            nextColumn = c;
          }
        }
        for (int c = 0; c <= cols; c++) {
          if (visited[c]) {
            rowPotential[rowOfColumn[c]] += delta;
            columnPotential[c] -= delta;
          } else {
            slack[c] -= delta;
          }
        }
        column = nextColumn;
      } while (rowOfColumn[column] != 0);
      // flip the alternating path back to the root
      do {
        int previous = previousColumn[column];
        rowOfColumn[column] = rowOfColumn[previous];
        column = previous;
      } while (column != 0);
    }
    int[] assignment = new int[rows];
    for (int c = 1; c <= cols; c++) {
      if (rowOfColumn[c] != 0) {
        assignment[rowOfColumn[c] - 1] = c - 1;
      }
    }
    return assignment;
  }
}
