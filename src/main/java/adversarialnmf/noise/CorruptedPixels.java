package adversarialnmf.noise;

import java.util.Random;

/** Random corrupted pixels: round(p m) distinct pixels replaced by values uniform in the range. */
public final class CorruptedPixels implements ImageCorruption {

  private static final long serialVersionUID = 1L;

  private final double fraction;

  public CorruptedPixels(double fraction) {
    this.fraction = ImageCorruption.checkFraction(fraction);
  }

  @Override
  public void corrupt(double[] pixels, int width, int height, ValueRange range, Random random) {
    ImageCorruption.checkImage(pixels, width, height);
    int count = ImageCorruption.pixelCount(fraction, pixels.length);
    int[] positions = PixelSampling.distinctPositions(count, pixels.length, random);
    for (int i = 0; i < count; i++) {
      pixels[positions[i]] = range.uniform(random);
    }
  }

  @Override
  public String describe() {
    return "corrupted pixels on " + 100 * fraction + "% of pixels";
  }
}
