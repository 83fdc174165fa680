package weka.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.metrics.ClusteringScores;
import adversarialnmf.metrics.ContingencyTable;
import adversarialnmf.metrics.MatchedClustering;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.clusterers.AbstractClusterer;
import weka.clusterers.NMF;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.converters.ConverterUtils.DataSource;

class ClassesToClustersEvaluationTest {

  /** Puts each instance in the cluster its first attribute names: a clustering chosen by the test. */
  public static class FirstAttributeClusterer extends AbstractClusterer {
    private static final long serialVersionUID = 1L;
    private int m_Clusters;

    @Override
    public void buildClusterer(Instances data) {
      m_Clusters = (int) data.attributeStats(0).numericStats.max + 1;
    }

    @Override
    public int clusterInstance(Instance instance) {
      return (int) instance.value(0);
    }

    @Override
    public int numberOfClusters() {
      return m_Clusters;
    }
  }

  /** One instance per (cluster, class) pair listed, the cluster as attribute 0, the class last. */
  private static Instances labelled(int classes, int[][] clusterAndClass) {
    ArrayList<String> names = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      names.add(classes <= 26 ? String.valueOf((char) ('a' + c)) : "s" + c);
    }
    ArrayList<Attribute> attributes = new ArrayList<>(Arrays.asList(new Attribute("cluster"),
        new Attribute("class", names)));
    Instances data = new Instances("chosen", attributes, clusterAndClass.length);
    for (int[] row : clusterAndClass) {
      data.add(new DenseInstance(1.0, new double[] {row[0], row[1]}));
    }
    data.setClassIndex(1);
    return data;
  }

  private static ClassesToClustersEvaluation chosenClusters() {
    ClassesToClustersEvaluation evaluation = new ClassesToClustersEvaluation();
    evaluation.setClusterer(FirstAttributeClusterer.class.getName());
    return evaluation;
  }

  /**
   * Clusters x classes (a, b, c): cluster 0 = {b, b}, 1 = {a, b, c, c}, 2 = {a, a, a}, 3 = {c}.
   * By hand: the best one-to-one matching is 2-a, 0-b, 1-c (3 + 2 + 2 = 7 of 10), cluster 3
   * unmatched; ACC 0.7; purity (2 + 2 + 3 + 1)/10 = 0.8; ARI: 5 same-cell pairs, 10 same-cluster
   * pairs, 12 same-class pairs of 45, so (5 − 10·12/45)/((10 + 12)/2 − 10·12/45) = 0.28; NMI (max):
   * I = 0.673012 nats over H(clusters) = 1.279854.
   */
  @Test
  void aHandComputedTable() throws Exception {
    Instances data = labelled(3, new int[][] {{0, 1}, {0, 1}, {1, 0}, {1, 1}, {1, 2}, {1, 2}, {2, 0}, {2, 0},
        {2, 0}, {3, 2}});
    ClassesToClustersEvaluation.Result result = chosenClusters().evaluate(data, null);
    MatchedClustering scores = result.scores();
    assertArrayEquals(new int[] {1, 2, 0, -1}, scores.classOfCluster());
    assertArrayEquals(new int[][] {{3, 0, 1, 0}, {0, 2, 1, 0}, {0, 0, 2, 1}}, scores.confusion());
    assertEquals(0.7, scores.accuracy(), 1e-12);
    assertEquals(0.8, scores.purity(), 1e-12);
    assertEquals(0.28, scores.adjustedRandIndex(), 1e-12);
    assertEquals(0.6730116670092565 / 1.2798542258336674, scores.normalizedMutualInformation(), 1e-12);
    String text = result.toString();
    assertTrue(text.contains(" 2 0 1 3  <-- assigned to cluster\n 3 0 1 0 | a\n 0 2 1 0 | b\n 0 0 2 1 | c\n"), text);
    assertTrue(text.contains("Cluster 0 <-- b\nCluster 1 <-- c\nCluster 2 <-- a\nCluster 3 <-- No class\n"), text);
    assertTrue(text.contains("Incorrectly clustered instances: 3  30.0000 %"), text);
    assertTrue(text.contains("ACC    0.7000\n"), text);
  }

  /**
   * 40 classes of 10, each class's cluster a shuffled number, one instance of each class put in
   * the next class's cluster: ACC 0.9 with every class matched to its own cluster, in well under
   * a second, where Weka's search over mappings does not end.
   */
  @Test
  void fortyClustersFinish() throws Exception {
    int classes = 40;
    Integer[] shuffled = new Integer[classes];
    Arrays.setAll(shuffled, i -> i);
    java.util.Collections.shuffle(Arrays.asList(shuffled), new Random(7));
    int[][] rows = new int[classes * 10][];
    for (int c = 0; c < classes; c++) {
      for (int i = 0; i < 10; i++) {
        rows[c * 10 + i] = new int[] {shuffled[i == 0 ? (c + 1) % classes : c], c};
      }
    }
    ClassesToClustersEvaluation.Result result = assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> chosenClusters().evaluate(labelled(classes, rows), null));
    assertEquals(0.9, result.scores().accuracy(), 1e-12);
    int[] classOfCluster = result.scores().classOfCluster();
    for (int c = 0; c < classes; c++) {
      assertEquals(c, classOfCluster[shuffled[c]], "class of cluster " + shuffled[c]);
    }
  }

  /** A real 40-cluster fit, ORL's 400 faces: it finishes, and scores the clusterer's own training labels. */
  @Test
  void nmfOnOrlWithFortyClusters(@TempDir Path work) throws Exception {
    Path orl = Paths.get("..", "shared", "datasets", "ORL_32x32.arff.gz");
    Assumptions.assumeTrue(Files.isRegularFile(orl), "ORL not on this machine: " + orl);
    ClassesToClustersEvaluation evaluation = new ClassesToClustersEvaluation();
    evaluation.setOptions(new String[] {"-t", orl.toString(), "-c", "last", "-W", "weka.clusterers.NMF", "--",
        "-N", "40", "-I", "30"});
    ClassesToClustersEvaluation.Result result = assertTimeoutPreemptively(Duration.ofSeconds(120),
        () -> evaluation.evaluate());
    Instances data = DataSource.read(orl.toString());
    data.setClassIndex(data.numAttributes() - 1);
    int[] classes = new int[data.numInstances()];
    Arrays.setAll(classes, i -> (int) data.instance(i).classValue());
    int[] clusters = ((NMF) result.clusterer()).getTrainingAssignments();
    assertEquals(ClusteringScores.accuracy(ContingencyTable.of(classes, 40, clusters, 40)),
        result.scores().accuracy(), 1e-12);
    assertEquals(40, result.toString().split("\nCluster \\d+ <-- ", -1).length - 1);
  }

  @Test
  void testDataAreScoredByClusterInstance() throws Exception {
    Instances training = labelled(2, new int[][] {{0, 0}, {1, 1}});
    Instances test = labelled(2, new int[][] {{0, 1}, {0, 1}, {1, 0}});
    assertEquals(1.0, chosenClusters().evaluate(training, test).scores().accuracy(), 1e-12);
    assertEquals(3, chosenClusters().evaluate(training, test).scores().table().total());
  }

  @Test
  void clustersFromClassesSetsTheClusterCount() throws Exception {
    ClassesToClustersEvaluation evaluation = new ClassesToClustersEvaluation();
    evaluation.setOptions(new String[] {"-clusters-from-classes", "-W", "weka.clusterers.SimpleKMeans"});
    Instances data = SyntheticData.blobs(4, 10, 6, 0.05, 3);
    assertEquals(4, evaluation.evaluate(data, null).clusterer().numberOfClusters());
  }

  @Test
  void badInputNamesTheOption(@TempDir Path work) throws Exception {
    IllegalArgumentException index = assertThrows(IllegalArgumentException.class,
        () -> new ClassesToClustersEvaluation().setClassIndex("0"));
    assertTrue(index.getMessage().startsWith("-c must be first, last or a 1-based attribute index"), index.getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new ClassesToClustersEvaluation().evaluate())
        .getMessage().contains("-t <file>"));
    File saved = SyntheticData.save(SyntheticData.blobs(2, 3, 4, 0.05, 1), work.toFile());
    ClassesToClustersEvaluation evaluation = new ClassesToClustersEvaluation();
    evaluation.setOptions(new String[] {"-t", saved.getPath(), "-c", "9"});
    assertTrue(assertThrows(IllegalArgumentException.class, () -> evaluation.evaluate()).getMessage()
        .contains("-c 9: " + saved.getPath() + " has only 5 attributes"));
    Instances unlabelled = SyntheticData.blobs(2, 3, 4, 0.05, 1);
    unlabelled.setClassIndex(0);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> chosenClusters().evaluate(unlabelled, null))
        .getMessage().contains("is not nominal"));
  }
}
