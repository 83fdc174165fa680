package adversarialnmf.experiments;

import adversarialnmf.solver.Factorization;
import java.util.Locale;
import weka.clusterers.ANMF;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.converters.ConverterUtils.DataSource;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.Remove;

/**
 * Which quantity of an ANMF fit settles (docs/ALGORITHM.md §5.4): runs the clusterer to the
 * iteration cap with tolerance 0 and prints, per data set and seed, the first iteration from which
 * each candidate stays at or below each tolerance, and its value at the cap: the relative change of
 * (9), the relative primal residual, the relative change of the scale-free coefficients
 * diag(‖a_r‖) X, the instances whose cluster changed, and the relative change of (9) at the
 * fixed-scale representative. Arguments: datasets directory, comma-separated names, seeds,
 * iterations, then extra ANMF options (may be empty).
 */
public final class AnmfSettlingStudy {

  private AnmfSettlingStudy() {
  }

  public static void main(String[] args) throws Exception {
    String directory = args[0];
    int seeds = Integer.parseInt(args[2]);
    int iterations = Integer.parseInt(args[3]);
    String extra = args.length > 4 ? args[4] : "";
    double[] tolerances = {1e-3, 1e-4};
    System.out.println("data,seed,quantity,value at cap,settled<=1e-3 from,settled<=1e-4 from");
    for (String name : args[1].split(",")) {
      Instances data = DataSource.read(directory + "/" + name + ".arff.gz");
      int classes = data.attribute(data.numAttributes() - 1).numValues();
      Remove remove = new Remove();
      remove.setAttributeIndices("last");
      remove.setInputFormat(data);
      Instances features = Filter.useFilter(data, remove);
      for (int seed = 1; seed <= seeds; seed++) {
        ANMF anmf = new ANMF();
        anmf.setOptions(Utils.splitOptions(extra));
        anmf.setNumClusters(classes);
        anmf.setSeed(seed);
        anmf.setMaxIterations(iterations);
        anmf.setTolerance(0.0);
        anmf.buildClusterer(features);
        Factorization fit = anmf.getFactorization();
        print(name, seed, "relative change of (9)", relativeChanges(fit.objectiveTrace()), tolerances);
        print(name, seed, "relative primal residual", fit.trace("primal residual"), tolerances);
        print(name, seed, "scale-free change", fit.trace("scale-free change"), tolerances);
        double[] moved = fit.trace("assignment changes");
        double[] movedShare = new double[moved.length];
        for (int k = 0; k < moved.length; k++) {
          movedShare[k] = moved[k] / features.numInstances();
        }
        print(name, seed, "share of instances changing cluster", movedShare, new double[] {1e-9, 1e-9});
        print(name, seed, "relative change of fixed-scale (9)",
            relativeChanges(fit.trace("fixed-scale objective")), tolerances);
      }
    }
  }

  private static double[] relativeChanges(double[] values) {
    double[] out = new double[values.length];
    out[0] = Double.NaN;
    for (int k = 1; k < values.length; k++) {
      out[k] = Math.abs(values[k] - values[k - 1]) / Math.max(Math.abs(values[k - 1]), Double.MIN_NORMAL);
    }
    return out;
  }

  /** The value at the cap and the first iteration from which the trace stays at or below each tolerance. */
  private static void print(String data, int seed, String quantity, double[] trace, double[] tolerances) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s,%d,%s,%.3g", data, seed, quantity,
        trace[trace.length - 1]));
    for (double tolerance : tolerances) {
      int from = -1;
      for (int k = trace.length - 1; k >= 1; k--) {
        if (trace[k] <= tolerance) {
          from = k;
        } else {
          break;
        }
      }
      line.append(',').append(from < 0 ? "never" : Integer.toString(from));
    }
    System.out.println(line);
  }
}
