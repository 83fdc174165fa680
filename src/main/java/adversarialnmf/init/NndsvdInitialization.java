package adversarialnmf.init;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;
import adversarialnmf.linalg.OverflowSafe;
import adversarialnmf.solver.Factors;
import adversarialnmf.solver.FitInterruptedException;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
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

  /**
   * An orthonormal basis of b's columns (rows x cols, cols small), by modified Gram-Schmidt applied
   * twice, which is as accurate as Householder QR here (Giraud et al. 2005, "twice is enough"). Written
   * by hand because Commons Math's QR forms the full rows x rows Q: 7 GB for 30,000 terms. A column
   * that lies in the span of the earlier ones (rank-deficient data) becomes zero.
   */
  static DenseMatrix orthonormalColumns(DenseMatrix b) {
    int rows = b.rows();
    int cols = b.cols();
    double[][] q = new double[cols][];
    for (int j = 0; j < cols; j++) {
      double[] v = b.column(j);
      double original = OverflowSafe.norm(v);
      for (int pass = 0; pass < 2; pass++) {
        for (int k = 0; k < j; k++) {
          double dot = 0.0;
          for (int i = 0; i < rows; i++) {
            dot += q[k][i] * v[i];
          }
          for (int i = 0; i < rows; i++) {
            v[i] -= dot * q[k][i];
          }
        }
      }
      double norm = OverflowSafe.norm(v);
      boolean independent = norm > RANK_TOLERANCE * original;
      for (int i = 0; i < rows; i++) {
        v[i] = independent ? v[i] / norm : 0.0;
      }
      q[j] = v;
    }
    DenseMatrix out = new DenseMatrix(rows, cols);
    double[] d = out.data();
    for (int j = 0; j < cols; j++) {
      for (int i = 0; i < rows; i++) {
        d[i * cols + j] = q[j][i];
      }
    }
    return out;
  }

  /** Relative norm below which an orthogonalised column counts as dependent on the earlier ones. */
  static final double RANK_TOLERANCE = 1e-12;

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
