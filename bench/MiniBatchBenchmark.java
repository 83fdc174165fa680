import adversarialnmf.cluster.NmfClustering;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.metrics.ClusteringScores;
import adversarialnmf.metrics.ContingencyTable;
import adversarialnmf.metrics.NmiNormalization;
import adversarialnmf.weka.WekaData;
import java.io.File;
import java.util.Arrays;
import weka.clusterers.MiniBatchNMF;
import weka.clusterers.NMF;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.converters.ArffLoader;

/**
 * The mini-batch row of docs/MINIBATCH.md: trains MiniBatchNMF on an ARFF read one instance at a
 * time (mode stream) or NMF on the whole file in memory (mode batch), then scores either model in
 * a second streamed pass over the file: the objective sum_j ||y_j - A x_j||^2 in the data's units,
 * x_j the model's coefficients of instance j, and ACC / NMI of its clusters against the class
 * (the last attribute). The heap's peak live size is read from the GC log (-Xlog:gc, the largest
 * occupancy after a collection). Run from the repository root with the package and Weka on the
 * class path:
 *
 *   CP="target/classes:$(cat target/classpath.txt)"  # mvn -B -q dependency:build-classpath@write-classpath
 *   java -Xmx256m -cp "$CP" bench/MiniBatchBenchmark.java stream target/mnist70k.arff -N 10
 *   java -Xmx3g -cp "$CP" bench/MiniBatchBenchmark.java batch target/mnist70k.arff -N 10 -solver hals
 */
public class MiniBatchBenchmark {

  public static void main(String[] args) throws Exception {
    if (args.length < 2 || !(args[0].equals("stream") || args[0].equals("batch"))) {
      System.err.println("usage: MiniBatchBenchmark stream|batch <data.arff> [clusterer options]");
      System.exit(2);
    }
    File file = new File(args[1]);
    String[] options = Arrays.copyOfRange(args, 2, args.length);
    long started = System.nanoTime();
    NmfClustering model;
    String spec;
    if (args[0].equals("stream")) {
      MiniBatchNMF clusterer = new MiniBatchNMF();
      clusterer.setOptions(options);
      spec = "MiniBatchNMF " + String.join(" ", clusterer.getOptions());
      ArffLoader loader = loader(file);
      Instances structure = withClassLast(loader.getStructure());
      clusterer.buildClusterer(structure);
      for (Instance i = loader.getNextInstance(structure); i != null; i = loader.getNextInstance(structure)) {
        clusterer.updateClusterer(i);
      }
      clusterer.updateFinished();
      model = clusterer.getModel();
    } else {
      NMF clusterer = new NMF();
      clusterer.setOptions(options);
      spec = "NMF " + String.join(" ", clusterer.getOptions());
      ArffLoader loader = loader(file);
      Instances data = withClassLast(loader.getDataSet());
      clusterer.buildClusterer(data);
      model = clusterer.getModel();
    }
    double trainSeconds = (System.nanoTime() - started) / 1e9;

    // the scoring pass, one instance at a time for either model
    ArffLoader loader = loader(file);
    Instances structure = withClassLast(loader.getStructure());
    int[] features = WekaData.featureIndices(structure);
    DenseMatrix basis = model.factorization().basis();
    double scale = model.dataScale();
    double objective = 0.0;
    int[] classes = new int[1024];
    int[] clusters = new int[1024];
    int count = 0;
    for (Instance i = loader.getNextInstance(structure); i != null; i = loader.getNextInstance(structure)) {
      double[] fitted = model.preprocessing().apply(WekaData.values(i, features), scale);
      double[] x = model.coefficientRule().coefficients(fitted);
      double residual = 0.0;
      for (int r = 0; r < fitted.length; r++) {
        double modelled = 0.0;
        for (int c = 0; c < x.length; c++) {
          modelled += basis.get(r, c) * x[c];
        }
        residual += (fitted[r] - modelled) * (fitted[r] - modelled);
      }
      objective += residual / (scale * scale);
      if (count == classes.length) {
        classes = Arrays.copyOf(classes, 2 * count);
        clusters = Arrays.copyOf(clusters, 2 * count);
      }
      classes[count] = (int) i.classValue();
      clusters[count++] = model.clusterOf(x);
    }
    ContingencyTable table = ContingencyTable.ofLabels(Arrays.copyOf(classes, count), Arrays.copyOf(clusters, count));
    System.out.printf(java.util.Locale.ROOT, "%s | %d instances | train %.1f s | heap maximum %.0f MB"
        + " | objective %.6g | ACC %.4f | NMI %.4f%n", spec, count, trainSeconds,
        Runtime.getRuntime().maxMemory() / 1048576.0, objective, ClusteringScores.accuracy(table),
        ClusteringScores.normalizedMutualInformation(table, NmiNormalization.MAX));
  }

  private static ArffLoader loader(File file) throws Exception {
    ArffLoader loader = new ArffLoader();
    loader.setFile(file);
    return loader;
  }

  private static Instances withClassLast(Instances data) {
    data.setClassIndex(data.numAttributes() - 1);
    return data;
  }
}
