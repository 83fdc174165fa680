package adversarialnmf.solver.anmf;

import adversarialnmf.linalg.DenseMatrix;
import java.util.Random;

/** Naive dense references for the ANMF tests: plain triple loops, nothing shared with the solver. */
final class AnmfTestSupport {

  private AnmfTestSupport() {
  }

  static DenseMatrix random(int rows, int cols, Random random, double low, double high) {
    DenseMatrix out = new DenseMatrix(rows, cols);
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        out.set(i, j, low + (high - low) * random.nextDouble());
      }
    }
    return out;
  }

  /** Y = A0 X0 + light noise, instance j planted in cluster j mod rank (its largest coefficient). */
  static DenseMatrix plantedData(int m, int count, int rank, long seed) {
    Random random = new Random(seed);
    DenseMatrix a0 = random(m, rank, random, 0, 1);
    DenseMatrix x0 = new DenseMatrix(rank, count);
    for (int j = 0; j < count; j++) {
      for (int r = 0; r < rank; r++) {
        x0.set(r, j, r == j % rank ? 1 + 0.5 * random.nextDouble() : 0.05 * random.nextDouble());
      }
    }
    DenseMatrix y = times(a0, x0);
    for (int i = 0; i < y.data().length; i++) {
      y.data()[i] += 0.01 * random.nextDouble();
    }
    return y;
  }

  static DenseMatrix times(DenseMatrix a, DenseMatrix b) {
    DenseMatrix out = new DenseMatrix(a.rows(), b.cols());
    for (int i = 0; i < a.rows(); i++) {
      for (int j = 0; j < b.cols(); j++) {
        double s = 0;
        for (int p = 0; p < a.cols(); p++) {
          s += a.get(i, p) * b.get(p, j);
        }
        out.set(i, j, s);
      }
    }
    return out;
  }

  static DenseMatrix transpose(DenseMatrix a) {
    DenseMatrix out = new DenseMatrix(a.cols(), a.rows());
    for (int i = 0; i < a.rows(); i++) {
      for (int j = 0; j < a.cols(); j++) {
        out.set(j, i, a.get(i, j));
      }
    }
    return out;
  }

  /** s·A + t·B. */
  static DenseMatrix combine(double s, DenseMatrix a, double t, DenseMatrix b) {
    DenseMatrix out = new DenseMatrix(a.rows(), a.cols());
    for (int i = 0; i < a.rows(); i++) {
      for (int j = 0; j < a.cols(); j++) {
        out.set(i, j, s * a.get(i, j) + t * b.get(i, j));
      }
    }
    return out;
  }

  static double norm2(DenseMatrix a) {
    double s = 0;
    for (int i = 0; i < a.rows(); i++) {
      for (int j = 0; j < a.cols(); j++) {
        s += a.get(i, j) * a.get(i, j);
      }
    }
    return s;
  }

  /** ‖A − B + M/μ‖². */
  static double shiftedDistance(DenseMatrix a, DenseMatrix b, DenseMatrix multiplier, double mu) {
    double s = 0;
    for (int i = 0; i < a.rows(); i++) {
      for (int j = 0; j < a.cols(); j++) {
        double v = a.get(i, j) - b.get(i, j) + multiplier.get(i, j) / mu;
        s += v * v;
      }
    }
    return s;
  }

  /** The augmented Lagrangian (16) at the state's current variables, computed densely. */
  static double augmentedLagrangian(AdmmState s, DenseMatrix z) {
    AnmfModel o = s.model;
    double mu = s.mu;
    DenseMatrix y = s.yDense;
    double value = o.alpha() * norm2(combine(1, s.h, -1, y)) + o.beta() * norm2(combine(1, s.j, -1, y));
    DenseMatrix inner = combine(1, times(s.h, s.u), -1, times(z, s.u));
    inner = combine(1, inner, o.lambda(), combine(1, s.adv, -1, s.a));
    value += o.gamma() * norm2(inner);
    value += mu / 2 * (shiftedDistance(s.adv, s.advB, s.m1, mu) + shiftedDistance(s.a, s.b, s.m2, mu)
        + shiftedDistance(times(s.adv, s.x), s.h, s.m3, mu) + shiftedDistance(times(s.a, s.x), s.j, s.m4, mu)
        + shiftedDistance(transpose(s.x), s.u, s.m5, mu));
    return value;
  }

  /** Objective (9) computed densely. */
  static double naiveObjective(DenseMatrix y, DenseMatrix z, DenseMatrix a, DenseMatrix adv, DenseMatrix x,
      AnmfModel o) {
    DenseMatrix xxt = times(x, transpose(x));
    DenseMatrix phi = combine(1, times(adv, xxt), o.lambda(), combine(1, adv, -1, a));
    phi = combine(1, phi, -1, times(z, transpose(x)));
    return o.alpha() * norm2(combine(1, times(adv, x), -1, y)) + o.beta() * norm2(combine(1, times(a, x), -1, y))
        + o.gamma() * norm2(phi);
  }
}
