package adversarialnmf.linalg;

/**
 * Dense kernels on flat row-major arrays. Every product writes into a caller-supplied result so
 * solvers can allocate their workspaces once per fit; the allocating variants are conveniences.
 * Products and Gram matrices go through the {@link Blas} in use: our kernels, split across threads
 * by {@link Parallelism} ({@link Parallelism#current()} unless a value is passed) and bit-for-bit the same for
 * every thread count, or the machine's BLAS. Transposed operands are read in place, never copied
 * whole.
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

  /** C = A B, overwriting c, on {@link Parallelism#current()}. */
  public static void multiply(DenseMatrix a, DenseMatrix b, DenseMatrix c) {
    multiply(a, b, c, Parallelism.current());
  }

  /** C = A B, overwriting c (which must not be a or b). */
  public static void multiply(DenseMatrix a, DenseMatrix b, DenseMatrix c, Parallelism parallelism) {
    int m = a.rows();
    int k = a.cols();
    int n = b.cols();
    checkDims(b.rows() == k && c.rows() == m && c.cols() == n, "A B", a, b, c);
    checkDistinct(c, a, b, "A B");
    Blas.selected().multiply(false, a, false, b, 1.0, false, c, parallelism);
  }

  /** C = Aᵀ B. */
  public static DenseMatrix multiplyTransposeA(DenseMatrix a, DenseMatrix b) {
    DenseMatrix c = new DenseMatrix(a.cols(), b.cols());
    multiplyTransposeA(a, b, c);
    return c;
  }

  /** C = Aᵀ B without forming Aᵀ, overwriting c, on {@link Parallelism#current()}. */
  public static void multiplyTransposeA(DenseMatrix a, DenseMatrix b, DenseMatrix c) {
    multiplyTransposeA(a, b, c, Parallelism.current());
  }

  /** C = Aᵀ B without forming Aᵀ, overwriting c (which must not be a or b). */
  public static void multiplyTransposeA(DenseMatrix a, DenseMatrix b, DenseMatrix c,
      Parallelism parallelism) {
    int k = a.rows();
    int m = a.cols();
    int n = b.cols();
    checkDims(b.rows() == k && c.rows() == m && c.cols() == n, "A^T B", a, b, c);
    checkDistinct(c, a, b, "A^T B");
    Blas.selected().multiply(true, a, false, b, 1.0, false, c, parallelism);
  }

  /** C = A Bᵀ. */
  public static DenseMatrix multiplyTransposeB(DenseMatrix a, DenseMatrix b) {
    DenseMatrix c = new DenseMatrix(a.rows(), b.rows());
    multiplyTransposeB(a, b, c);
    return c;
  }

  /** C = A Bᵀ without forming Bᵀ, overwriting c, on {@link Parallelism#current()}. */
  public static void multiplyTransposeB(DenseMatrix a, DenseMatrix b, DenseMatrix c) {
    multiplyTransposeB(a, b, c, Parallelism.current());
  }

  /**
   * C = A Bᵀ without forming Bᵀ, overwriting c (which must not be a or b); only panels of B of a
   * few hundred kilobytes are packed, per task.
   */
  public static void multiplyTransposeB(DenseMatrix a, DenseMatrix b, DenseMatrix c,
      Parallelism parallelism) {
    int m = a.rows();
    int k = a.cols();
    int n = b.rows();
    checkDims(b.cols() == k && c.rows() == m && c.cols() == n, "A B^T", a, b, c);
    checkDistinct(c, a, b, "A B^T");
    Blas.selected().multiply(false, a, true, b, 1.0, false, c, parallelism);
  }

  /** C ← C + s A Bᵀ without forming Bᵀ, on {@link Parallelism#current()}. */
  public static void multiplyTransposeBAccumulate(double s, DenseMatrix a, DenseMatrix b, DenseMatrix c) {
    multiplyTransposeBAccumulate(s, a, b, c, Parallelism.current());
  }

  /** C ← C + s A Bᵀ without forming Bᵀ (c must not be a or b). */
  public static void multiplyTransposeBAccumulate(double s, DenseMatrix a, DenseMatrix b, DenseMatrix c,
      Parallelism parallelism) {
    int m = a.rows();
    int k = a.cols();
    int n = b.rows();
    checkDims(b.cols() == k && c.rows() == m && c.cols() == n, "C + s A B^T", a, b, c);
    checkDistinct(c, a, b, "C + s A B^T");
    Blas.selected().multiply(false, a, true, b, s, true, c, parallelism);
  }

  /** out = Aᵀ, into a preallocated matrix of the transposed shape. */
  public static void transpose(DenseMatrix a, DenseMatrix out) {
    int r = a.rows();
    int c = a.cols();
    if (out.rows() != c || out.cols() != r) {
      throw new IllegalArgumentException("cannot transpose " + a.shape() + " into " + out.shape());
    }
    checkDistinct(out, a, a, "transpose");
    double[] ad = a.data();
    double[] od = out.data();
    // tiles keep both the reads and the strided writes within a few cache lines
    int tile = 32;
    for (int i0 = 0; i0 < r; i0 += tile) {
      int i1 = Math.min(r, i0 + tile);
      for (int j0 = 0; j0 < c; j0 += tile) {
        int j1 = Math.min(c, j0 + tile);
        for (int i = i0; i < i1; i++) {
          int base = i * c;
          for (int j = j0; j < j1; j++) {
            od[j * r + i] = ad[base + j];
          }
        }
      }
    }
  }

  /** Aᵀ A (cols x cols), the Gram matrix of the columns. */
  public static DenseMatrix gramOfColumns(DenseMatrix a) {
    DenseMatrix g = new DenseMatrix(a.cols(), a.cols());
    gramOfColumns(a, g, Parallelism.current());
    return g;
  }

  /** G = Aᵀ A, overwriting the cols x cols matrix g, on {@link Parallelism#current()}. */
  public static void gramOfColumns(DenseMatrix a, DenseMatrix g) {
    gramOfColumns(a, g, Parallelism.current());
  }

  /**
   * G = Aᵀ A by a symmetric rank-k update: computes the upper triangle (half the work of
   * {@link #multiplyTransposeA}) and mirrors it, so G is exactly symmetric.
   */
  public static void gramOfColumns(DenseMatrix a, DenseMatrix g, Parallelism parallelism) {
    checkGram(g, a.cols(), a, "A^T A");
    Blas.selected().gram(a, true, g, parallelism);
  }

  /** A Aᵀ (rows x rows), the Gram matrix of the rows; call only where rows is small (the rank). */
  public static DenseMatrix gramOfRows(DenseMatrix a) {
    DenseMatrix g = new DenseMatrix(a.rows(), a.rows());
    gramOfRows(a, g, Parallelism.current());
    return g;
  }

  /** G = A Aᵀ, overwriting the rows x rows matrix g, on {@link Parallelism#current()}. */
  public static void gramOfRows(DenseMatrix a, DenseMatrix g) {
    gramOfRows(a, g, Parallelism.current());
  }

  /** G = A Aᵀ by a symmetric rank-k update (upper triangle, mirrored); G is exactly symmetric. */
  public static void gramOfRows(DenseMatrix a, DenseMatrix g, Parallelism parallelism) {
    checkGram(g, a.rows(), a, "A A^T");
    Blas.selected().gram(a, false, g, parallelism);
  }

  /** Aᵀ y for a vector y of length A.rows() (a new vector of length A.cols()); skips zeros of y. */
  public static double[] transposeTimesVector(DenseMatrix a, double[] y) {
    int n = a.cols();
    if (y.length != a.rows()) {
      throw new IllegalArgumentException("Aᵀy: A is " + a.shape() + ", y has length " + y.length);
    }
    double[] out = new double[n];
    double[] ad = a.data();
    for (int i = 0; i < y.length; i++) {
      double yi = y[i];
      if (yi == 0.0) {
        continue;
      }
      int base = i * n;
      for (int r = 0; r < n; r++) {
        out[r] += yi * ad[base + r];
      }
    }
    return out;
  }

  /**
   * target (n x n, row-major) −= Σ_{i ∈ rows} pᵢᵀ qᵢ over the given rows of p and q (both m x n): turns
   * PᵀQ into the same product over the other rows (a Gram matrix of the observed rows of a column
   * with missing entries).
   */
  public static void subtractRowProducts(double[] target, DenseMatrix p, DenseMatrix q, int[] rows) {
    p.requireSameShape(q);
    int n = p.cols();
    double[] pd = p.data();
    double[] qd = q.data();
    for (int i : rows) {
      int base = i * n;
      for (int r = 0; r < n; r++) {
        double pr = pd[base + r];
        if (pr == 0.0) {
          continue;
        }
        int out = r * n;
        for (int c = 0; c < n; c++) {
          target[out + c] -= pr * qd[base + c];
        }
      }
    }
  }

  /** A x for a vector x of length A.cols() (a new vector of length A.rows()). */
  public static double[] timesVector(DenseMatrix a, double[] x) {
    int n = a.cols();
    if (x.length != n) {
      throw new IllegalArgumentException("Ax: A is " + a.shape() + ", x has length " + x.length);
    }
    double[] out = new double[a.rows()];
    double[] ad = a.data();
    for (int i = 0; i < out.length; i++) {
      int base = i * n;
      double s = 0.0;
      for (int r = 0; r < n; r++) {
        s += ad[base + r] * x[r];
      }
      out[i] = s;
    }
    return out;
  }

  /** ‖A‖²_F. */
  public static double squaredNorm(DenseMatrix a) {
    double s = 0.0;
    for (double v : a.data()) {
      s += v * v;
    }
    return s;
  }

  /**
   * Σ v² over {@code values}, accurate to about one rounding of the result: each square is split
   * exactly by fma and the sum is compensated (Neumaier 1974). ‖Y‖² enters the Frobenius fits and
   * model (9) as ‖Y‖² − 2⟨Y, AX⟩ + ‖AX‖², where a good fit is a small part of ‖Y‖², so a plain sum's
   * error (1e-13 relative on ORL) shows about a hundred times larger in the objective. For the data,
   * once per fit; the solvers' small matrices keep {@link #squaredNorm}.
   */
  public static double accurateSumOfSquares(double[] values) {
    double sum = 0.0;
    double compensation = 0.0;
    for (double v : values) {
      double square = v * v;
      compensation += Math.fma(v, v, -square);
      double next = sum + square;
      compensation += sum >= square ? (sum - next) + square : (square - next) + sum;
      sum = next;
    }
    return sum + compensation;
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

  private static void checkGram(DenseMatrix g, int side, DenseMatrix a, String op) {
    if (g.rows() != side || g.cols() != side) {
      throw new IllegalArgumentException(
          "Gram matrix " + op + " of A " + a.shape() + " needs a " + side + "x" + side
              + " result, got " + g.shape());
    }
    checkDistinct(g, a, a, op);
  }

  /** Kernels write the result while still reading the inputs, so they must not share storage. */
  private static void checkDistinct(DenseMatrix out, DenseMatrix a, DenseMatrix b, String op) {
    if (out.data() == a.data() || out.data() == b.data()) {
      throw new IllegalArgumentException("the result of " + op + " must not be one of its inputs");
    }
  }

  private static void checkDims(boolean ok, String op, DenseMatrix a, DenseMatrix b, DenseMatrix c) {
    if (!ok) {
      throw new IllegalArgumentException(
          "dimension mismatch in " + op + ": A " + a.shape() + ", B " + b.shape() + ", C " + c.shape());
    }
  }
}
