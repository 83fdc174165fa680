package weka.clusterers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import adversarialnmf.cluster.NmfClustering;
import adversarialnmf.testing.PackageClusterers;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.NonnegativeFactorization;
import weka.filters.unsupervised.attribute.Remove;

/**
 * What Weka's Explorer and ClusterEvaluation show on the training data is the fitted clustering: for
 * every clusterer ({@link PackageClusterers}: discovered; and the factorization filter), clusterInstance on each training row agrees with
 * getTrainingAssignments for at least 99% of the rows of MNIST-150, Yale and ORL, and
 * ClusterEvaluation on the training set reproduces the fitted cluster sizes. n = number of classes,
 * seed 1. MNIST-150 (bundled) at the defaults; the face sets (read from ../shared, skipped where
 * absent: research-only licences forbid bundling them) and ANMF everywhere at fewer iterations to keep
 * the suite short. The final X-step is what makes a training row land where the fit put it, converged
 * or not, so fewer iterations test the same property.
 */
class TrainingAgreementTest {

  private static final String SHARED = "../shared/datasets/";
  private static final String PAPER = "-mu 1 -U paper -no-start-rescaling -stop paper";

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    String mnist = "test-data/MNIST_test_bal150.arff.gz";
    for (String spec : specs("", "-I 30", "NMF -solver hals", "NMF -solver kl", "NMF -normalize l2 -assign kmeans",
        "NMF -solver kl -term-weighting tfidf -normalize l1 -assign kmeans -assign-restarts 3",
        "ANMF -I 30 -normalize l2 -assign kmeans", "GraphNMF -term-weighting tfidf -normalize l2")) {
      cases.add(Arguments.of(mnist, spec));
    }
    for (String face : new String[] {SHARED + "Yale_32x32.arff.gz", SHARED + "ORL_32x32.arff.gz"}) {
      for (String spec : specs("-I 30", "-I 5")) {
        cases.add(Arguments.of(face, spec));
      }
    }
    return cases.stream();
  }

  /**
   * Every clusterer of the package (discovered) with {@code options}, ANMF, the slow one, with
   * {@code anmfOptions} and once more at the paper's settings, then the {@code variants}.
   */
  private static List<String> specs(String options, String anmfOptions, String... variants) {
    List<String> specs = new ArrayList<>();
    for (String name : PackageClusterers.names()) {
      specs.add((name + " " + (name.equals("ANMF") ? anmfOptions : options)).trim());
    }
    specs.add("ANMF " + anmfOptions + " " + PAPER);
    specs.addAll(java.util.Arrays.asList(variants));
    return specs;
  }

  static Stream<Arguments> filterCases() {
    return Stream.of(Arguments.of("test-data/MNIST_test_bal150.arff.gz", "NMF"),
        Arguments.of("test-data/MNIST_test_bal150.arff.gz", "ANMF -I 30"),
        Arguments.of(SHARED + "Yale_32x32.arff.gz", "NMF -I 30"),
        Arguments.of(SHARED + "ORL_32x32.arff.gz", "NMF -I 30"));
  }

  /** The data without the class, and the number of classes. */
  private static Instances features(String path) throws Exception {
    assumeTrue(new File(path).exists(), path + " is not on this machine");
    Instances data = DataSource.read(path);
    Remove remove = new Remove();
    remove.setAttributeIndices("last");
    remove.setInputFormat(data);
    Instances out = Filter.useFilter(data, remove);
    out.setRelationName(Integer.toString(data.attribute(data.numAttributes() - 1).numValues()));
    return out;
  }

  private static AbstractNMFClusterer clusterer(String spec, int clusters) throws Exception {
    AbstractNMFClusterer clusterer = PackageClusterers.fromSpec(spec);
    clusterer.setNumClusters(clusters);
    clusterer.setSeed(1);
    return clusterer;
  }

  private static void assertAgreement(String what, int[] fitted, int[] predicted) {
    int agree = 0;
    for (int j = 0; j < fitted.length; j++) {
      if (fitted[j] == predicted[j]) {
        agree++;
      }
    }
    System.out.printf("training agreement %s: %d / %d%n", what, agree, fitted.length);
    assertTrue(agree >= 0.99 * fitted.length, what + ": " + agree + " of " + fitted.length + " rows agree");
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("cases")
  void clusterInstanceAndClusterEvaluationReproduceTheFit(String path, String spec) throws Exception {
    Instances data = features(path);
    AbstractNMFClusterer clusterer = clusterer(spec, Integer.parseInt(data.relationName()));
    clusterer.buildClusterer(data);
    int[] fitted = clusterer.getTrainingAssignments();
    int[] predicted = new int[fitted.length];
    for (int j = 0; j < predicted.length; j++) {
      predicted[j] = clusterer.clusterInstance(data.instance(j));
    }
    assertAgreement(spec + " on " + path, fitted, predicted);

    ClusterEvaluation evaluation = new ClusterEvaluation();
    evaluation.setClusterer(clusterer);
    evaluation.evaluateClusterer(data);
    int[] sizes = new int[clusterer.numberOfClusters()];
    for (double label : evaluation.getClusterAssignments()) {
      sizes[(int) label]++;
    }
    assertArrayEquals(clusterer.getModel().clusterSizes(), sizes, "ClusterEvaluation's cluster sizes");
  }

  @ParameterizedTest(name = "filter with {1} on {0}")
  @MethodSource("filterCases")
  void theFilterMapsTrainingRowsAsFitted(String path, String spec) throws Exception {
    Instances data = features(path);
    int clusters = Integer.parseInt(data.relationName());
    NonnegativeFactorization filter = new NonnegativeFactorization();
    filter.setClusterer(clusterer(spec, clusters));
    filter.setInputFormat(data);
    Filter.useFilter(data, filter); // first batch: the fit
    Instances projected = Filter.useFilter(data, filter); // a later batch: the out-of-sample rule
    NmfClustering model = filter.getModel();
    int[] predicted = new int[data.numInstances()];
    double[] coefficients = new double[clusters];
    for (int j = 0; j < predicted.length; j++) {
      for (int r = 0; r < clusters; r++) {
        coefficients[r] = projected.instance(j).value(r);
      }
      predicted[j] = model.clusterOf(coefficients);
    }
    assertAgreement("filter, " + spec + " on " + path, model.trainingLabels(), predicted);
  }
}
