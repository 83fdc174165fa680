package adversarialnmf.noise;

import java.util.Random;

/**
 * One connected blob per image covering round(p m) pixels. The blob grows from a uniformly drawn
 * seed pixel: at each step one pixel is drawn uniformly from the blob's current boundary (the
 * pixels outside it that neighbour it under the chosen connectivity) and added. The result is a
 * compact but ragged region, always connected, of exactly the requested size.
 */
public final class IrregularPatch implements ImageCorruption {

  private static final long serialVersionUID = 1L;

  private static final byte OUTSIDE = 0;
  private static final byte BOUNDARY = 1;
  private static final byte INSIDE = 2;

  private final double fraction;
  private final Connectivity connectivity;
  private final PatchFill fill;

  public IrregularPatch(double fraction, Connectivity connectivity, PatchFill fill) {
    this.fraction = ImageCorruption.checkFraction(fraction);
    if (connectivity == null || fill == null) {
      throw new IllegalArgumentException("Patch connectivity and fill must be given");
    }
    this.connectivity = connectivity;
    this.fill = fill;
  }

  @Override
  public void corrupt(double[] pixels, int width, int height, ValueRange range, Random random) {
    ImageCorruption.checkImage(pixels, width, height);
    int target = ImageCorruption.pixelCount(fraction, pixels.length);
    if (target == 0) {
      return;
    }
    byte[] state = new byte[pixels.length];
    int[] boundary = new int[pixels.length];
    int boundarySize = 0;
    int next = random.nextInt(pixels.length);
    for (int grown = 1; ; grown++) {
      state[next] = INSIDE;
      pixels[next] = fill.value(range, random);
      int row = next / width;
      int column = next % width;
      for (int k = 0; k < connectivity.numNeighbours(); k++) {
        int r = row + connectivity.rowStep(k);
        int c = column + connectivity.columnStep(k);
        if (r >= 0 && r < height && c >= 0 && c < width && state[r * width + c] == OUTSIDE) {
          state[r * width + c] = BOUNDARY;
          boundary[boundarySize++] = r * width + c;
        }
      }
      if (grown == target) {
        return;
      }
      // the grid is connected, so the boundary is never empty while the blob is smaller than it
      int pick = random.nextInt(boundarySize);
      next = boundary[pick];
      boundary[pick] = boundary[--boundarySize];
    }
  }

  @Override
  public String describe() {
    return "irregular " + connectivity.name().toLowerCase(java.util.Locale.ROOT)
        + "-connected patch on " + 100 * fraction + "% of the area, " + fill;
  }
}
