package adversarialnmf.noise;

import java.io.Serializable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Width and height of the images stored one per instance, pixels row-major. */
public final class ImageGeometry implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Relation names such as {@code ORL_32x32_w32_h32} carry the geometry. */
  private static final Pattern RELATION_GEOMETRY = Pattern.compile("_w(\\d+)_h(\\d+)");

  private final int width;
  private final int height;
  private final String source;

  private ImageGeometry(int width, int height, String source) {
    this.width = width;
    this.height = height;
    this.source = source;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  public int numPixels() {
    return width * height;
  }

  /** Where the geometry came from (options, relation name or square), for messages. */
  public String source() {
    return source;
  }

  /**
   * Resolves the geometry of {@code numPixels}-pixel images: the width and height given (0 =
   * not given; one given determines the other), else {@code _w<W>_h<H>} in the relation name, else
   * a square.
   *
   * @throws IllegalArgumentException naming the numbers if no geometry fits {@code numPixels}
   */
  public static ImageGeometry resolve(int width, int height, String relationName,
      int numPixels) {
    if (width < 0 || height < 0) {
      throw new IllegalArgumentException("Image width and height must be >= 0 (0 = infer), got "
          + width + "x" + height);
    }
    if (numPixels <= 0) {
      throw new IllegalArgumentException("No pixel attributes: the images need at least one");
    }
    if (width > 0 || height > 0) {
      int w = width > 0 ? width : numPixels / height;
      int h = height > 0 ? height : numPixels / width;
      return checked(w, h, "the width/height options (" + width + " x " + height + ")",
          numPixels);
    }
    Matcher m = RELATION_GEOMETRY.matcher(relationName == null ? "" : relationName);
    if (m.find()) {
      return checked(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
          "the relation name '" + relationName + "'", numPixels);
    }
    int side = (int) Math.round(Math.sqrt(numPixels));
    if (side * side != numPixels) {
      throw new IllegalArgumentException("Cannot infer the image geometry: " + numPixels
          + " pixel attributes are not a square number and the relation name has no _w<W>_h<H>;"
          + " set the image width and height");
    }
    return new ImageGeometry(side, side, "a square of " + numPixels + " pixels");
  }

  private static ImageGeometry checked(int w, int h, String source, int numPixels) {
    if (w <= 0 || h <= 0 || (long) w * h != numPixels) {
      throw new IllegalArgumentException("Image geometry " + w + "x" + h + " from " + source
          + " needs " + (long) w * h + " pixel attributes, but there are " + numPixels);
    }
    return new ImageGeometry(w, h, source);
  }

  @Override
  public String toString() {
    return width + "x" + height;
  }
}
