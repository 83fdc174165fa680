package adversarialnmf.linalg;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A sparse Y stored by instance (compressed sparse columns): column j holds the attribute indices
 * {@code rowIndex[colStart[j] .. colStart[j+1])} with their values. Matches Weka's sparse instances.
 */
public final class SparseData implements DataMatrix, Serializable {

  private static final long serialVersionUID = 5120390416716339170L;

  private final int rows;
  private final int cols;
  private final int[] colStart;
  private final int[] rowIndex;
  private final double[] values;
  private final MissingEntries missing;
  /** Rebuilt on first use after deserialisation (column blocks travel between machines). */
  private transient volatile RowCompressed byRow;

  /** Takes ownership of the arrays; row indices within a column must be strictly increasing. */
  public SparseData(int rows, int cols, int[] colStart, int[] rowIndex, double[] values) {
    this(rows, cols, colStart, rowIndex, values, MissingEntries.none(rows, cols));
  }

  /**
   * As {@link #SparseData(int, int, int[], int[], double[])}, with the given entries missing: an
   * entry absent from the arrays is an observed 0 unless it is missing; a missing entry must be
   * absent or stored as 0.
   */
  public SparseData(int rows, int cols, int[] colStart, int[] rowIndex, double[] values,
      MissingEntries missing) {
    if (colStart.length != cols + 1 || rowIndex.length != values.length
        || colStart[cols] != values.length) {
      throw new IllegalArgumentException("inconsistent compressed-column arrays");
    }
    if (colStart[0] != 0) {
      throw new IllegalArgumentException("compressed columns must start at 0, got " + colStart[0]);
    }
    for (int j = 0; j < cols; j++) {
      if (colStart[j + 1] < colStart[j]) {
        throw new IllegalArgumentException("column " + j + " ends before it starts");
      }
      for (int e = colStart[j]; e < colStart[j + 1]; e++) {
        boolean ordered = e == colStart[j] || rowIndex[e] > rowIndex[e - 1];
        if (rowIndex[e] < 0 || rowIndex[e] >= rows || !ordered) {
          throw new IllegalArgumentException("column " + j + " has row index " + rowIndex[e]
              + " out of order or outside 0.." + (rows - 1));
        }
      }
    }
    missing.requireShape(rows, cols);
    for (int j = 0; j < cols && !missing.isEmpty(); j++) {
      for (int e = colStart[j]; e < colStart[j + 1]; e++) {
        if (values[e] != 0.0 && missing.isMissing(rowIndex[e], j)) {
          throw new IllegalArgumentException("entry (" + rowIndex[e] + ", " + j
              + ") is both stored (" + values[e] + ") and missing");
        }
      }
    }
    this.rows = rows;
    this.cols = cols;
    this.colStart = colStart;
    this.rowIndex = rowIndex;
    this.values = values;
    this.missing = missing;
  }

  @Override
  public MissingEntries missing() {
    return missing;
  }

  /** Builds the compressed form from a dense matrix (mainly for tests). */
  public static SparseData fromDense(DenseMatrix y) {
    int m = y.rows();
    int n = y.cols();
    int[] start = new int[n + 1];
    int nnz = 0;
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < m; i++) {
        if (y.get(i, j) != 0.0) {
          nnz++;
        }
      }
      start[j + 1] = nnz;
    }
    int[] idx = new int[nnz];
    double[] val = new double[nnz];
    int p = 0;
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < m; i++) {
        double v = y.get(i, j);
        if (v != 0.0) {
          idx[p] = i;
          val[p++] = v;
        }
      }
    }
    return new SparseData(m, n, start, idx, val);
  }

  @Override
  public int rows() {
    return rows;
  }

  @Override
  public int cols() {
    return cols;
  }

  @Override
  public void times(DenseMatrix b, DenseMatrix out) {
    times(b, out, Parallelism.current());
  }

  /**
   * Y B as a gather over the rows of Y: each output row sums the rows of B named by one row of Y,
   * so rows split across tasks without write conflicts. Uses the compressed-row index built on
   * first use (one more copy of the stored entries, never a dense one).
   */
  @Override
  public void times(DenseMatrix b, DenseMatrix out, Parallelism parallelism) {
    int k = b.cols();
    if (b.rows() != cols || out.rows() != rows || out.cols() != k) {
      throw new IllegalArgumentException("dimension mismatch in Y B: Y " + rows + "x" + cols
          + ", B " + b.shape() + ", out " + out.shape());
    }
    RowCompressed byRow = rowCompressed();
    gather(byRow.rowStart, byRow.colIndex, byRow.values, rows, b, out, parallelism);
  }

  @Override
  public void transposeTimes(DenseMatrix b, DenseMatrix out) {
    transposeTimes(b, out, Parallelism.current());
  }

  /** Yᵀ B as a gather over the stored columns of Y (one output row per instance). */
  @Override
  public void transposeTimes(DenseMatrix b, DenseMatrix out, Parallelism parallelism) {
    int k = b.cols();
    if (b.rows() != rows || out.rows() != cols || out.cols() != k) {
      throw new IllegalArgumentException("dimension mismatch in Y^T B: Y " + rows + "x" + cols
          + ", B " + b.shape() + ", out " + out.shape());
    }
    gather(colStart, rowIndex, values, cols, b, out, parallelism);
  }

  private static void gather(int[] start, int[] index, double[] value, int outRows, DenseMatrix b,
      DenseMatrix out, Parallelism parallelism) {
    int k = b.cols();
    double[] bd = b.data();
    double[] od = out.data();
    int tasks = parallelism.tasksFor((long) start[outRows] * k, outRows);
    int[] bounds = Kernels.storedEntrySplit(start, outRows, tasks);
    parallelism.run(tasks,
        t -> Kernels.sparseGatherRows(start, index, value, bd, od, k, bounds[t], bounds[t + 1]));
  }

  /** The same entries stored by attribute (compressed rows), built once on first use. */
  private RowCompressed rowCompressed() {
    RowCompressed r = byRow;
    if (r == null) {
      synchronized (this) {
        r = byRow;
        if (r == null) {
          r = new RowCompressed(rows, cols, colStart, rowIndex, values);
          byRow = r;
        }
      }
    }
    return r;
  }

  /** Compressed rows: row i holds column indices {@code colIndex[rowStart[i] .. rowStart[i+1])}. */
  private static final class RowCompressed {
    final int[] rowStart;
    final int[] colIndex;
    final double[] values;

    RowCompressed(int rows, int cols, int[] colStart, int[] rowIndex, double[] columnValues) {
      int nnz = columnValues.length;
      rowStart = new int[rows + 1];
      for (int e = 0; e < nnz; e++) {
        rowStart[rowIndex[e] + 1]++;
      }
      for (int i = 0; i < rows; i++) {
        rowStart[i + 1] += rowStart[i];
      }
      colIndex = new int[nnz];
      values = new double[nnz];
      int[] next = Arrays.copyOf(rowStart, rows);
      // columns in increasing order, so the column indices of each row come out sorted
      for (int j = 0; j < cols; j++) {
        for (int e = colStart[j]; e < colStart[j + 1]; e++) {
          int pos = next[rowIndex[e]]++;
          colIndex[pos] = j;
          values[pos] = columnValues[e];
        }
      }
    }
  }

  @Override
  public double squaredNorm() {
    return MatrixOps.accurateSumOfSquares(values);
  }

  @Override
  public double[] columnSquaredNorms() {
    double[] out = new double[cols];
    for (int j = 0; j < cols; j++) {
      double s = 0.0;
      for (int p = colStart[j]; p < colStart[j + 1]; p++) {
        s += values[p] * values[p];
      }
      out[j] = s;
    }
    return out;
  }

  @Override
  public double sum() {
    double s = 0.0;
    for (double v : values) {
      s += v;
    }
    return s;
  }

  @Override
  public double max() {
    double best = 0.0;
    for (double v : values) {
      best = Math.max(best, v);
    }
    return best;
  }

  @Override
  public long storedEntries() {
    return values.length;
  }

  @Override
  public boolean isSparse() {
    return true;
  }

  @Override
  public DenseMatrix toDense() {
    DenseMatrix d = new DenseMatrix(rows, cols);
    double[] dd = d.data();
    for (int j = 0; j < cols; j++) {
      for (int p = colStart[j]; p < colStart[j + 1]; p++) {
        dd[rowIndex[p] * cols + j] = values[p];
      }
    }
    return d;
  }

  @Override
  public void column(int j, double[] out) {
    Arrays.fill(out, 0, rows, 0.0);
    for (int p = colStart[j]; p < colStart[j + 1]; p++) {
      out[rowIndex[p]] = values[p];
    }
  }

  /** Start offsets of the columns (length N+1); the array itself, for kernels. */
  public int[] columnStarts() {
    return colStart;
  }

  /** Row index of each stored entry; the array itself, for kernels. */
  public int[] rowIndices() {
    return rowIndex;
  }

  /** Value of each stored entry; the array itself, for kernels. */
  public double[] storedValues() {
    return values;
  }

  @Override
  public DataMatrix scaled(double s) {
    double[] v = values.clone();
    for (int i = 0; i < v.length; i++) {
      v[i] *= s;
    }
    return new SparseData(rows, cols, colStart, rowIndex, v, missing);
  }

  @Override
  public DataMatrix rescaled(double[] attributeWeights, double[] instanceDivisors, double s) {
    double[] v = new double[values.length];
    for (int j = 0; j < cols; j++) {
      double divisor = instanceDivisors == null ? 1.0 : instanceDivisors[j];
      for (int e = colStart[j]; e < colStart[j + 1]; e++) {
        v[e] = (values[e] * (attributeWeights == null ? 1.0 : attributeWeights[rowIndex[e]]) / divisor) * s;
      }
    }
    return new SparseData(rows, cols, colStart, rowIndex, v, missing);
  }
}
