package adversarialnmf.init;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.solver.Factors;
import java.util.Random;

/**
 * Random nonnegative factors |N(0,1)| scaled by sqrt(mean(Y) / n), so that A X has the data's mean
 * on average (as scikit-learn's 'random' start).
 */
public final class RandomInitialization implements Initialization {

  @Override
  public Factors initialize(DataMatrix y, int rank, Random random) {
    double mean = y.sum() / ((double) y.rows() * y.cols());
    double scale = Math.sqrt(Math.max(mean, 0.0) / rank);
    return new Factors(randomMatrix(y.rows(), rank, scale, random),
        randomMatrix(rank, y.cols(), scale, random));
  }

  private static DenseMatrix randomMatrix(int rows, int cols, double scale, Random random) {
    DenseMatrix m = new DenseMatrix(rows, cols);
    double[] d = m.data();
    for (int i = 0; i < d.length; i++) {
      d[i] = scale * Math.abs(random.nextGaussian());
    }
    return m;
  }

  @Override
  public String describe() {
    return "random";
  }
}
