package adversarialnmf.experiments;

import adversarialnmf.cluster.Assignment;
import adversarialnmf.cluster.NmfClustering;
import adversarialnmf.cluster.PredictionRule;
import adversarialnmf.linalg.DenseData;
import adversarialnmf.metrics.ClusteringScores;
import adversarialnmf.metrics.ContingencyTable;
import adversarialnmf.metrics.NmiNormalization;
import adversarialnmf.solver.Factorization;
import java.util.Locale;
import java.util.Random;
import weka.clusterers.AbstractNMFClusterer;
import weka.clusterers.AbstractClusterer;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.converters.ConverterUtils.DataSource;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.Remove;

/**
 * ACC and NMI of the four ways a fitted model can assign the training instances (docs/RESULTS.md,
 * "Which coefficients the Explorer shows"): the solver's own X (argmax, scale-free), the method's
 * out-of-sample rule applied to every training column (the default, -predict model), NNLS onto A
 * (-predict basis) and, for ANMF, NNLS onto Ã (-predict adversarial). One fit per (data, clusterer,
 * seed); n = number of classes. Arguments: datasets directory, comma-separated data names, seeds,
 * then clusterer specifications separated by ';' (class name relative to weka.clusterers, options).
 */
public final class PredictionRuleStudy {

  private PredictionRuleStudy() {
  }

  public static void main(String[] args) throws Exception {
    String directory = args[0];
    String[] names = args[1].split(",");
    int seeds = Integer.parseInt(args[2]);
    String[] specs = args[3].split(";");
    System.out.println("data,clusterer,seed,rule,acc,nmi,moved");
    for (String name : names) {
      Instances data = DataSource.read(directory + "/" + name + ".arff.gz");
      int[] classes = new int[data.numInstances()];
      for (int j = 0; j < classes.length; j++) {
        classes[j] = (int) data.instance(j).value(data.numAttributes() - 1);
      }
      int classCount = data.attribute(data.numAttributes() - 1).numValues();
      Remove remove = new Remove();
      remove.setAttributeIndices("last");
      remove.setInputFormat(data);
      Instances features = Filter.useFilter(data, remove);
      for (String spec : specs) {
        for (int seed = 1; seed <= seeds; seed++) {
          String[] options = Utils.splitOptions(spec.trim());
          String className = "weka.clusterers." + options[0];
          options[0] = "";
          AbstractNMFClusterer clusterer = (AbstractNMFClusterer) AbstractClusterer.forName(className, options);
          clusterer.setNumClusters(classCount);
          clusterer.setSeed(seed);
          clusterer.buildClusterer(features);
          NmfClustering model = clusterer.getModel();
          Factorization fit = model.factorization();
          DenseData y = new DenseData(adversarialnmf.weka.WekaData.toMatrix(features,
              adversarialnmf.weka.WekaData.featureIndices(features)).toDense());
          adversarialnmf.linalg.DataMatrix scaled = model.asFitted(y);
          report(name, spec, seed, "fitted X", classes, classCount, fit.argmaxAssignments(), -1);
          for (PredictionRule rule : PredictionRule.values()) {
            if (rule == PredictionRule.ADVERSARIAL_BASIS && !fit.hasAdversarialBasis()) {
              continue;
            }
            NmfClustering assigned = NmfClustering.of(fit, scaled, model.preprocessing(), model.dataScale(),
                Assignment.ARGMAX, rule, new Random(seed));
            report(name, spec, seed, rule.name().toLowerCase(Locale.ROOT), classes, classCount,
                assigned.trainingLabels(), assigned.rowsMovedByFinalStep());
          }
        }
      }
    }
  }

  private static void report(String data, String spec, int seed, String rule, int[] classes, int classCount,
      int[] labels, int moved) {
    ContingencyTable table = ContingencyTable.of(classes, classCount, labels, classCount);
    System.out.printf(Locale.ROOT, "%s,%s,%d,%s,%.4f,%.4f,%d%n", data, spec, seed, rule,
        ClusteringScores.accuracy(table),
        ClusteringScores.normalizedMutualInformation(table, NmiNormalization.MAX), moved);
  }
}
