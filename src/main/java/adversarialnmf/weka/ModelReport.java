package adversarialnmf.weka;

import adversarialnmf.cluster.AssignmentRule;
import adversarialnmf.cluster.NmfClustering;
import adversarialnmf.solver.Factorization;
import weka.core.Utils;

/** The text of a fitted NMF clusterer (its toString), written once for every face. */
public final class ModelReport {

  private ModelReport() {
  }

  /**
   * The model as the clusterer's toString shows it: the recipe, the fit's course, the rule of new
   * instances and the cluster sizes; {@code methodLines} are the method's own, before the rule.
   */
  public static String describe(String methodName, FittedModel fitted, String methodLines) {
    NmfClustering model = fitted.clustering();
    Factorization fit = model.factorization();
    StringBuilder text = new StringBuilder();
    text.append(methodName).append('\n');
    text.append(methodName.replaceAll(".", "=")).append("\n\n");
    text.append("Options: ").append(fitted.options()).append('\n');
    text.append("Data: ").append(fit.basis().rows()).append(" attributes x ")
        .append(fit.coefficients().cols()).append(" instances")
        .append(model.dataScale() != 1.0 ? ", scaled by " + readable(model.dataScale())
            + (fitted.options().contains("-scaling none") ? " (a power of two: the values are too large or small to square)" : "")
            : "")
        .append('\n');
    if (fitted.missingCount() > 0) {
      long entries = (long) fit.basis().rows() * fit.coefficients().cols();
      text.append("Missing values: ").append(fitted.missingCount()).append(" of ").append(entries)
          .append(" entries (").append(Utils.doubleToString(100.0 * fitted.missingCount() / entries, 2))
          .append("%), ").append(fitted.missingPolicy().description()).append('\n');
    }
    if (!model.preprocessing().isIdentity()) {
      text.append("Instances: ").append(model.preprocessing().describe()).append('\n');
    }
    text.append("Initialisation: ").append(fitted.initialisation()).append('\n');
    if (fitted.runs().count() > 1) {
      text.append("Restarts: ").append(fitted.runs().count())
          .append(", the run with the lowest final objective kept\n").append(fitted.runs());
    }
    text.append("Linear algebra: ").append(fit.linearAlgebra()).append('\n');
    text.append("Iterations: ").append(fit.iterations()).append(" (").append(fit.stopReason().description())
        .append(")\n");
    double[] trace = fit.objectiveTrace();
    text.append("Objective: ").append(readable(trace[0])).append(" at the start, ")
        .append(readable(fit.finalObjective())).append(" at the end\n");
    for (String name : fit.traceNames()) {
      double[] values = fit.trace(name);
      text.append("Final ").append(name).append(": ")
          .append(readable(values[values.length - 1])).append('\n');
    }
    for (java.util.Map.Entry<String, Double> measure : fit.measures().entrySet()) {
      text.append(measure.getKey()).append(": ").append(Utils.doubleToString(measure.getValue(), 6)).append('\n');
    }
    for (String line : fitted.recipe()) {
      text.append(line).append('\n');
    }
    text.append(methodLines);
    text.append("Coefficients of an instance: ").append(model.coefficientRule().describe()).append('\n');
    text.append("Final X-step (that rule on every training instance) moved ").append(model.rowsMovedByFinalStep())
        .append(" of ").append(fit.coefficients().cols()).append(" training instances to another cluster\n");
    text.append('\n');
    int[] sizes = model.clusterSizes();
    int total = fit.coefficients().cols();
    text.append("Clustered instances (").append(model.rule().key()).append(" rule")
        .append(model.rule() == AssignmentRule.KMEANS ? ", best of " + model.assignment().restarts() + " runs" : "")
        .append(")\n\n");
    for (int c = 0; c < sizes.length; c++) {
      text.append(String.format("%5d %8d (%3.0f%%)%n", c, sizes[c], 100.0 * sizes[c] / total));
    }
    text.append("\nThese are the fit's clusters; Weka's evaluation of the training data repeats them (its\n"
        + "clusterInstance applies the coefficient rule above). For accuracy against a class with many\n"
        + "clusters use weka.experiment.ClassesToClustersEvaluation or the Explorer's Factorization view\n"
        + "(Hungarian matching; Weka's classes-to-clusters search does not end at 40 clusters).\n");
    return text.toString();
  }

  /** A number for toString: six decimals where that is readable, scientific notation otherwise. */
  public static String readable(double value) {
    double magnitude = Math.abs(value);
    return magnitude != 0.0 && (magnitude < 1e-4 || magnitude >= 1e9) && Double.isFinite(value)
        ? String.format(java.util.Locale.ROOT, "%.6g", value) : Utils.doubleToString(value, 6);
  }
}
