package weka.filters.unsupervised.attribute;

import adversarialnmf.weka.CommandLineOption;
import adversarialnmf.noise.PixelStatistics;
import adversarialnmf.noise.ValueRange;
import weka.core.Option;
import weka.core.OptionMetadata;

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

  @OptionMetadata(displayName = "minimum value", displayOrder = 40,
      description = "Lower end of the values the noise writes (pepper, random values); NaN (the default)"
      + " takes the minimum pixel value of the first batch.")
  @CommandLineOption(value = "min", synopsis = "-min <value>")
  public double getMinValue() {
    return m_MinValue;
  }

  public void setMinValue(double value) {
    if (Double.isInfinite(value)) {
      throw new IllegalArgumentException("Option -min must be finite or NaN, got " + value);
    }
    m_MinValue = value;
  }

  @OptionMetadata(displayName = "maximum value", displayOrder = 41,
      description = "Upper end of the values the noise writes (salt, random values); NaN (the default)"
      + " takes the maximum pixel value of the first batch.")
  @CommandLineOption(value = "max", synopsis = "-max <value>")
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
