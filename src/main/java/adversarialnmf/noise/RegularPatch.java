package adversarialnmf.noise;

import java.util.Random;

/**
 * One rectangular block per image covering a fraction p of its area (see {@link PatchShape} for
 * the rounding), at a position uniform over all placements that fit inside the image.
 */
public final class RegularPatch implements ImageCorruption {

  private static final long serialVersionUID = 1L;

  private final double fraction;
  private final PatchShape shape;
  private final PatchFill fill;

  public RegularPatch(double fraction, PatchShape shape, PatchFill fill) {
    this.fraction = ImageCorruption.checkFraction(fraction);
    if (shape == null || fill == null) {
      throw new IllegalArgumentException("Patch shape and fill must be given");
    }
    this.shape = shape;
    this.fill = fill;
  }

  @Override
  public void corrupt(double[] pixels, int width, int height, ValueRange range, Random random) {
    ImageCorruption.checkImage(pixels, width, height);
    int[] size = shape.size(fraction, width, height);
    int patchWidth = size[0];
    int patchHeight = size[1];
    int left = random.nextInt(width - patchWidth + 1);
    int top = random.nextInt(height - patchHeight + 1);
    for (int row = top; row < top + patchHeight; row++) {
      int offset = row * width;
      for (int column = left; column < left + patchWidth; column++) {
        pixels[offset + column] = fill.value(range, random);
      }
    }
  }

  @Override
  public String describe() {
    return "regular " + shape.name().toLowerCase(java.util.Locale.ROOT) + " patch on "
        + 100 * fraction + "% of the area, " + fill;
  }
}
