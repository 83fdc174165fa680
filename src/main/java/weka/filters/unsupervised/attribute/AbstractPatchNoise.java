package weka.filters.unsupervised.attribute;

import adversarialnmf.weka.CommandLineOption;
import adversarialnmf.noise.PatchFill;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;
import weka.core.Tag;

/**
 * Base of the patch (occlusion) filters: one region per image covering P% of its area, filled with
 * random values from the value range or with a constant.
 */
public abstract class AbstractPatchNoise extends AbstractValueRangeNoise {

  private static final long serialVersionUID = -4420716853700040612L;

  public static final int FILL_RANDOM = 0;
  public static final int FILL_CONSTANT = 1;
  public static final Tag[] TAGS_FILL = {
    new Tag(FILL_RANDOM, "random",
        "Random values uniform in [min, max], one per pixel", false),
    new Tag(FILL_CONSTANT, "constant",
        "The constant fill value", false),
  };

  protected int m_Fill = FILL_RANDOM;

  protected double m_FillValue = 0;

  /** The fill the options describe. */
  protected PatchFill patchFill() {
    return m_Fill == FILL_CONSTANT ? PatchFill.constant(m_FillValue) : PatchFill.random();
  }

  @OptionMetadata(displayName = "fill", displayOrder = 30,
      description = "What the patch is filled with: random values uniform in [min, max], one per pixel,"
      + " or the constant fill value.")
  @CommandLineOption("fill")
  public SelectedTag getFill() {
    return new SelectedTag(m_Fill, TAGS_FILL);
  }

  public void setFill(SelectedTag fill) {
    if (fill.getTags() != TAGS_FILL) {
      throw new IllegalArgumentException("Fill (-fill) must be random or constant");
    }
    m_Fill = fill.getSelectedTag().getID();
  }

  @OptionMetadata(displayName = "fill value", displayOrder = 31,
      description = "The value every patch pixel gets when the fill is constant, such as 0 for a black"
      + " occlusion.")
  @CommandLineOption(value = "fill-value", synopsis = "-fill-value <value>")
  public double getFillValue() {
    return m_FillValue;
  }

  public void setFillValue(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("Fill value (-fill-value) must be finite, got " + value);
    }
    m_FillValue = value;
  }
}
