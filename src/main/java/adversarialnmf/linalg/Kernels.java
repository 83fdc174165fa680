package adversarialnmf.linalg;

import java.util.Arrays;

/**
 * The blocked loops behind {@link MatrixOps} and the data matrices. Every product is built from one
 * inner loop, "a row of C += four scaled rows of B", which the JIT vectorises; the blocking keeps
 * the rows of B that one block reuses in cache. Each task owns a range of output rows and adds into
 * every entry in the same order whatever the range, so results do not depend on the thread count.
 */
final class Kernels {

  /** Doubles of B kept hot while a block of output rows sweeps over them (about half of L2). */
  static final int PANEL_DOUBLES = 1 << 15;

  /** Widest column block of B and C. */
  static final int MAX_BLOCK_COLS = 512;

  private Kernels() {
  }

  /** Width of the column blocks for an output with {@code cols} columns. */
  static int blockCols(int cols) {
    return Math.max(1, Math.min(cols, MAX_BLOCK_COLS));
  }

  /** Depth of the panels: rows of B per block, a multiple of 4 so the unrolled loop runs full. */
  static int blockDepth(int blockCols) {
    int depth = PANEL_DOUBLES / Math.max(1, blockCols);
    return Math.max(16, Math.min(1024, depth & ~3));
  }

  /** c[cOff + j] += s0 b[o0 + j] + s1 b[o1 + j] + s2 b[o2 + j] + s3 b[o3 + j], j &lt; len. */
  static void axpy4(double[] c, int cOff, int len, double[] b, double s0, int o0, double s1, int o1,
      double s2, int o2, double s3, int o3) {
    for (int j = 0; j < len; j++) {
      c[cOff + j] += s0 * b[o0 + j] + s1 * b[o1 + j] + s2 * b[o2 + j] + s3 * b[o3 + j];
    }
  }

  /** c[cOff + j] += s b[o + j], j &lt; len. */
  static void axpy(double[] c, int cOff, int len, double[] b, double s, int o) {
    for (int j = 0; j < len; j++) {
      c[cOff + j] += s * b[o + j];
    }
  }

  /**
   * c[cOff + j] += Σ_{q &lt; depth} a[aOff + q aStride] b[bOff + q bStride + j], j &lt; len:
   * one output row segment accumulates {@code depth} rows of B weighted by a strided run of A.
   */
  static void accumulateRows(double[] c, int cOff, int len, double[] a, int aOff, int aStride,
      double[] b, int bOff, int bStride, int depth) {
    int q = 0;
    int ai = aOff;
    int bi = bOff;
    for (; q + 3 < depth; q += 4) {
      axpy4(c, cOff, len, b, a[ai], bi, a[ai + aStride], bi + bStride,
          a[ai + 2 * aStride], bi + 2 * bStride, a[ai + 3 * aStride], bi + 3 * bStride);
      ai += 4 * aStride;
      bi += 4 * bStride;
    }
    for (; q < depth; q++) {
      axpy(c, cOff, len, b, a[ai], bi);
      ai += aStride;
      bi += bStride;
    }
  }

  /** C = A B on rows [from, to) of C; A m x k, B k x n, row-major. */
  static void multiplyRows(double[] a, double[] b, double[] c, int k, int n, int from, int to) {
    Arrays.fill(c, from * n, to * n, 0.0);
    int width = blockCols(n);
    int depth = blockDepth(width);
    for (int j0 = 0; j0 < n; j0 += width) {
      int w = Math.min(width, n - j0);
      for (int p0 = 0; p0 < k; p0 += depth) {
        int d = Math.min(depth, k - p0);
        for (int i = from; i < to; i++) {
          accumulateRows(c, i * n + j0, w, a, i * k + p0, 1, b, p0 * n + j0, n, d);
        }
      }
    }
  }

  /** C = Aᵀ B on rows [from, to) of C; A k x m, B k x n. */
  static void multiplyTransposeARows(double[] a, double[] b, double[] c, int k, int m, int n,
      int from, int to) {
    Arrays.fill(c, from * n, to * n, 0.0);
    int width = blockCols(n);
    int depth = blockDepth(width);
    for (int j0 = 0; j0 < n; j0 += width) {
      int w = Math.min(width, n - j0);
      for (int p0 = 0; p0 < k; p0 += depth) {
        int d = Math.min(depth, k - p0);
        for (int i = from; i < to; i++) {
          accumulateRows(c, i * n + j0, w, a, p0 * m + i, m, b, p0 * n + j0, n, d);
        }
      }
    }
  }

  /**
   * C = A Bᵀ on rows [from, to) of C; A m x k, B n x k. Each panel of B is packed transposed into
   * a small scratch (depth x width) so the inner loop again runs along contiguous rows.
   */
  static void multiplyTransposeBRows(double[] a, double[] b, double[] c, int k, int n, int from,
      int to) {
    Arrays.fill(c, from * n, to * n, 0.0);
    int width = blockCols(n);
    int depth = blockDepth(width);
    double[] panel = new double[Math.min(depth, k) * width];
    for (int j0 = 0; j0 < n; j0 += width) {
      int w = Math.min(width, n - j0);
      for (int p0 = 0; p0 < k; p0 += depth) {
        int d = Math.min(depth, k - p0);
        packTransposed(b, k, j0, w, p0, d, panel);
        for (int i = from; i < to; i++) {
          accumulateRows(c, i * n + j0, w, a, i * k + p0, 1, panel, 0, w, d);
        }
      }
    }
  }

  /** panel[p w + j] = B[j0 + j, p0 + p] for B with k columns. */
  private static void packTransposed(double[] b, int k, int j0, int w, int p0, int d,
      double[] panel) {
    for (int j = 0; j < w; j++) {
      int src = (j0 + j) * k + p0;
      for (int p = 0; p < d; p++) {
        panel[p * w + j] = b[src + p];
      }
    }
  }

  /**
   * Upper triangle of G = Aᵀ A on rows [from, to) of G (A m x n): a symmetric rank-m update that
   * touches only entries j &ge; i.
   */
  static void gramOfColumnsRows(double[] a, double[] g, int m, int n, int from, int to) {
    for (int i = from; i < to; i++) {
      Arrays.fill(g, i * n + i, (i + 1) * n, 0.0);
    }
    int depth = blockDepth(n);
    for (int p0 = 0; p0 < m; p0 += depth) {
      int d = Math.min(depth, m - p0);
      for (int i = from; i < to; i++) {
        int start = p0 * n + i;
        accumulateRows(g, i * n + i, n - i, a, start, n, a, start, n, d);
      }
    }
  }

  /**
   * Upper triangle of G = X Xᵀ on rows [from, to) of G (X r x N): packs the needed rows of each
   * panel of X transposed, then the same row update as {@link #gramOfColumnsRows}.
   */
  static void gramOfRowsRows(double[] x, double[] g, int r, int count, int from, int to) {
    for (int i = from; i < to; i++) {
      Arrays.fill(g, i * r + i, (i + 1) * r, 0.0);
    }
    int w = r - from;
    int depth = blockDepth(r);
    double[] panel = new double[Math.min(depth, count) * w];
    for (int p0 = 0; p0 < count; p0 += depth) {
      int d = Math.min(depth, count - p0);
      packTransposed(x, count, from, w, p0, d, panel);
      for (int i = from; i < to; i++) {
        accumulateRows(g, i * r + i, r - i, x, i * count + p0, 1, panel, i - from, w, d);
      }
    }
  }

  /** Copies the upper triangle of the square n x n matrix g onto its lower triangle. */
  static void mirrorUpper(double[] g, int n) {
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        g[j * n + i] = g[i * n + j];
      }
    }
  }

  /**
   * Row boundaries that give each of {@code tasks} tasks about the same share of an upper
   * triangle of side n (row i costs n - i).
   */
  static int[] triangleSplit(int n, int tasks) {
    int[] bounds = new int[tasks + 1];
    double total = (double) n * (n + 1) / 2.0;
    int row = 0;
    double done = 0.0;
    for (int t = 1; t < tasks; t++) {
      double target = total * t / tasks;
      while (row < n && done + (n - row) <= target) {
        done += n - row;
        row++;
      }
      bounds[t] = row;
    }
    bounds[tasks] = n;
    return bounds;
  }

  /**
   * out[r, :] = Σ_{e in [start[r], start[r+1])} value[e] B[index[e], :] for r in [from, to): the
   * gather behind sparse products (rows of a compressed-row matrix, or columns of a
   * compressed-column one when the product is transposed). B and out have k columns.
   */
  static void sparseGatherRows(int[] start, int[] index, double[] value, double[] b, double[] out,
      int k, int from, int to) {
    Arrays.fill(out, from * k, to * k, 0.0);
    for (int r = from; r < to; r++) {
      int o = r * k;
      int e = start[r];
      int end = start[r + 1];
      for (; e + 3 < end; e += 4) {
        axpy4(out, o, k, b, value[e], index[e] * k, value[e + 1], index[e + 1] * k,
            value[e + 2], index[e + 2] * k, value[e + 3], index[e + 3] * k);
      }
      for (; e < end; e++) {
        axpy(out, o, k, b, value[e], index[e] * k);
      }
    }
  }

  /** Boundaries splitting compressed rows into {@code tasks} parts of about equal stored entries. */
  static int[] storedEntrySplit(int[] start, int rows, int tasks) {
    int[] bounds = new int[tasks + 1];
    long total = start[rows];
    for (int t = 1; t < tasks; t++) {
      long target = total * t / tasks;
      int pos = Arrays.binarySearch(start, 0, rows + 1, (int) target);
      int row = pos >= 0 ? pos : -pos - 1;
      bounds[t] = Math.max(bounds[t - 1], Math.min(rows, row));
    }
    bounds[tasks] = rows;
    return bounds;
  }
}
