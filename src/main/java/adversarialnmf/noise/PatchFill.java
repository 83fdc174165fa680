package adversarialnmf.noise;

import adversarialnmf.Choice;
import java.io.Serializable;
import java.util.Random;

/** What a patch is filled with: values uniform in the range, drawn per pixel, or one constant. */
public final class PatchFill implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The two kinds of fill, as a user picks them; a constant fill also needs its value. */
  public enum Kind implements Choice {
    RANDOM("random", "Random values uniform in [min, max], one per pixel"),
    CONSTANT("constant", "The constant fill value");

    private final String key;
    private final String description;

    Kind(String key, String description) {
      this.key = key;
      this.description = description;
    }

    @Override
    public String key() {
      return key;
    }

    @Override
    public String description() {
      return description;
    }
  }

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

  /** The fill of this kind; {@code value} is used by the constant fill only. */
  public static PatchFill of(Kind kind, double value) {
    return kind == Kind.CONSTANT ? constant(value) : random();
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
