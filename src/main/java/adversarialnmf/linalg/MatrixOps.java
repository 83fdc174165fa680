package adversarialnmf.linalg;

/**
 * Dense kernels on flat row-major arrays. Every product writes into a caller-supplied result so
 * solvers can allocate their workspaces once per fit; the allocating variants are conveniences.
 * Loops run in i-k-j order so the innermost reads are sequential.
 */
public final class MatrixOps {

  private MatrixOps() {
  }

  /** C = A B. */
  public static DenseMatrix multiply(DenseMatrix a, DenseMatrix b) {
    DenseMatrix c = new DenseMatrix(a.rows(), b.cols());
    multiply(a, b, c);
    return c;
  }

  /** C = A B, overwriting c. */
  public static void multiply(DenseMatrix a, DenseMatrix b, DenseMatrix c) {
    int m = a.rows();
    int k = a.cols();
    int n = b.cols();
    checkDims(b.rows() == k && c.rows() == m && c.cols() == n, "A B", a, b, c);
    double[] ad = a.data();
    double[] bd = b.data();
    double[] cd = c.data();
    java.util.Arrays.fill(cd, 0.0);
    for (int i = 0; i < m; i++) {
      int cBase = i * n;
      int aBase = i * k;
      for (int p = 0; p < k; p++) {
        double aip = ad[aBase + p];
        if (aip == 0.0) {
          continue;
        }
        int bBase = p * n;
        for (int j = 0; j < n; j++) {
          cd[cBase + j] += aip * bd[bBase + j];
        }
      }
    }
  }

  /** C = Aᵀ B. */
  public static DenseMatrix multiplyTransposeA(DenseMatrix a, DenseMatrix b) {
    DenseMatrix c = new DenseMatrix(a.cols(), b.cols());
    multiplyTransposeA(a, b, c);
    return c;
  }

  /** C = Aᵀ B without forming Aᵀ, overwriting c. */
  public static void multiplyTransposeA(DenseMatrix a, DenseMatrix b, DenseMatrix c) {
    int k = a.rows();
    int m = a.cols();
    int n = b.cols();
    checkDims(b.rows() == k && c.rows() == m && c.cols() == n, "A^T B", a, b, c);
    double[] ad = a.data();
    double[] bd = b.data();
    double[] cd = c.data();
    java.util.Arrays.fill(cd, 0.0);
    for (int p = 0; p < k; p++) {
      int aBase = p * m;
      int bBase = p * n;
      for (int i = 0; i < m; i++) {
        double api = ad[aBase + i];
        if (api == 0.0) {
          continue;
        }
        int cBase = i * n;
        for (int j = 0; j < n; j++) {
          cd[cBase + j] += api * bd[bBase + j];
        }
      }
    }
  }

  /** C = A Bᵀ. */
  public static DenseMatrix multiplyTransposeB(DenseMatrix a, DenseMatrix b) {
    DenseMatrix c = new DenseMatrix(a.rows(), b.rows());
    multiplyTransposeB(a, b, c);
    return c;
  }

  /** C = A Bᵀ without forming Bᵀ (row-by-row dot products), overwriting c. */
  public static void multiplyTransposeB(DenseMatrix a, DenseMatrix b, DenseMatrix c) {
    int m = a.rows();
    int k = a.cols();
    int n = b.rows();
    checkDims(b.cols() == k && c.rows() == m && c.cols() == n, "A B^T", a, b, c);
    double[] ad = a.data();
    double[] bd = b.data();
    double[] cd = c.data();
    for (int i = 0; i < m; i++) {
      int aBase = i * k;
      for (int j = 0; j < n; j++) {
        int bBase = j * k;
        double s = 0.0;
        for (int p = 0; p < k; p++) {
          s += ad[aBase + p] * bd[bBase + p];
        }
        cd[i * n + j] = s;
      }
    }
  }

  /** C ← C + s A Bᵀ without forming Bᵀ (row-by-row dot products). */
  public static void multiplyTransposeBAccumulate(double s, DenseMatrix a, DenseMatrix b, DenseMatrix c) {
    int m = a.rows();
    int k = a.cols();
    int n = b.rows();
    checkDims(b.cols() == k && c.rows() == m && c.cols() == n, "C + s A B^T", a, b, c);
    double[] ad = a.data();
    double[] bd = b.data();
    double[] cd = c.data();
    for (int i = 0; i < m; i++) {
      int aBase = i * k;
      int cBase = i * n;
      for (int j = 0; j < n; j++) {
        int bBase = j * k;
        double sum = 0.0;
        for (int p = 0; p < k; p++) {
          sum += ad[aBase + p] * bd[bBase + p];
        }
        cd[cBase + j] += s * sum;
      }
    }
  }

  /** out = Aᵀ, into a preallocated matrix of the transposed shape. */
  public static void transpose(DenseMatrix a, DenseMatrix out) {
    int r = a.rows();
    int c = a.cols();
    if (out.rows() != c || out.cols() != r) {
      throw new IllegalArgumentException("cannot transpose " + a.shape() + " into " + out.shape());
    }
    double[] ad = a.data();
    double[] od = out.data();
    for (int i = 0; i < r; i++) {
      int base = i * c;
      for (int j = 0; j < c; j++) {
        od[j * r + i] = ad[base + j];
      }
    }
  }

  /** Aᵀ A (cols x cols), the Gram matrix of the columns. */
  public static DenseMatrix gramOfColumns(DenseMatrix a) {
    return multiplyTransposeA(a, a);
  }

  /** A Aᵀ (rows x rows), the Gram matrix of the rows; call only where rows is small (the rank). */
  public static DenseMatrix gramOfRows(DenseMatrix a) {
    return multiplyTransposeB(a, a);
  }

  /** ‖A‖²_F. */
  public static double squaredNorm(DenseMatrix a) {
    double s = 0.0;
    for (double v : a.data()) {
      s += v * v;
    }
    return s;
  }

  /** ‖A − B‖²_F without allocating. */
  public static double squaredDistance(DenseMatrix a, DenseMatrix b) {
    a.requireSameShape(b);
    double[] ad = a.data();
    double[] bd = b.data();
    double s = 0.0;
    for (int i = 0; i < ad.length; i++) {
      double d = ad[i] - bd[i];
      s += d * d;
    }
    return s;
  }

  /** ⟨A, B⟩ = trace(Aᵀ B). */
  public static double dot(DenseMatrix a, DenseMatrix b) {
    a.requireSameShape(b);
    double[] ad = a.data();
    double[] bd = b.data();
    double s = 0.0;
    for (int i = 0; i < ad.length; i++) {
      s += ad[i] * bd[i];
    }
    return s;
  }

  /** A ← A + s B. */
  public static void addScaled(DenseMatrix a, double s, DenseMatrix b) {
    a.requireSameShape(b);
    double[] ad = a.data();
    double[] bd = b.data();
    for (int i = 0; i < ad.length; i++) {
      ad[i] += s * bd[i];
    }
  }

  /** A ← s A. */
  public static void scale(DenseMatrix a, double s) {
    double[] ad = a.data();
    for (int i = 0; i < ad.length; i++) {
      ad[i] *= s;
    }
  }

  /** A ← max(A, 0) entrywise. */
  public static void clipNegatives(DenseMatrix a) {
    double[] ad = a.data();
    for (int i = 0; i < ad.length; i++) {
      if (ad[i] < 0.0) {
        ad[i] = 0.0;
      }
    }
  }

  /** Adds {@code value} to each diagonal entry of the square matrix a. */
  public static void addToDiagonal(DenseMatrix a, double value) {
    if (a.rows() != a.cols()) {
      throw new IllegalArgumentException("diagonal shift needs a square matrix, got " + a.shape());
    }
    double[] ad = a.data();
    int n = a.rows();
    for (int i = 0; i < n; i++) {
      ad[i * n + i] += value;
    }
  }

  private static void checkDims(boolean ok, String op, DenseMatrix a, DenseMatrix b, DenseMatrix c) {
    if (!ok) {
      throw new IllegalArgumentException(
          "dimension mismatch in " + op + ": A " + a.shape() + ", B " + b.shape() + ", C " + c.shape());
    }
  }
}
