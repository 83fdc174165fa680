package adversarialnmf.noise;

import java.util.Random;

/** Draws distinct pixel positions. */
final class PixelSampling {

  private PixelSampling() {
  }

  /**
   * Returns an array whose first {@code count} entries are distinct positions in [0, numPixels),
   * drawn uniformly without replacement (a partial Fisher-Yates shuffle).
   */
  static int[] distinctPositions(int count, int numPixels, Random random) {
    int[] positions = new int[numPixels];
    for (int i = 0; i < numPixels; i++) {
      positions[i] = i;
    }
    for (int i = 0; i < count; i++) {
      int j = i + random.nextInt(numPixels - i);
      int swap = positions[i];
      positions[i] = positions[j];
      positions[j] = swap;
    }
    return positions;
  }
}
