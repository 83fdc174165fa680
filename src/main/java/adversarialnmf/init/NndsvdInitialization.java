package adversarialnmf.init;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;
import adversarialnmf.linalg.OverflowSafe;
import adversarialnmf.solver.Factors;
import adversarialnmf.solver.FitInterruptedException;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * NNDSVD (Boutsidis &amp; Gallopoulos 2008): the positive parts of the leading singular pairs, with
 * zeros replaced by mean(Y)/100 ("NNDSVDa"-like) so that multiplicative updates can still move them.
 * The leading singular vectors come from a randomized range finder with power iterations
 * (Halko, Martinsson &amp; Tropp 2011), which touches Y only through Y B and Yᵀ B products.
 */
public final class NndsvdInitialization implements Initialization {

  static final int OVERSAMPLING = 10;
  static final int POWER_ITERATIONS = 4;

  @Override
  public Factors initialize(DataMatrix y, int rank, Random random) {
    int m = y.rows();
    int count = y.cols();
    int width = Math.min(Math.min(m, count), rank + OVERSAMPLING);
    DenseMatrix omega = new DenseMatrix(count, width);
    double[] od = omega.data();
    for (int i = 0; i < od.length; i++) {
      od[i] = random.nextGaussian();
    }
    DenseMatrix q = orthonormalColumns(y.times(omega));
    for (int p = 0; p < POWER_ITERATIONS; p++) {
      FitInterruptedException.checkInterrupted("NNDSVD's randomized SVD");
      DenseMatrix z = orthonormalColumns(y.transposeTimes(q));
      q = orthonormalColumns(y.times(z));
    }
    // Y ≈ Q Qᵀ Y = Q Bᵀᵀ with Bt = Yᵀ Q (N x width); the SVD of Bt gives Y's right vectors directly.
    DenseMatrix bt = y.transposeTimes(q);
    SingularValueDecomposition svd = new SingularValueDecomposition(new Array2DRowRealMatrix(bt.toArray(), false));
    double[] sigma = svd.getSingularValues();
    RealMatrix rightOfBt = svd.getV();      // width x width: Y's left vectors are Q times these
    RealMatrix leftOfBt = svd.getU();       // N x width: Y's right vectors
    DenseMatrix leftOfY = MatrixOps.multiply(q, new DenseMatrix(width, width, flatten(rightOfBt)));

    DenseMatrix a = new DenseMatrix(m, rank);
    DenseMatrix x = new DenseMatrix(rank, count);
    int usable = Math.min(rank, sigma.length);
    FitInterruptedException.checkInterrupted("NNDSVD's randomized SVD");
    for (int c = 0; c < usable; c++) {
      double[] u = leftOfY.column(c);
      double[] v = leftOfBt.getColumn(c);
      if (c == 0) {
        // The leading pair of a nonnegative matrix can be taken nonnegative (Perron-Frobenius).
        double sign = sum(u) < 0 ? -1.0 : 1.0;
        fill(a, x, c, u, v, sign, sigma[0]);
        continue;
      }
      double[] up = positivePart(u, 1.0);
      double[] un = positivePart(u, -1.0);
      double[] vp = positivePart(v, 1.0);
      double[] vn = positivePart(v, -1.0);
      double positive = OverflowSafe.norm(up) * OverflowSafe.norm(vp);
      double negative = OverflowSafe.norm(un) * OverflowSafe.norm(vn);
      boolean takePositive = positive >= negative;
      double[] uu = takePositive ? up : un;
      double[] vv = takePositive ? vp : vn;
      double weight = takePositive ? positive : negative;
      double nu = OverflowSafe.norm(uu);
      double nv = OverflowSafe.norm(vv);
      if (nu == 0.0 || nv == 0.0) {
        continue;
      }
      double scale = Math.sqrt(sigma[c] * weight);
      for (int i = 0; i < m; i++) {
        a.set(i, c, scale * uu[i] / nu);
      }
      for (int j = 0; j < count; j++) {
        x.set(c, j, scale * vv[j] / nv);
      }
    }
    double floor = y.sum() / ((double) m * count) / 100.0;
    replaceZeros(a, floor);
    replaceZeros(x, floor);
    return new Factors(a, x);
  }

  private static void fill(DenseMatrix a, DenseMatrix x, int c, double[] u, double[] v, double sign, double s) {
    double root = Math.sqrt(s);
    for (int i = 0; i < u.length; i++) {
      a.set(i, c, Math.max(0.0, sign * u[i]) * root);
    }
    for (int j = 0; j < v.length; j++) {
      x.set(c, j, Math.max(0.0, sign * v[j]) * root);
    }
  }

  private static DenseMatrix orthonormalColumns(DenseMatrix b) {
    QRDecomposition qr = new QRDecomposition(new Array2DRowRealMatrix(b.toArray(), false));
    RealMatrix q = qr.getQ().getSubMatrix(0, b.rows() - 1, 0, b.cols() - 1);
    return new DenseMatrix(b.rows(), b.cols(), flatten(q));
  }

  private static double[] flatten(RealMatrix r) {
    int rows = r.getRowDimension();
    int cols = r.getColumnDimension();
    double[] out = new double[rows * cols];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(r.getRow(i), 0, out, i * cols, cols);
    }
    return out;
  }

  private static double[] positivePart(double[] v, double sign) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = Math.max(0.0, sign * v[i]);
    }
    return out;
  }

  private static double sum(double[] v) {
    double s = 0.0;
    for (double e : v) {
      s += e;
    }
    return s;
  }

  private static void replaceZeros(DenseMatrix m, double value) {
    double[] d = m.data();
    for (int i = 0; i < d.length; i++) {
      if (d[i] == 0.0) {
        d[i] = value;
      }
    }
  }

  @Override
  public String describe() {
    return "NNDSVD (zeros filled with mean/100)";
  }
}
