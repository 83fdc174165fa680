package weka.filters.unsupervised.attribute;

import adversarialnmf.noise.PixelStatistics;
import adversarialnmf.noise.ValueRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Vector;
import weka.core.Option;

/**
 * Base of the noise filters that write values from a range (salt and pepper extremes, random
 * pixel values, random patch fill): the range defaults to the first batch's own pixel range, and
 * either end can be set.
 */
public abstract class AbstractValueRangeNoise extends AbstractImageNoise {

  private static final long serialVersionUID = 5326020167260480385L;

  /** Lower end of the value range; NaN = the first batch's minimum pixel value. */
  protected double m_MinValue = Double.NaN;

  /** Upper end of the value range; NaN = the first batch's maximum pixel value. */
  protected double m_MaxValue = Double.NaN;

  @Override
  protected ValueRange valueRange(PixelStatistics firstBatch) {
    ValueRange data = firstBatch.range();
    if (Double.isNaN(m_MinValue) && data.min() < 0.0) {
      // the data's minimum would be written as the dark value: one bad pixel would spread to many
      throw new IllegalArgumentException(getClass().getName() + ": a pixel of the first batch is negative ("
          + data.min() + "), and the value range defaults to the data's [min, max], so " + data.min()
          + " would be written into every corrupted dark pixel; set the range with -min (e.g. -min 0), or"
          + " fix the data");
    }
    double min = Double.isNaN(m_MinValue) ? data.min() : m_MinValue;
    double max = Double.isNaN(m_MaxValue) ? data.max() : m_MaxValue;
    if (min > max) {
      throw new IllegalArgumentException("Value range minimum " + min
          + (Double.isNaN(m_MinValue) ? " (the data's)" : " (-min)") + " exceeds maximum " + max
          + (Double.isNaN(m_MaxValue) ? " (the data's)" : " (-max)"));
    }
    return new ValueRange(min, max);
  }

  @Override
  public Enumeration<Option> listOptions() {
    Vector<Option> options = new Vector<>();
    options.add(new Option("\tLower end of the values written (default: the data's minimum)",
        "min", 1, "-min <value>"));
    options.add(new Option("\tUpper end of the values written (default: the data's maximum)",
        "max", 1, "-max <value>"));
    options.addAll(Collections.list(super.listOptions()));
    return options.elements();
  }

  @Override
  public void setOptions(String[] options) throws Exception {
    setMinValue(doubleOption("min", Double.NaN, options));
    setMaxValue(doubleOption("max", Double.NaN, options));
    super.setOptions(options);
  }

  @Override
  public String[] getOptions() {
    List<String> options = new ArrayList<>();
    if (!Double.isNaN(m_MinValue)) {
      options.add("-min");
      options.add(Double.toString(m_MinValue));
    }
    if (!Double.isNaN(m_MaxValue)) {
      options.add("-max");
      options.add(Double.toString(m_MaxValue));
    }
    Collections.addAll(options, super.getOptions());
    return options.toArray(new String[0]);
  }

  public String minValueTipText() {
    return "Lower end of the values the noise writes (pepper, random values); NaN = the minimum"
        + " pixel value of the first batch.";
  }

  public double getMinValue() {
    return m_MinValue;
  }

  public void setMinValue(double value) {
    if (Double.isInfinite(value)) {
      throw new IllegalArgumentException("Option -min must be finite or NaN, got " + value);
    }
    m_MinValue = value;
  }

  public String maxValueTipText() {
    return "Upper end of the values the noise writes (salt, random values); NaN = the maximum"
        + " pixel value of the first batch.";
  }

  public double getMaxValue() {
    return m_MaxValue;
  }

  public void setMaxValue(double value) {
    if (Double.isInfinite(value)) {
      throw new IllegalArgumentException("Option -max must be finite or NaN, got " + value);
    }
    m_MaxValue = value;
  }
}
