package adversarialnmf.noise;

import adversarialnmf.Choice;

/** The shape of a regular (rectangular) patch of a given area. */
public enum PatchShape implements Choice {
  /**
   * A square of side round(sqrt(area)); when that exceeds the image's shorter side, the patch spans
   * the shorter side and round(area / shorter side) along the longer one.
   */
  SQUARE("square", "A square (spanning the shorter side if it does not fit)"),
  /** The image's own aspect ratio: round(width sqrt(p)) x round(height sqrt(p)). */
  IMAGE_ASPECT("image", "A rectangle with the image's aspect ratio");

  private final String key;
  private final String description;

  PatchShape(String key, String description) {
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

  /** Returns {patchWidth, patchHeight} of a patch covering fraction p of a width x height image. */
  int[] size(double fraction, int width, int height) {
    if (this == IMAGE_ASPECT) {
      double scale = Math.sqrt(fraction);
      return new int[] {(int) Math.round(width * scale), (int) Math.round(height * scale)};
    }
    double area = fraction * width * height;
    int side = (int) Math.round(Math.sqrt(area));
    int shorter = Math.min(width, height);
    if (side <= shorter) {
      return new int[] {side, side};
    }
    int longer = (int) Math.min(Math.round(area / shorter), Math.max(width, height));
    return width <= height ? new int[] {width, longer} : new int[] {longer, height};
  }
}
