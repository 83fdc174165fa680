package weka.filters.unsupervised.attribute;

import adversarialnmf.noise.ImageCorruption;
import adversarialnmf.noise.ImageGeometry;
import adversarialnmf.noise.PixelStatistics;
import adversarialnmf.noise.ValueRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Random;
import java.util.Vector;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.Randomizable;
import weka.core.Range;
import weka.core.SelectedTag;
import weka.core.SparseInstance;
import weka.core.Tag;
import weka.core.Utils;
import weka.core.WeightedInstancesHandler;
import weka.filters.UnsupervisedFilter;

/**
 * Shared base of the image-noise filters. Each instance is one grey-level image whose pixels are
 * the numeric non-class attributes in the pixel range, stored row-major; the class and every other
 * attribute pass through unchanged. A subclass only declares its own options and builds the
 * {@link ImageCorruption} that does the work.
 *
 * <p>Like Weka's {@code AddNoise}, only the first batch is corrupted unless every-batch mode is on;
 * the value range and standard deviation that options default to are taken from the first batch.
 * The generator is seeded with the seed mixed with a fingerprint of the first batch's pixels:
 * Weka's {@code MultiFilter} hands its own seed to every stage of a chain, and the stages must
 * still draw independent corruptions. Instance weights pass through unchanged.
 */
public abstract class AbstractImageNoise extends AbstractAtomicBatchFilter
    implements UnsupervisedFilter, Randomizable, WeightedInstancesHandler {

  private static final long serialVersionUID = -3184519625074926402L;

  /** Percentage of pixels (or of the image area, for patches) to corrupt. */
  protected double m_Percent = defaultPercent();

  protected int m_Seed = 1;

  /** Image width in pixels; 0 = from the relation name or a square. */
  protected int m_ImageWidth = 0;

  /** Image height in pixels; 0 = from the relation name or a square. */
  protected int m_ImageHeight = 0;

  /** Attributes that may hold pixels (only the numeric non-class ones among them do). */
  protected Range m_PixelRange = new Range("first-last");

  /** Whether batches after the first are corrupted too. */
  protected boolean m_EveryBatch = false;

  // Fitted by setInputFormat (geometry) and the first batch (the rest).
  private int[] m_PixelIndices;
  private ImageGeometry m_Geometry;
  private ValueRange m_ValueRange;
  private ImageCorruption m_Corruption;
  private Random m_Random;

  /** The default of the percentage option. */
  protected double defaultPercent() {
    return 10;
  }

  /**
   * Builds the corruption from this filter's options and the statistics of the first batch's
   * pixels.
   */
  protected abstract ImageCorruption createCorruption(PixelStatistics firstBatch);

  /** The values the corruption may write; by default the first batch's own range. */
  protected ValueRange valueRange(PixelStatistics firstBatch) {
    return firstBatch.range();
  }

  @Override
  public Enumeration<Option> listOptions() {
    Vector<Option> options = new Vector<>();
    options.add(new Option("\tPercentage of pixels to corrupt (of the image area, for patches)"
        + "\n\t(default " + Utils.doubleToString(defaultPercent(), 3) + ")", "P", 1,
        "-P <percent>"));
    options.add(new Option("\tRandom number seed (default 1)", "S", 1, "-S <seed>"));
    options.add(new Option("\tImage width in pixels (default 0: from the relation name's"
        + "\n\t_w<W>_h<H>, else from the height, else a square)", "width", 1, "-width <pixels>"));
    options.add(new Option("\tImage height in pixels (default 0: as the width)", "height", 1,
        "-height <pixels>"));
    options.add(new Option("\tAttributes holding the pixels, row-major; only numeric non-class"
        + "\n\tattributes in the range are pixels (default first-last)", "R", 1,
        "-R <range>"));
    options.add(new Option("\tCorrupt every batch, not only the first (default: later batches"
        + "\n\tpass through unchanged, as with AddNoise)", "every-batch", 0, "-every-batch"));
    options.addAll(Collections.list(super.listOptions()));
    return options.elements();
  }

  @Override
  public void setOptions(String[] options) throws Exception {
    setPercent(doubleOption("P", defaultPercent(), options));
    setSeed(intOption("S", 1, options));
    setImageWidth(intOption("width", 0, options));
    setImageHeight(intOption("height", 0, options));
    String range = Utils.getOption('R', options);
    setPixelAttributes(range.isEmpty() ? "first-last" : range);
    setEveryBatch(Utils.getFlag("every-batch", options));
    super.setOptions(options);
    Utils.checkForRemainingOptions(options);
  }

  @Override
  public String[] getOptions() {
    List<String> options = new ArrayList<>();
    options.add("-P");
    options.add(Double.toString(m_Percent));
    options.add("-S");
    options.add(Integer.toString(m_Seed));
    if (m_ImageWidth > 0) {
      options.add("-width");
      options.add(Integer.toString(m_ImageWidth));
    }
    if (m_ImageHeight > 0) {
      options.add("-height");
      options.add(Integer.toString(m_ImageHeight));
    }
    options.add("-R");
    options.add(getPixelAttributes());
    if (m_EveryBatch) {
      options.add("-every-batch");
    }
    Collections.addAll(options, super.getOptions());
    return options.toArray(new String[0]);
  }

  /** Parses a numeric option, naming it in the error. */
  protected static double doubleOption(String name, double defaultValue, String[] options)
      throws Exception {
    String value = Utils.getOption(name, options);
    if (value.isEmpty()) {
      return defaultValue;
    }
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Option -" + name + " needs a number, got '" + value
          + "'");
    }
  }

  /** Parses an integer option, naming it in the error. */
  protected static int intOption(String name, int defaultValue, String[] options)
      throws Exception {
    String value = Utils.getOption(name, options);
    if (value.isEmpty()) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("Option -" + name + " needs an integer, got '" + value
          + "'");
    }
  }

  /** Parses an option naming one of {@code tags} by its readable name, naming it in the error. */
  protected static SelectedTag tagOption(String name, String defaultValue, Tag[] tags,
      String[] options) throws Exception {
    String value = Utils.getOption(name, options);
    if (value.isEmpty()) {
      value = defaultValue;
    }
    StringBuilder valid = new StringBuilder();
    for (Tag tag : tags) {
      if (tag.getIDStr().equals(value)) {
        return new SelectedTag(tag.getID(), tags);
      }
      valid.append(valid.length() == 0 ? "" : ", ").append(tag.getIDStr());
    }
    throw new IllegalArgumentException("Option -" + name + " must be one of " + valid + ", got '"
        + value + "'");
  }

  public String percentTipText() {
    return "Percentage (0-100) of each image's pixels to corrupt; for patches, the percentage of"
        + " the image area the patch covers.";
  }

  public double getPercent() {
    return m_Percent;
  }

  public void setPercent(double percent) {
    if (!(percent >= 0 && percent <= 100)) {
      throw new IllegalArgumentException("Percentage (-P) must lie in [0, 100], got " + percent);
    }
    m_Percent = percent;
  }

  public String seedTipText() {
    return "Seed of the random number generator, mixed with a fingerprint of the first batch's"
        + " pixels: the same seed and data give the same corruption (a MultiFilter sets this to its"
        + " own seed, and its stages still differ because their input differs).";
  }

  @Override
  public int getSeed() {
    return m_Seed;
  }

  @Override
  public void setSeed(int seed) {
    m_Seed = seed;
  }

  public String imageWidthTipText() {
    return "Image width in pixels; 0 takes it from the relation name (_w<W>_h<H>), else from the"
        + " height, else assumes square images.";
  }

  public int getImageWidth() {
    return m_ImageWidth;
  }

  public void setImageWidth(int width) {
    if (width < 0) {
      throw new IllegalArgumentException("Image width (-width) must be >= 0, got " + width);
    }
    m_ImageWidth = width;
  }

  public String imageHeightTipText() {
    return "Image height in pixels; 0 takes it from the relation name (_w<W>_h<H>), else from the"
        + " width, else assumes square images.";
  }

  public int getImageHeight() {
    return m_ImageHeight;
  }

  public void setImageHeight(int height) {
    if (height < 0) {
      throw new IllegalArgumentException("Image height (-height) must be >= 0, got " + height);
    }
    m_ImageHeight = height;
  }

  public String pixelAttributesTipText() {
    return "Range of attributes holding the pixels in row-major order (e.g. first-last, 2-785);"
        + " only numeric non-class attributes in it are pixels, all others pass through.";
  }

  public String getPixelAttributes() {
    return m_PixelRange.getRanges();
  }

  public void setPixelAttributes(String range) {
    m_PixelRange = new Range(range);
  }

  public String everyBatchTipText() {
    return "If true every batch is corrupted; if false (default, as AddNoise) only the first batch"
        + " is, and later batches, e.g. test data in a FilteredClassifier, pass through.";
  }

  public boolean getEveryBatch() {
    return m_EveryBatch;
  }

  public void setEveryBatch(boolean everyBatch) {
    m_EveryBatch = everyBatch;
  }

  @Override
  public Capabilities getCapabilities() {
    Capabilities result = super.getCapabilities();
    result.disableAll();
    result.enableAllAttributes();
    result.enable(Capability.MISSING_VALUES);
    result.enableAllClasses();
    result.enable(Capability.MISSING_CLASS_VALUES);
    result.enable(Capability.NO_CLASS);
    return result;
  }

  @Override
  protected boolean hasImmediateOutputFormat() {
    return true;
  }

  /** Finds the pixel attributes and the image geometry, so that a misfit fails here already. */
  @Override
  protected Instances determineOutputFormat(Instances inputFormat) {
    try {
      m_PixelRange.setUpper(inputFormat.numAttributes() - 1);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Pixel attribute range (-R) '" + getPixelAttributes()
          + "' is invalid for " + inputFormat.numAttributes() + " attributes: " + e.getMessage(),
          e);
    }
    int[] candidates = m_PixelRange.getSelection();
    int[] pixels = new int[candidates.length];
    int numPixels = 0;
    for (int index : candidates) {
      if (index != inputFormat.classIndex() && inputFormat.attribute(index).isNumeric()) {
        pixels[numPixels++] = index;
      }
    }
    m_PixelIndices = Arrays.copyOf(pixels, numPixels);
    try {
      m_Geometry = ImageGeometry.resolve(m_ImageWidth, m_ImageHeight, inputFormat.relationName(),
          numPixels);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(e.getMessage() + " (pixels: the numeric non-class"
          + " attributes in range '" + getPixelAttributes() + "')", e);
    }
    return new Instances(inputFormat, 0);
  }

  @Override
  protected Instances process(Instances instances) {
    if (isFirstBatchDone() && !m_EveryBatch) {
      return instances;
    }
    if (!isFirstBatchDone()) {
      PixelStatistics statistics = new PixelStatistics();
      long fingerprint = 1;
      for (Instance instance : instances) {
        for (int index : m_PixelIndices) {
          double value = instance.value(index);
          statistics.add(value);
          fingerprint = 31 * fingerprint + Double.hashCode(value);
        }
      }
      m_ValueRange = valueRange(statistics);
      m_Corruption = createCorruption(statistics);
      // Weka's MultiFilter gives all its Randomizable stages one seed, its own: mixing in the data
      // keeps the stages of a chain independent (a stage must not redraw its predecessor's pixels)
      m_Random = new Random(m_Seed * 0x9E3779B97F4A7C15L ^ fingerprint);
    }
    Instances result = new Instances(instances, instances.numInstances());
    double[] image = new double[m_PixelIndices.length];
    for (Instance instance : instances) {
      double[] values = instance.toDoubleArray();
      for (int j = 0; j < image.length; j++) {
        image[j] = values[m_PixelIndices[j]];
      }
      m_Corruption.corrupt(image, m_Geometry.width(), m_Geometry.height(), m_ValueRange,
          m_Random);
      for (int j = 0; j < image.length; j++) {
        // a missing pixel stays missing
        if (!Utils.isMissingValue(values[m_PixelIndices[j]])) {
          values[m_PixelIndices[j]] = image[j];
        }
      }
      // a sparse instance built from the full array keeps every corrupted zero as a value
      result.add(instance instanceof SparseInstance
          ? new SparseInstance(instance.weight(), values)
          : new DenseInstance(instance.weight(), values));
    }
    return result;
  }

  /** The percentage option as a fraction. */
  protected double fraction() {
    return m_Percent / 100.0;
  }
}
