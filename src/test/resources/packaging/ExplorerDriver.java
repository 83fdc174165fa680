import java.awt.Component;
import java.awt.Container;
import java.awt.Frame;
import java.awt.Graphics2D;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.JComboBox;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JTabbedPane;
import javax.swing.JTextArea;
import javax.swing.SwingUtilities;
import weka.core.Instances;
import weka.core.OptionHandler;
import weka.core.Utils;
import weka.core.WekaPackageClassLoaderManager;
import weka.core.converters.ConverterUtils.DataSource;
import weka.gui.GenericObjectEditor;
import weka.gui.LogPanel;
import weka.gui.ResultHistoryPanel;
import weka.gui.explorer.ClustererPanel;
import weka.gui.explorer.Explorer;

/**
 * Drives Weka's Explorer as a user would, on a real (virtual) display, with the package loaded
 * from WEKA_HOME only: loads a data set, runs a clusterer of the package in the Cluster tab,
 * opens the Factorization view, picks the class and reads the accuracy it shows; optionally runs
 * a long fit, reads its progress from the log and presses Stop. Prints KEY value lines for
 * ExplorerViewIT and saves screenshots. Run in Java's single-file source mode (no test classes on
 * the class path Weka scans).
 *
 * <p>Arguments: data file, output folder, clusterer and options ("-" for none), and optionally the
 * options of a long run to stop.
 */
final class ExplorerDriver {

  private ExplorerDriver() {
  }

  public static void main(String[] args) {
    int status = 1;
    try {
      drive(args);
      status = 0;
    } catch (Throwable e) {
      e.printStackTrace(System.out);
    }
    System.exit(status);
  }

  private static void drive(String[] args) throws Exception {
    Path out = Paths.get(args[1]);
    Files.createDirectories(out);
    String options = args[2];
    String longRun = args.length > 3 ? args[3] : null;
    GenericObjectEditor.determineClasses(); // loads the installed packages, as Explorer.main does
    Instances data = DataSource.read(args[0]);
    data.setClassIndex(data.numAttributes() - 1);

    Explorer explorer = onEdt(() -> {
      Explorer e = new Explorer();
      JFrame frame = new JFrame("Weka Explorer");
      frame.getContentPane().add(e);
      frame.setSize(1100, 800);
      frame.setVisible(true);
      e.getPreprocessPanel().setInstances(data);
      JTabbedPane tabs = e.getTabbedPane();
      tabs.setSelectedIndex(tabs.indexOfTab("Cluster"));
      return e;
    });
    ClustererPanel panel = find(explorer, ClustererPanel.class);
    AbstractButton start = button(panel, "Start");
    AbstractButton stop = button(panel, "Stop");
    AbstractButton view = button(panel, "Factorization view");

    if (!options.equals("-")) {
      showView(panel, start, view, options, data, out);
    }
    if (longRun != null) {
      stopTest(panel, start, stop, longRun);
    }
    System.out.println("DONE");
  }

  /** Runs {@code options} in the Cluster tab, opens the view, reads its ACC and takes screenshots. */
  private static void showView(ClustererPanel panel, AbstractButton start, AbstractButton view, String options,
      Instances data, Path out) throws Exception {
    setClusterer(panel, options);
    long started = System.nanoTime();
    SwingUtilities.invokeLater(start::doClick);
    waitFor(() -> !start.isEnabled(), 10, "the run to start");
    waitFor(start::isEnabled, 120, "the run to finish");
    System.out.println("FIT_SECONDS " + (System.nanoTime() - started) / 1e9);
    Object clusterer = selectedClusterer(panel);
    System.out.println("EXPECTED_ACC " + expectedAccuracy(clusterer, data));
    snapshot(windowOf(panel), out.resolve("explorer-cluster-tab.png"));

    SwingUtilities.invokeLater(view::doClick);
    waitFor(() -> frameTitled("Factorization view") != null, 20, "the Factorization view");
    JFrame viewFrame = frameTitled("Factorization view");
    JTabbedPane tabs = onEdt(() -> find(viewFrame, JTabbedPane.class));
    for (String tab : new String[] {"Basis images", "Convergence"}) {
      onEdt(() -> {
        tabs.setSelectedIndex(tabs.indexOfTab(tab));
        return null;
      });
      snapshot(viewFrame, out.resolve("view-" + tab.toLowerCase().replace(' ', '-') + ".png"));
    }
    String scores = onEdt(() -> {
      tabs.setSelectedIndex(tabs.indexOfTab("Evaluation"));
      @SuppressWarnings("unchecked")
      JComboBox<String> classes = (JComboBox<String>) named(viewFrame, "class");
      classes.setSelectedItem(data.classAttribute().name());
      return ((JLabel) named(viewFrame, "scores")).getText();
    });
    Matcher acc = Pattern.compile("ACC ([0-9.]+)").matcher(scores);
    System.out.println("SHOWN_ACC " + (acc.find() ? acc.group(1) : "none: " + scores));
    Matcher millis = Pattern.compile("computed in ([0-9.]+) ms").matcher(scores);
    System.out.println("EVALUATION_MILLIS " + (millis.find() ? millis.group(1) : "none"));
    snapshot(viewFrame, out.resolve("view-evaluation.png"));
    onEdt(() -> {
      tabs.setSelectedIndex(tabs.indexOfTab("Data images"));
      ((AbstractButton) named(viewFrame, "applyFilter")).doClick();
      return null;
    });
    snapshot(viewFrame, out.resolve("view-data-images.png"));
    onEdt(() -> {
      viewFrame.dispose();
      return null;
    });
  }

  /** A fit that would run for minutes: its progress reaches the log, Stop ends it, Start works again. */
  private static void stopTest(ClustererPanel panel, AbstractButton start, AbstractButton stop, String options)
      throws Exception {
    setClusterer(panel, options);
    LogPanel logPanel = find(panel.getExplorer(), LogPanel.class);
    JTextArea log = (JTextArea) field(logPanel, "m_LogText");
    for (int round = 1; round <= 2; round++) {
      int logged = onEdt(() -> log.getText().length());
      SwingUtilities.invokeLater(start::doClick);
      waitFor(stop::isEnabled, 10, "the long run to start");
      waitFor(() -> log.getText().substring(logged).contains(": iteration "), 60, "a progress line in the log");
      System.out.println("STATUS_LINE " + onEdt(() -> ((JLabel) field(logPanel, "m_StatusLab")).getText()));
      String progress = null;
      for (String line : onEdt(() -> log.getText().substring(logged)).split("\n")) {
        if (line.contains(": iteration ")) {
          progress = line;
        }
      }
      System.out.println("PROGRESS_LINE " + progress);
      long pressed = System.nanoTime();
      SwingUtilities.invokeLater(stop::doClick);
      try {
        waitFor(() -> start.isEnabled() || errorDialog() != null, 30, "the fit to stop");
      } catch (IllegalStateException timedOut) {
        Thread.getAllStackTraces().forEach((thread, stack) -> {
          System.out.println("THREAD " + thread.getName());
          for (StackTraceElement frame : stack) {
            System.out.println("    " + frame);
          }
        });
        throw timedOut;
      }
      System.out.println("STOP_SECONDS " + (System.nanoTime() - pressed) / 1e9);
      JDialog dialog = errorDialog();
      if (dialog != null) {
        JOptionPane pane = find(dialog, JOptionPane.class);
        System.out.println("STOP_MESSAGE " + String.valueOf(pane.getMessage()).replace('\n', ' '));
        onEdt(() -> {
          dialog.dispose();
          return null;
        });
      }
      waitFor(start::isEnabled, 10, "Start to be enabled again");
      System.out.println("RESTARTABLE " + round);
    }
  }

  /** A protected field of one of Weka's GUI classes (the log's text, the Cluster tab's editor). */
  private static Object field(Object owner, String name) throws Exception {
    Field field = owner.getClass().getDeclaredField(name);
    field.setAccessible(true);
    return field.get(owner);
  }

  private static void setClusterer(ClustererPanel panel, String options) throws Exception {
    // the Cluster tab's object editor, as Choose would set it
    GenericObjectEditor editor = (GenericObjectEditor) field(panel, "m_ClustererEditor");
    String[] parts = Utils.splitOptions(options);
    Object clusterer = WekaPackageClassLoaderManager.objectForName(parts[0]);
    parts[0] = "";
    ((OptionHandler) clusterer).setOptions(parts);
    onEdt(() -> {
      editor.setValue(clusterer);
      return null;
    });
  }

  private static Object selectedClusterer(ClustererPanel panel) throws Exception {
    Object selected = onEdt(() -> find(panel, ResultHistoryPanel.class).getSelectedObject());
    for (Object item : (List<?>) selected) {
      if (item instanceof weka.clusterers.Clusterer) {
        return item;
      }
    }
    throw new IllegalStateException("no clusterer in the selected result: " + selected);
  }

  /** ACC of the fit's own clusters by the package's ClusteringScores (classes loaded from the package). */
  private static double expectedAccuracy(Object clusterer, Instances data) throws Exception {
    int[] clusters = (int[]) clusterer.getClass().getMethod("getTrainingAssignments").invoke(clusterer);
    int k = (Integer) clusterer.getClass().getMethod("numberOfClusters").invoke(clusterer);
    int[] classes = new int[data.numInstances()];
    for (int i = 0; i < classes.length; i++) {
      classes[i] = (int) data.instance(i).classValue();
    }
    ClassLoader loader = clusterer.getClass().getClassLoader();
    Class<?> table = Class.forName("adversarialnmf.metrics.ContingencyTable", true, loader);
    Object counts = table.getMethod("of", int[].class, int.class, int[].class, int.class)
        .invoke(null, classes, data.numClasses(), clusters, k);
    Method accuracy = Class.forName("adversarialnmf.metrics.ClusteringScores", true, loader)
        .getMethod("accuracy", table);
    return (Double) accuracy.invoke(null, counts);
  }

  private static JDialog errorDialog() {
    for (Window window : Window.getWindows()) {
      if (window instanceof JDialog && window.isShowing()) {
        return (JDialog) window;
      }
    }
    return null;
  }

  private static JFrame frameTitled(String prefix) {
    for (Frame frame : Frame.getFrames()) {
      if (frame instanceof JFrame && frame.isShowing() && frame.getTitle().startsWith(prefix)) {
        return (JFrame) frame;
      }
    }
    return null;
  }

  private static Window windowOf(Component component) {
    return SwingUtilities.getWindowAncestor(component);
  }

  private static void snapshot(Window window, Path file) throws Exception {
    Thread.sleep(300);
    BufferedImage image = onEdt(() -> {
      Component content = ((JFrame) window).getRootPane();
      BufferedImage picture = new BufferedImage(content.getWidth(), content.getHeight(), BufferedImage.TYPE_INT_RGB);
      Graphics2D g = picture.createGraphics();
      content.printAll(g);
      g.dispose();
      return picture;
    });
    ImageIO.write(image, "png", file.toFile());
    System.out.println("SCREENSHOT " + file);
  }

  private static AbstractButton button(Container root, String text) throws Exception {
    return onEdt(() -> {
      List<AbstractButton> buttons = new ArrayList<>();
      collect(root, AbstractButton.class, buttons);
      for (AbstractButton b : buttons) {
        if (text.equals(b.getText())) {
          return b;
        }
      }
      throw new IllegalStateException("no button '" + text + "' in the Cluster tab");
    });
  }

  private static Component named(Container root, String name) {
    List<Component> all = new ArrayList<>();
    collect(root, Component.class, all);
    for (Component c : all) {
      if (name.equals(c.getName())) {
        return c;
      }
    }
    throw new IllegalStateException("no component named '" + name + "'");
  }

  private static <T> T find(Component root, Class<T> type) {
    List<T> all = new ArrayList<>();
    collect(root, type, all);
    return all.isEmpty() ? null : all.get(0);
  }

  private static <T> void collect(Component root, Class<T> type, List<T> into) {
    if (type.isInstance(root)) {
      into.add(type.cast(root));
    }
    if (root instanceof Container) {
      for (Component child : ((Container) root).getComponents()) {
        collect(child, type, into);
      }
    }
  }

  private static void waitFor(BooleanSupplier condition, int seconds, String what) throws Exception {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (!onEdt(condition::getAsBoolean)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out after " + seconds + " s waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  private interface Task<T> {
    T run() throws Exception;
  }

  private static <T> T onEdt(Task<T> task) throws Exception {
    List<T> result = new ArrayList<>();
    List<Exception> failure = new ArrayList<>();
    SwingUtilities.invokeAndWait(() -> {
      try {
        result.add(task.run());
      } catch (Exception e) {
        failure.add(e);
      }
    });
    if (!failure.isEmpty()) {
      throw failure.get(0);
    }
    return result.get(0);
  }
}
