package adversarialnmf.init;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.solver.Factors;
import java.util.Random;

/**
 * The paper's start (Algorithm 1): A0 = the k-means centroids, X0 = the 0/1 cluster indicator plus
 * a constant offset (0.2 in the paper) so that no coefficient starts at an absorbing zero.
 */
public final class KMeansInitialization implements Initialization {

  /** Lloyd iterations of the seeding k-means; it converges long before on real data. */
  static final int KMEANS_ITERATIONS = 100;

  private final double indicatorOffset;

  public KMeansInitialization(double indicatorOffset) {
    this.indicatorOffset = checkedOffset(indicatorOffset);
  }

  /** The constant added to the 0/1 indicator of the nearest centroid to form X0. */
  public double indicatorOffset() {
    return indicatorOffset;
  }

  /** {@code indicatorOffset} if it is a valid offset (finite, >= 0). */
  public static double checkedOffset(double indicatorOffset) {
    if (!(indicatorOffset >= 0.0) || Double.isInfinite(indicatorOffset)) {
      throw new IllegalArgumentException("indicator offset must be finite and >= 0, got " + indicatorOffset);
    }
    return indicatorOffset;
  }

  @Override
  public Factors initialize(DataMatrix y, int rank, Random random) {
    KMeans.Result clustering = new KMeans(rank, KMEANS_ITERATIONS).fit(y, random);
    int count = y.cols();
    DenseMatrix x = DenseMatrix.filled(rank, count, indicatorOffset);
    int[] labels = clustering.labels();
    for (int j = 0; j < count; j++) {
      x.set(labels[j], j, 1.0 + indicatorOffset);
    }
    return new Factors(clustering.centroids(), x);
  }

  @Override
  public String describe() {
    return "k-means (A0 = centroids, X0 = indicator + " + indicatorOffset + ")";
  }
}
