package adversarialnmf.linalg;

/**
 * Arithmetic that stays finite and accurate at the edges of double precision. Every solver forms
 * squares and products of m·N entries, so data whose largest value is outside [{@link #SAFE_MIN},
 * {@link #SAFE_MAX}] are first multiplied by a power of two ({@link #powerOfTwoScale}): exact in
 * binary floating point, so the data lose no digit and, within the safe range, nothing changes.
 */
public final class OverflowSafe {

  /**
   * The largest data value a fit takes as it is: 2^300 ≈ 2e90, so that a sum of squares over up to
   * 2^400 entries, and the fourth powers in ANMF's penalty, stay far below {@link Double#MAX_VALUE}.
   */
  public static final double SAFE_MAX = 0x1p300;
  /** The smallest largest-value a fit takes as it is: 2^-300, so that squares stay normal numbers. */
  public static final double SAFE_MIN = 0x1p-300;

  /** Below this a plain sum of squares may have lost digits to underflow. */
  private static final double SQUARES_UNDERFLOW = 0x1p-900;

  private OverflowSafe() {
  }

  /** True if data whose largest absolute value is {@code largest} can be factorized as they are. */
  public static boolean inSafeRange(double largest) {
    return largest >= SAFE_MIN && largest <= SAFE_MAX;
  }

  /**
   * The power of two 2^k that brings {@code largest} (finite, > 0) into [0.5, 1); infinite (not
   * representable) for the smallest subnormal values, below 2^-1023.
   */
  public static double powerOfTwoScale(double largest) {
    if (!(largest > 0.0) || Double.isInfinite(largest)) {
      throw new IllegalArgumentException("a scale needs a finite positive value, got " + largest);
    }
    int exponent = largest >= Double.MIN_NORMAL ? Math.getExponent(largest)
        : Math.getExponent(largest * 0x1p52) - 52;
    return Math.scalb(1.0, -exponent - 1);
  }

  /**
   * ‖v‖₂ over {@code length} entries of {@code values} from {@code offset} in steps of {@code stride}
   * (a column of a row-major matrix has stride = its column count): the plain sum of squares where
   * it neither overflows nor underflows (bit for bit the naive result), rescaled by the largest
   * entry where it would.
   */
  public static double norm(double[] values, int offset, int stride, int length) {
    double sum = 0.0;
    for (int i = 0, p = offset; i < length; i++, p += stride) {
      sum += values[p] * values[p];
    }
    if (sum >= SQUARES_UNDERFLOW && sum <= Double.MAX_VALUE) {
      return Math.sqrt(sum);
    }
    double largest = 0.0;
    for (int i = 0, p = offset; i < length; i++, p += stride) {
      largest = Math.max(largest, Math.abs(values[p]));
    }
    if (largest == 0.0) {
      return 0.0;
    }
    if (!Double.isFinite(largest)) {
      return sum; // NaN or infinite entries: NaN or infinity, as the plain sum
    }
    double scaled = 0.0;
    for (int i = 0, p = offset; i < length; i++, p += stride) {
      double v = values[p] / largest;
      scaled += v * v;
    }
    return largest * Math.sqrt(scaled);
  }

  /** ‖v‖₂ of a whole vector, as {@link #norm(double[], int, int, int)}. */
  public static double norm(double[] values) {
    return norm(values, 0, 1, values.length);
  }
}
