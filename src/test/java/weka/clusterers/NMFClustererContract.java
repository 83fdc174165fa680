package weka.clusterers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.linalg.MissingValues;
import adversarialnmf.solver.FitInterruptedException;
import adversarialnmf.testing.InterruptedRun;
import adversarialnmf.testing.PlantedData;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SelectedTag;
import weka.core.SparseInstance;
import weka.core.SelectedTag;
import weka.core.Utils;

/**
 * Behaviour every NMF clusterer of the package must show, run once per clusterer by a subclass:
 * planted clusters recovered, errors that name the problem, determinism, serialisation, no
 * change to the input, sparse = dense, batch = single prediction, options round trip.
 */
public abstract class NMFClustererContract {

  /** A fresh clusterer with default options. */
  protected abstract AbstractNMFClusterer newClusterer();

  /**
   * True if the method's own out-of-sample rule is positively homogeneous, x(cy) = c x(y): NNLS, the
   * orthogonal rule and KL are; ANMF's model (9) over an added column is not (φ₀ of the fit is fixed).
   */
  protected boolean ownRuleIsHomogeneous() {
    return true;
  }

  protected AbstractNMFClusterer configured(int clusters) throws Exception {
    AbstractNMFClusterer c = newClusterer();
    c.setNumClusters(clusters);
    c.setSeed(3);
    return c;
  }

  @Test
  void recoversPlantedClusters() throws Exception {
    PlantedData planted = PlantedData.generate(30, 15, 3, 0.01, 11);
    AbstractNMFClusterer c = configured(3);
    c.buildClusterer(planted.instances());
    assertTrue(planted.matchesUpToPermutation(c.getTrainingAssignments()),
        "fitted labels " + Arrays.toString(c.getTrainingAssignments()));
    Instances data = planted.instances();
    int[] predicted = new int[data.numInstances()];
    for (int j = 0; j < predicted.length; j++) {
      predicted[j] = c.clusterInstance(data.instance(j));
    }
    assertTrue(planted.matchesUpToPermutation(predicted), "projected labels " + Arrays.toString(predicted));
  }

  @Test
  void aFitInterruptedFromAnotherThreadEndsAtOnceAndTheClustererBuildsAgain() throws Exception {
    Instances large = PlantedData.generate(200, 300, 4, 0.05, 21).instances();
    AbstractNMFClusterer c = configured(4);
    c.setMaxIterations(100_000);
    c.setTolerance(0.0);
    InterruptedException stopped = InterruptedRun.of(() -> c.buildClusterer(large))
        .assertStoppedWith(InterruptedException.class);
    assertTrue(stopped.getMessage().startsWith(c.getClass().getName() + " was stopped "), stopped.getMessage());
    for (String line : stopped.getMessage().split("\n")) {
      assertTrue(line.length() <= 80, "a line of the Explorer's dialog, which does not wrap: " + line);
    }
    assertTrue(stopped.getCause() instanceof FitInterruptedException, "" + stopped.getCause());

    Instances data = PlantedData.generate(20, 10, 2, 0.05, 5).instances();
    AbstractNMFClusterer reference = configured(2);
    reference.buildClusterer(data);
    c.setNumClusters(2);
    c.setMaxIterations(reference.getMaxIterations());
    c.setTolerance(reference.getTolerance());
    c.buildClusterer(data);
    assertArrayEquals(reference.getObjectiveTrace(), c.getObjectiveTrace(), 0.0);
  }

  /** The planted data multiplied by {@code factor} (exact for powers of two). */
  private static Instances scaledBy(Instances data, double factor) {
    Instances out = new Instances(data);
    for (Instance instance : out) {
      for (int a = 0; a < out.numAttributes(); a++) {
        instance.setValue(a, instance.value(a) * factor);
      }
    }
    return out;
  }

  /**
   * Values near the ends of double precision are factorized as well as ordinary ones, with either
   * scaling: their squares would overflow (1e154 and up) or underflow, and every row once landed in
   * one cluster or the fit "diverged".
   */
  @ParameterizedTest
  @ValueSource(strings = {"none", "max"})
  void dataAtTheEdgesOfDoublePrecisionClusterAsOrdinaryData(String scaling) throws Exception {
    PlantedData planted = PlantedData.generate(20, 10, 3, 0.01, 5);
    for (double factor : new double[] {0x1p520, 1e300, 1e-300}) {
      AbstractNMFClusterer c = configured(3);
      c.setScaling(new SelectedTag(scaling, AbstractNMFClusterer.TAGS_SCALING));
      c.buildClusterer(scaledBy(planted.instances(), factor));
      assertTrue(planted.matchesUpToPermutation(c.getTrainingAssignments()),
          factor + ": " + Arrays.toString(c.getTrainingAssignments()));
      double[] membership = c.distributionForInstance(scaledBy(planted.instances(), factor).instance(0));
      assertEquals(1.0, Arrays.stream(membership).sum(), 1e-12);
      assertTrue(membership[c.getTrainingAssignments()[0]] > 0.5, Arrays.toString(membership));
    }
  }

  @Test
  void subnormalDataAreRefusedAsSuch() throws Exception {
    Instances tiny = scaledBy(PlantedData.generate(20, 10, 2, 0.05, 5).instances(), 1e-310);
    Exception e = assertThrows(IllegalArgumentException.class, () -> configured(2).buildClusterer(tiny));
    assertTrue(e.getMessage().contains("subnormal") && e.getMessage().contains("MathExpression"), e.getMessage());
  }

  /** A row of 1e307 (its products with the basis overflow) is projected as the same row at scale 1. */
  @Test
  void aHugeRowIsProjectedLikeTheSameRowAtOrdinaryScale() throws Exception {
    Instances data = PlantedData.generate(20, 10, 3, 0.05, 5).instances();
    AbstractNMFClusterer c = configured(3);
    if (!ownRuleIsHomogeneous()) { // a huge row is then another instance: test the homogeneous projection
      c.setPrediction(new weka.core.SelectedTag(adversarialnmf.cluster.PredictionRule.BASIS.ordinal(), AbstractNMFClusterer.TAGS_PREDICTION));
    }
    c.buildClusterer(data);
    Instances huge = scaledBy(data, 0x1p1019);
    for (int j = 0; j < 5; j++) {
      assertArrayEquals(c.distributionForInstance(data.instance(j)), c.distributionForInstance(huge.instance(j)),
          1e-9);
      assertArrayEquals(c.distributionForInstance(data.instance(j)), c.distributionsForInstances(huge)[j], 1e-9);
    }
  }

  /** Single-instance prediction once read a nominal value's index as a number; the batch path refused it. */
  @Test
  void predictionChecksOneInstanceAsItChecksABatch() throws Exception {
    Instances data = PlantedData.generate(6, 10, 2, 0.05, 5).instances();
    AbstractNMFClusterer c = configured(2);
    c.buildClusterer(data);
    Instances nominal = new Instances(data, 0);
    nominal.deleteAttributeAt(2);
    nominal.insertAttributeAt(new Attribute("a2", Arrays.asList("low", "high")), 2);
    Instance instance = new DenseInstance(1.0, data.instance(0).toDoubleArray());
    instance.setDataset(nominal);
    instance.setValue(2, 1.0);
    nominal.add(instance);
    Exception single = assertThrows(IllegalArgumentException.class, () -> c.distributionForInstance(nominal.instance(0)));
    Exception batch = assertThrows(IllegalArgumentException.class, () -> c.distributionsForInstances(nominal));
    assertEquals(batch.getMessage(), single.getMessage());
    assertTrue(single.getMessage().contains("'a2'") && single.getMessage().contains("nominal"), single.getMessage());

    Instances wide = new Instances(data);
    wide.insertAttributeAt(new Attribute("extra"), wide.numAttributes());
    Exception count = assertThrows(IllegalArgumentException.class, () -> c.distributionForInstance(wide.instance(0)));
    assertTrue(count.getMessage().contains("have 7 attributes, the model was trained on 6"), count.getMessage());
  }

  @Test
  void sameSeedSameResultAndInputUntouched() throws Exception {
    Instances data = PlantedData.generate(20, 10, 2, 0.05, 5).instances();
    Instances before = new Instances(data);
    AbstractNMFClusterer first = configured(2);
    first.buildClusterer(data);
    AbstractNMFClusterer second = configured(2);
    second.buildClusterer(data);
    assertArrayEquals(first.getObjectiveTrace(), second.getObjectiveTrace(), 0.0);
    assertTrue(Arrays.deepEquals(first.getBasis(), second.getBasis()));
    for (int j = 0; j < data.numInstances(); j++) {
      assertArrayEquals(before.instance(j).toDoubleArray(), data.instance(j).toDoubleArray(), 0.0);
    }
  }

  @Test
  void serialisedModelPredictsTheSame() throws Exception {
    Instances data = PlantedData.generate(20, 10, 2, 0.05, 6).instances();
    AbstractNMFClusterer c = configured(2);
    c.buildClusterer(data);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(c);
    }
    AbstractNMFClusterer copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (AbstractNMFClusterer) in.readObject();
    }
    for (int j = 0; j < data.numInstances(); j++) {
      assertArrayEquals(c.distributionForInstance(data.instance(j)), copy.distributionForInstance(data.instance(j)), 0.0);
    }
    assertEquals(c.toString(), copy.toString());
  }

  @Test
  void batchPredictionEqualsSinglePrediction() throws Exception {
    Instances data = PlantedData.generate(20, 10, 2, 0.05, 7).instances();
    AbstractNMFClusterer c = configured(2);
    c.buildClusterer(data);
    double[][] batch = c.distributionsForInstances(data);
    for (int j = 0; j < data.numInstances(); j++) {
      assertArrayEquals(c.distributionForInstance(data.instance(j)), batch[j], 1e-12);
    }
  }

  @Test
  void sparseAndDenseInputGiveTheSameModel() throws Exception {
    Instances dense = PlantedData.generate(20, 10, 2, 0.0, 8).instances();
    for (int j = 0; j < dense.numInstances(); j++) {
      for (int a = 0; a < dense.numAttributes(); a += 3) {
        dense.instance(j).setValue(a, 0.0); // make it worth storing sparsely
      }
    }
    Instances sparse = new Instances(dense, dense.numInstances());
    for (int j = 0; j < dense.numInstances(); j++) {
      sparse.add(new SparseInstance(dense.instance(j)));
    }
    // the preprocessing and the start spelled out: under auto, data under 10 % nonzero are text
    // (tf-idf, unit length, NNDSVD)
    for (String preprocessing : new String[] {"none", "tfidf"}) {
      String[] options = {"-term-weighting", preprocessing, "-normalize", preprocessing.equals("none") ? "none" : "l2",
          "-init", "kmeans"};
      AbstractNMFClusterer onDense = configured(2);
      onDense.setOptions(options.clone());
      onDense.buildClusterer(dense);
      AbstractNMFClusterer onSparse = configured(2);
      onSparse.setOptions(options.clone());
      onSparse.buildClusterer(sparse);
      // Sparse and dense kernels sum in different orders, so the traces agree to rounding and the
      // tolerance test may fire an iteration apart; compare the common prefix and the end point.
      double[] denseTrace = onDense.getObjectiveTrace();
      double[] sparseTrace = onSparse.getObjectiveTrace();
      // On unit-length rows the instances' residuals are close together, so CappedNMF's data-driven cap
      // can take a row in or out an iteration apart: there only the end point is compared.
      int common = preprocessing.equals("none") ? Math.min(denseTrace.length, sparseTrace.length) : 1;
      for (int i = 0; i < common; i++) {
        assertEquals(denseTrace[i], sparseTrace[i], 1e-6 * denseTrace[0], preprocessing + ": objective at iteration " + i);
      }
      assertEquals(denseTrace[denseTrace.length - 1], sparseTrace[sparseTrace.length - 1], 1e-3 * denseTrace[0]);
      assertArrayEquals(onDense.getTrainingAssignments(), onSparse.getTrainingAssignments(), preprocessing);
    }
    // auto decides by the share of nonzero values (here about 2/3), not by the storage
    AbstractNMFClusterer auto = configured(2);
    auto.buildClusterer(sparse);
    AbstractNMFClusterer autoDense = configured(2);
    autoDense.buildClusterer(dense);
    assertTrue(!auto.toString().contains("Instances:") && !autoDense.toString().contains("Instances:"), auto.toString());
    assertArrayEquals(autoDense.getTrainingAssignments(), auto.getTrainingAssignments());
  }

  @Test
  void negativeValueIsNamed() throws Exception {
    Instances data = PlantedData.generate(10, 5, 2, 0.0, 9).instances();
    data.instance(4).setValue(2, -0.5);
    Exception e = assertThrows(Exception.class, () -> configured(2).buildClusterer(data));
    assertTrue(e.getMessage().contains("negative value -0.5") && e.getMessage().contains("'a2'")
        && e.getMessage().contains("instance 5"), e.getMessage());
  }

  @Test
  void missingValueIsNamedUnderRefuse() throws Exception {
    Instances data = PlantedData.generate(10, 5, 2, 0.0, 9).instances();
    data.instance(1).setMissing(0);
    AbstractNMFClusterer c = configured(2);
    c.setMissingValues(new SelectedTag(MissingValues.REFUSE.ordinal(), AbstractNMFClusterer.TAGS_MISSING));
    Exception e = assertThrows(Exception.class, () -> c.buildClusterer(data));
    assertTrue(e.getMessage().contains("missing value in attribute 'a0' of instance 2")
        && e.getMessage().contains("-missing mask"), e.getMessage());
  }

  @Test
  void missingValuesAreFittedAroundOrImputedAndNewRowsWithMissingValuesProject() throws Exception {
    PlantedData planted = PlantedData.generate(30, 15, 3, 0.01, 11);
    Instances data = planted.instances();
    java.util.Random random = new java.util.Random(4);
    for (int j = 0; j < data.numInstances(); j++) {
      for (int a = 0; a < data.numAttributes(); a++) {
        if (random.nextDouble() < 0.2) {
          data.instance(j).setMissing(a);
        }
      }
    }
    for (MissingValues policy : new MissingValues[] {MissingValues.MASK, MissingValues.MEAN}) {
      AbstractNMFClusterer c = configured(3);
      c.setRestarts(5); // a planted recovery from one start depends on the start's luck
      c.setMissingValues(new SelectedTag(policy.ordinal(), AbstractNMFClusterer.TAGS_MISSING));
      if (policy == MissingValues.MASK && !c.getCapabilities().handles(weka.core.Capabilities.Capability.MISSING_VALUES)) {
        Exception e = assertThrows(Exception.class, () -> c.buildClusterer(data));
        assertTrue(e.getMessage().contains("-missing mean"), e.getMessage());
        continue;
      }
      c.buildClusterer(data);
      assertTrue(planted.matchesUpToPermutation(c.getTrainingAssignments()),
          policy + ": fitted labels " + Arrays.toString(c.getTrainingAssignments()));
      int[] predicted = new int[data.numInstances()];
      for (int j = 0; j < predicted.length; j++) {
        predicted[j] = c.clusterInstance(data.instance(j));
      }
      assertTrue(planted.matchesUpToPermutation(predicted), policy + ": projected " + Arrays.toString(predicted));
      assertTrue(c.toString().contains("Missing values: "), c.toString());
    }
  }

  @Test
  void restartsKeepTheLowestObjectiveListEveryRunAndRepeat() throws Exception {
    Instances data = PlantedData.generate(20, 10, 3, 0.2, 7).instances();
    AbstractNMFClusterer single = configured(3);
    single.setInitialization(new SelectedTag(adversarialnmf.init.InitializationMethod.RANDOM.ordinal(), AbstractNMFClusterer.TAGS_INITIALIZATION));
    AbstractNMFClusterer once = (AbstractNMFClusterer) AbstractClusterer.makeCopy(single);
    once.buildClusterer(data);
    AbstractNMFClusterer three = (AbstractNMFClusterer) AbstractClusterer.makeCopy(single);
    three.setRestarts(3);
    three.buildClusterer(data);
    three.setNumExecutionSlots(1);
    three.buildClusterer(data);
    AbstractNMFClusterer again = (AbstractNMFClusterer) AbstractClusterer.makeCopy(three);
    again.setNumExecutionSlots(3); // the three runs at once: the same bits as one after another
    again.buildClusterer(data);
    adversarialnmf.solver.Restarts runs = three.getRuns();
    assertEquals(3, runs.count());
    assertEquals(once.getMeasure("measureFinalObjective"), runs.objective(0), 0.0, "run 1 is the single fit");
    double lowest = Arrays.stream(runs.objectives()).min().getAsDouble();
    assertEquals(lowest, three.getMeasure("measureFinalObjective"), 0.0);
    assertArrayEquals(three.getObjectiveTrace(), again.getObjectiveTrace(), 0.0);
    assertArrayEquals(three.getTrainingAssignments(), again.getTrainingAssignments());
    assertArrayEquals(three.getRuns().objectives(), again.getRuns().objectives(), 0.0);
    String text = three.toString();
    for (int r = 1; r <= 3; r++) {
      assertTrue(text.contains("run " + r + ": seed "), text);
    }
  }

  /** Two numeric attributes and a nominal one between them. */
  private static Instances mixed() {
    ArrayList<Attribute> attributes = new ArrayList<Attribute>();
    attributes.add(new Attribute("x"));
    attributes.add(new Attribute("colour", Arrays.asList("red", "green")));
    attributes.add(new Attribute("y"));
    Instances data = new Instances("mixed", attributes, 6);
    for (int j = 0; j < 6; j++) {
      data.add(new DenseInstance(1.0, new double[] {j % 3 == 0 ? 5 + j : 1, j % 2, j % 3 == 0 ? 1 : 4 + j}));
    }
    return data;
  }

  @Test
  void nominalAttributesAreLeftOutAndNamedOrRefusedWhenNumericOnly() throws Exception {
    Instances data = mixed();
    AbstractNMFClusterer withNominal = configured(2);
    withNominal.buildClusterer(data);
    Instances numeric = new Instances(data);
    numeric.deleteAttributeAt(1);
    AbstractNMFClusterer withoutNominal = configured(2);
    withoutNominal.buildClusterer(numeric);
    assertArrayEquals(withoutNominal.getTrainingAssignments(), withNominal.getTrainingAssignments());
    assertArrayEquals(new String[] {"x", "y"}, withNominal.getFactorizedAttributeNames());
    assertTrue(withNominal.toString().contains("Left out of the factorization (not numeric): colour"),
        withNominal.toString());
    assertEquals(withoutNominal.clusterInstance(numeric.instance(4)), withNominal.clusterInstance(data.instance(4)));

    AbstractNMFClusterer strict = configured(2);
    strict.setNumericAttributesOnly(true);
    Exception e = assertThrows(Exception.class, () -> strict.buildClusterer(data));
    // Weka's capability check names nominal attributes with two values "binary"
    assertTrue(e.getMessage().contains("Cannot handle binary attributes"), e.getMessage());
  }

  @Test
  void aNominalClassIsLeftOutAndPredictionAcceptsRowsWithoutIt() throws Exception {
    Instances data = mixed();
    data.setClassIndex(1);
    AbstractNMFClusterer c = configured(2);
    c.buildClusterer(data);
    Instances withoutClass = new Instances(data);
    withoutClass.setClassIndex(-1);
    withoutClass.deleteAttributeAt(1); // as Weka's ClusterEvaluation passes the rows
    for (int j = 0; j < data.numInstances(); j++) {
      assertEquals(c.clusterInstance(data.instance(j)), c.clusterInstance(withoutClass.instance(j)));
    }
    assertArrayEquals(c.distributionsForInstances(data)[3], c.distributionsForInstances(withoutClass)[3], 0.0);
    Instances tooFew = new Instances(withoutClass);
    tooFew.deleteAttributeAt(0);
    Exception e = assertThrows(IllegalArgumentException.class, () -> c.clusterInstance(tooFew.instance(0)));
    assertTrue(e.getMessage().contains("the instances have 1 attributes, the model was trained on 3"),
        e.getMessage());
  }

  @Test
  void fewerInstancesThanClustersIsRefused() throws Exception {
    Instances data = PlantedData.generate(10, 1, 2, 0.0, 9).instances();
    Exception e = assertThrows(Exception.class, () -> configured(3).buildClusterer(data));
    assertTrue(e.getMessage().contains("fewer than the 3 clusters"), e.getMessage());
  }

  @Test
  void emptyAndAllZeroDataAreRefused() throws Exception {
    Instances data = PlantedData.generate(10, 5, 2, 0.0, 9).instances();
    Instances empty = new Instances(data, 0);
    Exception e = assertThrows(Exception.class, () -> configured(2).buildClusterer(empty));
    assertTrue(e.getMessage().toLowerCase().contains("instances"), e.getMessage());
    for (Instance instance : data) {
      for (int a = 0; a < data.numAttributes(); a++) {
        instance.setValue(a, 0.0);
      }
    }
    e = assertThrows(Exception.class, () -> configured(2).buildClusterer(data));
    assertTrue(e.getMessage().contains("all data values are zero"), e.getMessage());
  }

  @Test
  void optionsRoundTripThroughTheCommandLine() throws Exception {
    AbstractNMFClusterer c = newClusterer();
    String[] options = c.getOptions();
    AbstractNMFClusterer copy = newClusterer();
    copy.setOptions(options.clone());
    assertEquals(Utils.joinOptions(options), Utils.joinOptions(copy.getOptions()));
    AbstractNMFClusterer bad = newClusterer();
    Exception e = assertThrows(Exception.class, () -> bad.setOptions(new String[] {"-init", "spectral"}));
    assertTrue(e.getMessage().contains("spectral") && e.getMessage().contains("kmeans"), e.getMessage());
  }

  @Test
  void everyInitialisationAndAssignmentWorks() throws Exception {
    PlantedData planted = PlantedData.generate(30, 15, 3, 0.01, 12);
    for (String init : new String[] {"kmeans", "nndsvd", "random"}) {
      for (String assign : new String[] {"argmax", "kmeans"}) {
        AbstractNMFClusterer c = configured(3);
        c.setOptions(new String[] {"-N", "3", "-init", init, "-assign", assign, "-I", "300"});
        c.buildClusterer(planted.instances());
        int[] labels = c.getTrainingAssignments();
        assertEquals(planted.labels().length, labels.length);
        assertNotNull(c.toString());
        assertTrue(c.toString().contains("Iterations:"), c.toString());
      }
    }
  }

  @Test
  void underL2NormalisationAnInstancesClusterDoesNotDependOnItsLength() throws Exception {
    PlantedData planted = PlantedData.generate(30, 15, 3, 0.01, 13);
    AbstractNMFClusterer c = configured(3);
    c.setOptions(new String[] {"-N", "3", "-normalize", "l2", "-assign", "kmeans", "-I", "300"});
    Instances data = planted.instances();
    c.buildClusterer(data);
    assertTrue(planted.matchesUpToPermutation(c.getTrainingAssignments()),
        "fitted labels " + Arrays.toString(c.getTrainingAssignments()));
    int[] labels = c.getTrainingAssignments();
    for (int j = 0; j < data.numInstances(); j++) {
      Instance longer = (Instance) data.instance(j).copy();
      for (int a = 0; a < longer.numAttributes(); a++) {
        longer.setValue(a, longer.value(a) * 8.0); // a power of two: the unit vector keeps its bits
      }
      assertEquals(labels[j], c.clusterInstance(data.instance(j)), "training row " + j);
      assertEquals(labels[j], c.clusterInstance(longer), "training row " + j + " times 8");
    }
    assertTrue(c.toString().contains("Instances: each instance divided by its Euclidean length"), c.toString());
    assertTrue(c.toString().contains("kmeans rule, best of 10 runs"), c.toString());
  }

  @Test
  void preprocessingOptionsRoundTripAndBadValuesAreNamed() throws Exception {
    AbstractNMFClusterer c = newClusterer();
    c.setOptions(new String[] {"-normalize", "l1", "-term-weighting", "tfidf", "-assign-restarts", "4"});
    String joined = Utils.joinOptions(c.getOptions());
    assertTrue(joined.contains("-normalize l1") && joined.contains("-term-weighting tfidf")
        && joined.contains("-assign-restarts 4"), joined);
    Exception normalize = assertThrows(Exception.class,
        () -> newClusterer().setOptions(new String[] {"-normalize", "l3"}));
    assertTrue(normalize.getMessage().contains("l3") && normalize.getMessage().contains("l2"),
        normalize.getMessage());
    Exception restarts = assertThrows(Exception.class,
        () -> newClusterer().setOptions(new String[] {"-assign-restarts", "0"}));
    assertTrue(restarts.getMessage().contains("-assign-restarts"), restarts.getMessage());
  }

  @Test
  void noTwoOptionsShareAFlag() {
    java.util.Set<String> flags = new java.util.HashSet<>();
    for (weka.core.Option option : java.util.Collections.list(newClusterer().listOptions())) {
      if (!option.name().isEmpty()) {
        assertTrue(flags.add(option.name()), "-" + option.name() + " is declared twice");
      }
    }
  }
}
