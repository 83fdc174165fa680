package weka.filters.unsupervised.attribute;

import adversarialnmf.noise.ImageCorruption;
import adversarialnmf.noise.PatchShape;
import adversarialnmf.noise.PixelStatistics;
import adversarialnmf.noise.RegularPatch;
import adversarialnmf.weka.CommandLineOption;
import adversarialnmf.weka.EnumTags;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;
import weka.core.Tag;

/**
 * One rectangular patch per image covering P% of its area, at a random position, filled with
 * random values or a constant.
 */
public class RegularPatchNoise extends AbstractPatchNoise {

  /** Changed when the shape became the core's {@link PatchShape}: filters saved before do not load. */
  private static final long serialVersionUID = 7310625306880468246L;

  public static final Tag[] TAGS_SHAPE = EnumTags.of(PatchShape.class);

  protected PatchShape m_Shape = PatchShape.SQUARE;

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
    return new RegularPatch(fraction(), m_Shape, patchFill());
  }

  @OptionMetadata(displayName = "patch shape", displayOrder = 20,
      description = "The patch's shape: a square (spanning the shorter side if it does not fit), or a"
      + " rectangle with the image's aspect ratio.")
  @CommandLineOption("shape")
  public SelectedTag getShape() {
    return EnumTags.selected(m_Shape, TAGS_SHAPE);
  }

  public void setShape(SelectedTag shape) {
    m_Shape = EnumTags.value(shape, PatchShape.class, "Shape (-shape)");
  }

  public static void main(String[] args) {
    runFilter(new RegularPatchNoise(), args);
  }
}
