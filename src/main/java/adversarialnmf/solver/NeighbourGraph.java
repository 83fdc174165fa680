package adversarialnmf.solver;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import java.util.Arrays;

/**
 * The symmetrised k-nearest-neighbour graph over the instances (columns of Y) that graph-regularised
 * NMF smooths its coefficients on, stored sparse: row j lists the neighbours l of instance j with
 * their weights W_jl (compressed rows, O(N k) memory; never an N x N matrix). An edge joins j and l
 * when either is among the other's k nearest by Euclidean distance (Cai et al.'s symmetrisation, W =
 * max(W, Wᵀ)); weights by {@link GraphWeighting}. The search is brute force, O(N² m) time, with the
 * inner products of a block of instances against all of them as one product Yᵀ B (the BLAS path for
 * dense Y) and a workspace of at most {@value #BLOCK_ENTRIES} doubles besides the graph.
 */
public final class NeighbourGraph {

  /** Bound on the doubles of the search's block workspaces (Yᵀ B and B). */
  static final int BLOCK_ENTRIES = 1 << 20;

  private final int[] rowStart;
  private final int[] neighbours;
  private final double[] weights;
  private final double[] degrees;

  private NeighbourGraph(int[] rowStart, int[] neighbours, double[] weights) {
    this.rowStart = rowStart;
    this.neighbours = neighbours;
    this.weights = weights;
    int count = rowStart.length - 1;
    this.degrees = new double[count];
    for (int j = 0; j < count; j++) {
      for (int e = rowStart[j]; e < rowStart[j + 1]; e++) {
        degrees[j] += weights[e];
      }
    }
  }

  /** {@code neighbours} if it is a valid number of nearest neighbours, at least 1. */
  public static int checkedNeighbours(int neighbours) {
    if (neighbours < 1) {
      throw new IllegalArgumentException("number of nearest neighbours must be at least 1, got " + neighbours);
    }
    return neighbours;
  }

  /**
   * The graph of the columns of {@code y}, each joined to its {@code k} nearest (fewer when there
   * are not k other instances; ties go to the lower index). Checks the thread's interrupt flag once
   * per block.
   */
  public static NeighbourGraph of(DataMatrix y, int k, GraphWeighting weighting) {
    checkedNeighbours(k);
    int count = y.cols();
    int per = Math.min(k, count - 1);
    int[] nearest = new int[count * Math.max(per, 0)];
    double[] distance2 = new double[nearest.length];
    double[] norms2 = y.columnSquaredNorms();
    if (per > 0) {
      searchNearest(y, per, norms2, nearest, distance2);
    }
    double[] directedWeights = weigh(weighting, per, nearest, distance2, norms2);
    return symmetrised(count, per, nearest, directedWeights);
  }

  /** For every column j, its {@code per} nearest other columns (ascending distance) and their squared distances. */
  private static void searchNearest(DataMatrix y, int per, double[] norms2, int[] nearest, double[] distance2) {
    int m = y.rows();
    int count = y.cols();
    int block = (int) Math.max(1, Math.min(count, BLOCK_ENTRIES / Math.max(count, m)));
    double[] column = new double[m];
    for (int first = 0; first < count; first += block) {
      FitInterruptedException.checkInterrupted("the nearest-neighbour search of graph-regularised NMF");
      int size = Math.min(block, count - first);
      DenseMatrix columns = new DenseMatrix(m, size);
      for (int c = 0; c < size; c++) {
        y.column(first + c, column);
        for (int i = 0; i < m; i++) {
          columns.set(i, c, column[i]);
        }
      }
      DenseMatrix products = y.transposeTimes(columns); // N x size: y_lᵀ y_j
      double[] p = products.data();
      for (int c = 0; c < size; c++) {
        int j = first + c;
        int offset = j * per;
        Arrays.fill(distance2, offset, offset + per, Double.POSITIVE_INFINITY);
        Arrays.fill(nearest, offset, offset + per, -1);
        for (int l = 0; l < count; l++) {
          if (l == j) {
            continue;
          }
          double d = Math.max(0.0, norms2[l] + norms2[j] - 2.0 * p[l * size + c]);
          if (d < distance2[offset + per - 1]) { // strict: an equal distance keeps the lower index
            int slot = offset + per - 1;
            while (slot > offset && distance2[slot - 1] > d) {
              distance2[slot] = distance2[slot - 1];
              nearest[slot] = nearest[slot - 1];
              slot--;
            }
            distance2[slot] = d;
            nearest[slot] = l;
          }
        }
      }
    }
  }

  private static double[] weigh(GraphWeighting weighting, int per, int[] nearest, double[] distance2,
      double[] norms2) {
    double[] w = new double[nearest.length];
    switch (weighting) {
      case BINARY:
        Arrays.fill(w, 1.0);
        break;
      case HEAT: {
        double meanDistance = 0.0;
        for (double d : distance2) {
          meanDistance += Math.sqrt(d) / distance2.length;
        }
        double width2 = 2.0 * meanDistance * meanDistance;
        for (int e = 0; e < w.length; e++) {
          w[e] = width2 > 0.0 ? Math.exp(-distance2[e] / width2) : 1.0;
        }
        break;
      }
      default: // cosine: y_jᵀy_l from the squared distance, over the norms
        for (int e = 0; e < w.length; e++) {
          int j = e / per;
          double normProduct = Math.sqrt(norms2[j] * norms2[nearest[e]]);
          double dot = 0.5 * (norms2[j] + norms2[nearest[e]] - distance2[e]);
          w[e] = normProduct > 0.0 ? Math.min(1.0, Math.max(0.0, dot / normProduct)) : 0.0;
        }
    }
    return w;
  }

  /**
   * Compressed rows of max(W, Wᵀ) for the directed lists: row r merges r's own list (sorted by
   * index) with the instances that list r (in index order by construction); an edge listed both
   * ways appears once.
   */
  private static NeighbourGraph symmetrised(int count, int per, int[] nearest, double[] directedWeights) {
    int[] inStart = new int[count + 1];
    for (int l : nearest) {
      inStart[l + 1]++;
    }
    for (int r = 0; r < count; r++) {
      inStart[r + 1] += inStart[r];
    }
    int[] inFrom = new int[nearest.length];
    double[] inWeight = new double[nearest.length];
    int[] fill = Arrays.copyOf(inStart, count);
    for (int e = 0; e < nearest.length; e++) {
      int target = nearest[e];
      inFrom[fill[target]] = e / per;
      inWeight[fill[target]++] = directedWeights[e];
    }
    int[] rowStart = new int[count + 1];
    int[] cols = new int[2 * nearest.length];
    double[] vals = new double[cols.length];
    Integer[] order = new Integer[per];
    int size = 0;
    for (int r = 0; r < count; r++) {
      final int offset = r * per;
      for (int t = 0; t < per; t++) {
        order[t] = t;
      }
      Arrays.sort(order, 0, per, (p, q) -> Integer.compare(nearest[offset + p], nearest[offset + q]));
      int own = 0;
      int in = inStart[r];
      while (own < per || in < inStart[r + 1]) {
        int ownIndex = own < per ? nearest[offset + order[own]] : Integer.MAX_VALUE;
        int inIndex = in < inStart[r + 1] ? inFrom[in] : Integer.MAX_VALUE;
        if (ownIndex <= inIndex) {
          cols[size] = ownIndex;
          vals[size] = directedWeights[offset + order[own++]];
          if (ownIndex == inIndex) {
            vals[size] = Math.max(vals[size], inWeight[in++]);
          }
        } else {
          cols[size] = inIndex;
          vals[size] = inWeight[in++];
        }
        size++;
      }
      rowStart[r + 1] = size;
    }
    return new NeighbourGraph(rowStart, Arrays.copyOf(cols, size), Arrays.copyOf(vals, size));
  }

  /** N, the number of instances (vertices). */
  public int vertices() {
    return degrees.length;
  }

  /** The number of edges (each counted once). */
  public int edges() {
    return neighbours.length / 2;
  }

  /** The degrees d_j = Σ_l W_jl (the diagonal of D), copy. */
  public double[] degrees() {
    return degrees.clone();
  }

  /** The neighbours of instance j, ascending, copy. */
  public int[] neighboursOf(int j) {
    return Arrays.copyOfRange(neighbours, rowStart[j], rowStart[j + 1]);
  }

  /** The weights W_jl of the neighbours of j, in the order of {@link #neighboursOf}, copy. */
  public double[] weightsOf(int j) {
    return Arrays.copyOfRange(weights, rowStart[j], rowStart[j + 1]);
  }

  /** out ← out + s W Xᵀ for Xᵀ (N x n), in O(edges · n): the rank-n form of X W. */
  public void addNeighbourSums(double s, DenseMatrix xt, DenseMatrix out) {
    requireRows(xt);
    xt.requireSameShape(out);
    int n = xt.cols();
    double[] x = xt.data();
    double[] o = out.data();
    for (int j = 0; j < degrees.length; j++) {
      for (int e = rowStart[j]; e < rowStart[j + 1]; e++) {
        double w = s * weights[e];
        int from = neighbours[e] * n;
        for (int r = 0; r < n; r++) {
          o[j * n + r] += w * x[from + r];
        }
      }
    }
  }

  /** out ← out + s D Xᵀ for Xᵀ (N x n): the rank-n form of X D. */
  public void addDegreeScaled(double s, DenseMatrix xt, DenseMatrix out) {
    requireRows(xt);
    xt.requireSameShape(out);
    int n = xt.cols();
    double[] x = xt.data();
    double[] o = out.data();
    for (int j = 0; j < degrees.length; j++) {
      double d = s * degrees[j];
      for (int r = 0; r < n; r++) {
        o[j * n + r] += d * x[j * n + r];
      }
    }
  }

  /**
   * tr(X L Xᵀ) = ½ Σ_jl W_jl ‖x_j − x_l‖² for Xᵀ (N x n), summed over the edges (never negative, no
   * cancellation).
   */
  public double smoothness(DenseMatrix xt) {
    requireRows(xt);
    int n = xt.cols();
    double[] x = xt.data();
    double sum = 0.0;
    for (int j = 0; j < degrees.length; j++) {
      for (int e = rowStart[j]; e < rowStart[j + 1]; e++) {
        int l = neighbours[e];
        if (l > j) { // each edge once, both halves of ½ Σ_jl
          double d2 = 0.0;
          for (int r = 0; r < n; r++) {
            double diff = x[j * n + r] - x[l * n + r];
            d2 += diff * diff;
          }
          sum += weights[e] * d2;
        }
      }
    }
    return sum;
  }

  /** Bytes of the graph of N instances with k neighbours each, and the search's temporaries. */
  static long bytes(long count, int k) {
    long directed = count * k; // directed lists, in-lists, merged rows and their exact copies
    return 80L * directed + 40L * count + WorkingSet.doubles(2L * BLOCK_ENTRIES);
  }

  private void requireRows(DenseMatrix xt) {
    if (xt.rows() != degrees.length) {
      throw new IllegalArgumentException("coefficients of " + xt.rows() + " instances for a graph over "
          + degrees.length);
    }
  }
}
