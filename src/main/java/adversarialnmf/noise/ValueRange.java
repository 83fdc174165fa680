package adversarialnmf.noise;

import java.io.Serializable;
import java.util.Random;

/** The closed interval [min, max] of pixel values a corruption may write. */
public final class ValueRange implements Serializable {

  private static final long serialVersionUID = 1L;

  private final double min;
  private final double max;

  public ValueRange(double min, double max) {
    if (!Double.isFinite(min) || !Double.isFinite(max)) {
      throw new IllegalArgumentException("Value range bounds must be finite, got [" + min + ", "
          + max + "]");
    }
    if (min > max) {
      throw new IllegalArgumentException("Value range minimum " + min + " exceeds maximum " + max);
    }
    this.min = min;
    this.max = max;
  }

  public double min() {
    return min;
  }

  public double max() {
    return max;
  }

  /** A value drawn uniformly from [min, max). */
  public double uniform(Random random) {
    return min + (max - min) * random.nextDouble();
  }

  @Override
  public String toString() {
    return "[" + min + ", " + max + "]";
  }
}
