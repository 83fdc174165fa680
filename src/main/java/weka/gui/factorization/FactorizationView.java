package weka.gui.factorization;

import adversarialnmf.features.TopAttributes;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.metrics.MatchedClustering;
import adversarialnmf.metrics.NmiNormalization;
import adversarialnmf.noise.ImageGeometry;
import adversarialnmf.solver.Factorization;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import javax.swing.BorderFactory;
import javax.swing.ImageIcon;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTabbedPane;
import javax.swing.JTable;
import javax.swing.filechooser.FileNameExtensionFilter;
import javax.swing.table.DefaultTableModel;
import weka.clusterers.ANMF;
import weka.clusterers.AbstractNMFClusterer;
import weka.core.Attribute;
import weka.core.Instances;
import weka.experiment.FactorizationFigures;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.NoiseGallery;
import weka.filters.unsupervised.attribute.SaltAndPepperNoise;
import weka.gui.GenericObjectEditor;
import weka.gui.PropertyPanel;

/**
 * What one fit of this package's clusterers learned, in tabs: the basis images (A, and Ã for
 * ANMF) or, when the attributes are not an image, the top-weighted attributes of each basis
 * column; the objective and residual traces; the clusters scored against a class chosen in a
 * combo box (Hungarian-matched ACC, NMI, ARI, purity and the matched confusion matrix, for any
 * number of clusters); and the data set's images before and after a filter. "Save as PNG" saves
 * the current tab, "Save CSV" the coefficients.
 */
public class FactorizationView extends JPanel {

  private static final long serialVersionUID = 2745218809915307716L;

  /** Basis images per row of the grid. */
  private static final int IMAGES_PER_ROW = 10;
  /** Attributes listed per basis column when the attributes are not pixels. */
  private static final int TOP_ATTRIBUTES = 10;
  /** Images shown per row of the data tab. */
  private static final int DATA_IMAGES = 10;

  private final AbstractNMFClusterer m_Model;
  private final Instances m_Data;
  private final JTabbedPane m_Tabs = new JTabbedPane();
  /** What "Save as PNG" writes for each tab. */
  private final Map<JComponent, Supplier<BufferedImage>> m_Pictures = new IdentityHashMap<>();
  private final JLabel m_Scores = new JLabel(" ");
  private final JTable m_Confusion = new JTable();
  private final JLabel m_DataImages = new JLabel();
  private BufferedImage m_DataPicture;

  /**
   * @param model a built clusterer of this package, or null to show the data only
   * @param data the data set the model was built on (with its class attribute), or null
   */
  public FactorizationView(AbstractNMFClusterer model, Instances data) {
    super(new BorderLayout());
    m_Model = model;
    m_Data = data == null ? null : new Instances(data);
    if (model != null && model.getFactorization() != null) {
      addBasisTab();
      addConvergenceTab();
      addEvaluationTab();
    }
    if (m_Data != null) {
      addDataTab();
    }
    add(m_Tabs, BorderLayout.CENTER);
    add(buttons(), BorderLayout.SOUTH);
  }

  private void addTab(String title, JComponent content, Supplier<BufferedImage> picture) {
    content.setName(title);
    m_Tabs.addTab(title, content);
    m_Pictures.put(content, picture);
  }

  // ------------------------------------------------------------------ basis

  private void addBasisTab() {
    Factorization fit = m_Model.getFactorization();
    ImageGeometry geometry = imageGeometry(m_Model.getTrainingRelationName(), fit.basis().rows());
    if (geometry != null) {
      final BufferedImage picture = basisPicture(fit, geometry);
      addTab("Basis images", new JScrollPane(new JLabel(new ImageIcon(picture))), () -> picture);
      return;
    }
    final JTable table = topAttributesTable(fit.basis(), m_Model.getFactorizedAttributeNames());
    JScrollPane pane = new JScrollPane(table);
    addTab("Basis attributes", pane, () -> paint(table));
  }

  /** The geometry rule of the noise filters, or null if the attributes do not form an image. */
  static ImageGeometry imageGeometry(String relationName, int numAttributes) {
    try {
      return ImageGeometry.resolve(0, 0, relationName, numAttributes);
    } catch (IllegalArgumentException notAnImage) {
      return null;
    }
  }

  private static int scaleFor(ImageGeometry geometry) {
    return Math.max(1, 64 / Math.max(geometry.width(), geometry.height()));
  }

  private BufferedImage basisPicture(Factorization fit, ImageGeometry geometry) {
    Map<String, DenseMatrix> rows = new LinkedHashMap<>();
    rows.put("A", fit.basis());
    if (fit.hasAdversarialBasis()) {
      rows.put("\u00c3 (attacker)", fit.adversarialBasis());
    }
    int scale = scaleFor(geometry);
    List<String> labels = new ArrayList<>();
    List<BufferedImage> strips = new ArrayList<>();
    for (Map.Entry<String, DenseMatrix> entry : rows.entrySet()) {
      DenseMatrix basis = entry.getValue();
      for (int first = 0; first < basis.cols(); first += IMAGES_PER_ROW) {
        int count = Math.min(IMAGES_PER_ROW, basis.cols() - first);
        labels.add(first == 0 ? entry.getKey() : "");
        strips.add(FactorizationFigures.matrixColumns(columns(basis, first, count), geometry, scale));
      }
    }
    return labelledStack(labels, strips, "Basis columns " + geometry + " (each scaled to its own maximum), "
        + "clusters 0.." + (fit.rank() - 1) + " left to right");
  }

  private static DenseMatrix columns(DenseMatrix matrix, int first, int count) {
    DenseMatrix out = new DenseMatrix(matrix.rows(), count);
    for (int i = 0; i < matrix.rows(); i++) {
      for (int c = 0; c < count; c++) {
        out.set(i, c, matrix.get(i, first + c));
      }
    }
    return out;
  }

  private static BufferedImage labelledStack(List<String> labels, List<BufferedImage> strips, String title) {
    int labelWidth = 90;
    int titleHeight = 20;
    int width = 0;
    int height = titleHeight;
    for (BufferedImage strip : strips) {
      width = Math.max(width, strip.getWidth());
      height += strip.getHeight();
    }
    BufferedImage out = new BufferedImage(labelWidth + width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, out.getWidth(), out.getHeight());
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.setColor(Color.BLACK);
    g.drawString(title, 4, 14);
    int top = titleHeight;
    for (int s = 0; s < strips.size(); s++) {
      g.setColor(Color.BLACK);
      g.drawString(labels.get(s), 4, top + strips.get(s).getHeight() / 2 + 4);
      g.drawImage(strips.get(s), labelWidth, top, null);
      top += strips.get(s).getHeight();
    }
    g.dispose();
    return out;
  }

  private static JTable topAttributesTable(DenseMatrix basis, String[] names) {
    int rows = Math.min(TOP_ATTRIBUTES, basis.rows());
    String[] header = new String[basis.cols() + 1];
    header[0] = "rank";
    Object[][] cells = new Object[rows][basis.cols() + 1];
    for (int c = 0; c < basis.cols(); c++) {
      header[c + 1] = "cluster " + c;
      int[] top = TopAttributes.ofColumn(basis, c, rows);
      for (int k = 0; k < rows; k++) {
        cells[k][0] = k + 1;
        cells[k][c + 1] = String.format(Locale.ROOT, "%s (%.3g)", names[top[k]], basis.get(top[k], c));
      }
    }
    JTable table = new JTable(new DefaultTableModel(cells, header));
    table.setAutoResizeMode(JTable.AUTO_RESIZE_OFF);
    return table;
  }

  // ------------------------------------------------------------------ convergence

  private void addConvergenceTab() {
    final BufferedImage picture = FactorizationFigures.convergenceFigure(m_Model.getFactorization(),
        m_Model.getClass().getSimpleName());
    addTab("Convergence", new JScrollPane(new JLabel(new ImageIcon(picture))), () -> picture);
  }

  // ------------------------------------------------------------------ evaluation

  private void addEvaluationTab() {
    JPanel panel = new JPanel(new BorderLayout());
    JPanel top = new JPanel(new BorderLayout());
    top.setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
    List<String> classes = nominalAttributes(m_Data);
    final JComboBox<String> combo = new JComboBox<>(classes.toArray(new String[0]));
    combo.setName("class");
    JPanel choose = new JPanel(new FlowLayout(FlowLayout.LEFT));
    choose.add(new JLabel("Class:"));
    choose.add(combo);
    top.add(choose, BorderLayout.NORTH);
    m_Scores.setName("scores");
    top.add(m_Scores, BorderLayout.CENTER);
    panel.add(top, BorderLayout.NORTH);
    m_Confusion.setName("confusion");
    m_Confusion.setAutoResizeMode(JTable.AUTO_RESIZE_OFF);
    panel.add(new JScrollPane(m_Confusion), BorderLayout.CENTER);
    addTab("Evaluation", panel, () -> paint(panel));
    if (classes.isEmpty()) {
      m_Scores.setText(m_Data == null ? "No data set: load the data in the Preprocess tab."
          : "The data set has no nominal attribute to score the clusters against.");
      return;
    }
    combo.addActionListener(e -> evaluate((String) combo.getSelectedItem()));
    int preset = m_Data.classIndex() >= 0 && m_Data.classAttribute().isNominal()
        ? classes.indexOf(m_Data.classAttribute().name()) : classes.size() - 1;
    combo.setSelectedIndex(preset);
    evaluate((String) combo.getSelectedItem());
  }

  private static List<String> nominalAttributes(Instances data) {
    List<String> names = new ArrayList<>();
    if (data != null) {
      for (int a = 0; a < data.numAttributes(); a++) {
        if (data.attribute(a).isNominal()) {
          names.add(data.attribute(a).name());
        }
      }
    }
    return names;
  }

  /** Scores the fit's clusters against the class attribute {@code name}. */
  void evaluate(String name) {
    Attribute classAttribute = m_Data.attribute(name);
    int[] clusters = m_Model.getTrainingAssignments();
    if (clusters.length != m_Data.numInstances()) {
      m_Scores.setText("The model was fitted on " + clusters.length + " instances, the current data set has "
          + m_Data.numInstances() + "; run the clusterer on this data set again.");
      m_Confusion.setModel(new DefaultTableModel());
      return;
    }
    long started = System.nanoTime();
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < m_Data.numInstances(); i++) {
      if (!m_Data.instance(i).isMissing(classAttribute)) {
        rows.add(i);
      }
    }
    int[] classes = new int[rows.size()];
    int[] labels = new int[rows.size()];
    for (int k = 0; k < classes.length; k++) {
      classes[k] = (int) m_Data.instance(rows.get(k)).value(classAttribute);
      labels[k] = clusters[rows.get(k)];
    }
    int clusterCount = m_Model.getFactorization().rank();
    MatchedClustering scores = MatchedClustering.of(classes, classAttribute.numValues(), labels, clusterCount,
        NmiNormalization.MAX);
    showConfusion(scores, classAttribute);
    double millis = (System.nanoTime() - started) / 1e6;
    m_Scores.setText(String.format(Locale.ROOT, "<html><b>ACC %.4f</b> &nbsp; NMI %.4f &nbsp; ARI %.4f &nbsp; "
        + "purity %.4f<br>%d instances (%d without a class value left out), %d clusters, %d classes; ACC under the "
        + "best one-to-one matching of clusters to classes (Hungarian algorithm), NMI normalised by the larger "
        + "entropy; computed in %.1f ms.<br>The clusters are the fit's own (the model output's \"Clustered "
        + "instances\"). Confusion matrix: rows are classes, columns clusters, matched pairs on the diagonal."
        + "</html>", scores.accuracy(), scores.normalizedMutualInformation(), scores.adjustedRandIndex(),
        scores.purity(), classes.length, clusters.length - classes.length, clusterCount,
        classAttribute.numValues(), millis));
  }

  private void showConfusion(MatchedClustering scores, Attribute classAttribute) {
    int[] order = scores.clusterOrder();
    int[] classOfCluster = scores.classOfCluster();
    int[][] counts = scores.confusion();
    String[] header = new String[order.length + 1];
    header[0] = "class \\ cluster";
    for (int k = 0; k < order.length; k++) {
      header[k + 1] = order[k] + (classOfCluster[order[k]] < 0 ? " (unmatched)" : "");
    }
    Object[][] cells = new Object[counts.length][order.length + 1];
    for (int c = 0; c < counts.length; c++) {
      cells[c][0] = classAttribute.value(c);
      for (int k = 0; k < order.length; k++) {
        cells[c][k + 1] = counts[c][k];
      }
    }
    m_Confusion.setModel(new DefaultTableModel(cells, header) {
      private static final long serialVersionUID = 1L;

      @Override
      public boolean isCellEditable(int row, int column) {
        return false;
      }
    });
  }

  // ------------------------------------------------------------------ data images

  private void addDataTab() {
    JPanel panel = new JPanel(new BorderLayout());
    JPanel top = new JPanel(new BorderLayout());
    top.setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
    final GenericObjectEditor editor = new GenericObjectEditor();
    editor.setClassType(Filter.class);
    editor.setValue(new SaltAndPepperNoise());
    top.add(new JLabel("Filter: "), BorderLayout.WEST);
    top.add(new PropertyPanel(editor), BorderLayout.CENTER);
    JButton apply = new JButton("Apply");
    apply.setName("applyFilter");
    top.add(apply, BorderLayout.EAST);
    panel.add(top, BorderLayout.NORTH);
    m_DataImages.setName("dataImages");
    m_DataImages.setVerticalAlignment(JLabel.TOP);
    panel.add(new JScrollPane(m_DataImages), BorderLayout.CENTER);
    addTab("Data images", panel, () -> m_DataPicture);
    apply.addActionListener(e -> showDataImages((Filter) editor.getValue()));
    showDataImages(null);
  }

  /** The data's images, and below them the same images after {@code filter} (if not null). */
  void showDataImages(Filter filter) {
    try {
      Instances data = new Instances(m_Data);
      NoiseGallery gallery = new NoiseGallery(data, 0, 0);
      List<Filter> filters = new ArrayList<>();
      if (filter != null) {
        filters.add(filter);
      }
      int[] shown = data.classIndex() >= 0 ? FactorizationFigures.onePerClass(data)
          : NoiseGallery.evenlySpaced(DATA_IMAGES, data.numInstances());
      if (shown.length > DATA_IMAGES) {
        shown = Arrays.copyOf(shown, DATA_IMAGES);
      }
      List<Instances> rows = gallery.applyAll(filters);
      int pixels = 0;
      for (int a = 0; a < data.numAttributes(); a++) {
        pixels += a != data.classIndex() && data.attribute(a).isNumeric() ? 1 : 0;
      }
      ImageGeometry geometry = imageGeometry(data.relationName(), pixels);
      BufferedImage images = gallery.render(rows, shown, geometry == null ? 2 : scaleFor(geometry));
      List<String> labels = new ArrayList<>();
      List<BufferedImage> strips = new ArrayList<>();
      labels.add("");
      strips.add(images);
      m_DataPicture = labelledStack(labels, strips, filter == null ? "Top: the data set ("
          + data.relationName() + ")" : String.format(Locale.ROOT, "Top: the data set; below: after %s "
          + "(changed %.1f%% of the pixel values)", filter.getClass().getSimpleName(),
          100 * gallery.changedFraction(rows.get(1))));
      m_DataImages.setText(null);
      m_DataImages.setIcon(new ImageIcon(m_DataPicture));
    } catch (Exception e) {
      m_DataPicture = null;
      m_DataImages.setIcon(null);
      m_DataImages.setText("<html>The instances are not images: " + e.getMessage() + "</html>");
    }
  }

  // ------------------------------------------------------------------ saving

  private JPanel buttons() {
    JPanel panel = new JPanel(new FlowLayout(FlowLayout.RIGHT));
    JButton png = new JButton("Save as PNG...");
    png.addActionListener(e -> {
      File file = chooseFile("png", "PNG image");
      if (file != null) {
        report(() -> savePng(file));
      }
    });
    panel.add(png);
    if (m_Model != null && m_Model.getFactorization() != null) {
      JButton csv = new JButton("Save CSV...");
      csv.setToolTipText("The coefficients X: one row per training instance, with its cluster");
      csv.addActionListener(e -> {
        File file = chooseFile("csv", "CSV file");
        if (file != null) {
          report(() -> saveCoefficientsCsv(file));
        }
      });
      panel.add(csv);
    }
    return panel;
  }

  private interface Saving {
    void run() throws IOException;
  }

  private void report(Saving saving) {
    try {
      saving.run();
    } catch (IOException | RuntimeException e) {
      JOptionPane.showMessageDialog(this, e.getMessage(), "Save failed", JOptionPane.ERROR_MESSAGE);
    }
  }

  private File chooseFile(String extension, String description) {
    JFileChooser chooser = new JFileChooser();
    chooser.setFileFilter(new FileNameExtensionFilter(description, extension));
    if (chooser.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) {
      return null;
    }
    File file = chooser.getSelectedFile();
    return file.getName().toLowerCase(Locale.ROOT).endsWith("." + extension) ? file
        : new File(file.getParentFile(), file.getName() + "." + extension);
  }

  /** Writes what the current tab shows as a PNG image. */
  public void savePng(File file) throws IOException {
    JComponent current = (JComponent) m_Tabs.getSelectedComponent();
    BufferedImage picture = current == null ? null : m_Pictures.get(current).get();
    if (picture == null) {
      throw new IOException("the tab '" + m_Tabs.getTitleAt(m_Tabs.getSelectedIndex()) + "' shows no image");
    }
    if (!ImageIO.write(picture, "png", file)) {
      throw new IOException("no PNG writer available for " + file);
    }
  }

  /** Writes the coefficients X, one row per training instance (its cluster first), as CSV. */
  public void saveCoefficientsCsv(File file) throws IOException {
    double[][] x = m_Model.getCoefficients();
    int[] clusters = m_Model.getTrainingAssignments();
    try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file.toPath(), StandardCharsets.UTF_8))) {
      StringBuilder header = new StringBuilder("instance,cluster");
      for (int r = 0; r < x.length; r++) {
        header.append(",x").append(r);
      }
      out.println(header);
      for (int j = 0; j < clusters.length; j++) {
        StringBuilder line = new StringBuilder().append(j + 1).append(',').append(clusters[j]);
        for (double[] row : x) {
          line.append(',').append(row[j]);
        }
        out.println(line);
      }
    }
  }

  /** A component drawn into an image at its preferred size (tables, the evaluation panel). */
  private static BufferedImage paint(JComponent component) {
    java.awt.Dimension size = component.getSize().width > 0 ? component.getSize() : component.getPreferredSize();
    if (component instanceof JTable && ((JTable) component).getTableHeader() != null) {
      JTable table = (JTable) component;
      size = table.getPreferredSize();
      int headerHeight = table.getTableHeader().getPreferredSize().height;
      BufferedImage image = new BufferedImage(Math.max(1, size.width), Math.max(1, size.height + headerHeight),
          BufferedImage.TYPE_INT_RGB);
      Graphics2D g = image.createGraphics();
      table.getTableHeader().setSize(size.width, headerHeight);
      table.getTableHeader().paint(g);
      g.translate(0, headerHeight);
      table.setSize(size);
      table.paint(g);
      g.dispose();
      return image;
    }
    BufferedImage image = new BufferedImage(Math.max(1, size.width), Math.max(1, size.height),
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    component.paint(g);
    g.dispose();
    return image;
  }

  /** A title for the view's window. */
  static String title(AbstractNMFClusterer model) {
    if (model == null) {
      return "Data images";
    }
    return "Factorization view: " + model.getClass().getSimpleName()
        + (model instanceof ANMF ? " (A and the attacker's \u00c3)" : "");
  }
}
