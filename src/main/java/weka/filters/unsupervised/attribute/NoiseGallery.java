package weka.filters.unsupervised.attribute;

import adversarialnmf.noise.ImageGeometry;
import adversarialnmf.noise.PixelStatistics;
import adversarialnmf.noise.ValueRange;
import adversarialnmf.weka.CommandLineOption;
import adversarialnmf.weka.DeclaredOptions;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import weka.core.Instances;
import weka.core.OptionMetadata;
import weka.core.Utils;
import weka.core.converters.ConverterUtils.DataSource;
import weka.filters.Filter;

/**
 * Writes a PNG grid of images before and after noise filters, as the paper's Figure 1: the first
 * row holds the original images, each further row the same images after one filter (any Weka
 * filter spec, e.g. a MultiFilter chain) applied to the whole data set. Grey levels map the
 * original data's pixel range to black..white. It also prints, per filter, the fraction of all
 * pixel values of the data set that the filter changed.
 *
 * <pre>
 * java -cp weka.jar:adversarialNMF.jar weka.filters.unsupervised.attribute.NoiseGallery \
 *   -i ORL_32x32.arff.gz -o gallery.png -n 6 -scale 2 \
 *   -F "weka.filters.unsupervised.attribute.SaltAndPepperNoise -P 10" \
 *   -F "weka.filters.unsupervised.attribute.RegularPatchNoise -P 25"
 * </pre>
 */
public final class NoiseGallery {

  private static final int GAP = 2;
  private static final int WHITE = 255;

  private final Instances data;
  private final int[] pixelIndices;
  private final ImageGeometry geometry;
  private final ValueRange greyRange;

  /**
   * @param data images one per instance; a nominal last attribute is taken as the class
   * @param width image width, 0 = from the relation name or a square
   * @param height image height, 0 = as the width
   */
  public NoiseGallery(Instances data, int width, int height) {
    this.data = data;
    if (data.classIndex() < 0 && data.attribute(data.numAttributes() - 1).isNominal()) {
      data.setClassIndex(data.numAttributes() - 1);
    }
    int[] pixels = new int[data.numAttributes()];
    int numPixels = 0;
    for (int a = 0; a < data.numAttributes(); a++) {
      if (a != data.classIndex() && data.attribute(a).isNumeric()) {
        pixels[numPixels++] = a;
      }
    }
    this.pixelIndices = Arrays.copyOf(pixels, numPixels);
    this.geometry = ImageGeometry.resolve(width, height, data.relationName(), numPixels);
    PixelStatistics statistics = new PixelStatistics();
    for (int i = 0; i < data.numInstances(); i++) {
      for (int a : pixelIndices) {
        statistics.add(data.instance(i).value(a));
      }
    }
    this.greyRange = statistics.range();
  }

  /** Each filter applied to the whole data set, after the original data. */
  public List<Instances> applyAll(List<Filter> filters) throws Exception {
    List<Instances> rows = new ArrayList<>();
    rows.add(data);
    for (Filter filter : filters) {
      filter.setInputFormat(data);
      Instances filtered = Filter.useFilter(data, filter);
      if (filtered.numAttributes() != data.numAttributes()
          || filtered.numInstances() != data.numInstances()) {
        throw new IllegalArgumentException("Filter " + filter.getClass().getName()
            + " changed the number of attributes or instances; the gallery needs images in the"
            + " same attributes");
      }
      rows.add(filtered);
    }
    return rows;
  }

  /** The fraction of all pixel values of the data set that differ in {@code filtered}. */
  public double changedFraction(Instances filtered) {
    long changed = 0;
    for (int i = 0; i < data.numInstances(); i++) {
      for (int a : pixelIndices) {
        changed += Double.compare(data.instance(i).value(a), filtered.instance(i).value(a)) == 0
            ? 0 : 1;
      }
    }
    return changed / ((double) data.numInstances() * pixelIndices.length);
  }

  /** Draws the chosen instances (columns) of each data set (rows). */
  public BufferedImage render(List<Instances> rows, int[] instances, int scale) {
    int tileWidth = geometry.width() * scale;
    int tileHeight = geometry.height() * scale;
    BufferedImage image = new BufferedImage(GAP + instances.length * (tileWidth + GAP),
        GAP + rows.size() * (tileHeight + GAP), BufferedImage.TYPE_BYTE_GRAY);
    WritableRaster raster = image.getRaster();
    for (int x = 0; x < image.getWidth(); x++) {
      for (int y = 0; y < image.getHeight(); y++) {
        raster.setSample(x, y, 0, WHITE);
      }
    }
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < instances.length; c++) {
        drawTile(raster, rows.get(r), instances[c], GAP + c * (tileWidth + GAP),
            GAP + r * (tileHeight + GAP), scale);
      }
    }
    return image;
  }

  private void drawTile(WritableRaster raster, Instances rows, int instance, int left, int top,
      int scale) {
    double span = greyRange.max() - greyRange.min();
    for (int p = 0; p < pixelIndices.length; p++) {
      double value = rows.instance(instance).value(pixelIndices[p]);
      int grey = Double.isNaN(value) || span == 0 ? 0
          : (int) Math.round(WHITE * (value - greyRange.min()) / span);
      grey = Math.max(0, Math.min(WHITE, grey));
      int row = p / geometry.width();
      int column = p % geometry.width();
      for (int dy = 0; dy < scale; dy++) {
        for (int dx = 0; dx < scale; dx++) {
          raster.setSample(left + column * scale + dx, top + row * scale + dy, 0, grey);
        }
      }
    }
  }

  /** {@code count} instance indices spread evenly over the data set. */
  public static int[] evenlySpaced(int count, int numInstances) {
    int n = Math.min(count, numInstances);
    int[] indices = new int[n];
    for (int k = 0; k < n; k++) {
      indices[k] = (int) ((long) k * numInstances / n);
    }
    return indices;
  }

  private static String usage() {
    return "Usage: NoiseGallery -i <data.arff[.gz]> -o <grid.png> [-n <images, default 6>]"
        + " [-scale <pixels per pixel, default 2>] [-width <W> -height <H>]"
        + " -F \"<filter class and options>\" [-F ...]\n"
        + "Row 1 shows the original images, row k+1 the images after the k-th filter.";
  }

  public static void main(String[] args) {
    try {
      if (Utils.getFlag('h', args) || args.length == 0) {
        System.out.println(usage());
        return;
      }
      Command command = new Command();
      command.setOptions(args);
      command.run();
    } catch (Exception e) {
      System.err.println("NoiseGallery: " + e.getMessage());
      System.err.println(usage());
      System.exit(1);
    }
  }

  /** The command line of {@link #main}, each option declared once (flag, default, check). */
  public static final class Command {
    private String m_Input = "";
    private String m_Output = "";
    private int m_Count = 6;
    private int m_Scale = 2;
    private int m_Width = 0;
    private int m_Height = 0;
    private String[] m_Filters = new String[0];

    /** Sets every option from {@code args}; a bad or unknown one is an error naming it. */
    public void setOptions(String[] args) throws Exception {
      DeclaredOptions.setOptions(this, args);
      Utils.checkForRemainingOptions(args);
      if (m_Input.isEmpty() || m_Output.isEmpty()) {
        throw new IllegalArgumentException("Options -i (input data) and -o (PNG file) are required");
      }
    }

    @OptionMetadata(displayName = "input", displayOrder = 10, description = "The images, one per instance.")
    @CommandLineOption(value = "i", synopsis = "-i <data.arff[.gz]>")
    public String getInput() {
      return m_Input;
    }

    public void setInput(String path) {
      m_Input = path;
    }

    @OptionMetadata(displayName = "output", displayOrder = 20, description = "The PNG file to write.")
    @CommandLineOption(value = "o", synopsis = "-o <grid.png>")
    public String getOutput() {
      return m_Output;
    }

    public void setOutput(String path) {
      m_Output = path;
    }

    @OptionMetadata(displayName = "images", displayOrder = 30, description = "Images per row, evenly spaced.")
    @CommandLineOption("n")
    public int getCount() {
      return m_Count;
    }

    public void setCount(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("-n needs at least 1 image, got " + count);
      }
      m_Count = count;
    }

    @OptionMetadata(displayName = "scale", displayOrder = 40, description = "Screen pixels per image pixel.")
    @CommandLineOption("scale")
    public int getScale() {
      return m_Scale;
    }

    public void setScale(int scale) {
      if (scale < 1) {
        throw new IllegalArgumentException("-scale needs at least 1 pixel per pixel, got " + scale);
      }
      m_Scale = scale;
    }

    @OptionMetadata(displayName = "width", displayOrder = 50,
        description = "Image width; 0 takes it from the relation name (_w<W>_h<H>) or a square.")
    @CommandLineOption("width")
    public int getWidth() {
      return m_Width;
    }

    public void setWidth(int width) {
      if (width < 0) {
        throw new IllegalArgumentException("-width must be >= 0 (0: from the relation name), got " + width);
      }
      m_Width = width;
    }

    @OptionMetadata(displayName = "height", displayOrder = 60, description = "Image height; 0 as for the width.")
    @CommandLineOption("height")
    public int getHeight() {
      return m_Height;
    }

    public void setHeight(int height) {
      if (height < 0) {
        throw new IllegalArgumentException("-height must be >= 0 (0: as the width), got " + height);
      }
      m_Height = height;
    }

    @OptionMetadata(displayName = "filters", displayOrder = 70,
        description = "A filter class and its options, one row of the grid each (repeat -F).")
    @CommandLineOption(value = "F", synopsis = "-F \"<filter class and options>\"")
    public String[] getFilters() {
      return m_Filters.clone();
    }

    public void setFilters(String[] specs) {
      m_Filters = specs.clone();
    }

    /** Reads the data, applies the filters and writes the grid, printing what each row shows. */
    public void run() throws Exception {
      List<Filter> filters = new ArrayList<>();
      for (String spec : m_Filters) {
        String[] parts = Utils.splitOptions(spec);
        String className = parts[0];
        parts[0] = "";
        filters.add((Filter) Utils.forName(Filter.class, className, parts));
      }
      Instances data = DataSource.read(m_Input);
      NoiseGallery gallery = new NoiseGallery(data, m_Width, m_Height);
      int[] instances = evenlySpaced(m_Count, data.numInstances());
      List<Instances> rows = gallery.applyAll(filters);
      BufferedImage image = gallery.render(rows, instances, m_Scale);
      if (!ImageIO.write(image, "png", new File(m_Output))) {
        throw new IllegalStateException("No PNG writer available");
      }
      System.out.println("Wrote " + m_Output + " (" + image.getWidth() + "x" + image.getHeight()
          + "): columns = instances " + Arrays.toString(instances) + " of " + data.relationName()
          + " (" + gallery.geometry + " pixels)");
      System.out.println("row 1: original");
      for (int k = 0; k < m_Filters.length; k++) {
        System.out.printf(Locale.ROOT, "row %d: %s   (changed %.2f%% of all pixel values)%n",
            k + 2, m_Filters[k], 100 * gallery.changedFraction(rows.get(k + 1)));
      }
    }
  }
}
