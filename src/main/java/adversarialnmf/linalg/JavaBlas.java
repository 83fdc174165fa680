package adversarialnmf.linalg;

/**
 * Our kernels ({@link Kernels}) behind the {@link Blas} seam: pure Java, cache-blocked, split
 * across tasks by output so results are bit-for-bit the same for every thread count.
 */
final class JavaBlas implements Blas {

  static final JavaBlas INSTANCE = new JavaBlas();

  private JavaBlas() {
  }

  @Override
  public String name() {
    return "java";
  }

  @Override
  public String describe() {
    return "java (our kernels)";
  }

  @Override
  public void multiply(boolean transposeA, DenseMatrix a, boolean transposeB, DenseMatrix b,
      double s, boolean accumulate, DenseMatrix c, Parallelism parallelism) {
    int m = c.rows();
    int n = c.cols();
    int k = transposeA ? a.rows() : a.cols();
    Kernels.Operand l = transposeA ? new Kernels.Operand(a.data(), 1, m) : new Kernels.Operand(a.data(), k, 1);
    Kernels.Operand r = transposeB ? new Kernels.Operand(b.data(), 1, k) : new Kernels.Operand(b.data(), n, 1);
    // the kernel vectorises along output rows, so a narrow C (few columns, many rows) is computed
    // as Cᵀ = Rᵀ Lᵀ, with the long side as the vector length; those long rows are split across tasks
    boolean transposeOutput = n < m && n < Kernels.MAX_BLOCK_COLS;
    Kernels.Operand left = transposeOutput ? r.transposed() : l;
    Kernels.Operand right = transposeOutput ? l.transposed() : r;
    Kernels.Operand out = transposeOutput ? new Kernels.Operand(c.data(), 1, n) : new Kernels.Operand(c.data(), n, 1);
    int rows = transposeOutput ? n : m;
    int cols = transposeOutput ? m : n;
    int tasks = parallelism.tasksFor((long) m * k * n, cols);
    parallelism.run(tasks, t -> Kernels.product(left, right, out, k, rows,
        Parallelism.split(cols, tasks, t), Parallelism.split(cols, tasks, t + 1), s, accumulate));
  }

  @Override
  public void gram(DenseMatrix a, boolean ofColumns, DenseMatrix g, Parallelism parallelism) {
    int side = g.rows();
    int depth = ofColumns ? a.rows() : a.cols();
    double[] ad = a.data();
    double[] gd = g.data();
    // G = L R with R = Lᵀ read in place: Aᵀ A reads A by columns, A Aᵀ by rows
    Kernels.Operand left = ofColumns ? new Kernels.Operand(ad, 1, side) : new Kernels.Operand(ad, depth, 1);
    Kernels.Operand right = left.transposed();
    int tasks = parallelism.tasksFor((long) depth * side * (side + 1) / 2, side);
    int[] bounds = Kernels.triangleSplit(side, tasks);
    parallelism.run(tasks, t -> Kernels.gramRows(left, right, gd, side, depth, bounds[t], bounds[t + 1]));
    Kernels.mirrorUpper(gd, side);
  }

  @Override
  public void choleskyFactor(double[] k, int n) {
    for (int i = 0; i < n; i++) {
      int iBase = i * n;
      for (int j = 0; j <= i; j++) {
        int jBase = j * n;
        double s = k[iBase + j];
        for (int p = 0; p < j; p++) {
          s -= k[iBase + p] * k[jBase + p];
        }
        if (i == j) {
          if (!(s > 0.0)) {
            throw new ArithmeticException("matrix is not positive definite (pivot " + i + " = " + s + ")");
          }
          k[iBase + i] = Math.sqrt(s);
        } else {
          k[iBase + j] = s / k[jBase + j];
        }
      }
    }
  }

  @Override
  public void choleskySolve(double[] lower, int n, double[] bd, int k) {
    // L W = B, row by row (each row of W is a combination of earlier rows)
    for (int i = 0; i < n; i++) {
      int iBase = i * k;
      for (int p = 0; p < i; p++) {
        double l = lower[i * n + p];
        if (l == 0.0) {
          continue;
        }
        int pBase = p * k;
        for (int c = 0; c < k; c++) {
          bd[iBase + c] -= l * bd[pBase + c];
        }
      }
      double inv = 1.0 / lower[i * n + i];
      for (int c = 0; c < k; c++) {
        bd[iBase + c] *= inv;
      }
    }
    // Lᵀ V = W, from the last row up
    for (int i = n - 1; i >= 0; i--) {
      int iBase = i * k;
      for (int p = i + 1; p < n; p++) {
        double l = lower[p * n + i];
        if (l == 0.0) {
          continue;
        }
        int pBase = p * k;
        for (int c = 0; c < k; c++) {
          bd[iBase + c] -= l * bd[pBase + c];
        }
      }
      double inv = 1.0 / lower[i * n + i];
      for (int c = 0; c < k; c++) {
        bd[iBase + c] *= inv;
      }
    }
  }

  @Override
  public void choleskySolveRows(double[] lower, int n, double[] bd, int rows) {
    for (int r = 0; r < rows; r++) {
      int base = r * n;
      for (int i = 0; i < n; i++) {
        double s = bd[base + i];
        int iBase = i * n;
        for (int p = 0; p < i; p++) {
          s -= lower[iBase + p] * bd[base + p];
        }
        bd[base + i] = s / lower[iBase + i];
      }
      for (int i = n - 1; i >= 0; i--) {
        double s = bd[base + i];
        for (int p = i + 1; p < n; p++) {
          s -= lower[p * n + i] * bd[base + p];
        }
        bd[base + i] = s / lower[i * n + i];
      }
    }
  }
}
