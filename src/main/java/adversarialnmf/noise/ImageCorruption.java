package adversarialnmf.noise;

import java.io.Serializable;
import java.util.Random;

/**
 * One way of corrupting a grey-level image. The image is a row-major pixel array (index = row *
 * width + column) that the corruption overwrites in place; it depends on nothing but its arguments
 * and its own configuration, so the same generator state gives the same corruption.
 */
public interface ImageCorruption extends Serializable {

  /**
   * Corrupts {@code pixels} in place.
   *
   * @param pixels row-major image of {@code width * height} values
   * @param range the values the corruption may write (salt and pepper extremes, random values)
   * @param random the only source of randomness
   */
  void corrupt(double[] pixels, int width, int height, ValueRange range, Random random);

  /** One line naming the corruption and its parameters, for logs and galleries. */
  String describe();

  /** The number of pixels a fraction p of an m-pixel image stands for, rounded to nearest. */
  static int pixelCount(double fraction, int numPixels) {
    return (int) Math.round(fraction * numPixels);
  }

  /** Checks the arguments every corruption shares. */
  static void checkImage(double[] pixels, int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("Image width and height must be positive, got " + width
          + "x" + height);
    }
    if (pixels.length != (long) width * height) {
      throw new IllegalArgumentException("Image of " + width + "x" + height + " needs "
          + (long) width * height + " pixels, got " + pixels.length);
    }
  }

  /** Checks a fraction of the image (pixels or area) lies in [0, 1]. */
  static double checkFraction(double fraction) {
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException("Corrupted fraction must lie in [0, 1], got " + fraction);
    }
    return fraction;
  }
}
