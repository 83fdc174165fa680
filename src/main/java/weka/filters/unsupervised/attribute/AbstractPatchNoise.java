package weka.filters.unsupervised.attribute;

import adversarialnmf.noise.PatchFill;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Vector;
import weka.core.Option;
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

  @Override
  public Enumeration<Option> listOptions() {
    Vector<Option> options = new Vector<>();
    options.add(new Option("\tWhat the patch is filled with: random (values uniform in"
        + "\n\t[min, max], one per pixel) or constant (default random)", "fill", 1,
        "-fill <random|constant>"));
    options.add(new Option("\tThe value of a constant fill (default 0)", "fill-value", 1,
        "-fill-value <value>"));
    options.addAll(Collections.list(super.listOptions()));
    return options.elements();
  }

  @Override
  public void setOptions(String[] options) throws Exception {
    setFill(tagOption("fill", "random", TAGS_FILL, options));
    setFillValue(doubleOption("fill-value", 0, options));
    super.setOptions(options);
  }

  @Override
  public String[] getOptions() {
    List<String> options = new ArrayList<>();
    options.add("-fill");
    options.add(getFill().getSelectedTag().getIDStr());
    options.add("-fill-value");
    options.add(Double.toString(m_FillValue));
    Collections.addAll(options, super.getOptions());
    return options.toArray(new String[0]);
  }

  public String fillTipText() {
    return "What the patch is filled with: random values uniform in [min, max], one per pixel,"
        + " or the constant fill value.";
  }

  public SelectedTag getFill() {
    return new SelectedTag(m_Fill, TAGS_FILL);
  }

  public void setFill(SelectedTag fill) {
    if (fill.getTags() != TAGS_FILL) {
      throw new IllegalArgumentException("Fill (-fill) must be random or constant");
    }
    m_Fill = fill.getSelectedTag().getID();
  }

  public String fillValueTipText() {
    return "The value every patch pixel gets when the fill is constant (e.g. 0 for a black"
        + " occlusion).";
  }

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
