package weka.filters.unsupervised.attribute;

import adversarialnmf.noise.PatchFill;
import adversarialnmf.weka.CommandLineOption;
import adversarialnmf.weka.EnumTags;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;
import weka.core.Tag;

/**
 * Base of the patch (occlusion) filters: one region per image covering P% of its area, filled with
 * random values from the value range or with a constant.
 */
public abstract class AbstractPatchNoise extends AbstractValueRangeNoise {

  /** Changed when the fill became the core's {@link PatchFill.Kind}: filters saved before do not load. */
  private static final long serialVersionUID = -4420716853700040613L;

  public static final Tag[] TAGS_FILL = EnumTags.of(PatchFill.Kind.class);

  protected PatchFill.Kind m_Fill = PatchFill.Kind.RANDOM;

  protected double m_FillValue = 0;

  /** The fill the options describe. */
  protected PatchFill patchFill() {
    return PatchFill.of(m_Fill, m_FillValue);
  }

  @OptionMetadata(displayName = "fill", displayOrder = 30,
      description = "What the patch is filled with: random values uniform in [min, max], one per pixel,"
      + " or the constant fill value.")
  @CommandLineOption("fill")
  public SelectedTag getFill() {
    return EnumTags.selected(m_Fill, TAGS_FILL);
  }

  public void setFill(SelectedTag fill) {
    m_Fill = EnumTags.value(fill, PatchFill.Kind.class, "Fill (-fill)");
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
