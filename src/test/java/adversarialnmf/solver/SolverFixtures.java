package adversarialnmf.solver;

import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.metrics.ClusteringScores;
import adversarialnmf.metrics.ContingencyTable;
import java.util.Random;

/** Random data, naive dense objectives and clustering accuracy for the solver tests. */
final class SolverFixtures {

  private SolverFixtures() {
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

  /** Clustering accuracy (Hungarian-matched) of {@code predicted} against {@code truth}. */
  static double accuracy(int[] truth, int[] predicted) {
    return ClusteringScores.accuracy(ContingencyTable.ofLabels(truth, predicted));
  }
}
