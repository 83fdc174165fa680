package adversarialnmf.linalg;

import java.util.Arrays;

/**
 * A sparse Y stored by instance (compressed sparse columns): column j holds the attribute indices
 * {@code rowIndex[colStart[j] .. colStart[j+1])} with their values. Matches Weka's sparse instances.
 */
public final class SparseData implements DataMatrix {

  private final int rows;
  private final int cols;
  private final int[] colStart;
  private final int[] rowIndex;
  private final double[] values;

  /** Takes ownership of the arrays; row indices within a column must be strictly increasing. */
  public SparseData(int rows, int cols, int[] colStart, int[] rowIndex, double[] values) {
    if (colStart.length != cols + 1 || rowIndex.length != values.length
        || colStart[cols] != values.length) {
      throw new IllegalArgumentException("inconsistent compressed-column arrays");
    }
    this.rows = rows;
    this.cols = cols;
    this.colStart = colStart;
    this.rowIndex = rowIndex;
    this.values = values;
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
    int k = b.cols();
    if (b.rows() != cols || out.rows() != rows || out.cols() != k) {
      throw new IllegalArgumentException("dimension mismatch in Y B: Y " + rows + "x" + cols
          + ", B " + b.shape() + ", out " + out.shape());
    }
    double[] bd = b.data();
    double[] od = out.data();
    Arrays.fill(od, 0.0);
    for (int j = 0; j < cols; j++) {
      int bBase = j * k;
      for (int p = colStart[j]; p < colStart[j + 1]; p++) {
        double v = values[p];
        int oBase = rowIndex[p] * k;
        for (int c = 0; c < k; c++) {
          od[oBase + c] += v * bd[bBase + c];
        }
      }
    }
  }

  @Override
  public void transposeTimes(DenseMatrix b, DenseMatrix out) {
    int k = b.cols();
    if (b.rows() != rows || out.rows() != cols || out.cols() != k) {
      throw new IllegalArgumentException("dimension mismatch in Y^T B: Y " + rows + "x" + cols
          + ", B " + b.shape() + ", out " + out.shape());
    }
    double[] bd = b.data();
    double[] od = out.data();
    Arrays.fill(od, 0.0);
    for (int j = 0; j < cols; j++) {
      int oBase = j * k;
      for (int p = colStart[j]; p < colStart[j + 1]; p++) {
        double v = values[p];
        int bBase = rowIndex[p] * k;
        for (int c = 0; c < k; c++) {
          od[oBase + c] += v * bd[bBase + c];
        }
      }
    }
  }

  @Override
  public double squaredNorm() {
    double s = 0.0;
    for (double v : values) {
      s += v * v;
    }
    return s;
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
    return new SparseData(rows, cols, colStart, rowIndex, v);
  }
}
