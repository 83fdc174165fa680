package weka.filters.unsupervised.attribute;

import adversarialnmf.weka.CommandLineOption;
import adversarialnmf.noise.ImageCorruption;
import adversarialnmf.noise.PatchShape;
import adversarialnmf.noise.PixelStatistics;
import adversarialnmf.noise.RegularPatch;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;
import weka.core.Tag;

/**
 * One rectangular patch per image covering P% of its area, at a random position, filled with
 * random values or a constant.
 */
public class RegularPatchNoise extends AbstractPatchNoise {

  private static final long serialVersionUID = 7310625306880468245L;

  public static final int SHAPE_SQUARE = 0;
  public static final int SHAPE_IMAGE_ASPECT = 1;
  public static final Tag[] TAGS_SHAPE = {
    new Tag(SHAPE_SQUARE, "square",
        "A square (spanning the shorter side if it does not fit)", false),
    new Tag(SHAPE_IMAGE_ASPECT, "image",
        "A rectangle with the image's aspect ratio", false),
  };

  protected int m_Shape = SHAPE_SQUARE;

  @Override
  public String globalInfo() {
    return "Regular patch noise (occlusion) for images stored one per instance (pixels row-major"
        + " in the numeric non-class attributes). Each image gets one rectangular patch covering"
        + " P% of its area (a square of side round(sqrt(area)), or the image's aspect ratio), at a"
        + " position uniform over all placements inside the image, filled with random values"
        + " uniform in [min, max] (default: the first batch's pixel range) or a constant. Image"
        + " geometry comes from the options, else the relation name (_w<W>_h<H>), else a square."
        + " Only the first batch is corrupted unless everyBatch is set.";
  }

  @Override
  protected ImageCorruption createCorruption(PixelStatistics firstBatch) {
    PatchShape shape = m_Shape == SHAPE_IMAGE_ASPECT ? PatchShape.IMAGE_ASPECT : PatchShape.SQUARE;
    return new RegularPatch(fraction(), shape, patchFill());
  }

  @OptionMetadata(displayName = "patch shape", displayOrder = 20,
      description = "The patch's shape: a square (spanning the shorter side if it does not fit), or a"
      + " rectangle with the image's aspect ratio.")
  @CommandLineOption("shape")
  public SelectedTag getShape() {
    return new SelectedTag(m_Shape, TAGS_SHAPE);
  }

  public void setShape(SelectedTag shape) {
    if (shape.getTags() != TAGS_SHAPE) {
      throw new IllegalArgumentException("Shape (-shape) must be square or image");
    }
    m_Shape = shape.getSelectedTag().getID();
  }

  public static void main(String[] args) {
    runFilter(new RegularPatchNoise(), args);
  }
}
