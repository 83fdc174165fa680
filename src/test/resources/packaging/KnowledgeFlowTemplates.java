import java.util.List;
import weka.core.WekaPackageManager;
import weka.gui.knowledgeflow.TemplateManager;
import weka.knowledgeflow.Flow;
import weka.knowledgeflow.StepManagerImpl;

/**
 * Prints the Knowledge Flow templates the installed packages register, and the steps of each,
 * as the Knowledge Flow's Templates menu loads them. Run by PackageInstallIT in Java's
 * single-file source mode.
 */
final class KnowledgeFlowTemplates {

  private KnowledgeFlowTemplates() {
  }

  public static void main(String[] args) throws Exception {
    WekaPackageManager.loadPackages(false, true, false);
    TemplateManager templates = new TemplateManager();
    List<String> descriptions = templates.getPluginTemplateDescriptions();
    for (String description : descriptions) {
      Flow flow = templates.getTemplateFlow(description);
      StringBuilder steps = new StringBuilder();
      for (StepManagerImpl step : flow.getSteps()) {
        steps.append(' ').append(step.getManagedStep().getClass().getSimpleName()).append(':').append(step.getName());
      }
      System.out.println("TEMPLATE " + description + " |" + steps);
    }
  }
}
