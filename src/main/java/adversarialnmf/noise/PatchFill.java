package adversarialnmf.noise;

import java.io.Serializable;
import java.util.Random;

/** What a patch is filled with: values uniform in the range, drawn per pixel, or one constant. */
public final class PatchFill implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final PatchFill RANDOM = new PatchFill(Double.NaN);

  /** NaN marks the random fill. */
  private final double constant;

  private PatchFill(double constant) {
    this.constant = constant;
  }

  /** Each patch pixel gets its own value, uniform in the value range. */
  public static PatchFill random() {
    return RANDOM;
  }

  /** Every patch pixel gets {@code value} (an occlusion of fixed grey level). */
  public static PatchFill constant(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("Patch fill value must be finite, got " + value);
    }
    return new PatchFill(value);
  }

  public boolean isRandom() {
    return Double.isNaN(constant);
  }

  double value(ValueRange range, Random random) {
    return isRandom() ? range.uniform(random) : constant;
  }

  @Override
  public String toString() {
    return isRandom() ? "random values" : "constant " + constant;
  }
}
