package adversarialnmf.features;

import adversarialnmf.linalg.DenseMatrix;
import java.util.Arrays;
import java.util.Comparator;

/** What each basis column is made of when the attributes are not pixels: its largest entries. */
public final class TopAttributes {

  private TopAttributes() {
  }

  /**
   * The row indices of the {@code count} largest entries of column {@code column} of
   * {@code basis}, largest first (ties by row index); fewer if the basis has fewer rows.
   */
  public static int[] ofColumn(DenseMatrix basis, int column, int count) {
    if (column < 0 || column >= basis.cols()) {
      throw new IllegalArgumentException("column " + column + " is outside 0.." + (basis.cols() - 1));
    }
    Integer[] rows = new Integer[basis.rows()];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = i;
    }
    Arrays.sort(rows, Comparator.comparingDouble((Integer i) -> -basis.get(i, column)).thenComparingInt(i -> i));
    int n = Math.min(Math.max(count, 0), rows.length);
    int[] out = new int[n];
    for (int k = 0; k < n; k++) {
      out[k] = rows[k];
    }
    return out;
  }
}
