package adversarialnmf.linalg;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The entries of Y (m x N) that were not observed, Ω̄, held by instance (compressed sparse
 * columns) and by attribute, so that a masked fit Σ_{(i,j) observed} (y_ij − a_i·x_j)² costs the
 * unmasked products plus O(|Ω̄| n): the data matrix stores 0 at every missing entry, and the model
 * values a_i·x_j at the missing entries are subtracted where the unmasked formulas count them
 * (see docs/MISSING.md). Immutable.
 */
public final class MissingEntries implements Serializable {

  private static final long serialVersionUID = 6049713722211374208L;

  private final int rows;
  private final int cols;
  private final int[] colStart;
  private final int[] rowIndex;
  /** By attribute: entries {@code rowStart[i] .. rowStart[i+1])} of {@link #colIndex}, columns increasing. */
  private final int[] rowStart;
  private final int[] colIndex;
  /** For each by-attribute entry, its position in the by-instance order. */
  private final int[] positionByRow;

  private MissingEntries(int rows, int cols, int[] colStart, int[] rowIndex) {
    this.rows = rows;
    this.cols = cols;
    this.colStart = colStart;
    this.rowIndex = rowIndex;
    int count = rowIndex.length;
    this.rowStart = new int[rows + 1];
    for (int r : rowIndex) {
      rowStart[r + 1]++;
    }
    for (int i = 0; i < rows; i++) {
      rowStart[i + 1] += rowStart[i];
    }
    this.colIndex = new int[count];
    this.positionByRow = new int[count];
    int[] next = Arrays.copyOf(rowStart, rows);
    for (int j = 0; j < cols; j++) {
      for (int p = colStart[j]; p < colStart[j + 1]; p++) {
        int q = next[rowIndex[p]]++;
        colIndex[q] = j;
        positionByRow[q] = p;
      }
    }
  }

  /** No entry missing, for data of any shape. */
  public static MissingEntries none(int rows, int cols) {
    return new MissingEntries(rows, cols, new int[cols + 1], new int[0]);
  }

  /**
   * Takes ownership of the compressed-column arrays: column j's missing rows are
   * {@code rowIndex[colStart[j] .. colStart[j+1])}, strictly increasing.
   */
  public static MissingEntries ofColumns(int rows, int cols, int[] colStart, int[] rowIndex) {
    if (colStart.length != cols + 1 || colStart[0] != 0 || colStart[cols] != rowIndex.length) {
      throw new IllegalArgumentException("inconsistent compressed-column arrays of missing entries");
    }
    for (int j = 0; j < cols; j++) {
      for (int p = colStart[j]; p < colStart[j + 1]; p++) {
        if (rowIndex[p] < 0 || rowIndex[p] >= rows || (p > colStart[j] && rowIndex[p] <= rowIndex[p - 1])) {
          throw new IllegalArgumentException("missing entries of column " + j + ": row " + rowIndex[p]
              + " out of order or outside 0.." + (rows - 1));
        }
      }
    }
    return new MissingEntries(rows, cols, colStart, rowIndex);
  }

  /** The entries of a dense m x N matrix that are NaN (tests and small data). */
  public static MissingEntries ofNaN(DenseMatrix y) {
    int m = y.rows();
    int n = y.cols();
    int[] start = new int[n + 1];
    int[] index = new int[m * n];
    int p = 0;
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < m; i++) {
        if (Double.isNaN(y.get(i, j))) {
          index[p++] = i;
        }
      }
      start[j + 1] = p;
    }
    return new MissingEntries(m, n, start, Arrays.copyOf(index, p));
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  /** |Ω̄|, the number of missing entries. */
  public int count() {
    return rowIndex.length;
  }

  public boolean isEmpty() {
    return rowIndex.length == 0;
  }

  /** True if entry (i, j) is missing. */
  public boolean isMissing(int i, int j) {
    return Arrays.binarySearch(rowIndex, colStart[j], colStart[j + 1], i) >= 0;
  }

  /** The missing entries of instance j. */
  public int countInColumn(int j) {
    return colStart[j + 1] - colStart[j];
  }

  /** The missing entries of attribute i. */
  public int countInRow(int i) {
    return rowStart[i + 1] - rowStart[i];
  }

  /** Missing rows of column j (a copy). */
  public int[] rowsOfColumn(int j) {
    return Arrays.copyOfRange(rowIndex, colStart[j], colStart[j + 1]);
  }

  /** Sets the missing entries of the dense m x N matrix to {@code value} (0 for the masked form). */
  public void fill(DenseMatrix y, double value) {
    requireShape(y.rows(), y.cols());
    double[] d = y.data();
    for (int j = 0; j < cols; j++) {
      for (int p = colStart[j]; p < colStart[j + 1]; p++) {
        d[rowIndex[p] * cols + j] = value;
      }
    }
  }

  /**
   * out[p] = a_i · x_j at every missing entry p (in instance order), for A (m x n) and Xᵀ (N x n);
   * returns Σ_p out[p]², the part of ‖Y − AX‖² (Y zero there) that the masked loss leaves out.
   */
  public double modelValues(DenseMatrix a, DenseMatrix xt, double[] out) {
    int n = a.cols();
    requireFactors(a, xt, out);
    double[] ad = a.data();
    double[] xd = xt.data();
    double squares = 0.0;
    for (int j = 0; j < cols; j++) {
      int xBase = j * n;
      for (int p = colStart[j]; p < colStart[j + 1]; p++) {
        int aBase = rowIndex[p] * n;
        double v = 0.0;
        for (int r = 0; r < n; r++) {
          v += ad[aBase + r] * xd[xBase + r];
        }
        out[p] = v;
        squares += v * v;
      }
    }
    return squares;
  }

  /** squares[j] = Σ_{i missing in j} values[p]², for model values from {@link #modelValues}. */
  public void columnSquares(double[] values, double[] squares) {
    for (int j = 0; j < cols; j++) {
      double s = 0.0;
      for (int p = colStart[j]; p < colStart[j + 1]; p++) {
        s += values[p] * values[p];
      }
      squares[j] = s;
    }
  }

  /** out (N x n) −= Cᵀ B for the sparse C (m x N) holding {@code values} at the missing entries, B m x n. */
  public void subtractTransposeProduct(double[] values, DenseMatrix b, DenseMatrix out) {
    subtractTransposeProduct(1.0, values, b, out);
  }

  /** out (N x n) −= s Cᵀ B; see {@link #subtractTransposeProduct(double[], DenseMatrix, DenseMatrix)}. */
  public void subtractTransposeProduct(double s, double[] values, DenseMatrix b, DenseMatrix out) {
    int n = b.cols();
    if (b.rows() != rows || out.rows() != cols || out.cols() != n || values.length != count()) {
      throw new IllegalArgumentException("C^T B with C " + rows + "x" + cols + ", B " + b.shape()
          + ", out " + out.shape());
    }
    double[] bd = b.data();
    double[] od = out.data();
    for (int j = 0; j < cols; j++) {
      int oBase = j * n;
      for (int p = colStart[j]; p < colStart[j + 1]; p++) {
        double v = s * values[p];
        int bBase = rowIndex[p] * n;
        for (int r = 0; r < n; r++) {
          od[oBase + r] -= v * bd[bBase + r];
        }
      }
    }
  }

  /** out (m x n) −= C B for the sparse C (m x N) holding {@code values}, B (N x n), e.g. Xᵀ. */
  public void subtractProduct(double[] values, DenseMatrix b, DenseMatrix out) {
    int n = b.cols();
    if (b.rows() != cols || out.rows() != rows || out.cols() != n || values.length != count()) {
      throw new IllegalArgumentException("C B with C " + rows + "x" + cols + ", B " + b.shape()
          + ", out " + out.shape());
    }
    double[] bd = b.data();
    double[] od = out.data();
    for (int i = 0; i < rows; i++) {
      int oBase = i * n;
      for (int q = rowStart[i]; q < rowStart[i + 1]; q++) {
        double v = values[positionByRow[q]];
        int bBase = colIndex[q] * n;
        for (int r = 0; r < n; r++) {
          od[oBase + r] -= v * bd[bBase + r];
        }
      }
    }
  }

  /**
   * The Hessian of one row of a masked fit: Σ_k f_k f_kᵀ over the observed rows f_k of
   * {@code factor}, into {@code out} (n x n). For row {@code index} of A ({@code byAttribute}:
   * k runs over the instances observed in attribute {@code index}, factor = Xᵀ) or of Xᵀ (k over
   * the attributes observed in instance {@code index}, factor = A). {@code fullGram} = factorᵀ
   * factor; the missing part is subtracted from it when it is the smaller, else the observed part
   * is summed, so a row with few observed entries loses nothing to cancellation.
   */
  public void observedGram(int index, boolean byAttribute, DenseMatrix factor, DenseMatrix fullGram,
      DenseMatrix out) {
    int from = byAttribute ? rowStart[index] : colStart[index];
    int to = byAttribute ? rowStart[index + 1] : colStart[index + 1];
    int[] missingIndex = byAttribute ? colIndex : rowIndex;
    int total = factor.rows();
    int n = factor.cols();
    double[] fd = factor.data();
    double[] g = out.data();
    if (2 * (to - from) <= total) {
      out.assign(fullGram);
      for (int q = from; q < to; q++) {
        addOuterProduct(fd, missingIndex[q] * n, n, -1.0, g);
      }
      return;
    }
    java.util.Arrays.fill(g, 0.0);
    int q = from;
    for (int k = 0; k < total; k++) {
      if (q < to && missingIndex[q] == k) {
        q++;
        continue;
      }
      addOuterProduct(fd, k * n, n, 1.0, g);
    }
  }

  private static void addOuterProduct(double[] fd, int base, int n, double sign, double[] g) {
    for (int r = 0; r < n; r++) {
      double fr = sign * fd[base + r];
      if (fr == 0.0) {
        continue;
      }
      int gBase = r * n;
      for (int c = 0; c < n; c++) {
        g[gBase + c] += fr * fd[base + c];
      }
    }
  }

  private void requireFactors(DenseMatrix a, DenseMatrix xt, double[] out) {
    if (a.rows() != rows || xt.rows() != cols || a.cols() != xt.cols() || out.length != count()) {
      throw new IllegalArgumentException("factors A " + a.shape() + ", X^T " + xt.shape()
          + " and " + out.length + " values do not fit " + count() + " missing entries of "
          + rows + "x" + cols);
    }
  }

  /** Throws unless this mask is for an m x N matrix. */
  public void requireShape(int m, int n) {
    if (m != rows || n != cols) {
      throw new IllegalArgumentException("missing entries of a " + rows + "x" + cols
          + " matrix do not fit data " + m + "x" + n);
    }
  }
}
