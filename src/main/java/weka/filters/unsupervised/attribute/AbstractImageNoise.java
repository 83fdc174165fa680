package weka.filters.unsupervised.attribute;

import adversarialnmf.weka.CommandLineOption;
import adversarialnmf.noise.ImageCorruption;
import adversarialnmf.noise.ImageGeometry;
import adversarialnmf.noise.PixelStatistics;
import adversarialnmf.noise.ValueRange;
import java.util.Arrays;
import java.util.Random;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.Randomizable;
import weka.core.Range;
import weka.core.SparseInstance;
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
public abstract class AbstractImageNoise extends AbstractPassThroughFilter
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

  @OptionMetadata(displayName = "percentage", displayOrder = 10,
      description = "Percentage (0-100) of each image's pixels to corrupt; for patches, the percentage of"
      + " the image area the patch covers.")
  @CommandLineOption(value = "P", synopsis = "-P <percent>")
  public double getPercent() {
    return m_Percent;
  }

  public void setPercent(double percent) {
    if (!(percent >= 0 && percent <= 100)) {
      throw new IllegalArgumentException("Percentage (-P) must lie in [0, 100], got " + percent);
    }
    m_Percent = percent;
  }

  @OptionMetadata(displayName = "seed", displayOrder = 90,
      description = "Seed of the random number generator, mixed with a fingerprint of the first batch's"
      + " pixels: the same seed and data give the same corruption. A MultiFilter sets this to"
      + " its own seed, and its stages still differ because their input differs.")
  @CommandLineOption("S")
  @Override
  public int getSeed() {
    return m_Seed;
  }

  @Override
  public void setSeed(int seed) {
    m_Seed = seed;
  }

  @OptionMetadata(displayName = "image width", displayOrder = 60,
      description = "Image width in pixels; 0 takes it from the relation name (_w<W>_h<H>), else from the"
      + " height, else assumes square images.")
  @CommandLineOption(value = "width", synopsis = "-width <pixels>")
  public int getImageWidth() {
    return m_ImageWidth;
  }

  public void setImageWidth(int width) {
    if (width < 0) {
      throw new IllegalArgumentException("Image width (-width) must be >= 0, got " + width);
    }
    m_ImageWidth = width;
  }

  @OptionMetadata(displayName = "image height", displayOrder = 61,
      description = "Image height in pixels; 0 takes it from the relation name (_w<W>_h<H>), else from"
      + " the width, else assumes square images.")
  @CommandLineOption(value = "height", synopsis = "-height <pixels>")
  public int getImageHeight() {
    return m_ImageHeight;
  }

  public void setImageHeight(int height) {
    if (height < 0) {
      throw new IllegalArgumentException("Image height (-height) must be >= 0, got " + height);
    }
    m_ImageHeight = height;
  }

  @OptionMetadata(displayName = "pixel attributes", displayOrder = 62,
      description = "Range of attributes holding the pixels in row-major order, such as first-last or"
      + " 2-785; only numeric non-class attributes in it are pixels, all others pass through.")
  @CommandLineOption(value = "R", synopsis = "-R <range>")
  public String getPixelAttributes() {
    return m_PixelRange.getRanges();
  }

  public void setPixelAttributes(String range) {
    m_PixelRange = new Range(range);
  }

  @OptionMetadata(displayName = "every batch", displayOrder = 70,
      description = "Corrupt every batch, not only the first; by default (as AddNoise) later batches,"
      + " such as test data in a FilteredClassifier, pass through unchanged.")
  @CommandLineOption("every-batch")
  public boolean getEveryBatch() {
    return m_EveryBatch;
  }

  public void setEveryBatch(boolean everyBatch) {
    m_EveryBatch = everyBatch;
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
      for (int row = 0; row < instances.numInstances(); row++) {
        Instance instance = instances.instance(row);
        for (int index : m_PixelIndices) {
          double value = instance.value(index);
          if (Double.isInfinite(value)) {
            throw new IllegalArgumentException(getClass().getName() + ": pixel '" + instances.attribute(index).name()
                + "' of instance " + (rowsBeforeThisCall() + row + 1) + " is " + value
                + "; images need finite pixel values (replace it, or mark it missing)");
          }
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
    for (int row = 0; row < instances.numInstances(); row++) {
      Instance instance = instances.instance(row);
      double[] values = instance.toDoubleArray();
      for (int j = 0; j < image.length; j++) {
        image[j] = values[m_PixelIndices[j]];
      }
      m_Corruption.corrupt(image, m_Geometry.width(), m_Geometry.height(), m_ValueRange,
          m_Random);
      requireFinite(image, values, instances, row);
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

  /** Refuses (rather than writes) a corrupted value that overflowed where the pixel was finite. */
  private void requireFinite(double[] image, double[] values, Instances instances, int row) {
    for (int j = 0; j < image.length; j++) {
      double original = values[m_PixelIndices[j]];
      if (!Double.isFinite(image[j]) && Double.isFinite(original)) {
        throw new IllegalArgumentException(getClass().getName() + ": the corruption turned pixel '"
            + instances.attribute(m_PixelIndices[j]).name() + "' of instance " + (rowsBeforeThisCall() + row + 1)
            + " (" + original + ") into " + image[j] + ": the noise is beyond double precision for these data"
            + " (options " + Utils.joinOptions(getOptions()) + "); lower -sigma or the fill value");
      }
    }
  }

  /** The percentage option as a fraction. */
  protected double fraction() {
    return m_Percent / 100.0;
  }
}
