package weka.experiment;

import adversarialnmf.weka.CommandLines;
import adversarialnmf.weka.CommandLineOption;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.noise.ImageGeometry;
import adversarialnmf.solver.Factorization;
import adversarialnmf.weka.DeclaredOptions;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import weka.clusterers.AbstractNMFClusterer;
import weka.clusterers.Clusterer;
import weka.core.CommandlineRunnable;
import weka.core.Instances;
import weka.core.Option;
import weka.core.OptionHandler;
import weka.core.OptionMetadata;
import weka.core.Utils;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.NoiseGallery;

/**
 * The paper's Figure 1 and convergence curves for one fit of one of this package's NMF
 * clusterers on image data: {@code basis.png} shows, row by row, clean images (one per class), the
 * same images after the recipe's stage 1 (the data that is factorized), after all its stages (the
 * attacker's target, as ANMF's default {@code {stage2-3|shift}} builds it; docs/NOISE.md), then
 * the basis images A and, for ANMF, Ã, each scaled to its own maximum;
 * {@code convergence.png} plots the objective and every other recorded trace per iteration
 * (log scale where all values are positive).
 */
public class FactorizationFigures implements CommandlineRunnable, OptionHandler {

  private static final int GAP = 2;
  private static final int LABEL_WIDTH = 70;

  private File m_Data = new File(RobustnessBenchmark.DEFAULT_DATA);
  private static final String DEFAULT_CLUSTERER = "weka.clusterers.ANMF -target \"{stage2-3|shift}\"";

  private String m_Clusterer = DEFAULT_CLUSTERER;
  private CorruptionRecipe m_Recipe = CorruptionRecipe.parse("regular");
  private int m_Seed = 1;
  private int m_Scale = 2;
  private File m_OutputFolder = new File("figures");

  public String globalInfo() {
    return "Draws the basis images (A and, for ANMF, the adversarial basis) next to clean, "
        + "corrupted and target images, and the convergence curves, for one fit of an NMF "
        + "clusterer of this package on image data.";
  }

  @Override
  public Enumeration<Option> listOptions() {
    return DeclaredOptions.listOptions(this).elements();
  }

  @Override
  public void setOptions(String[] options) throws Exception {
    DeclaredOptions.setOptions(this, options);
    Utils.checkForRemainingOptions(options);
  }

  @Override
  public String[] getOptions() {
    return DeclaredOptions.getOptions(this);
  }

  @OptionMetadata(displayName = "data", displayOrder = 10,
      description = "Image data (ARFF, class last).")
  @CommandLineOption(value = "data", synopsis = "-data <file>")
  public String getData() {
    return m_Data.getPath();
  }

  public void setData(String path) {
    m_Data = new File(path);
  }

  @OptionMetadata(displayName = "clusterer", displayOrder = 20,
      description = "An NMF clusterer of this package, with options; the number of clusters is set to"
      + " the number of classes, and {stageK|fallback} is replaced as in RobustnessBenchmark.")
  @CommandLineOption(value = "W", synopsis = "-W <clusterer command line>")
  public String getClusterer() {
    return m_Clusterer;
  }

  public void setClusterer(String commandLine) {
    m_Clusterer = commandLine;
  }

  @OptionMetadata(displayName = "recipe", displayOrder = 30,
      description = "Corruption recipe (see RobustnessBenchmark).")
  @CommandLineOption(value = "recipe", synopsis = "-recipe <name|name=filter>")
  public String getRecipe() {
    return CorruptionRecipe.DEFAULTS.contains(m_Recipe) ? m_Recipe.name()
        : m_Recipe.name() + "=" + m_Recipe.dataStage();
  }

  public void setRecipe(String spec) {
    m_Recipe = CorruptionRecipe.parse(spec);
  }

  @OptionMetadata(displayName = "seed", displayOrder = 40,
      description = "Seed of the corruption and of the clusterer.")
  @CommandLineOption("seed")
  public int getSeed() {
    return m_Seed;
  }

  public void setSeed(int seed) {
    m_Seed = seed;
  }

  @OptionMetadata(displayName = "scale", displayOrder = 50,
      description = "Screen pixels per image pixel.")
  @CommandLineOption("scale")
  public int getScale() {
    return m_Scale;
  }

  public void setScale(int scale) {
    if (scale < 1) {
      throw new IllegalArgumentException("-scale must be at least 1, got " + scale);
    }
    m_Scale = scale;
  }

  @OptionMetadata(displayName = "output folder", displayOrder = 60,
      description = "The folder the figures are written to.")
  @CommandLineOption(value = "out", synopsis = "-out <folder>")
  public String getOutputFolder() {
    return m_OutputFolder.getPath();
  }

  public void setOutputFolder(String folder) {
    m_OutputFolder = new File(folder);
  }

  /**
   * Fits the clusterer and writes both figures.
   *
   * @return the files written
   */
  public List<File> draw() throws Exception {
    Instances data = RobustnessBenchmark.load(m_Data);
    Clusterer clusterer = RobustnessBenchmark.instantiate(m_Recipe.substituteStages(m_Clusterer, m_Seed));
    if (!(clusterer instanceof AbstractNMFClusterer)) {
      throw new IllegalArgumentException("-W " + clusterer.getClass().getName() + " is not an NMF clusterer of "
          + "this package; the figures need its factorization");
    }
    AbstractNMFClusterer nmf = (AbstractNMFClusterer) clusterer;
    nmf.setSeed(m_Seed);
    nmf.setNumClusters(data.numClasses());
    nmf.buildClusterer(ClassLabelledClustering.withoutClass(m_Recipe.corrupt(data, m_Seed)));
    return write(data, m_Recipe, m_Seed, m_Scale, nmf, m_OutputFolder);
  }

  /**
   * Writes both figures of a clusterer already built on {@code clean} corrupted by stage 1 of
   * {@code recipe} with {@code seed} (as {@link RobustnessBenchmark} builds them).
   *
   * @return the files written, named after the relation, recipe, method and seed
   */
  static List<File> write(Instances clean, CorruptionRecipe recipe, int seed, int scale, AbstractNMFClusterer built,
      File folder) throws Exception {
    Factorization fit = built.getFactorization();
    String method = built.getClass().getSimpleName();
    String stem = clean.relationName().replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + recipe.name() + "-" + method
        + "-seed" + seed;
    java.nio.file.Files.createDirectories(folder.toPath());
    File basis = new File(folder, stem + "-basis.png");
    File convergence = new File(folder, stem + "-convergence.png");
    write(basisFigure(clean, fit, recipe, seed, scale), basis);
    write(convergenceFigure(fit, method), convergence);
    return Arrays.asList(basis, convergence);
  }

  private static void write(BufferedImage image, File file) throws IOException {
    if (!ImageIO.write(image, "png", file)) {
      throw new IOException("no PNG writer available for " + file);
    }
  }

  /** The first instance of each class, in class order. */
  public static int[] onePerClass(Instances data) {
    int[] first = new int[data.numClasses()];
    Arrays.fill(first, -1);
    int found = 0;
    for (int i = 0; i < data.numInstances() && found < first.length; i++) {
      if (!data.instance(i).classIsMissing() && first[(int) data.instance(i).classValue()] < 0) {
        first[(int) data.instance(i).classValue()] = i;
        found++;
      }
    }
    return Arrays.stream(first).filter(i -> i >= 0).toArray();
  }

  static BufferedImage basisFigure(Instances data, Factorization fit, CorruptionRecipe recipe, int seed, int scale)
      throws Exception {
    Map<String, BufferedImage> rows = new LinkedHashMap<String, BufferedImage>();
    List<Filter> stages = new ArrayList<Filter>();
    List<String> stageLabels = new ArrayList<String>();
    if (recipe.stageCount() >= 1) {
      stages.add(recipe.successiveStages(1, seed));
      stageLabels.add("noisy Y");
    }
    if (recipe.stageCount() >= 2) {
      // all later stages on top of stage 1: what ANMF's default target {stage2-3|shift} sees
      stages.add(recipe.successiveStages(recipe.stageCount(), seed));
      stageLabels.add("target Z");
    }
    NoiseGallery gallery = new NoiseGallery(data, 0, 0);
    BufferedImage images = gallery.render(gallery.applyAll(stages), onePerClass(data), scale);
    int tileHeight = (images.getHeight() - GAP) / (1 + stages.size());
    rows.put("clean", images.getSubimage(0, 0, images.getWidth(), tileHeight + GAP));
    for (int s = 0; s < stages.size(); s++) {
      rows.put(stageLabels.get(s), images.getSubimage(0, (s + 1) * tileHeight, images.getWidth(), tileHeight + GAP));
    }
    ImageGeometry geometry = ImageGeometry.resolve(0, 0, data.relationName(), fit.basis().rows());
    rows.put("A", matrixColumns(fit.basis(), geometry, scale));
    if (fit.hasAdversarialBasis()) {
      rows.put("adversarial", matrixColumns(fit.adversarialBasis(), geometry, scale));
    }
    return stack(rows);
  }

  /** Each column of {@code matrix} as an image, scaled from 0 (black) to the column's maximum (white). */
  public static BufferedImage matrixColumns(DenseMatrix matrix, ImageGeometry geometry, int scale) {
    int tileWidth = geometry.width() * scale;
    int tileHeight = geometry.height() * scale;
    BufferedImage image = new BufferedImage(GAP + matrix.cols() * (tileWidth + GAP), 2 * GAP + tileHeight,
        BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.dispose();
    for (int c = 0; c < matrix.cols(); c++) {
      double max = 0.0;
      for (int r = 0; r < matrix.rows(); r++) {
        max = Math.max(max, matrix.get(r, c));
      }
      int left = GAP + c * (tileWidth + GAP);
      for (int p = 0; p < matrix.rows(); p++) {
        int grey = max > 0.0 ? (int) Math.round(255 * Math.max(0.0, matrix.get(p, c)) / max) : 0;
        int x = left + (p % geometry.width()) * scale;
        int y = GAP + (p / geometry.width()) * scale;
        for (int dy = 0; dy < scale; dy++) {
          for (int dx = 0; dx < scale; dx++) {
            image.getRaster().setSample(x + dx, y + dy, 0, grey);
          }
        }
      }
    }
    return image;
  }

  private static BufferedImage stack(Map<String, BufferedImage> rows) {
    int width = 0;
    int height = 0;
    for (BufferedImage row : rows.values()) {
      width = Math.max(width, row.getWidth());
      height += row.getHeight();
    }
    BufferedImage out = new BufferedImage(LABEL_WIDTH + width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, out.getWidth(), out.getHeight());
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    int top = 0;
    for (Map.Entry<String, BufferedImage> row : rows.entrySet()) {
      g.setColor(Color.BLACK);
      g.drawString(row.getKey(), 4, top + row.getValue().getHeight() / 2 + 4);
      g.drawImage(row.getValue(), LABEL_WIDTH, top, null);
      top += row.getValue().getHeight();
    }
    g.dispose();
    return out;
  }

  /** One panel per trace: the objective first, then the solver's named traces. */
  public static BufferedImage convergenceFigure(Factorization fit, String method) {
    Map<String, double[]> traces = new LinkedHashMap<String, double[]>();
    traces.put(method + " objective", fit.objectiveTrace());
    for (String name : fit.traceNames()) {
      traces.put(name, fit.trace(name));
    }
    int panelWidth = 520;
    int panelHeight = 200;
    BufferedImage image = new BufferedImage(panelWidth, panelHeight * traces.size(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    int top = 0;
    for (Map.Entry<String, double[]> trace : traces.entrySet()) {
      plot(g, trace.getKey(), trace.getValue(), 0, 1, "iteration", true, 0, top, panelWidth, panelHeight);
      top += panelHeight;
    }
    g.dispose();
    return image;
  }

  /**
   * Draws {@code values} against x = firstX, firstX + stepX, ... in the given box, on a log scale when
   * {@code logScale} allows it and every value is positive; short series get a dot per point.
   */
  static void plot(Graphics2D g, String title, double[] values, int firstX, int stepX, String xName,
      boolean logScale, int left, int top, int width, int height) {
    int x0 = left + 70;
    int x1 = left + width - 15;
    int y0 = top + height - 30;
    int y1 = top + 22;
    boolean positive = logScale;
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      if (Double.isFinite(v)) {
        positive &= v > 0.0;
        low = Math.min(low, v);
        high = Math.max(high, v);
      }
    }
    g.setColor(Color.BLACK);
    g.drawString(title + (positive ? " (log scale)" : ""), x0, top + 14);
    g.drawLine(x0, y0, x1, y0);
    g.drawLine(x0, y0, x0, y1);
    if (low > high) {
      g.drawString("no finite values", x0 + 10, (y0 + y1) / 2);
      return;
    }
    double lo = positive ? Math.log10(low) : low;
    double hi = positive ? Math.log10(high) : high;
    if (hi == lo) {
      hi = lo + 1.0;
    }
    int last = Math.max(1, values.length - 1);
    FontMetrics metrics = g.getFontMetrics();
    String top_ = String.format(Locale.ROOT, "%.4g", high);
    String bottom = String.format(Locale.ROOT, "%.4g", low);
    g.drawString(top_, x0 - 5 - metrics.stringWidth(top_), y1 + 4);
    g.drawString(bottom, x0 - 5 - metrics.stringWidth(bottom), y0 + 4);
    g.drawString(String.valueOf(firstX), x0 - 3, y0 + 15);
    String end = xName + " " + (firstX + stepX * (values.length - 1));
    g.drawString(end, x1 - metrics.stringWidth(end), y0 + 15);
    g.setColor(new Color(0, 90, 170));
    g.setStroke(new BasicStroke(1.5f));
    int previousX = -1;
    int previousY = -1;
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        previousX = -1;
        continue;
      }
      double v = positive ? Math.log10(values[i]) : values[i];
      int x = x0 + (int) Math.round((x1 - x0) * (double) i / last);
      int y = y0 - (int) Math.round((y0 - y1) * (v - lo) / (hi - lo));
      if (previousX >= 0) {
        g.drawLine(previousX, previousY, x, y);
      }
      if (values.length <= 30) {
        g.fillOval(x - 2, y - 2, 5, 5);
      }
      previousX = x;
      previousY = y;
    }
    g.setStroke(new BasicStroke(1f));
  }

  @Override
  public void preExecution() {
  }

  @Override
  public void run(Object toRun, String[] options) throws Exception {
    if (Utils.getFlag('h', options) || Utils.getFlag("help", options)) {
      System.out.println(DeclaredOptions.help("FactorizationFigures", globalInfo(), this));
      return;
    }
    FactorizationFigures figures = (FactorizationFigures) toRun;
    figures.setOptions(options);
    for (File file : figures.draw()) {
      System.out.println("Wrote " + file.getPath());
    }
  }

  @Override
  public void postExecution() {
  }

  public static void main(String[] args) {
    FactorizationFigures figures = new FactorizationFigures();
    CommandLines.exitOnError("FactorizationFigures", () -> figures.run(figures, args));
  }
}
