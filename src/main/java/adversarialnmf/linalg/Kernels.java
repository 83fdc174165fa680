package adversarialnmf.linalg;

import java.util.Arrays;

/**
 * The blocked loops behind {@link MatrixOps} and the data matrices. Every product is built from one
 * inner loop, "a row of C += four scaled rows of B"; dense products pack each panel of B into
 * row arrays so the JIT vectorises that loop, and the blocking keeps the panel in cache while the
 * output rows sweep over it. Each task owns a range of output rows and adds into every entry in the
 * same order whatever the range, so results do not depend on the thread count.
 */
final class Kernels {

  /** Doubles of B kept hot while a block of output rows sweeps over them (a quarter of L2). */
  static final int PANEL_DOUBLES = 1 << 14;

  /** Widest column block of B and C (tuned on 1024 x 1024 by 1024 x 40, AMD Zen 3). */
  static final int MAX_BLOCK_COLS = 128;

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

  /**
   * acc[j] += s0 b0[j] + s1 b1[j] + s2 b2[j] + s3 b3[j], j &lt; len. Every array is indexed from 0:
   * the JIT (17) vectorises this loop only when no array is read at an offset.
   */
  static void accumulate4(double[] acc, int len, double s0, double[] b0, double s1, double[] b1,
      double s2, double[] b2, double s3, double[] b3) {
    for (int j = 0; j < len; j++) {
      acc[j] += s0 * b0[j] + s1 * b1[j] + s2 * b2[j] + s3 * b3[j];
    }
  }

  /** acc[j] += s b[j], j &lt; len. */
  static void accumulate(double[] acc, int len, double s, double[] b) {
    for (int j = 0; j < len; j++) {
      acc[j] += s * b[j];
    }
  }

  /**
   * One strided operand of a product: element (i, p) sits at {@code data[i * rowStride + p *
   * colStride]}, so a matrix and its transpose are the same array with the strides swapped.
   */
  static final class Operand {
    final double[] data;
    final int rowStride;
    final int colStride;

    Operand(double[] data, int rowStride, int colStride) {
      this.data = data;
      this.rowStride = rowStride;
      this.colStride = colStride;
    }

    /** The same matrix read transposed. */
    Operand transposed() {
      return new Operand(data, colStride, rowStride);
    }
  }

  /**
   * C = s L R, or C + s L R when {@code add}, on columns [from, to) of C, for L rows x k, R k x
   * cols, any strides. R is packed panel
   * by panel (depth x width) into row arrays, each output row segment accumulates in a scratch row,
   * and the inner loop is {@link #accumulate4}. Callers orient the product (C or Cᵀ) so that the
   * columns, the vector length, are the long side; splitting columns across tasks means no two
   * tasks pack the same part of R.
   */
  static void product(Operand l, Operand r, Operand c, int k, int rows, int from, int to,
      double s, boolean add) {
    double[] cd = c.data;
    if (k == 0) {
      if (add) {
        return;
      }
      for (int i = 0; i < rows; i++) {
        for (int j = from; j < to; j++) {
          cd[i * c.rowStride + j * c.colStride] = 0.0;
        }
      }
      return;
    }
    int width = blockCols(to - from);
    int depth = blockDepth(width);
    double[][] panel = new double[Math.min(depth, k)][width];
    double[] acc = new double[width];
    double[] ld = l.data;
    int ls = l.colStride;
    for (int j0 = from; j0 < to; j0 += width) {
      int w = Math.min(width, to - j0);
      for (int p0 = 0; p0 < k; p0 += depth) {
        int d = Math.min(depth, k - p0);
        pack(r, p0, d, j0, w, panel);
        for (int i = 0; i < rows; i++) {
          int cBase = i * c.rowStride + j0 * c.colStride;
          if (p0 == 0 && !add) {
            Arrays.fill(acc, 0, w, 0.0);
          } else {
            for (int j = 0; j < w; j++) {
              acc[j] = cd[cBase + j * c.colStride];
            }
          }
          int li = i * l.rowStride + p0 * ls;
          int q = 0;
          for (; q + 3 < d; q += 4) {
            accumulate4(acc, w, s * ld[li], panel[q], s * ld[li + ls], panel[q + 1],
                s * ld[li + 2 * ls], panel[q + 2], s * ld[li + 3 * ls], panel[q + 3]);
            li += 4 * ls;
          }
          for (; q < d; q++) {
            accumulate(acc, w, s * ld[li], panel[q]);
            li += ls;
          }
          for (int j = 0; j < w; j++) {
            cd[cBase + j * c.colStride] = acc[j];
          }
        }
      }
    }
  }

  /** panel[p][j] = R[p0 + p, j0 + j] for p &lt; d, j &lt; w. */
  private static void pack(Operand r, int p0, int d, int j0, int w, double[][] panel) {
    double[] rd = r.data;
    if (r.colStride == 1) {
      for (int p = 0; p < d; p++) {
        System.arraycopy(rd, (p0 + p) * r.rowStride + j0, panel[p], 0, w);
      }
      return;
    }
    // a transposed operand: walk its stored rows (our columns) so reads stay sequential
    for (int j = 0; j < w; j++) {
      int src = p0 * r.rowStride + (j0 + j) * r.colStride;
      for (int p = 0; p < d; p++) {
        panel[p][j] = rd[src + p * r.rowStride];
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
