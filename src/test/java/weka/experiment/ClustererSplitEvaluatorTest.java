package weka.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.metrics.ClusteringScores;
import adversarialnmf.metrics.ContingencyTable;
import adversarialnmf.metrics.NmiNormalization;
import java.beans.PropertyDescriptor;
import java.io.File;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.Vector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.clusterers.ANMF;
import weka.clusterers.AbstractClusterer;
import weka.clusterers.Clusterer;
import weka.clusterers.FarthestFirst;
import weka.clusterers.SimpleKMeans;
import weka.core.AdditionalMeasureProducer;
import weka.core.Attribute;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Range;
import weka.core.converters.ConverterUtils.DataSource;

class ClustererSplitEvaluatorTest {

  private static int column(ClustererSplitEvaluator evaluator, String name) {
    return Arrays.asList(evaluator.getResultNames()).indexOf(name);
  }

  private static double value(ClustererSplitEvaluator evaluator, Object[] result, String name) {
    return (Double) result[column(evaluator, name)];
  }

  @Test
  void separatedBlobsAreRecoveredOnTheTestSplit() throws Exception {
    Instances data = SyntheticData.blobs(3, 20, 3, 0.5, 1);
    data.randomize(new java.util.Random(3));
    Instances train = new Instances(data, 0, 40);
    Instances test = new Instances(data, 40, 20);
    ClustererSplitEvaluator evaluator = new ClustererSplitEvaluator();
    evaluator.setOptions(new String[] {"-W", SimpleKMeans.class.getName(), "--", "-N", "3", "-init", "3"});
    Object[] result = evaluator.getResult(train, test);
    assertEquals(evaluator.getResultNames().length, result.length);
    assertEquals(40.0, value(evaluator, result, "Number_of_training_instances"));
    assertEquals(20.0, value(evaluator, result, "Number_of_testing_instances"));
    assertEquals(20.0, value(evaluator, result, "Number_of_scored_instances"));
    assertEquals(3.0, value(evaluator, result, "Number_of_clusters"));
    assertEquals(1.0, value(evaluator, result, "Accuracy"), 1e-12);
    assertEquals(1.0, value(evaluator, result, "NMI"), 1e-12);
    assertEquals(1.0, value(evaluator, result, "Adjusted_Rand_index"), 1e-12);
    assertEquals(1.0, value(evaluator, result, "Purity"), 1e-12);
    assertTrue(evaluator.getRawResultOutput().contains("Clusters (rows) against classes"));
  }

  @Test
  void scoresEqualTheMetricsOfAnIndependentlyBuiltClusterer() throws Exception {
    // overlapping blobs, so the scores are far from 1 and differ between the normalisations
    Instances data = SyntheticData.blobs(4, 25, 2, 9.0, 5);
    data.randomize(new java.util.Random(9));
    Instances train = new Instances(data, 0, 60);
    Instances test = new Instances(data, 60, 40);
    for (NmiNormalization nmi : NmiNormalization.values()) {
      ClustererSplitEvaluator evaluator = new ClustererSplitEvaluator();
      evaluator.setOptions(new String[] {"-nmi", nmi.optionName(), "-W", SimpleKMeans.class.getName(), "--",
          "-N", "4", "-S", "7"});
      Object[] result = evaluator.getResult(train, test);

      SimpleKMeans reference = new SimpleKMeans();
      reference.setOptions(new String[] {"-N", "4", "-S", "7"});
      reference.buildClusterer(ClassLabelledClustering.withoutClass(train));
      Instances testFeatures = ClassLabelledClustering.withoutClass(test);
      int[] classes = new int[test.numInstances()];
      int[] clusters = new int[test.numInstances()];
      for (int i = 0; i < classes.length; i++) {
        classes[i] = (int) test.instance(i).classValue();
        clusters[i] = reference.clusterInstance(testFeatures.instance(i));
      }
      ContingencyTable table = ContingencyTable.of(classes, 4, clusters, 4);
      assertEquals(ClusteringScores.accuracy(table), value(evaluator, result, "Accuracy"), 1e-12);
      assertEquals(ClusteringScores.normalizedMutualInformation(table, nmi), value(evaluator, result, "NMI"), 1e-12);
      assertEquals(ClusteringScores.adjustedRandIndex(table), value(evaluator, result, "Adjusted_Rand_index"), 1e-12);
      assertTrue(value(evaluator, result, "Accuracy") < 0.95, "the blobs are meant to overlap");
    }
  }

  @Test
  void allRowsModeUsesFittedAssignmentsAndTheClassIsHidden() throws Exception {
    Instances data = SyntheticData.blobs(2, 10, 2, 0.1, 2);
    Instances train = new Instances(data, 0, 15);
    Instances test = new Instances(data, 15, 5);
    ClustererSplitEvaluator evaluator = new ClustererSplitEvaluator();
    evaluator.setClusterer(new FittedAssignmentsClusterer());
    evaluator.setAdditionalMeasures(new String[] {"measureRowsSeen", "measureUnknown"});

    evaluator.setScoreAllRows(true);
    Object[] all = evaluator.getResult(train, test);
    FittedAssignmentsClusterer built = (FittedAssignmentsClusterer) evaluator.m_Built;
    assertEquals(-1, built.classIndexSeen);
    assertEquals(2, built.attributesSeen, "the class attribute must be removed before building");
    assertEquals(20.0, value(evaluator, all, "Number_of_training_instances"));
    assertEquals(20.0, value(evaluator, all, "Number_of_testing_instances"));
    // the fitted assignments recover the blobs; clusterInstance (always 0) would score 0.5
    assertEquals(1.0, value(evaluator, all, "Accuracy"), 1e-12);
    assertEquals(20.0, value(evaluator, all, "measureRowsSeen"));
    assertNull(all[column(evaluator, "measureUnknown")]);

    evaluator.setScoreAllRows(false);
    Object[] split = evaluator.getResult(train, test);
    // on the test split only clusterInstance is possible: everything in cluster 0
    assertEquals(1.0, value(evaluator, split, "Purity") , 1e-12); // all 5 test rows are class 1
    assertEquals(1.0, value(evaluator, split, "Number_of_nonempty_clusters"));
    assertEquals(15.0, value(evaluator, split, "measureRowsSeen"));
  }

  @Test
  void clustersFromClassesOverridesACopyNotTheTemplate() throws Exception {
    Instances data = SyntheticData.blobs(3, 10, 3, 0.3, 4);
    ClustererSplitEvaluator evaluator = new ClustererSplitEvaluator();
    SimpleKMeans template = new SimpleKMeans();
    template.setNumClusters(2);
    template.setInitializationMethod(
        new weka.core.SelectedTag(SimpleKMeans.FARTHEST_FIRST, SimpleKMeans.TAGS_SELECTION));
    evaluator.setClusterer(template);
    evaluator.setClustersFromClasses(true);
    evaluator.setScoreAllRows(true);
    Object[] result = evaluator.getResult(data, new Instances(data, 0));
    assertEquals(3.0, value(evaluator, result, "Number_of_clusters"));
    assertEquals(1.0, value(evaluator, result, "Accuracy"), 1e-12);
    assertEquals(2, template.getNumClusters());

    evaluator.setClusterer(new weka.clusterers.Cobweb());
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> evaluator.getResult(data, new Instances(data, 0)));
    assertTrue(refused.getMessage().contains("Cobweb"), refused.getMessage());
  }

  @Test
  void optionsRoundTrip() throws Exception {
    ClustererSplitEvaluator evaluator = new ClustererSplitEvaluator();
    evaluator.setOptions(new String[] {"-all-rows", "-clusters-from-classes", "-nmi", "sqrt", "-W",
        FarthestFirst.class.getName(), "--", "-N", "5", "-S", "3"});
    assertTrue(evaluator.getScoreAllRows());
    assertTrue(evaluator.getClustersFromClasses());
    assertEquals(NmiNormalization.SQRT.ordinal(), evaluator.getNmiNormalization().getSelectedTag().getID());
    assertEquals(5, ((FarthestFirst) evaluator.getClusterer()).getNumClusters());
    String[] options = evaluator.getOptions();
    ClustererSplitEvaluator copy = new ClustererSplitEvaluator();
    copy.setOptions(options.clone());
    assertArrayEquals(options, copy.getOptions());
    assertEquals(FarthestFirst.class.getName(), copy.getKey()[0]);
    assertTrue(((String) copy.getKey()[1]).contains("-N 5"));

    ClustererSplitEvaluator defaults = new ClustererSplitEvaluator();
    defaults.setOptions(new String[0]);
    assertEquals(SimpleKMeans.class, defaults.getClusterer().getClass());
    assertEquals(NmiNormalization.MAX.ordinal(), defaults.getNmiNormalization().getSelectedTag().getID());
    IllegalArgumentException nmi = assertThrows(IllegalArgumentException.class,
        () -> new ClustererSplitEvaluator().setOptions(new String[] {"-nmi", "joint"}));
    assertTrue(nmi.getMessage().contains("joint"), nmi.getMessage());
  }

  @Test
  void dataWithoutANominalClassIsRejected() throws Exception {
    Instances data = SyntheticData.blobs(2, 5, 2, 0.1, 1);
    ClustererSplitEvaluator evaluator = new ClustererSplitEvaluator();
    Instances noClass = new Instances(data);
    noClass.setClassIndex(-1);
    IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
        () -> evaluator.getResult(noClass, noClass));
    assertTrue(none.getMessage().contains("no class attribute"), none.getMessage());
    Instances numericClass = new Instances(data);
    numericClass.setClassIndex(0);
    IllegalArgumentException numeric = assertThrows(IllegalArgumentException.class,
        () -> evaluator.getResult(numericClass, numericClass));
    assertTrue(numeric.getMessage().contains("not nominal"), numeric.getMessage());
  }

  /**
   * The Experimenter run headless: k-means against ANMF, a 66% random split, two runs, results written
   * to ARFF by InstancesResultListener and read back into the corrected paired t-test.
   */
  @Test
  void headlessExperimentFeedsThePairedCorrectedTTester(@TempDir File folder) throws Exception {
    File dataFile = SyntheticData.save(SyntheticData.blobs(3, 30, 3, 4.0, 11), folder);
    File resultsFile = new File(folder, "results.arff");

    ClustererSplitEvaluator evaluator = new ClustererSplitEvaluator();
    evaluator.setClustersFromClasses(true);
    RandomSplitResultProducer producer = new RandomSplitResultProducer();
    producer.setTrainPercent(66);
    producer.setSplitEvaluator(evaluator);
    Experiment experiment = new Experiment();
    experiment.setResultProducer(producer);
    InstancesResultListener listener = new InstancesResultListener();
    listener.setOutputFile(resultsFile);
    experiment.setResultListener(listener);
    experiment.setRunLower(1);
    experiment.setRunUpper(2);
    experiment.getDatasets().addElement(dataFile);
    experiment.setPropertyPath(new PropertyNode[] {
        new PropertyNode(evaluator, new PropertyDescriptor("splitEvaluator", RandomSplitResultProducer.class),
            RandomSplitResultProducer.class),
        new PropertyNode(evaluator.getClusterer(), new PropertyDescriptor("clusterer", ClustererSplitEvaluator.class),
            ClustererSplitEvaluator.class)});
    SimpleKMeans kMeans = new SimpleKMeans();
    kMeans.setSeed(5);
    ANMF anmf = new ANMF();
    anmf.setMaxIterations(30);
    experiment.setPropertyArray(new Clusterer[] {kMeans, anmf});
    experiment.setUsePropertyIterator(true);
    experiment.initialize();
    experiment.runExperiment();
    experiment.postProcess();

    Instances results = DataSource.read(resultsFile.getPath());
    assertEquals(4, results.numInstances(), "2 clusterers x 2 runs, none failed");
    Attribute accuracy = results.attribute("Accuracy");
    // ANMF's additional measures become columns, missing for k-means
    Attribute iterations = results.attribute("measureIterations");
    Attribute scheme = results.attribute("Key_Scheme");
    for (Instance row : results) {
      boolean isAnmf = row.stringValue(scheme).equals(ANMF.class.getName());
      assertEquals(!isAnmf, row.isMissing(iterations), row.toString());
      if (isAnmf) {
        assertTrue(row.value(iterations) >= 1 && row.value(iterations) <= 30, row.toString());
      }
    }
    Attribute testSize = results.attribute("Number_of_testing_instances");
    for (Instance row : results) {
      assertTrue(row.value(accuracy) > 1.0 / 3.0 && row.value(accuracy) <= 1.0, row.toString());
      assertEquals(90 - row.value(results.attribute("Number_of_training_instances")), row.value(testSize), 1e-9);
      assertEquals(3.0, row.value(results.attribute("Number_of_clusters")));
    }

    PairedCorrectedTTester tester = new PairedCorrectedTTester();
    tester.setInstances(results);
    tester.setRunColumn(results.attribute("Key_Run").index());
    tester.setFoldColumn(-1);
    tester.setDatasetKeyColumns(new Range("" + (results.attribute("Key_Dataset").index() + 1)));
    tester.setResultsetKeyColumns(new Range((results.attribute("Key_Scheme").index() + 1) + ","
        + (results.attribute("Key_Scheme_options").index() + 1) + ","
        + (results.attribute("Key_Scheme_version_ID").index() + 1)));
    tester.setSignificanceLevel(0.05);
    assertEquals(1, tester.getNumDatasets());
    assertEquals(2, tester.getNumResultsets());
    PairedStats stats = tester.calculateStatistics(tester.m_DatasetSpecifiers.specifier(0), 0, 1, accuracy.index());
    assertEquals(2.0, stats.count);
    assertEquals(meanAccuracy(results, tester.getResultsetName(0)), stats.xStats.mean, 1e-12);
    assertEquals(meanAccuracy(results, tester.getResultsetName(1)), stats.yStats.mean, 1e-12);
    String table = tester.multiResultsetFull(0, accuracy.index());
    assertTrue(table.contains("SimpleKMeans") && table.contains("ANMF"), table);
  }

  private static double meanAccuracy(Instances results, String resultsetName) {
    Attribute scheme = results.attribute("Key_Scheme");
    double sum = 0.0;
    int count = 0;
    for (Instance row : results) {
      if (resultsetName.contains(row.stringValue(scheme).replaceFirst("^weka\\.clusterers\\.", ""))) {
        sum += row.value(results.attribute("Accuracy"));
        count++;
      }
    }
    assertEquals(2, count, resultsetName);
    return sum / count;
  }

  /**
   * Stand-in for a clusterer that reports its fitted assignments: attribute a0 above 5 means
   * cluster 1 (the blobs' own split), while clusterInstance always answers 0.
   */
  public static class FittedAssignmentsClusterer extends AbstractClusterer implements AdditionalMeasureProducer {
    private static final long serialVersionUID = 1L;
    int classIndexSeen;
    int attributesSeen;
    private int[] fitted;

    @Override
    public void buildClusterer(Instances data) {
      classIndexSeen = data.classIndex();
      attributesSeen = data.numAttributes();
      fitted = new int[data.numInstances()];
      for (int i = 0; i < fitted.length; i++) {
        fitted[i] = data.instance(i).value(0) > 5.0 ? 0 : 1;
      }
    }

    public int[] getTrainingAssignments() {
      return fitted.clone();
    }

    @Override
    public int clusterInstance(Instance instance) {
      return 0;
    }

    @Override
    public int numberOfClusters() {
      return 2;
    }

    @Override
    public Enumeration<String> enumerateMeasures() {
      return new Vector<String>(List.of("measureRowsSeen")).elements();
    }

    @Override
    public double getMeasure(String name) {
      return fitted.length;
    }
  }

}
