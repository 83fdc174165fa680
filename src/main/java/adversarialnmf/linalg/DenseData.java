package adversarialnmf.linalg;

import java.io.Serializable;
import java.util.Arrays;

/** A dense Y: wraps a {@link DenseMatrix} of shape m x N. */
public final class DenseData implements DataMatrix, Serializable {

  private static final long serialVersionUID = -3094861153077404721L;

  private final DenseMatrix y;
  private final MissingEntries missing;

  public DenseData(DenseMatrix y) {
    this(y, MissingEntries.none(y.rows(), y.cols()));
  }

  /** Y with the given entries missing; sets them to 0 in y (which it wraps, not copies). */
  public DenseData(DenseMatrix y, MissingEntries missing) {
    missing.requireShape(y.rows(), y.cols());
    missing.fill(y, 0.0);
    this.y = y;
    this.missing = missing;
  }

  @Override
  public MissingEntries missing() {
    return missing;
  }

  /** The wrapped matrix itself (not a copy). */
  public DenseMatrix matrix() {
    return y;
  }

  @Override
  public int rows() {
    return y.rows();
  }

  @Override
  public int cols() {
    return y.cols();
  }

  @Override
  public void times(DenseMatrix b, DenseMatrix out) {
    MatrixOps.multiply(y, b, out);
  }

  @Override
  public void times(DenseMatrix b, DenseMatrix out, Parallelism parallelism) {
    MatrixOps.multiply(y, b, out, parallelism);
  }

  @Override
  public void transposeTimes(DenseMatrix b, DenseMatrix out) {
    MatrixOps.multiplyTransposeA(y, b, out);
  }

  @Override
  public void transposeTimes(DenseMatrix b, DenseMatrix out, Parallelism parallelism) {
    MatrixOps.multiplyTransposeA(y, b, out, parallelism);
  }

  @Override
  public double squaredNorm() {
    return MatrixOps.accurateSumOfSquares(y.data());
  }

  @Override
  public double[] columnSquaredNorms() {
    int m = y.rows();
    int n = y.cols();
    double[] d = y.data();
    double[] out = new double[n];
    for (int i = 0; i < m; i++) {
      int base = i * n;
      for (int j = 0; j < n; j++) {
        double v = d[base + j];
        out[j] += v * v;
      }
    }
    return out;
  }

  @Override
  public double sum() {
    double s = 0.0;
    for (double v : y.data()) {
      s += v;
    }
    return s;
  }

  @Override
  public double max() {
    double[] d = y.data();
    if (d.length == 0) {
      return 0.0;
    }
    return Arrays.stream(d).max().getAsDouble();
  }

  @Override
  public long storedEntries() {
    return (long) y.rows() * y.cols();
  }

  @Override
  public boolean isSparse() {
    return false;
  }

  @Override
  public DenseMatrix toDense() {
    return y.copy();
  }

  @Override
  public void column(int j, double[] out) {
    int m = y.rows();
    int n = y.cols();
    double[] d = y.data();
    for (int i = 0; i < m; i++) {
      out[i] = d[i * n + j];
    }
  }

  @Override
  public DataMatrix scaled(double s) {
    DenseMatrix c = y.copy();
    MatrixOps.scale(c, s);
    return new DenseData(c, missing);
  }

  @Override
  public DataMatrix rescaled(double[] attributeWeights, double[] instanceDivisors, double s) {
    int m = y.rows();
    int n = y.cols();
    double[] from = y.data();
    double[] to = new double[from.length];
    for (int i = 0; i < m; i++) {
      double weight = attributeWeights == null ? 1.0 : attributeWeights[i];
      for (int j = 0, p = i * n; j < n; j++, p++) {
        to[p] = (from[p] * weight / (instanceDivisors == null ? 1.0 : instanceDivisors[j])) * s;
      }
    }
    return new DenseData(new DenseMatrix(m, n, to), missing);
  }
}
