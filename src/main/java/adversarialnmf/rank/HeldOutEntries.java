package adversarialnmf.rank;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MissingEntries;
import adversarialnmf.solver.Factors;
import java.util.Arrays;
import java.util.Random;

/**
 * A random share of the observed entries of Y (m x N) hidden from a fit, with their values, so
 * that the model can be scored where it did not look (cross-validation of held-out entries, as
 * RcppML's {@code crossValidate}). Every entry is hidden independently with the given
 * probability, zeros of sparse data too: the model must predict where Y is 0 as well. Immutable.
 */
public final class HeldOutEntries {

  /** The positions, by instance (rows increasing within a column). */
  private final MissingEntries positions;
  /** Y at each position, in the same order. */
  private final double[] values;

  private HeldOutEntries(MissingEntries positions, double[] values) {
    this.positions = positions;
    this.values = values;
  }

  /** Throws unless 0 &lt; share &lt; 1. */
  public static void requireShare(double share) {
    if (!(share > 0.0 && share < 1.0)) {
      throw new IllegalArgumentException("the share of held-out entries must lie strictly between 0 and 1, got "
          + share);
    }
  }

  /**
   * Hides each observed entry of y with probability {@code share}, drawing one uniform number per
   * observed entry in instance order.
   */
  public static HeldOutEntries draw(DataMatrix y, double share, Random random) {
    requireShare(share);
    int m = y.rows();
    int count = y.cols();
    MissingEntries missing = y.missing();
    double[] column = new double[m];
    int[] colStart = new int[count + 1];
    int[] rows = new int[16];
    double[] held = new double[16];
    int size = 0;
    for (int j = 0; j < count; j++) {
      y.column(j, column);
      int[] gaps = missing.rowsOfColumn(j);
      int g = 0;
      for (int i = 0; i < m; i++) {
        if (g < gaps.length && gaps[g] == i) {
          g++;
          continue;
        }
        if (random.nextDouble() < share) {
          if (size == rows.length) {
            rows = Arrays.copyOf(rows, 2 * size);
            held = Arrays.copyOf(held, 2 * size);
          }
          rows[size] = i;
          held[size++] = column[i];
        }
      }
      colStart[j + 1] = size;
    }
    if (size == 0) {
      throw new IllegalArgumentException("no entry of the " + m + " x " + count + " data was held out at share "
          + share + "; raise the share");
    }
    return new HeldOutEntries(MissingEntries.ofColumns(m, count, colStart, Arrays.copyOf(rows, size)),
        Arrays.copyOf(held, size));
  }

  /** The held-out positions (instance j's are {@code positions().rowsOfColumn(j)}). */
  public MissingEntries positions() {
    return positions;
  }

  /** The number of held-out entries. */
  public int count() {
    return values.length;
  }

  /** (1/|H|) Σ_{(i,j) held out} (y_ij − a_i·x_j)², the model A X in the units of Y. */
  public double meanSquaredError(Factors model) {
    DenseMatrix a = model.basis();
    DenseMatrix xt = model.coefficients().transpose();
    double[] predicted = new double[values.length];
    positions.modelValues(a, xt, predicted);
    double sum = 0.0;
    for (int p = 0; p < values.length; p++) {
      double residual = values[p] - predicted[p];
      sum += residual * residual;
    }
    return sum / values.length;
  }
}
