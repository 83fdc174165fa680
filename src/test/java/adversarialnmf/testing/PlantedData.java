package adversarialnmf.testing;

import adversarialnmf.linalg.DenseData;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.SparseData;
import java.util.ArrayList;
import java.util.Random;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.SparseInstance;

/**
 * Planted NMF data for tests: Y = A0 X0 + noise with k clusters whose basis vectors have disjoint
 * supports, so the true cluster of instance j is the one planted in column j of X0.
 */
public final class PlantedData {

  private final DenseMatrix y;
  private final DenseMatrix basis;
  private final DenseMatrix coefficients;
  private final int[] labels;

  private PlantedData(DenseMatrix y, DenseMatrix basis, DenseMatrix coefficients, int[] labels) {
    this.y = y;
    this.basis = basis;
    this.coefficients = coefficients;
    this.labels = labels;
  }

  /**
   * A sparse m x count matrix with {@code perColumn} entries in every column, one at a random row of
   * each of {@code perColumn} equal bands of rows, values in [1, 2): far too large to densify.
   */
  public static SparseData sparseBands(int m, int count, int perColumn, long seed) {
    Random random = new Random(seed);
    int[] start = new int[count + 1];
    int[] rows = new int[count * perColumn];
    double[] values = new double[count * perColumn];
    for (int j = 0; j < count; j++) {
      start[j + 1] = start[j] + perColumn;
      for (int e = 0; e < perColumn; e++) {
        rows[j * perColumn + e] = e * (m / perColumn) + random.nextInt(m / perColumn);
        values[j * perColumn + e] = 1.0 + random.nextDouble();
      }
    }
    return new SparseData(m, count, start, rows, values);
  }

  /**
   * @param m attributes (rows), at least k
   * @param perCluster instances per cluster
   * @param k clusters
   * @param noise standard deviation of the added noise (values clipped at 0)
   */
  public static PlantedData generate(int m, int perCluster, int k, double noise, long seed) {
    Random random = new Random(seed);
    int count = perCluster * k;
    DenseMatrix a = new DenseMatrix(m, k);
    for (int i = 0; i < m; i++) {
      int owner = i * k / m; // disjoint supports: block of rows per cluster
      a.set(i, owner, 0.5 + random.nextDouble());
      for (int c = 0; c < k; c++) {
        if (c != owner) {
          a.set(i, c, 0.05 * random.nextDouble());
        }
      }
    }
    DenseMatrix x = new DenseMatrix(k, count);
    int[] labels = new int[count];
    for (int j = 0; j < count; j++) {
      labels[j] = j % k;
      for (int c = 0; c < k; c++) {
        x.set(c, j, c == labels[j] ? 1.0 + random.nextDouble() : 0.1 * random.nextDouble());
      }
    }
    DenseMatrix yMatrix = adversarialnmf.linalg.MatrixOps.multiply(a, x);
    double[] yd = yMatrix.data();
    for (int i = 0; i < yd.length; i++) {
      yd[i] = Math.max(0.0, yd[i] + noise * random.nextGaussian());
    }
    return new PlantedData(yMatrix, a, x, labels);
  }

  /**
   * Sparse planted data: the basis vectors have disjoint supports (a block of rows each) filled at
   * {@code fill}; instance j mixes its own cluster (coefficient in [1, 2)) with, at probability
   * 0.3, one other (coefficient in [0, 0.5)); the nonzero entries get multiplicative noise
   * (1 + noise·N(0,1), clipped at 0), so the zeros stay exact.
   */
  public static PlantedData sparse(int m, int perCluster, int k, double fill, double noise, long seed) {
    Random random = new Random(seed);
    int count = perCluster * k;
    DenseMatrix a = new DenseMatrix(m, k);
    for (int i = 0; i < m; i++) {
      if (random.nextDouble() < fill) {
        a.set(i, i * k / m, 0.5 + random.nextDouble());
      }
    }
    DenseMatrix x = new DenseMatrix(k, count);
    int[] labels = new int[count];
    for (int j = 0; j < count; j++) {
      labels[j] = j % k;
      x.set(labels[j], j, 1.0 + random.nextDouble());
      if (random.nextDouble() < 0.3) {
        x.set((labels[j] + 1 + random.nextInt(k - 1)) % k, j, 0.5 * random.nextDouble());
      }
    }
    DenseMatrix yMatrix = adversarialnmf.linalg.MatrixOps.multiply(a, x);
    double[] yd = yMatrix.data();
    for (int i = 0; i < yd.length; i++) {
      if (yd[i] != 0.0) {
        yd[i] = Math.max(0.0, yd[i] * (1.0 + noise * random.nextGaussian()));
      }
    }
    return new PlantedData(yMatrix, a, x, labels);
  }

  public DenseMatrix y() {
    return y;
  }

  public DenseData data() {
    return new DenseData(y);
  }

  public DenseMatrix basis() {
    return basis;
  }

  public DenseMatrix coefficients() {
    return coefficients;
  }

  public int[] labels() {
    return labels.clone();
  }

  public int clusters() {
    return basis.cols();
  }

  /** The same data as Weka instances (one instance per column of Y), without a class attribute. */
  public Instances instances() {
    ArrayList<Attribute> attributes = new ArrayList<Attribute>();
    for (int i = 0; i < y.rows(); i++) {
      attributes.add(new Attribute("a" + i));
    }
    Instances data = new Instances("planted", attributes, y.cols());
    for (int j = 0; j < y.cols(); j++) {
      data.add(new DenseInstance(1.0, y.column(j)));
    }
    return data;
  }

  /** As {@link #instances()}, each instance sparse (only its nonzero values stored). */
  public Instances sparseInstances() {
    Instances dense = instances();
    Instances data = new Instances(dense, dense.numInstances());
    for (int j = 0; j < dense.numInstances(); j++) {
      data.add(new SparseInstance(dense.instance(j)));
    }
    return data;
  }

  /** True if {@code found} equals the planted labels up to a renaming of the clusters. */
  public boolean matchesUpToPermutation(int[] found) {
    int k = clusters();
    int[] map = new int[k];
    java.util.Arrays.fill(map, -1);
    int[] reverse = new int[k];
    java.util.Arrays.fill(reverse, -1);
    for (int j = 0; j < labels.length; j++) {
      int f = found[j];
      if (f < 0 || f >= k) {
        return false;
      }
      if (map[labels[j]] == -1 && reverse[f] == -1) {
        map[labels[j]] = f;
        reverse[f] = labels[j];
      } else if (map[labels[j]] != f) {
        return false;
      }
    }
    return true;
  }
}
