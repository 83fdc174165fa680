package adversarialnmf.solver;

import adversarialnmf.linalg.DenseMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Planted data sets, naive dense objectives and a brute-force clustering accuracy for the solver tests. */
final class SolverFixtures {

  private SolverFixtures() {
  }

  /** Y, the planted labels and the planted factors of a separable set. */
  static final class Planted {
    final DenseMatrix y;
    final int[] labels;
    final DenseMatrix basis;

    Planted(DenseMatrix y, int[] labels, DenseMatrix basis) {
      this.y = y;
      this.labels = labels;
      this.basis = basis;
    }
  }

  /**
   * k clusters of {@code perCluster} instances in m dimensions: basis column c is large on its own
   * block of m/k attributes and small elsewhere; instance j of cluster c is
   * (1 + 0.5 u) a_c + 0.05 (a mix of the others) + small uniform noise.
   */
  static Planted separable(int m, int k, int perCluster, long seed) {
    Random random = new Random(seed);
    DenseMatrix basis = new DenseMatrix(m, k);
    int block = m / k;
    for (int i = 0; i < m; i++) {
      for (int c = 0; c < k; c++) {
        boolean own = i / block == c;
        basis.set(i, c, own ? 1.0 + random.nextDouble() : 0.1 * random.nextDouble());
      }
    }
    int count = k * perCluster;
    DenseMatrix x = new DenseMatrix(k, count);
    int[] labels = new int[count];
    for (int j = 0; j < count; j++) {
      int c = j % k;
      labels[j] = c;
      for (int r = 0; r < k; r++) {
        x.set(r, j, r == c ? 1.0 + 0.5 * random.nextDouble() : 0.05 * random.nextDouble());
      }
    }
    DenseMatrix y = naiveProduct(basis, x);
    double[] yd = y.data();
    for (int i = 0; i < yd.length; i++) {
      yd[i] += 0.01 * random.nextDouble();
    }
    return new Planted(y, labels, basis);
  }

  /** Uniform [0,1) matrix. */
  static DenseMatrix uniform(int rows, int cols, Random random) {
    DenseMatrix d = new DenseMatrix(rows, cols);
    double[] v = d.data();
    for (int i = 0; i < v.length; i++) {
      v[i] = random.nextDouble();
    }
    return d;
  }

  /** Random data with about {@code zeroFraction} exact zeros. */
  static DenseMatrix sparseUniform(int rows, int cols, double zeroFraction, Random random) {
    DenseMatrix d = uniform(rows, cols, random);
    double[] v = d.data();
    for (int i = 0; i < v.length; i++) {
      if (random.nextDouble() < zeroFraction) {
        v[i] = 0.0;
      }
    }
    return d;
  }

  /** A X by the textbook triple loop. */
  static DenseMatrix naiveProduct(DenseMatrix a, DenseMatrix x) {
    DenseMatrix out = new DenseMatrix(a.rows(), x.cols());
    for (int i = 0; i < a.rows(); i++) {
      for (int j = 0; j < x.cols(); j++) {
        double s = 0.0;
        for (int r = 0; r < a.cols(); r++) {
          s += a.get(i, r) * x.get(r, j);
        }
        out.set(i, j, s);
      }
    }
    return out;
  }

  /** ‖y_j − (AX)_j‖₂ for every column, from the dense product. */
  static double[] naiveColumnResidualNorms(DenseMatrix y, DenseMatrix a, DenseMatrix x) {
    DenseMatrix ax = naiveProduct(a, x);
    double[] out = new double[y.cols()];
    for (int j = 0; j < y.cols(); j++) {
      double s = 0.0;
      for (int i = 0; i < y.rows(); i++) {
        double d = y.get(i, j) - ax.get(i, j);
        s += d * d;
      }
      out[j] = Math.sqrt(s);
    }
    return out;
  }

  static double naiveFrobenius(DenseMatrix y, DenseMatrix a, DenseMatrix x) {
    double s = 0.0;
    for (double r : naiveColumnResidualNorms(y, a, x)) {
      s += r * r;
    }
    return s;
  }

  static double naiveL21(DenseMatrix y, DenseMatrix a, DenseMatrix x) {
    double s = 0.0;
    for (double r : naiveColumnResidualNorms(y, a, x)) {
      s += r;
    }
    return s;
  }

  static double naiveCapped(DenseMatrix y, DenseMatrix a, DenseMatrix x, double cap) {
    double s = 0.0;
    for (double r : naiveColumnResidualNorms(y, a, x)) {
      s += Math.min(r, cap);
    }
    return s;
  }

  /** Σ y log(y / ax) − y + ax over all entries, with 0 log 0 = 0. */
  static double naiveKullbackLeibler(DenseMatrix y, DenseMatrix a, DenseMatrix x) {
    DenseMatrix ax = naiveProduct(a, x);
    double s = 0.0;
    for (int i = 0; i < y.rows(); i++) {
      for (int j = 0; j < y.cols(); j++) {
        double v = y.get(i, j);
        double w = ax.get(i, j);
        s += (v > 0.0 ? v * Math.log(v / w) : 0.0) - v + w;
      }
    }
    return s;
  }

  /** Best fraction of agreement over all relabelings of {@code predicted} (k! permutations; small k). */
  static double accuracy(int[] truth, int[] predicted, int k) {
    double best = 0.0;
    for (int[] perm : permutations(k)) {
      int hits = 0;
      for (int j = 0; j < truth.length; j++) {
        if (perm[predicted[j]] == truth[j]) {
          hits++;
        }
      }
      best = Math.max(best, hits / (double) truth.length);
    }
    return best;
  }

  private static List<int[]> permutations(int k) {
    List<int[]> out = new ArrayList<>();
    permute(new int[k], new boolean[k], 0, out);
    return out;
  }

  private static void permute(int[] current, boolean[] used, int position, List<int[]> out) {
    if (position == current.length) {
      out.add(current.clone());
      return;
    }
    for (int v = 0; v < current.length; v++) {
      if (!used[v]) {
        used[v] = true;
        current[position] = v;
        permute(current, used, position + 1, out);
        used[v] = false;
      }
    }
  }
}
