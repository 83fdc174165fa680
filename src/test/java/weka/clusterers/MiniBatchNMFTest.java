package weka.clusterers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.testing.PlantedData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.converters.ArffLoader;
import weka.core.converters.ArffSaver;
import weka.experiment.ClustererSplitEvaluator;

/** The mini-batch clusterer through every path Weka trains a clusterer by, and its errors. */
class MiniBatchNMFTest {

  private static final PlantedData PLANTED = PlantedData.generate(30, 150, 3, 0.05, 4);

  private static MiniBatchNMF clusterer(String... options) throws Exception {
    MiniBatchNMF clusterer = new MiniBatchNMF();
    clusterer.setOptions(options);
    return clusterer;
  }

  private static int[] clusters(Clusterer clusterer, Instances data) throws Exception {
    int[] out = new int[data.numInstances()];
    for (int j = 0; j < out.length; j++) {
      out[j] = clusterer.clusterInstance(data.instance(j));
    }
    return out;
  }

  /** The Knowledge Flow's and the command line's incremental path: structure, each instance, finished. */
  private static MiniBatchNMF streamed(MiniBatchNMF clusterer, Instances data) throws Exception {
    clusterer.buildClusterer(new Instances(data, 0));
    for (Instance instance : data) {
      clusterer.updateClusterer(instance);
    }
    clusterer.updateFinished();
    return clusterer;
  }

  @Test
  void thePlantedClustersAreFoundByEitherAssignmentRule() throws Exception {
    Instances data = PLANTED.instances();
    for (String rule : new String[] {"kmeans", "argmax"}) {
      MiniBatchNMF clusterer = clusterer("-N", "3", "-batch-size", "50", "-passes", "3", "-assign", rule);
      clusterer.buildClusterer(data);
      assertTrue(PLANTED.matchesUpToPermutation(clusters(clusterer, data)), rule);
      assertEquals(3 * 450, clusterer.getInstancesLearnt());
      double[] passes = clusterer.getPassResiduals();
      assertEquals(3, passes.length);
      assertTrue(passes[2] < passes[0], Arrays.toString(passes));
    }
  }

  @Test
  void streamingTheInstancesEqualsOnePassOfTheBatchPathUnderTheSameSeedAndOrder() throws Exception {
    Instances data = PLANTED.instances();
    for (String rule : new String[] {"kmeans", "argmax"}) {
      String[] options = {"-N", "3", "-batch-size", "64", "-assign", rule, "-assign-sample", "100", "-S", "3"};
      MiniBatchNMF batch = clusterer(options.clone()); // setOptions consumes what it reads
      batch.buildClusterer(data);
      MiniBatchNMF stream = streamed(clusterer(options.clone()), data);
      assertTrue(Arrays.deepEquals(batch.getBasis(), stream.getBasis()), rule);
      assertArrayEquals(clusters(batch, data), clusters(stream, data), rule);
      assertArrayEquals(batch.getPassResiduals(), stream.getPassResiduals(), 0.0);
    }
  }

  @Test
  void theSameSeedGivesTheSameModelAndAnotherSeedAnother() throws Exception {
    Instances data = PLANTED.instances();
    MiniBatchNMF first = clusterer("-N", "3", "-batch-size", "40", "-S", "8");
    MiniBatchNMF again = clusterer("-N", "3", "-batch-size", "40", "-S", "8");
    MiniBatchNMF other = clusterer("-N", "3", "-batch-size", "40", "-S", "9");
    first.buildClusterer(data);
    again.buildClusterer(data);
    other.buildClusterer(data);
    assertTrue(Arrays.deepEquals(first.getBasis(), again.getBasis()));
    assertEquals(first.toString(), again.toString());
    assertFalse(Arrays.deepEquals(first.getBasis(), other.getBasis()));
  }

  @Test
  void aSerialisedModelClustersAsTheOriginalAndItsSizeDoesNotGrowWithTheInstances() throws Exception {
    Instances data = PLANTED.instances();
    MiniBatchNMF small = clusterer("-N", "3", "-batch-size", "50", "-assign-sample", "60");
    small.buildClusterer(new Instances(data, 0, 150));
    MiniBatchNMF large = clusterer("-N", "3", "-batch-size", "50", "-assign-sample", "60");
    large.buildClusterer(data);
    byte[] smallBytes = serialised(small);
    byte[] largeBytes = serialised(large);
    assertTrue(Math.abs(largeBytes.length - smallBytes.length) < 200,
        smallBytes.length + " bytes after 150 instances, " + largeBytes.length + " after 450");
    MiniBatchNMF copy = (MiniBatchNMF) new ObjectInputStream(new ByteArrayInputStream(largeBytes)).readObject();
    assertArrayEquals(clusters(large, data), clusters(copy, data));
    assertEquals(large.toString(), copy.toString());
    // a model read back goes on learning from more of the stream
    copy.updateClusterer(data.instance(0));
    copy.updateFinished();
    assertEquals(451, copy.getInstancesLearnt());
  }

  private static byte[] serialised(Object object) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(object);
    }
    return bytes.toByteArray();
  }

  /** The command line's path: ArffLoader's instances one at a time, never the data set in memory. */
  @Test
  void theCommandLineTrainsItIncrementallyFromAnArffFile(@TempDir Path dir) throws Exception {
    File arff = dir.resolve("planted.arff").toFile();
    ArffSaver saver = new ArffSaver();
    saver.setInstances(PLANTED.instances());
    saver.setFile(arff);
    saver.writeBatch();
    String output = ClusterEvaluation.evaluateClusterer(new MiniBatchNMF(),
        new String[] {"-t", arff.getPath(), "-N", "3", "-batch-size", "50", "-S", "3"});
    assertTrue(output.contains("450 instances learnt in 9 batches (1 pass)"), output);

    ArffLoader loader = new ArffLoader();
    loader.setFile(arff);
    MiniBatchNMF byHand = clusterer("-N", "3", "-batch-size", "50", "-S", "3");
    Instances structure = loader.getStructure();
    byHand.buildClusterer(structure);
    for (Instance instance = loader.getNextInstance(structure); instance != null;
        instance = loader.getNextInstance(structure)) {
      byHand.updateClusterer(instance);
    }
    byHand.updateFinished();
    assertTrue(output.contains(byHand.toString()), output);
  }

  /** The Experimenter's path (the package's split evaluator) scores it against the class. */
  @Test
  void theSplitEvaluatorScoresItAgainstTheClass() throws Exception {
    Instances data = PLANTED.instances();
    ArrayList<Attribute> attributes = new ArrayList<>();
    for (int a = 0; a < data.numAttributes(); a++) {
      attributes.add(data.attribute(a).copy(data.attribute(a).name()));
    }
    attributes.add(new Attribute("class", Arrays.asList("c0", "c1", "c2")));
    Instances labelled = new Instances("planted", attributes, data.numInstances());
    labelled.setClassIndex(labelled.numAttributes() - 1);
    int[] labels = PLANTED.labels();
    for (int j = 0; j < data.numInstances(); j++) {
      double[] values = Arrays.copyOf(data.instance(j).toDoubleArray(), labelled.numAttributes());
      values[values.length - 1] = labels[j];
      labelled.add(new DenseInstance(1.0, values));
    }
    ClustererSplitEvaluator evaluator = new ClustererSplitEvaluator();
    evaluator.setOptions(new String[] {"-W", MiniBatchNMF.class.getName(), "--", "-N", "3", "-batch-size", "50",
        "-passes", "2"});
    Object[] result = evaluator.getResult(new Instances(labelled, 0, 300), new Instances(labelled, 300, 150));
    assertEquals(1.0, (Double) result[Arrays.asList(evaluator.getResultNames()).indexOf("Accuracy")], 1e-12);
  }

  @Test
  void badDataAndOptionsAreErrorsNamingWhatToChange() throws Exception {
    Instances data = PLANTED.instances();
    Instances negative = new Instances(data);
    negative.instance(7).setValue(4, -2.0);
    String message = assertThrows(IllegalArgumentException.class, () -> streamed(clusterer("-N", "3"), negative))
        .getMessage();
    assertTrue(message.contains("'a4'") && message.contains("instance 8") && message.contains("Normalize"), message);

    Instances missing = new Instances(data);
    missing.instance(2).setMissing(0);
    message = assertThrows(IllegalArgumentException.class, () -> streamed(clusterer("-N", "3"), missing))
        .getMessage();
    assertTrue(message.contains("missing value") && message.contains("instance 3")
        && message.contains("ReplaceMissingValues"), message);

    message = assertThrows(IllegalArgumentException.class, () -> clusterer("-forget", "1.5")).getMessage();
    assertTrue(message.contains("-forget") && message.contains("(0, 1]"), message);
    message = assertThrows(IllegalArgumentException.class, () -> clusterer("-batch-size", "0")).getMessage();
    assertTrue(message.contains("-batch-size"), message);
    message = assertThrows(IllegalArgumentException.class, () -> clusterer("-inner", "0")).getMessage();
    assertTrue(message.contains("-inner"), message);

    message = assertThrows(IllegalStateException.class, () -> new MiniBatchNMF().updateClusterer(data.instance(0)))
        .getMessage();
    assertTrue(message.contains("buildClusterer"), message);
    message = assertThrows(IllegalArgumentException.class,
        () -> streamed(clusterer("-N", "5"), new Instances(data, 0, 4))).getMessage();
    assertTrue(message.contains("fewer than the 5 clusters") && message.contains("-N"), message);
    message = assertThrows(IllegalArgumentException.class,
        () -> clusterer("-N", "5", "-assign-sample", "3").buildClusterer(data)).getMessage();
    assertTrue(message.contains("-assign-sample") && message.contains("-assign argmax"), message);
    message = assertThrows(IllegalStateException.class, () -> new MiniBatchNMF().clusterInstance(data.instance(0)))
        .getMessage();
    assertTrue(message.contains("no model"), message);
  }
}
