package weka.filters.unsupervised.attribute;

import adversarialnmf.noise.ImageGeometry;
import adversarialnmf.noise.PixelStatistics;
import adversarialnmf.noise.ValueRange;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import weka.core.Instances;
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
      String input = Utils.getOption('i', args);
      String output = Utils.getOption('o', args);
      if (input.isEmpty() || output.isEmpty()) {
        throw new IllegalArgumentException("Options -i (input data) and -o (PNG file) are"
            + " required");
      }
      String count = Utils.getOption('n', args);
      String scale = Utils.getOption("scale", args);
      String width = Utils.getOption("width", args);
      String height = Utils.getOption("height", args);
      List<Filter> filters = new ArrayList<>();
      List<String> specs = new ArrayList<>();
      for (String spec = Utils.getOption('F', args); !spec.isEmpty();
          spec = Utils.getOption('F', args)) {
        String[] parts = Utils.splitOptions(spec);
        String className = parts[0];
        parts[0] = "";
        filters.add((Filter) Utils.forName(Filter.class, className, parts));
        specs.add(spec);
      }
      Utils.checkForRemainingOptions(args);
      Instances data = DataSource.read(input);
      NoiseGallery gallery = new NoiseGallery(data, width.isEmpty() ? 0 : Integer.parseInt(width),
          height.isEmpty() ? 0 : Integer.parseInt(height));
      int[] instances = evenlySpaced(count.isEmpty() ? 6 : Integer.parseInt(count),
          data.numInstances());
      List<Instances> rows = gallery.applyAll(filters);
      BufferedImage image = gallery.render(rows, instances,
          scale.isEmpty() ? 2 : Integer.parseInt(scale));
      if (!ImageIO.write(image, "png", new File(output))) {
        throw new IllegalStateException("No PNG writer available");
      }
      System.out.println("Wrote " + output + " (" + image.getWidth() + "x" + image.getHeight()
          + "): columns = instances " + Arrays.toString(instances) + " of " + data.relationName()
          + " (" + gallery.geometry + " pixels)");
      System.out.println("row 1: original");
      for (int k = 0; k < specs.size(); k++) {
        System.out.printf(Locale.ROOT, "row %d: %s   (changed %.2f%% of all pixel values)%n",
            k + 2, specs.get(k), 100 * gallery.changedFraction(rows.get(k + 1)));
      }
    } catch (Exception e) {
      System.err.println(e.getMessage());
      System.err.println(usage());
      System.exit(1);
    }
  }
}
