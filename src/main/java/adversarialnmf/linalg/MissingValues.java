package adversarialnmf.linalg;

import adversarialnmf.Choice;
import java.util.Arrays;

/**
 * What a fit does with the missing entries of Y ({@link DataMatrix#missing()}): fit only the
 * observed entries (a masked loss), fill each with the mean of its attribute first, or refuse.
 */
public enum MissingValues implements Choice {
  /** Fit only the observed entries, W ∘ (Y − AX) with W the 0/1 mask of observed entries. */
  MASK("mask", "fit only the observed entries (masked loss)"),
  /** Replace each missing entry by the mean of the observed values of its attribute. */
  MEAN("mean", "replace each by the mean of its attribute's observed values"),
  /** Refuse data with missing values. */
  REFUSE("refuse", "refuse data with missing values");

  private final String key;
  private final String description;

  MissingValues(String key, String description) {
    this.key = key;
    this.description = description;
  }

  /** The short name used on the command line. */
  @Override
  public String key() {
    return key;
  }

  @Override
  public String description() {
    return description;
  }

  /** Y as the fit should see it: unchanged for {@link #MASK} and {@link #REFUSE}, imputed for {@link #MEAN}. */
  public DataMatrix prepare(DataMatrix y) {
    return this == MEAN ? imputeAttributeMeans(y) : y;
  }

  /**
   * Y with each missing entry replaced by the mean of the observed entries of its attribute (0
   * for an attribute with none observed) and no entry missing; Y itself if none is missing. A
   * sparse Y stays sparse: only the missing entries are added to its storage.
   */
  public static DataMatrix imputeAttributeMeans(DataMatrix y) {
    MissingEntries missing = y.missing();
    if (missing.isEmpty()) {
      return y;
    }
    int m = y.rows();
    int count = y.cols();
    double[] means = attributeMeans(y);
    if (y instanceof DenseData) {
      DenseMatrix filled = ((DenseData) y).matrix().copy();
      double[] d = filled.data();
      for (int j = 0; j < count; j++) {
        for (int i : missing.rowsOfColumn(j)) {
          d[i * count + j] = means[i];
        }
      }
      return new DenseData(filled);
    }
    if (!(y instanceof SparseData)) {
      throw new IllegalArgumentException("mean imputation supports dense and sparse data, got "
          + y.getClass().getName());
    }
    SparseData sparse = (SparseData) y;
    int[] start = sparse.columnStarts();
    int[] rows = sparse.rowIndices();
    double[] values = sparse.storedValues();
    int[] newStart = new int[count + 1];
    int[] newRows = new int[rows.length + missing.count()];
    double[] newValues = new double[newRows.length];
    int q = 0;
    for (int j = 0; j < count; j++) {
      int[] gaps = missing.rowsOfColumn(j);
      int p = start[j];
      int g = 0;
      while (p < start[j + 1] || g < gaps.length) {
        boolean takeStored = g == gaps.length || (p < start[j + 1] && rows[p] < gaps[g]);
        if (takeStored) {
          newRows[q] = rows[p];
          newValues[q++] = values[p++];
        } else {
          if (p < start[j + 1] && rows[p] == gaps[g]) {
            p++; // a stored 0 at a missing entry
          }
          newRows[q] = gaps[g];
          newValues[q++] = means[gaps[g++]];
        }
      }
      newStart[j + 1] = q;
    }
    return new SparseData(m, count, newStart, Arrays.copyOf(newRows, q), Arrays.copyOf(newValues, q));
  }

  /** The mean of the observed entries of each attribute (row of Y); 0 where none is observed. */
  public static double[] attributeMeans(DataMatrix y) {
    int m = y.rows();
    int count = y.cols();
    DenseMatrix ones = new DenseMatrix(count, 1);
    Arrays.fill(ones.data(), 1.0);
    double[] sums = y.times(ones).data(); // missing entries hold 0
    MissingEntries missing = y.missing();
    double[] means = new double[m];
    for (int i = 0; i < m; i++) {
      int observed = count - missing.countInRow(i);
      means[i] = observed > 0 ? sums[i] / observed : 0.0;
    }
    return means;
  }
}
