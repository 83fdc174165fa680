package adversarialnmf.linalg;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A dense real matrix stored row-major in one flat array: entry (i, j) is {@code data[i * cols + j]}.
 * The one storage format of the math core; kernels in {@link MatrixOps} work on it directly.
 */
public final class DenseMatrix implements Serializable {

  private static final long serialVersionUID = 6113420735982120477L;

  private final int rows;
  private final int cols;
  private final double[] data;

  public DenseMatrix(int rows, int cols) {
    this(rows, cols, new double[checkedSize(rows, cols)]);
  }

  /** Wraps {@code data} (no copy); its length must be rows * cols. */
  public DenseMatrix(int rows, int cols, double[] data) {
    if (data.length != checkedSize(rows, cols)) {
      throw new IllegalArgumentException(
          "array of length " + data.length + " cannot hold a " + rows + "x" + cols + " matrix");
    }
    this.rows = rows;
    this.cols = cols;
    this.data = data;
  }

  private static int checkedSize(int rows, int cols) {
    if (rows < 0 || cols < 0) {
      throw new IllegalArgumentException("negative matrix size " + rows + "x" + cols);
    }
    long size = (long) rows * cols;
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "a " + rows + "x" + cols + " dense matrix exceeds the largest Java array");
    }
    return (int) size;
  }

  public static DenseMatrix fromRows(double[][] values) {
    int r = values.length;
    int c = r == 0 ? 0 : values[0].length;
    DenseMatrix m = new DenseMatrix(r, c);
    for (int i = 0; i < r; i++) {
      if (values[i].length != c) {
        throw new IllegalArgumentException("row " + i + " has " + values[i].length + " columns, expected " + c);
      }
      System.arraycopy(values[i], 0, m.data, i * c, c);
    }
    return m;
  }

  public static DenseMatrix identity(int n) {
    DenseMatrix m = new DenseMatrix(n, n);
    for (int i = 0; i < n; i++) {
      m.data[i * n + i] = 1.0;
    }
    return m;
  }

  public static DenseMatrix filled(int rows, int cols, double value) {
    DenseMatrix m = new DenseMatrix(rows, cols);
    Arrays.fill(m.data, value);
    return m;
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  /** The backing array itself (row-major), for kernels; not a copy. */
  public double[] data() {
    return data;
  }

  public double get(int i, int j) {
    return data[i * cols + j];
  }

  public void set(int i, int j, double value) {
    data[i * cols + j] = value;
  }

  public DenseMatrix copy() {
    return new DenseMatrix(rows, cols, data.clone());
  }

  /** Copies the contents of {@code other} (same shape) into this matrix. */
  public void assign(DenseMatrix other) {
    requireSameShape(other);
    System.arraycopy(other.data, 0, data, 0, data.length);
  }

  public DenseMatrix transpose() {
    DenseMatrix t = new DenseMatrix(cols, rows);
    MatrixOps.transpose(this, t);
    return t;
  }

  public double[][] toArray() {
    double[][] out = new double[rows][cols];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(data, i * cols, out[i], 0, cols);
    }
    return out;
  }

  public double[] row(int i) {
    return Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
  }

  public double[] column(int j) {
    double[] out = new double[rows];
    for (int i = 0; i < rows; i++) {
      out[i] = data[i * cols + j];
    }
    return out;
  }

  public void requireSameShape(DenseMatrix other) {
    if (other.rows != rows || other.cols != cols) {
      throw new IllegalArgumentException(
          "shape mismatch: " + rows + "x" + cols + " vs " + other.rows + "x" + other.cols);
    }
  }

  public String shape() {
    return rows + "x" + cols;
  }

  /** True if every entry is finite (no NaN, no infinity). */
  public boolean isFinite() {
    for (double v : data) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "DenseMatrix " + shape();
  }
}
