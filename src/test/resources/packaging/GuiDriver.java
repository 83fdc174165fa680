import java.awt.Component;
import java.awt.Container;
import java.awt.Frame;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Window;
import java.awt.image.BufferedImage;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
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
import javax.swing.JTree;
import javax.swing.SwingUtilities;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.TreePath;
import weka.clusterers.Clusterer;
import weka.core.Instances;
import weka.core.OptionHandler;
import weka.core.Utils;
import weka.core.WekaPackageClassLoaderManager;
import weka.core.converters.ConverterUtils.DataSource;
import weka.gui.GenericObjectEditor;
import weka.gui.LogPanel;
import weka.gui.PropertyDialog;
import weka.gui.PropertyPanel;
import weka.gui.PropertySheetPanel;
import weka.gui.ResultHistoryPanel;
import weka.gui.explorer.ClustererPanel;
import weka.gui.explorer.Explorer;
import weka.gui.knowledgeflow.KnowledgeFlowApp;
import weka.gui.knowledgeflow.MainKFPerspective;
import weka.gui.knowledgeflow.StepTree;
import weka.gui.knowledgeflow.TemplateManager;

/**
 * Drives Weka's GUIs as a user would, on a real (virtual) display, with the package loaded from
 * WEKA_HOME only, and prints KEY value lines for PackageInstallIT; screenshots go to an output
 * folder. Run in Java's single-file source mode (no test classes on the class path Weka scans).
 *
 * <ul>
 *   <li>{@code explorer <data> <out> <clusterer and options, or -> [<options of a long run>]}: loads
 *       the data, runs the clusterer in the Cluster tab, opens the Factorization view, picks the
 *       class and reads the accuracy it shows; optionally runs a long fit, reads its progress from
 *       the log and presses Stop (twice, Start working again in between).</li>
 *   <li>{@code target-editor <out>}: ANMF's property sheet as the Explorer opens it (Weka's
 *       GenericObjectEditor in a PropertyDialog): the properties it lists, the attacker target's own
 *       editor (the shift filter), the filter tree of its Choose button, and a choice in the tree
 *       (AllFilter), with ANMF's options after each step.</li>
 *   <li>{@code kf-palette <out> <template> <step names...>}: the Knowledge Flow with the template in
 *       the canvas; the palette path of every named step ("PALETTE Clusterers > ANMF"), and
 *       screenshots with the clusterers and the filters unfolded.</li>
 *   <li>{@code main-windows <out> <main class>...}: each GUI started by its own main method, as README's
 *       command starts it; the title of each new window ("WINDOW title"), or the text of Weka's error
 *       dialog ("ERROR_DIALOG text") where the main method fails; a screenshot after each.</li>
 * </ul>
 */
final class GuiDriver {

  private GuiDriver() {
  }

  public static void main(String[] args) {
    int status = 1;
    try {
      String[] rest = Arrays.copyOfRange(args, 1, args.length);
      switch (args[0]) {
        case "explorer":
          explorer(rest);
          break;
        case "target-editor":
          targetEditor(Paths.get(rest[0]));
          break;
        case "kf-palette":
          knowledgeFlowPalette(Paths.get(rest[0]), rest[1], Arrays.asList(rest).subList(2, rest.length));
          break;
        case "main-windows":
          mainWindows(Paths.get(rest[0]), Arrays.asList(rest).subList(1, rest.length));
          break;
        default:
          throw new IllegalArgumentException("unknown mode " + args[0]);
      }
      status = 0;
    } catch (Throwable e) {
      e.printStackTrace(System.out);
    }
    System.exit(status);
  }

  // ------------------------------------------------------------------ Explorer, Cluster tab

  private static void explorer(String[] args) throws Exception {
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
    AbstractButton start = onEdt(() -> button(panel, "Start"));
    AbstractButton stop = onEdt(() -> button(panel, "Stop"));
    AbstractButton view = onEdt(() -> button(panel, "Factorization view"));

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
        System.out.println("STOP_DIALOG_WIDTH " + onEdt(dialog::getWidth));
        System.out.println("STOP_STATUS " + onEdt(() -> ((JLabel) field(logPanel, "m_StatusLab")).getText()));
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

  // ------------------------------------------------------------------ GUIs started by their main methods

  private static void mainWindows(Path out, List<String> mainClasses) throws Exception {
    Files.createDirectories(out);
    for (String mainClass : mainClasses) {
      List<Window> before = Arrays.asList(onEdt(Window::getWindows));
      // a daemon thread: Weka's splash window shows a failing main's error in a modal dialog
      Thread main = new Thread(() -> {
        try {
          WekaPackageClassLoaderManager.forName(mainClass).getMethod("main", String[].class)
              .invoke(null, (Object) new String[0]);
        } catch (Throwable e) {
          e.printStackTrace(System.out);
        }
      }, mainClass);
      main.setDaemon(true);
      main.start();
      waitFor(() -> newWindow(before) != null, 60, "a window of " + mainClass);
      Window window = onEdt(() -> newWindow(before));
      if (window instanceof JDialog) {
        JTextArea text = find(window, JTextArea.class);
        System.out.println("ERROR_DIALOG " + mainClass + " " + (text == null ? "" : text.getText().split("\n")[0]));
        System.out.println("ERROR_TEXT " + (text == null ? "" : text.getText().replace('\n', ' ')));
      } else {
        System.out.println("WINDOW " + mainClass + " " + ((Frame) window).getTitle());
      }
      screenshot(out.resolve(mainClass.substring(mainClass.lastIndexOf('.') + 1) + ".png"));
      onEdt(() -> {
        window.dispose();
        return null;
      });
    }
    System.out.println("DONE");
  }

  /** A frame or dialog showing now that did not exist before (Weka's splash window is no JFrame or JDialog). */
  private static Window newWindow(List<Window> before) {
    for (Window window : Window.getWindows()) {
      if (window.isShowing() && !before.contains(window) && (window instanceof JFrame || window instanceof JDialog)) {
        return window;
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ ANMF's attacker target

  private static void targetEditor(Path out) throws Exception {
    Files.createDirectories(out);
    GenericObjectEditor.determineClasses(); // loads the installed packages, as Explorer.main does
    GenericObjectEditor.registerEditors();
    Object anmf = WekaPackageClassLoaderManager.objectForName("weka.clusterers.ANMF");
    ((OptionHandler) anmf).setOptions(Utils.splitOptions("-N 10 -shift 0.05"));
    GenericObjectEditor editor = new GenericObjectEditor(true);
    onEdt(() -> {
      editor.setClassType(Clusterer.class);
      editor.setValue(anmf);
      return null;
    });
    // the dialog is modal and shows itself: its constructor returns when it closes
    SwingUtilities.invokeLater(() -> new PropertyDialog(editor, 20, 20));
    waitFor(() -> newest() instanceof PropertyDialog && newest().isShowing(), 10, "ANMF's property sheet");
    Window sheet = onEdt(GuiDriver::newest);
    onEdt(() -> {
      for (JLabel label : all(find(sheet, PropertySheetPanel.class), JLabel.class)) {
        System.out.println("PROPERTY " + label.getText());
      }
      return null;
    });
    System.out.println("OPTIONS " + options(editor));
    screenshot(out.resolve("anmf-property-sheet.png"));

    // a click on the attacker target opens its own editor: the shift filter's properties
    PropertyPanel target = onEdt(() -> find(sheet, PropertyPanel.class));
    int windows = Window.getWindows().length;
    SwingUtilities.invokeLater(target::showPropertyDialog);
    waitFor(() -> Window.getWindows().length > windows && newest().isShowing(), 10, "the target's editor");
    Window filterDialog = onEdt(GuiDriver::newest);
    onEdt(() -> {
      filterDialog.setLocation(sheet.getX() + sheet.getWidth() + 10, sheet.getY() + 200);
      for (JLabel label : all(filterDialog, JLabel.class)) {
        System.out.println("TARGET_PROPERTY " + label.getText());
      }
      return null;
    });
    screenshot(out.resolve("anmf-target-editor.png"));

    // the row's Choose button opens Weka's filter tree, which holds the shift filter among Weka's own
    onEdt(() -> {
      filterDialog.dispose();
      return null;
    });
    AbstractButton choose = onEdt(() -> button(find(sheet, PropertySheetPanel.class), "Choose"));
    SwingUtilities.invokeLater(choose::doClick);
    waitFor(() -> tree() != null, 10, "the filter tree");
    JTree tree = onEdt(GuiDriver::tree);
    onEdt(() -> {
      TreePath shift = path(tree, "ConstantShift");
      System.out.println("TREE " + shift);
      tree.expandPath(shift.getParentPath());
      tree.scrollPathToVisible(shift);
      System.out.println("TREE " + path(tree, "AllFilter"));
      return null;
    });
    screenshot(out.resolve("anmf-target-filter-tree.png"));
    onEdt(() -> {
      tree.setSelectionPath(path(tree, "AllFilter")); // a user's click on a leaf chooses it
      return null;
    });
    waitFor(() -> options(editor).contains("-target weka.filters.AllFilter"), 10, "the choice to reach ANMF");
    System.out.println("OPTIONS " + options(editor));
    System.out.println("DONE");
  }

  private static String options(GenericObjectEditor editor) {
    return Utils.joinOptions(((OptionHandler) editor.getValue()).getOptions());
  }

  /** The tree path whose last node is {@code leaf}. */
  private static TreePath path(JTree tree, String leaf) {
    DefaultMutableTreeNode root = (DefaultMutableTreeNode) tree.getModel().getRoot();
    for (Enumeration<?> e = root.depthFirstEnumeration(); e.hasMoreElements();) {
      DefaultMutableTreeNode node = (DefaultMutableTreeNode) e.nextElement();
      if (node.isLeaf() && node.toString().equals(leaf)) {
        return new TreePath(node.getPath());
      }
    }
    throw new IllegalStateException("no " + leaf + " in the filter tree");
  }

  /** The showing tree of a popup (the GOE's class tree), or null. */
  private static JTree tree() {
    for (Window window : Window.getWindows()) {
      if (window.isShowing()) {
        for (JTree tree : all(window, JTree.class)) {
          if (tree.isShowing()) {
            return tree;
          }
        }
      }
    }
    return null;
  }

  private static Window newest() {
    Window[] windows = Window.getWindows();
    return windows[windows.length - 1];
  }

  /** The whole virtual screen, so that dialogs and the tree's popup are in one picture. */
  private static void screenshot(Path file) throws Exception {
    Thread.sleep(600);
    Rectangle area = onEdt(() -> {
      Rectangle union = null;
      for (Window window : Window.getWindows()) {
        if (window.isShowing()) {
          union = union == null ? window.getBounds() : union.union(window.getBounds());
        }
      }
      return union;
    });
    BufferedImage image = new Robot().createScreenCapture(area);
    ImageIO.write(image, "png", file.toFile());
    System.out.println("SCREENSHOT " + file);
  }

  // ------------------------------------------------------------------ Knowledge Flow palette

  private static void knowledgeFlowPalette(Path out, String template, List<String> names) throws Exception {
    Files.createDirectories(out);
    GenericObjectEditor.determineClasses(); // loads the installed packages, as the GUI chooser does
    JFrame frame = onEdt(() -> {
      KnowledgeFlowApp app = new KnowledgeFlowApp();
      JFrame f = new JFrame("Weka Knowledge Flow");
      f.getContentPane().add(app);
      f.setSize(1300, 900);
      f.setVisible(true);
      MainKFPerspective main = (MainKFPerspective) app.getMainPerspective();
      main.getCurrentLayout().setFlow(new TemplateManager().getTemplateFlow(template));
      return f;
    });
    StepTree palette = onEdt(() -> find(frame, StepTree.class));
    List<TreePath> found = onEdt(() -> {
      List<TreePath> paths = new ArrayList<>();
      DefaultMutableTreeNode root = (DefaultMutableTreeNode) palette.getModel().getRoot();
      for (Enumeration<?> e = root.depthFirstEnumeration(); e.hasMoreElements();) {
        DefaultMutableTreeNode node = (DefaultMutableTreeNode) e.nextElement();
        if (node.isLeaf() && names.contains(node.toString())) {
          TreePath path = new TreePath(node.getPath());
          paths.add(path);
          StringBuilder text = new StringBuilder();
          for (Object step : path.getPath()) {
            if (step != root) {
              text.append(text.length() == 0 ? "" : " > ").append(step);
            }
          }
          System.out.println("PALETTE " + text);
        }
      }
      return paths;
    });
    for (String part : new String[] {"Clusterers", "Filters"}) {
      onEdt(() -> {
        for (int row = palette.getRowCount() - 1; row >= 0; row--) {
          palette.collapseRow(row);
        }
        TreePath last = null;
        for (TreePath path : found) {
          if (path.getPathComponent(1).toString().equals(part)) {
            palette.expandPath(path.getParentPath());
            last = path;
          }
        }
        palette.setSelectionPath(last);
        palette.scrollPathToVisible(last);
        return null;
      });
      snapshot(frame, out.resolve("kf-palette-" + part.toLowerCase() + ".png"));
    }
    System.out.println("DONE");
  }

  // ------------------------------------------------------------------ shared

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

  /** The button labelled {@code text} below {@code root} (on the event thread). */
  private static AbstractButton button(Container root, String text) {
    for (AbstractButton b : all(root, AbstractButton.class)) {
      if (text.equals(b.getText())) {
        return b;
      }
    }
    throw new IllegalStateException("no button '" + text + "'");
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
    List<T> found = all(root, type);
    return found.isEmpty() ? null : found.get(0);
  }

  private static <T> List<T> all(Component root, Class<T> type) {
    List<T> into = new ArrayList<>();
    collect(root, type, into);
    return into;
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
