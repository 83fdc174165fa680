package weka.experiment;

import adversarialnmf.attack.AttackNorm;
import adversarialnmf.metrics.ClusteringScores;
import adversarialnmf.metrics.ContingencyTable;
import adversarialnmf.metrics.NmiNormalization;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import weka.clusterers.AbstractClusterer;
import weka.clusterers.AbstractNMFClusterer;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.Utils;
import weka.core.converters.ConverterUtils.DataSource;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.FactorizationAttack;

/**
 * The attack study of issue 24 (docs/REPRODUCTION.md, "Against an attack"): the package's
 * clusterers under {@link FactorizationAttack}, in two threat models, over budgets ε and seeds.
 * <ul>
 *   <li>transfer: the attack is crafted on NMF fitted on the clean data and applied to all of it;
 *       every clusterer then clusters the attacked data (the paper's transductive setting);</li>
 *   <li>whitebox: every clusterer is fitted on the clean training part of a stratified split (2/3,
 *       by the seed); its own attack (the filter reading the saved model) is applied to the held-out
 *       third, which the fitted model clusters by its out-of-sample rule, scored by re-matching the
 *       clusters to the classes on the held-out rows (accuracy) and by the model's own matching
 *       made on its training rows (mapped_accuracy); beside it a random perturbation of the same
 *       norm per instance (before the clip at 0).</li>
 * </ul>
 * A clusterer's command line may hold {@code {attack}}: the attack of the cell (ε, norm, a seed of its
 * own), so ANMF can take the attack as its target Z. Each row of {@code results.csv} counts the labels
 * that changed against the same clusterer at ε = 0 and, for a label {@code X} with a twin {@code X/Z:Y}
 * in the study (see {@link #twinOf}), against that twin on the same data. Rows are written per (threat, data set, seed);
 * a rerun skips what is there. Not a unit test; bench/attack-study.sh runs it.
 *
 * <pre>
 * java -cp ... weka.experiment.AttackStudy -data d.arff.gz -W "NMF=weka.clusterers.NMF" -epsilon 0,0.05
 *     -norm inf -seeds 3 -threat transfer,whitebox -out target/attack
 * </pre>
 */
public final class AttackStudy {

  static final String HEADER = "threat,dataset,norm,epsilon,clusterer,seed,instances,accuracy,nmi,changed,"
      + "changed_vs_zy,random_accuracy,random_changed,seconds,mapped_accuracy,random_mapped_accuracy";
  static final String TWIN_SUFFIX = "/Z:Y";
  /** Offset of the seed of an {attack} target from the cell's seed, so it is not the data's attack. */
  static final int TARGET_SEED_OFFSET = 1000;

  private final Map<String, String> clusterers = new LinkedHashMap<String, String>();
  private final List<File> data = new ArrayList<File>();
  private double[] epsilons = {0, 0.02, 0.05, 0.1};
  private AttackNorm norm = AttackNorm.INFINITY;
  private int seeds = 3;
  private int steps = 20;
  private List<String> threats = Arrays.asList("transfer", "whitebox");
  private File out = new File("target/attack");

  public static void main(String[] args) throws Exception {
    AttackStudy study = new AttackStudy();
    study.parse(args);
    study.run();
  }

  private void parse(String[] args) throws Exception {
    String file;
    while (!(file = Utils.getOption("data", args)).isEmpty()) {
      data.add(new File(file));
    }
    String spec;
    while (!(spec = Utils.getOption('W', args)).isEmpty()) {
      int equals = spec.indexOf('=');
      if (equals <= 0 || spec.substring(0, equals).contains(",")) {
        throw new IllegalArgumentException("-W " + spec + ": give label=clusterer command line, the label"
            + " without commas (it is a CSV field)");
      }
      clusterers.put(spec.substring(0, equals), spec.substring(equals + 1));
    }
    String list = Utils.getOption("epsilon", args);
    if (!list.isEmpty()) {
      epsilons = Arrays.stream(list.split(",")).mapToDouble(Double::parseDouble).toArray();
    }
    String normKey = Utils.getOption("norm", args);
    if (!normKey.isEmpty()) {
      norm = Arrays.stream(AttackNorm.values()).filter(n -> n.key().equals(normKey)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("-norm " + normKey + ": give inf or 2"));
    }
    String count = Utils.getOption("seeds", args);
    seeds = count.isEmpty() ? seeds : Integer.parseInt(count);
    String stepCount = Utils.getOption("steps", args);
    steps = stepCount.isEmpty() ? steps : Integer.parseInt(stepCount);
    String threatList = Utils.getOption("threat", args);
    threats = threatList.isEmpty() ? threats : Arrays.asList(threatList.split(","));
    String folder = Utils.getOption("out", args);
    out = folder.isEmpty() ? out : new File(folder);
    Utils.checkForRemainingOptions(args);
    if (data.isEmpty() || clusterers.isEmpty()) {
      throw new IllegalArgumentException("give at least one -data file and one -W label=clusterer");
    }
  }

  private void run() throws Exception {
    Files.createDirectories(out.toPath());
    File results = new File(out, "results.csv");
    if (!results.exists()) {
      Files.write(results.toPath(), (HEADER + "\n").getBytes(StandardCharsets.UTF_8));
    }
    String done = new String(Files.readAllBytes(results.toPath()), StandardCharsets.UTF_8);
    for (File file : data) {
      Instances labelled = DataSource.read(file.getPath());
      labelled.setClassIndex(labelled.numAttributes() - 1);
      String name = file.getName().replaceAll("\\.arff(\\.gz)?$", "");
      for (int seed = 1; seed <= seeds; seed++) {
        for (String threat : threats) {
          if (containsCell(done, threat, name, seed)) {
            continue;
          }
          long start = System.nanoTime();
          List<String> rows = threat.equals("transfer") ? transfer(labelled, name, seed)
              : whitebox(labelled, name, seed);
          Files.write(results.toPath(), String.join("", rows).getBytes(StandardCharsets.UTF_8),
              StandardOpenOption.APPEND);
          System.err.printf(Locale.ROOT, "%s %s seed %d: %d rows in %.0f s%n", threat, name, seed, rows.size(),
              (System.nanoTime() - start) / 1e9);
          done = done + String.join("", rows);
        }
      }
    }
  }

  /** True if results already hold rows of this threat, data set and seed. */
  private boolean containsCell(String done, String threat, String name, int seed) {
    for (String line : done.split("\n")) {
      String[] f = line.split(",");
      if (f.length > 5 && f[0].equals(threat) && f[1].equals(name) && f[2].equals(norm.key())
          && f[5].equals(String.valueOf(seed))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The attack of a cell, as a filter command line: on the saved {@code model}, or (null) on NMF with
   * {@code clusters} clusters fitted to the data it is given.
   */
  private String attackSpec(double epsilon, int seed, String model, int clusters) {
    return FactorizationAttack.class.getName() + " -norm " + norm.key() + " -epsilon " + epsilon + " -steps "
        + steps + " -S " + seed + (model == null ? " -W weka.clusterers.NMF -- -N " + clusters : " -model " + model);
  }

  private AbstractNMFClusterer clusterer(String label, double epsilon, int seed, int clusters) throws Exception {
    String line = clusterers.get(label).replace("{attack}", attackSpec(epsilon, seed + TARGET_SEED_OFFSET, null, clusters));
    String[] options = Utils.splitOptions(line);
    String name = options[0];
    options[0] = "";
    AbstractNMFClusterer clusterer = (AbstractNMFClusterer) AbstractClusterer.forName(name, options);
    clusterer.setSeed(seed);
    clusterer.setNumClusters(clusters);
    return clusterer;
  }

  private static Instances attacked(Instances rows, String spec) throws Exception {
    String[] options = Utils.splitOptions(spec);
    String name = options[0];
    options[0] = "";
    Filter filter = (Filter) Utils.forName(Filter.class, name, options);
    filter.setInputFormat(rows);
    return Filter.useFilter(rows, filter);
  }

  private List<String> transfer(Instances labelled, String name, int seed) throws Exception {
    Instances clean = ClassLabelledClustering.withoutClass(labelled);
    int k = labelled.numClasses();
    Map<String, int[]> cleanLabels = new LinkedHashMap<String, int[]>();
    List<String> rows = new ArrayList<String>();
    for (double epsilon : epsilons) {
      Instances data = epsilon == 0 ? clean : attacked(clean, attackSpec(epsilon, seed, null, k));
      Map<String, int[]> labels = new LinkedHashMap<String, int[]>();
      Map<String, Double> seconds = new LinkedHashMap<String, Double>();
      for (String label : clusterers.keySet()) {
        long start = System.nanoTime();
        AbstractNMFClusterer clusterer = clusterer(label, epsilon, seed, k);
        clusterer.buildClusterer(data);
        int[] clusters = clusterer.getTrainingAssignments();
        labels.put(label, clusters);
        seconds.put(label, (System.nanoTime() - start) / 1e9);
      }
      if (epsilon == 0) {
        cleanLabels.putAll(labels);
      }
      for (String label : clusterers.keySet()) {
        rows.add(row("transfer", name, epsilon, label, seed, labelled, labels, cleanLabels.get(label), null,
            seconds.get(label), null));
      }
    }
    return rows;
  }

  private List<String> whitebox(Instances labelled, String name, int seed) throws Exception {
    Instances shuffled = new Instances(labelled);
    shuffled.randomize(new Random(seed));
    shuffled.stratify(3);
    Instances trainLabelled = shuffled.trainCV(3, 0);
    Instances testLabelled = shuffled.testCV(3, 0);
    Instances train = ClassLabelledClustering.withoutClass(trainLabelled);
    Instances test = ClassLabelledClustering.withoutClass(testLabelled);
    int k = labelled.numClasses();
    File modelFile = File.createTempFile("attack-study-", ".model", out);
    modelFile.deleteOnExit();
    Map<String, int[]> cleanLabels = new LinkedHashMap<String, int[]>();
    Map<Double, Map<String, int[]>> labelsAt = new LinkedHashMap<Double, Map<String, int[]>>();
    Map<Double, Map<String, Object[]>> extrasAt = new LinkedHashMap<Double, Map<String, Object[]>>();
    for (double epsilon : epsilons) {
      labelsAt.put(epsilon, new LinkedHashMap<String, int[]>());
      extrasAt.put(epsilon, new LinkedHashMap<String, Object[]>());
    }
    for (String label : clusterers.keySet()) {
      boolean targetsTheAttack = clusterers.get(label).contains("{attack}");
      AbstractNMFClusterer fitted = null;
      double fitSeconds = 0;
      int[] cleanTest = null;
      int[] trainingMatch = null;
      for (double epsilon : epsilons) {
        if (fitted == null || targetsTheAttack) {
          long start = System.nanoTime();
          fitted = clusterer(label, epsilon, seed, k);
          fitted.buildClusterer(train);
          fitSeconds = (System.nanoTime() - start) / 1e9;
          SerializationHelper.write(modelFile.getPath(), fitted);
          cleanTest = ClassLabelledClustering.clustersOf(fitted, test, false);
          trainingMatch = ClusteringScores.bestMatching(
              ClassLabelledClustering.tabulate(trainLabelled, fitted.getTrainingAssignments(), k));
        }
        if (epsilon == 0) {
          cleanLabels.put(label, cleanTest);
        }
        Instances attackedTest = epsilon == 0 ? test : attacked(test, attackSpec(epsilon, seed, modelFile.getPath(), k));
        int[] clusters = ClassLabelledClustering.clustersOf(fitted, attackedTest, false);
        int[] random = ClassLabelledClustering.clustersOf(fitted, randomOfSameNorm(test, attackedTest, seed), false);
        labelsAt.get(epsilon).put(label, clusters);
        extrasAt.get(epsilon).put(label, new Object[] {random, fitSeconds, cleanTest, trainingMatch});
      }
    }
    List<String> rows = new ArrayList<String>();
    for (double epsilon : epsilons) {
      for (String label : clusterers.keySet()) {
        Object[] extras = extrasAt.get(epsilon).get(label);
        rows.add(row("whitebox", name, epsilon, label, seed, testLabelled, labelsAt.get(epsilon),
            (int[]) extras[2], (int[]) extras[0], (Double) extras[1], (int[]) extras[3]));
      }
    }
    modelFile.delete();
    return rows;
  }

  /**
   * Each instance moved by a random δ of the norm of its attack's δ (Gaussian direction, for the
   * max norm random signs), then clipped at 0.
   */
  private Instances randomOfSameNorm(Instances clean, Instances attacked, int seed) {
    Random random = new Random(seed * 31L + 7);
    Instances out = new Instances(clean);
    for (int j = 0; j < clean.numInstances(); j++) {
      double[] y = clean.instance(j).toDoubleArray();
      double[] delta = new double[y.length];
      double[] attackedValues = attacked.instance(j).toDoubleArray();
      for (int i = 0; i < y.length; i++) {
        delta[i] = attackedValues[i] - y[i];
      }
      double length = norm.norm(delta);
      double[] draw = new double[y.length];
      for (int i = 0; i < y.length; i++) {
        draw[i] = random.nextGaussian();
      }
      double[] step = norm.steepestStep(draw, length);
      for (int i = 0; i < y.length; i++) {
        out.instance(j).setValue(i, Math.max(0.0, y[i] + step[i]));
      }
    }
    return out;
  }

  private String row(String threat, String name, double epsilon, String label, int seed, Instances labelled,
      Map<String, int[]> labels, int[] clean, int[] random, double seconds, int[] trainingMatch) {
    int[] clusters = labels.get(label);
    int k = labelled.numClasses();
    ContingencyTable table = ClassLabelledClustering.tabulate(labelled, clusters, k);
    int[] twin = labels.get(twinOf(label, labels));
    String randomAccuracy = "";
    String randomChanged = "";
    if (random != null) {
      randomAccuracy = String.valueOf(ClusteringScores.accuracy(ClassLabelledClustering.tabulate(labelled, random, k)));
      randomChanged = String.valueOf(differing(random, clean));
    }
    String mapped = trainingMatch == null ? "" : String.valueOf(mappedAccuracy(labelled, clusters, trainingMatch));
    String randomMapped = trainingMatch == null || random == null ? ""
        : String.valueOf(mappedAccuracy(labelled, random, trainingMatch));
    return String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%d,%d,%s,%s,%d,%s,%s,%s,%.3f,%s,%s%n", threat, name, norm.key(),
        epsilon, label, seed, clusters.length, ClusteringScores.accuracy(table),
        ClusteringScores.normalizedMutualInformation(table, NmiNormalization.MAX),
        random != null ? differing(clusters, clean) : changed(clusters, clean),
        twin == null ? "" : String.valueOf(changed(clusters, twin)), randomAccuracy,
        randomChanged, seconds, mapped, randomMapped);
  }

  /**
   * The label of a clusterer's no-attack twin: {@code X/Z:Y} for {@code X}, and for a setting
   * {@code X/Z:...} that only changes the target, {@code X/Z:Y} as well; null for the twins themselves.
   */
  static String twinOf(String label, Map<String, int[]> labels) {
    if (label.endsWith(TWIN_SUFFIX)) {
      return null;
    }
    if (labels.containsKey(label + TWIN_SUFFIX)) {
      return label + TWIN_SUFFIX;
    }
    int target = label.indexOf("/Z:");
    return target > 0 ? label.substring(0, target) + TWIN_SUFFIX : null;
  }

  /**
   * The share of rows whose cluster the model's own cluster-to-class matching (made on its clean
   * training rows) maps to their class: the out-of-sample score, which no re-matching on the
   * attacked rows can repair.
   */
  static double mappedAccuracy(Instances labelled, int[] clusters, int[] trainingMatch) {
    int right = 0;
    for (int j = 0; j < clusters.length; j++) {
      right += trainingMatch[clusters[j]] == (int) labelled.instance(j).classValue() ? 1 : 0;
    }
    return (double) right / clusters.length;
  }

  /** Rows whose cluster differs between two labellings by one model (the same numbering). */
  static int differing(int[] a, int[] b) {
    int count = 0;
    for (int j = 0; j < a.length; j++) {
      count += a[j] != b[j] ? 1 : 0;
    }
    return count;
  }

  /**
   * Rows whose cluster differs between two fits' labellings of the same rows, up to a renumbering
   * of the clusters (the best one-to-one matching of the two).
   */
  static int changed(int[] a, int[] b) {
    ContingencyTable table = ContingencyTable.ofLabels(a, b);
    return a.length - (int) Math.round(ClusteringScores.accuracy(table) * a.length);
  }
}
