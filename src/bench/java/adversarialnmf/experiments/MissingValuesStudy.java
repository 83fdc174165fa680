package adversarialnmf.experiments;

import adversarialnmf.linalg.MissingValues;
import adversarialnmf.metrics.ClusteringScores;
import adversarialnmf.metrics.ContingencyTable;
import adversarialnmf.metrics.NmiNormalization;
import adversarialnmf.solver.anmf.AnmfSolver;
import java.util.Locale;
import java.util.Random;
import weka.clusterers.ANMF;
import weka.clusterers.AbstractNMFClusterer;
import weka.clusterers.NMF;
import weka.core.Instances;
import weka.core.SelectedTag;
import weka.core.converters.ConverterUtils.DataSource;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.Remove;

/**
 * Clustering ACC of a clusterer with its defaults (NMF: multiplicative updates, k-means start, data / max; or ANMF
 * with -solver gradient), rank = number of classes, argmax labels, when a fraction of the pixels is removed at random (independently per
 * seed): fitted around the holes (-missing mask) vs filled with attribute means (-missing mean) vs
 * the complete data. One line per (data set, fraction, policy, seed) and a summary, on stdout.
 *
 * <pre>
 * mvn -q -o test-compile
 * nice -n 10 java -cp target/classes:target/test-classes:$(mvn -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *   adversarialnmf.experiments.MissingValuesStudy seeds nmf|anmf-gradient file.arff.gz ...
 * </pre>
 */
public final class MissingValuesStudy {

  private MissingValuesStudy() {
  }

  public static void main(String[] args) throws Exception {
    int seeds = Integer.parseInt(args[0]);
    String method = args[1];
    double[] fractions = {0.1, 0.3, 0.5};
    System.out.println("method,data,fraction,policy,seed,acc,nmi,iterations,seconds");
    for (int f = 2; f < args.length; f++) {
      Instances raw = DataSource.read(args[f]);
      raw.setClassIndex(raw.numAttributes() - 1);
      int[] labels = new int[raw.numInstances()];
      for (int j = 0; j < labels.length; j++) {
        labels[j] = (int) raw.instance(j).classValue();
      }
      int classes = raw.classAttribute().numValues();
      Remove remove = new Remove();
      remove.setAttributeIndices("last");
      remove.setInputFormat(raw);
      Instances pixels = Filter.useFilter(raw, remove);
      String name = args[f].substring(args[f].lastIndexOf('/') + 1).replace(".arff.gz", "");
      double[][] summary = new double[1 + 2 * fractions.length][seeds];
      for (int s = 0; s < seeds; s++) {
        summary[0][s] = run(method, name, pixels, labels, classes, 0.0, MissingValues.MASK, s + 1);
        for (int k = 0; k < fractions.length; k++) {
          Instances holed = new Instances(pixels);
          Random random = new Random(1000 + s);
          for (int j = 0; j < holed.numInstances(); j++) {
            for (int a = 0; a < holed.numAttributes(); a++) {
              if (random.nextDouble() < fractions[k]) {
                holed.instance(j).setMissing(a);
              }
            }
          }
          summary[1 + 2 * k][s] = run(method, name, holed, labels, classes, fractions[k], MissingValues.MASK, s + 1);
          summary[2 + 2 * k][s] = run(method, name, holed, labels, classes, fractions[k], MissingValues.MEAN, s + 1);
        }
      }
      System.out.printf(Locale.ROOT, "# %s complete: ACC %s%n", name, meanSd(summary[0]));
      for (int k = 0; k < fractions.length; k++) {
        System.out.printf(Locale.ROOT, "# %s %.0f%% missing: mask %s, mean %s%n", name, 100 * fractions[k],
            meanSd(summary[1 + 2 * k]), meanSd(summary[2 + 2 * k]));
      }
    }
  }

  private static double run(String method, String name, Instances data, int[] labels, int classes,
      double fraction, MissingValues policy, int seed) throws Exception {
    AbstractNMFClusterer nmf;
    if (method.equals("nmf")) {
      nmf = new NMF();
    } else if (method.equals("anmf-gradient")) {
      ANMF anmf = new ANMF();
      anmf.setSolver(new SelectedTag(AnmfSolver.GRADIENT.ordinal(), ANMF.TAGS_SOLVER));
      nmf = anmf;
    } else {
      throw new IllegalArgumentException("method must be nmf or anmf-gradient, got " + method);
    }
    nmf.setNumClusters(classes);
    nmf.setSeed(seed);
    nmf.setMissingValues(new SelectedTag(policy.ordinal(), AbstractNMFClusterer.TAGS_MISSING));
    long started = System.nanoTime();
    nmf.buildClusterer(data);
    double seconds = (System.nanoTime() - started) / 1e9;
    ContingencyTable table = ContingencyTable.ofLabels(labels, nmf.getTrainingAssignments());
    double acc = ClusteringScores.accuracy(table);
    System.out.printf(Locale.ROOT, "%s,%s,%.1f,%s,%d,%.4f,%.4f,%d,%.1f%n", method, name, fraction,
        fraction == 0.0 ? "complete" : policy.key(), seed, acc, ClusteringScores.normalizedMutualInformation(table, NmiNormalization.MAX),
        (int) nmf.getMeasure("measureIterations"), seconds);
    return acc;
  }

  private static String meanSd(double[] values) {
    double mean = 0.0;
    for (double v : values) {
      mean += v / values.length;
    }
    double var = 0.0;
    for (double v : values) {
      var += (v - mean) * (v - mean) / Math.max(1, values.length - 1);
    }
    return String.format(Locale.ROOT, "%.3f ± %.3f", mean, Math.sqrt(var));
  }
}
