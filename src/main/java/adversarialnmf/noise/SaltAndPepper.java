package adversarialnmf.noise;

import java.util.Random;

/**
 * Salt and pepper noise: round(p m) distinct pixels, drawn uniformly, each set to the range's
 * maximum (salt) or minimum (pepper) with probability one half.
 */
public final class SaltAndPepper implements ImageCorruption {

  private static final long serialVersionUID = 1L;

  private final double fraction;

  public SaltAndPepper(double fraction) {
    this.fraction = ImageCorruption.checkFraction(fraction);
  }

  @Override
  public void corrupt(double[] pixels, int width, int height, ValueRange range, Random random) {
    ImageCorruption.checkImage(pixels, width, height);
    int count = ImageCorruption.pixelCount(fraction, pixels.length);
    int[] positions = PixelSampling.distinctPositions(count, pixels.length, random);
    for (int i = 0; i < count; i++) {
      pixels[positions[i]] = random.nextBoolean() ? range.max() : range.min();
    }
  }

  @Override
  public String describe() {
    return "salt & pepper on " + 100 * fraction + "% of pixels";
  }
}
