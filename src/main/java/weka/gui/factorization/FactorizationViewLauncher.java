package weka.gui.factorization;

import adversarialnmf.weka.FitLogs;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Container;
import java.awt.event.HierarchyEvent;
import java.util.List;
import javax.swing.JFrame;
import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import weka.clusterers.AbstractNMFClusterer;
import weka.core.Instances;
import weka.gui.LogPanel;
import weka.gui.Logger;
import weka.gui.ResultHistoryPanel;
import weka.gui.TaskLogger;
import weka.gui.explorer.ClustererPanel;
import weka.gui.explorer.ClustererPanelLaunchHandlerPlugin;

/**
 * Puts a "Factorization view" button into the Explorer's Cluster tab (registered in the
 * package's PluginManager.props). It opens a {@link FactorizationView} of the result selected in
 * the Result list, on the data set of the Preprocess tab. It also lets long fits report their
 * progress to the Explorer's status line and log: Weka copies the clusterer before a run and
 * hands it no log, so the tab's log is wrapped and bound to the thread the tab runs the fit in.
 */
public class FactorizationViewLauncher implements ClustererPanelLaunchHandlerPlugin {

  /** The button's label. */
  public static final String COMMAND = "Factorization view";

  private ClustererPanel m_Panel;
  private boolean m_LogWrapped;

  @Override
  public void setClustererPanel(ClustererPanel panel) {
    m_Panel = panel;
    // the Explorer hands the tab its log after building it: wrap the log once the tab is shown
    panel.addHierarchyListener(e -> {
      if ((e.getChangeFlags() & HierarchyEvent.SHOWING_CHANGED) != 0 && panel.isShowing()) {
        wrapLog();
      }
    });
  }

  @Override
  public String getLaunchCommand() {
    return COMMAND;
  }

  private void wrapLog() {
    if (m_LogWrapped || m_Panel.getExplorer() == null) {
      return;
    }
    LogPanel log = find(m_Panel.getExplorer(), LogPanel.class);
    if (log != null) {
      m_Panel.setLog(new ThreadBindingLog(log));
      m_LogWrapped = true;
    }
  }

  @Override
  public void launch() {
    wrapLog();
    Instances data = m_Panel.getExplorer() == null ? null : m_Panel.getExplorer().getPreprocessPanel().getInstances();
    AbstractNMFClusterer model = selectedModel();
    if (model == null) {
      String message = "Select the result of one of this package's NMF clusterers in the Result list "
          + "to see its basis, convergence and accuracy.";
      if (data == null) {
        JOptionPane.showMessageDialog(m_Panel, message, COMMAND, JOptionPane.INFORMATION_MESSAGE);
        return;
      }
      JOptionPane.showMessageDialog(m_Panel, message + "\nShowing the data set's images only.", COMMAND,
          JOptionPane.INFORMATION_MESSAGE);
    }
    JFrame frame = new JFrame(FactorizationView.title(model));
    frame.setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
    frame.getContentPane().add(new FactorizationView(model, data), BorderLayout.CENTER);
    frame.setSize(1000, 720);
    frame.setLocationRelativeTo(SwingUtilities.getWindowAncestor(m_Panel));
    frame.setVisible(true);
  }

  /** The clusterer of the result selected in the Cluster tab's Result list, if it is one of ours. */
  private AbstractNMFClusterer selectedModel() {
    ResultHistoryPanel history = find(m_Panel, ResultHistoryPanel.class);
    Object selected = history == null ? null : history.getSelectedObject();
    if (selected instanceof List) {
      for (Object item : (List<?>) selected) {
        if (item instanceof AbstractNMFClusterer && ((AbstractNMFClusterer) item).getFactorization() != null) {
          return (AbstractNMFClusterer) item;
        }
      }
    }
    return null;
  }

  /** The first component of type {@code type} in the tree under {@code root}, depth first. */
  static <T> T find(Component root, Class<T> type) {
    if (type.isInstance(root)) {
      return type.cast(root);
    }
    if (root instanceof Container) {
      for (Component child : ((Container) root).getComponents()) {
        T found = find(child, type);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /**
   * The Cluster tab's log, passed through; the tab's run thread, when it first writes to it, is
   * bound to it ({@link FitLogs}), so the fit in that thread reports its progress there.
   */
  static final class ThreadBindingLog implements Logger, TaskLogger {
    private final LogPanel m_Log;

    ThreadBindingLog(LogPanel log) {
      m_Log = log;
    }

    private void bindIfRunThread() {
      if (!SwingUtilities.isEventDispatchThread()) {
        FitLogs.bindToCurrentThread(m_Log);
      }
    }

    @Override
    public void logMessage(String message) {
      bindIfRunThread();
      m_Log.logMessage(message);
    }

    @Override
    public void statusMessage(String message) {
      bindIfRunThread();
      m_Log.statusMessage(message);
    }

    @Override
    public void taskStarted() {
      bindIfRunThread();
      m_Log.taskStarted();
    }

    @Override
    public void taskFinished() {
      m_Log.taskFinished();
      if (!SwingUtilities.isEventDispatchThread()) {
        FitLogs.unbindCurrentThread();
      }
    }
  }
}
