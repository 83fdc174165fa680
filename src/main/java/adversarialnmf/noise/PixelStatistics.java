package adversarialnmf.noise;

/**
 * Minimum, maximum and standard deviation of all pixel values of an image set, accumulated one
 * value at a time (Welford's update, so large sets of large values lose no precision). Missing
 * values (NaN) are skipped.
 */
public final class PixelStatistics {

  private long count;
  private double mean;
  private double sumSquaredDeviations;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;

  public void add(double value) {
    if (Double.isNaN(value)) {
      return;
    }
    count++;
    double delta = value - mean;
    mean += delta / count;
    sumSquaredDeviations += delta * (value - mean);
    min = Math.min(min, value);
    max = Math.max(max, value);
  }

  public long count() {
    return count;
  }

  /** The observed range; [0, 0] when no value was observed (every pixel missing). */
  public ValueRange range() {
    return count == 0 ? new ValueRange(0, 0) : new ValueRange(min, max);
  }

  /** Population standard deviation of all observed values (0 for fewer than two). */
  public double standardDeviation() {
    return count < 2 ? 0 : Math.sqrt(sumSquaredDeviations / count);
  }
}
