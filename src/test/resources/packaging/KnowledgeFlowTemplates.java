import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import weka.core.WekaPackageManager;
import weka.gui.knowledgeflow.TemplateManager;
import weka.knowledgeflow.Flow;
import weka.knowledgeflow.FlowRunner;
import weka.knowledgeflow.StepManagerImpl;
import weka.knowledgeflow.steps.Clusterer;
import weka.knowledgeflow.steps.TextViewer;

/**
 * Prints the Knowledge Flow templates the installed packages register, and the steps of each,
 * as the Knowledge Flow's Templates menu loads them; with the argument {@code run <description>},
 * runs that template to the end without a GUI (Weka's FlowRunner) and prints what its TextViewers
 * received. Run by PackageInstallIT in Java's single-file source mode.
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
    if (args.length == 2 && args[0].equals("run")) {
      run(templates.getTemplateFlow(args[1]));
    }
  }

  private static void run(Flow flow) throws Exception {
    FlowRunner runner = new FlowRunner();
    runner.setFlow(flow);
    long started = System.nanoTime();
    runner.run();
    runner.waitUntilFinished();
    // waitUntilFinished can return while a result is between two steps (no step busy): wait until the
    // viewer holds one result per clusterer of the flow, or give up after two minutes
    int clusterers = 0;
    for (StepManagerImpl step : flow.getSteps()) {
      clusterers += step.getManagedStep() instanceof Clusterer ? 1 : 0;
    }
    while (results(flow).size() < clusterers && System.nanoTime() - started < 120e9) {
      Thread.sleep(200);
      runner.waitUntilFinished();
    }
    System.out.println("FLOW_SECONDS " + (System.nanoTime() - started) / 1e9);
    for (Map.Entry<String, String> result : results(flow).entrySet()) {
      System.out.println("RESULT " + result.getKey() + "\n" + result.getValue() + "\nEND_RESULT");
    }
    System.exit(runner.wasStopped() ? 1 : 0);
  }

  private static Map<String, String> results(Flow flow) {
    Map<String, String> results = new LinkedHashMap<>();
    for (StepManagerImpl step : flow.getSteps()) {
      if (step.getManagedStep() instanceof TextViewer) {
        results.putAll(((TextViewer) step.getManagedStep()).getResults());
      }
    }
    return results;
  }
}
