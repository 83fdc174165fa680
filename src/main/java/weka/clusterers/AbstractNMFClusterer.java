package weka.clusterers;

import adversarialnmf.RandomStreams;
import adversarialnmf.cluster.Assignment;
import adversarialnmf.cluster.AssignmentRule;
import adversarialnmf.cluster.DataScaling;
import adversarialnmf.cluster.InstanceNormalisation;
import adversarialnmf.cluster.InstancePreprocessing;
import adversarialnmf.cluster.NmfClustering;
import adversarialnmf.cluster.PredictionRule;
import adversarialnmf.cluster.TermWeighting;
import adversarialnmf.init.Initialization;
import adversarialnmf.init.InitializationMethod;
import adversarialnmf.init.KMeansInitialization;
import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MissingValues;
import adversarialnmf.linalg.OverflowSafe;
import adversarialnmf.linalg.Parallelism;
import adversarialnmf.linalg.SparseData;
import adversarialnmf.solver.Factorization;
import adversarialnmf.solver.FactorizationDivergedException;
import adversarialnmf.solver.FactorizationSolver;
import adversarialnmf.solver.Factors;
import adversarialnmf.solver.FitInterruptedException;
import adversarialnmf.solver.IterativeSolver;
import adversarialnmf.solver.FitProgress;
import adversarialnmf.solver.ProgressListener;
import adversarialnmf.solver.Restarts;
import adversarialnmf.solver.StoppingRule;
import adversarialnmf.solver.WorkingSet;
import adversarialnmf.weka.CommandLineOption;
import adversarialnmf.weka.DeclaredOptions;
import adversarialnmf.weka.EnumTags;
import adversarialnmf.weka.FitLogs;
import adversarialnmf.weka.FittedModel;
import adversarialnmf.weka.WekaData;
import adversarialnmf.weka.WekaErrors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Random;
import java.util.Vector;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import weka.core.AdditionalMeasureProducer;
import weka.core.BatchPredictor;
import weka.core.Capabilities;
import weka.core.Capabilities.Capability;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;
import weka.core.Tag;
import weka.core.TechnicalInformationHandler;
import weka.core.Utils;
import weka.core.logging.Logger;

/**
 * What every NMF clusterer of this package shares: the common options (clusters, iterations,
 * tolerance, seed, initialisation, scaling, assignment), the input checks, the conversion of the
 * instances to Y (attributes x instances), the fit through one core solver, cluster assignment,
 * the projection of new instances onto the learned basis, and a readable {@link #toString()}.
 * A subclass declares its own options and supplies its solver.
 */
public abstract class AbstractNMFClusterer extends RandomizableClusterer
    implements NumberOfClustersRequestable, BatchPredictor, TechnicalInformationHandler,
    AdditionalMeasureProducer {

  /** Changed with the fitted-model value (FittedModel): models saved before it do not load. */
  private static final long serialVersionUID = 5120486385029741377L;

  public static final Tag[] TAGS_INITIALIZATION = EnumTags.of(InitializationMethod.class);
  public static final Tag[] TAGS_SCALING = EnumTags.of(DataScaling.class);
  public static final Tag[] TAGS_ASSIGNMENT = EnumTags.of(AssignmentRule.class);

  public static final Tag[] TAGS_PREDICTION = EnumTags.of(PredictionRule.class);
  public static final Tag[] TAGS_NORMALISATION = EnumTags.of(InstanceNormalisation.class);
  public static final Tag[] TAGS_TERM_WEIGHTING = EnumTags.of(TermWeighting.class);

  protected int m_NumClusters = 2;
  /** Iteration cap and tolerance, as the core value that checks them. */
  protected StoppingRule m_Stopping = new StoppingRule(defaultMaxIterations(), defaultTolerance());
  protected InitializationMethod m_Initialization = InitializationMethod.AUTO;
  protected double m_IndicatorOffset = 0.2;
  protected DataScaling m_Scaling = DataScaling.MAX;
  /** Threads of the fit, Weka's execution slots: 0 = one per available processor. */
  protected int m_NumExecutionSlots = 0;
  protected AssignmentRule m_Assignment = AssignmentRule.KMEANS;
  protected int m_AssignmentRestarts = 10;
  protected InstanceNormalisation m_Normalisation = InstanceNormalisation.AUTO;
  protected TermWeighting m_Weighting = TermWeighting.AUTO;
  protected PredictionRule m_Prediction = PredictionRule.MODEL;
  protected String m_BatchSize = "100";
  protected MissingValues m_MissingValues = MissingValues.MASK;
  protected int m_Restarts = 1;

  /** -missing: the tags are the core policy's labels. */
  public static final Tag[] TAGS_MISSING = EnumTags.of(MissingValues.class);

  /**
   * The fitted model and how it was made; null before buildClusterer. Set once, when a fit has
   * succeeded; the options above are never overwritten by a fit.
   */
  protected FittedModel m_Fitted;
  /** Refuse non-numeric attributes instead of leaving them out of the factorization. */
  protected boolean m_NumericAttributesOnly;
  /** Time between two progress reports of a fit, in nanoseconds (also the Spark job's progress lines). */
  public static final long PROGRESS_INTERVAL_NANOS = 3_000_000_000L;

  /**
   * True if the method fits only the observed entries under -missing mask; a method whose update
   * has no masked form says false and is told to impute (-missing mean).
   */
  protected boolean fitsMissingValues() {
    return true;
  }

  /** What to do instead when {@link #fitsMissingValues()} is false. */
  protected String missingValuesAdvice() {
    return "impute them first (-missing mean)";
  }

  /** The iteration cap a fresh instance starts with. */
  protected int defaultMaxIterations() {
    return 200;
  }

  /** The tolerance a fresh instance starts with. */
  protected double defaultTolerance() {
    return 1e-4;
  }

  /**
   * The solver for this fit.
   *
   * @param data the training instances as given
   * @param y the training data as factorized: {@code data}'s features times {@code dataScale}
   * @param dataScale the factor applied by the scaling option (1 for none)
   */
  protected abstract FactorizationSolver createSolver(Instances data, DataMatrix y, double dataScale,
      StoppingRule stopping, Random random) throws Exception;

  /**
   * How this fit was made beyond its start, in the words of {@link #toString()}: the solver and its
   * settings (and, for ANMF, the attacker target), described by the solver just made.
   */
  protected List<String> recipe(FactorizationSolver solver) {
    return Collections.emptyList();
  }

  /** A short name used in messages and toString (e.g. "ANMF"). */
  protected abstract String methodName();

  // ------------------------------------------------------------------ fit

  @Override
  public Capabilities getCapabilities() {
    Capabilities result = super.getCapabilities();
    result.disableAll();
    result.enable(Capability.NO_CLASS);
    // a nominal class (the Knowledge Flow's ClassAssigner) is left out of the factorization
    result.enable(Capability.NOMINAL_CLASS);
    result.enable(Capability.MISSING_CLASS_VALUES);
    result.enable(Capability.NUMERIC_ATTRIBUTES);
    if (!m_NumericAttributesOnly) {
      result.enable(Capability.NOMINAL_ATTRIBUTES);
    }
    if (m_MissingValues == MissingValues.MEAN || (m_MissingValues == MissingValues.MASK && fitsMissingValues())) {
      result.enable(Capability.MISSING_VALUES);
    }
    result.setMinimumNumberInstances(1);
    return result;
  }

  @Override
  public void buildClusterer(Instances data) throws Exception {
    String who = getClass().getName();
    boolean hasMissing = WekaData.hasMissing(data, factorizedAttributes(data));
    if (hasMissing && m_MissingValues == MissingValues.MASK && !fitsMissingValues()) {
      throw new IllegalArgumentException(who + ": the data hold missing values, and " + methodName()
          + " has no masked form of its update to fit around them; " + missingValuesAdvice());
    }
    if (hasMissing && m_MissingValues == MissingValues.REFUSE) {
      // names the attribute and the instance, which Weka's capability test does not
      WekaData.requireNonnegative(data, factorizedAttributes(data), who);
    }
    getCapabilities().testWithFail(data);
    if (data.numInstances() == 0) {
      throw new IllegalArgumentException(who + ": no training instances");
    }
    if (data.numInstances() < m_NumClusters) {
      throw new IllegalArgumentException(who + ": " + data.numInstances() + " instances are fewer than the "
          + m_NumClusters + " clusters requested (-N); lower the number of clusters or add data");
    }
    int[] features = factorizedAttributes(data);
    if (features.length == 0) {
      throw new IllegalArgumentException(who + ": no numeric attribute to factorize");
    }
    List<String> leftOut = new ArrayList<String>();
    for (int a : WekaData.featureIndices(data)) {
      if (!data.attribute(a).isNumeric()) {
        leftOut.add(data.attribute(a).name() + clusterCountHint(data.attribute(a)));
      }
    }
    WekaData.requireNonnegative(data, features, who, 0, m_MissingValues != MissingValues.REFUSE);
    DataMatrix observed = WekaData.toMatrix(data, features);
    int missingCount = observed.missing().count();
    DataMatrix imputed = m_MissingValues.prepare(observed);
    boolean sparse = InstancePreprocessing.isSparseData(imputed); // decides every auto choice of this fit
    InstancePreprocessing preprocessing = InstancePreprocessing.fit(imputed, m_Weighting, m_Normalisation, sparse);
    DataMatrix prepared;
    try {
      prepared = preprocessing.apply(imputed, 1.0);
    } catch (IllegalArgumentException e) { // an instance without a finite length
      throw new IllegalArgumentException(who + " (-normalize " + m_Normalisation.key() + "): " + e.getMessage(), e);
    }
    double largest = prepared.max();
    if (largest <= 0.0) {
      throw new IllegalArgumentException(who + ": all data values are zero; there is nothing to factorize");
    }
    double scale = dataScale(largest, who);
    // the same bits as preprocessing.apply(instance, scale), which new instances get
    DataMatrix y = scale == 1.0 ? prepared : prepared.scaled(scale);
    // a masked fit starts from the mean-imputed data (the start needs every entry)
    DataMatrix startData = MissingValues.imputeAttributeMeans(y);

    FactorizationSolver estimate = solverForEstimate(m_Stopping);
    if (estimate != null) { // before the initialisation, which takes long on data this large
      requireHeapFor(estimate.workingSetBytes(y, m_NumClusters), estimate, y, who);
    }
    long[] seeds = Restarts.seeds(m_Seed, m_Restarts);
    Factorization[] fits = new Factorization[seeds.length];
    RandomStreams[] streams = new RandomStreams[seeds.length];
    Initialization initialization = createInitialization(sparse);
    String options = Utils.joinOptions(getOptions());
    long started = System.nanoTime();
    NmfClustering model;
    Restarts runs;
    List<String> recipe;
    long workingSet = -1;
    try {
      Parallelism slots = Parallelism.executionSlots(m_NumExecutionSlots);
      Factors[] starts = new Factors[seeds.length];
      FactorizationSolver solver = null;
      for (int r = 0; r < seeds.length; r++) {
        RandomStreams run = new RandomStreams(seeds[r]);
        streams[r] = run;
        starts[r] = slots.within(() -> initialization.initialize(startData, m_NumClusters, run.initialisation()));
        if (solver == null) { // one solver (one attacker target) for every run, so objectives compare
          solver = createSolver(data, y, scale, m_Stopping, run.target());
          // restarts at once each hold their own working set
          workingSet = solver.workingSetBytes(y, m_NumClusters) * Math.min(seeds.length, slots.threads());
          requireHeapFor(workingSet, solver, y, who);
        }
      }
      fitRuns(solver, y, starts, slots, fits, progressListener());
      runs = Restarts.of(seeds, fits);
      recipe = new ArrayList<String>(recipe(solver));
      if (!leftOut.isEmpty()) {
        recipe.add("Left out of the factorization (not numeric): " + String.join(", ", leftOut));
      }
      Factorization best = fits[runs.best()];
      if (m_Prediction == PredictionRule.ADVERSARIAL_BASIS && !best.hasAdversarialBasis()) {
        throw new IllegalArgumentException(who + ": -predict adversarial needs an adversarial basis, which only"
            + " ANMF learns; use -predict model or -predict basis");
      }
      Random assignment = streams[runs.best()].assignment();
      model = slots.within(() -> NmfClustering.of(best, y, preprocessing, scale, assignment(), m_Prediction,
          assignment));
    } catch (FactorizationDivergedException e) {
      throw new IllegalStateException(who + ": " + e.getMessage(), e);
    } catch (FitInterruptedException e) {
      throw WekaErrors.interrupted(who, e);
    } catch (OutOfMemoryError e) { // the fit's state is unreachable now, so the heap is back
      throw new IllegalStateException(who + ": ran out of heap during the fit (estimated working set "
          + (workingSet < 0 ? "not yet known" : WorkingSet.readable(workingSet)) + ", heap maximum "
          + WorkingSet.readable(Runtime.getRuntime().maxMemory()) + "); " + cheaperAlternative(y), e);
    }
    Factorization fit = model.factorization();
    m_Fitted = new FittedModel(model, data, features, options, m_Seed, initialization.describe(), recipe, runs,
        missingCount, m_MissingValues, (System.nanoTime() - started) / 1e9);
    if (!fit.converged() && warnsAtIterationCap()) {
      double[] trace = fit.objectiveTrace();
      int last = trace.length - 1;
      double change = last > 0 ? Math.abs(trace[last] - trace[last - 1]) / Math.abs(trace[last - 1]) : Double.NaN;
      Logger.log(Logger.Level.WARNING, who + " stopped at the iteration cap (" + m_Stopping.maxIterations()
          + ") without meeting the tolerance " + m_Stopping.tolerance() + " (relative change of the objective in the last"
          + " iteration: " + String.format(java.util.Locale.ROOT, "%.2g", change) + "); raise -I or the tolerance -E."
          + " The reported clustering is the final X-step's for the fitted bases either way");
    }
    int moved = model.rowsMovedByFinalStep();
    int total = fit.coefficients().cols();
    if (moved > MOVED_SHARE_WARNING * total) {
      Logger.log(Logger.Level.WARNING, who + ": the final X-step moved " + moved + " of " + total
          + " training instances to another cluster: the solver's X is far from the coefficients its bases give"
          + " (an unconverged or infeasible fit); the clustering reported is the final step's. Fit longer (-I), use"
          + " the default solver settings, or choose another -predict rule");
    }
  }

  /** False where the iteration cap is the stop the method's defaults were chosen at (ANMF's), so such a fit does not warn. */
  protected boolean warnsAtIterationCap() {
    return true;
  }

  /** For a left-out nominal attribute (often the class) whose values differ in number from -N: how to match them. */
  private String clusterCountHint(weka.core.Attribute attribute) {
    int values = attribute.numValues();
    return attribute.isNominal() && values > 1 && values != m_NumClusters
        ? " (" + values + " values, " + m_NumClusters + " clusters: -N " + values + " gives one cluster per value)" : "";
  }

  /** Share of training rows moved by the final X-step above which a fit is reported as far from stationary. */
  static final double MOVED_SHARE_WARNING = 0.25;

  /** Refuses a fit whose working set exceeds the free heap, before it allocates anything. */
  private void requireHeapFor(long workingSet, FactorizationSolver solver, DataMatrix y, String who) {
    long free = WorkingSet.freeHeapBytesFor(workingSet);
    if (workingSet > free) {
      throw new IllegalStateException(who + ": the fit would need about " + WorkingSet.readable(workingSet)
          + " of heap (" + solver.describe() + " on " + y.rows() + " attributes x " + y.cols() + " instances, "
          + m_NumClusters + " clusters), but only " + WorkingSet.readable(free) + " of the "
          + WorkingSet.readable(Runtime.getRuntime().maxMemory()) + " heap is free; " + cheaperAlternative(y));
    }
  }

  /**
   * A solver whose working set is the fit's (or a lower bound of it), made without touching the
   * data or the seed, for the memory check before the initialisation; null if only the real
   * solver can tell (the check then follows the initialisation).
   */
  protected FactorizationSolver solverForEstimate(StoppingRule stopping) {
    return null;
  }

  /** What to do when a fit does not fit in the heap; a method with a cheaper solver says which. */
  protected String cheaperAlternative(DataMatrix y) {
    return "give Java a larger heap (e.g. java -Xmx8g), " + (y instanceof SparseData ? ""
        : "store mostly-zero data as sparse instances (Y then stays sparse), ")
        + "or lower the number of clusters (-N) or the iteration cap (-I)";
  }

  /**
   * The attributes that form Y's rows: every attribute but the class, or, unless numeric
   * attributes only are accepted, every numeric one (nominal attributes are left out).
   */
  protected int[] factorizedAttributes(Instances data) {
    return m_NumericAttributesOnly ? WekaData.featureIndices(data) : WekaData.numericFeatureIndices(data);
  }

  /** Reports to the log the Explorer bound to this thread (see {@link FitLogs}), or null. */
  private ProgressListener progressListener() {
    final weka.gui.Logger log = FitLogs.ofCurrentThread();
    if (log == null) {
      return null;
    }
    return new ProgressListener() {
      @Override
      public long intervalNanos() {
        return PROGRESS_INTERVAL_NANOS;
      }

      @Override
      public void progress(FitProgress progress) {
        String line = methodName() + ": " + progress;
        log.statusMessage(line);
        log.logMessage(line);
      }
    };
  }

  /**
   * Installs a fit made outside this clusterer (the Spark job fits on column blocks) as its
   * model, as {@link #buildClusterer} would leave it: {@code header} is the training data's, whose
   * factorized attributes ({@link #factorizedAttributes}: a nominal class is left out) formed Y's
   * rows, in order, with no value missing; the options should be those the fit used (one run, from
   * this clusterer's seed).
   */
  public void adoptFit(Instances header, NmfClustering model, double fitSeconds) {
    adoptFit(header, model, fitSeconds, Collections.<String>emptyList());
  }

  /** {@link #adoptFit(Instances, NmfClustering, double)} with the recipe lines of {@link #recipe}. */
  protected void adoptFit(Instances header, NmfClustering model, double fitSeconds, List<String> recipe) {
    int[] features = factorizedAttributes(header);
    if (features.length != model.factorization().basis().rows()) {
      throw new IllegalArgumentException(getClass().getName() + ": a header of " + features.length
          + " factorized attributes does not fit a basis of " + model.factorization().basis().rows() + " rows");
    }
    WekaData.requireNonnegative(new Instances(header, 0), features, getClass().getName());
    m_Fitted = new FittedModel(model, header, features, Utils.joinOptions(getOptions()), m_Seed,
        createInitialization(false).describe() + " (fitted outside Weka)", recipe, // the job names its start, never auto
        Restarts.of(new long[] {m_Seed}, new Factorization[] {model.factorization()}), 0, m_MissingValues,
        fitSeconds);
  }

  /**
   * Fits every start: one after another, each fit on all the slots, or, with several restarts and
   * slots, up to one fit per slot at once, each sequential. A fit's result does not depend on the
   * thread count, so both give the same bits.
   */
  private static void fitRuns(FactorizationSolver solver, DataMatrix y, Factors[] starts, Parallelism slots,
      Factorization[] fits, ProgressListener listener) {
    int workers = Math.min(starts.length, slots.threads());
    if (workers <= 1 || !(solver instanceof IterativeSolver)) {
      if (solver instanceof IterativeSolver) {
        ((IterativeSolver) solver).onThreads(slots);
      }
      for (int r = 0; r < starts.length; r++) {
        fits[r] = solver.fit(y, starts[r], listener);
      }
      return;
    }
    ((IterativeSolver) solver).onThreads(Parallelism.SEQUENTIAL);
    ExecutorService pool = Executors.newFixedThreadPool(workers, task -> {
      Thread thread = new Thread(task, "adversarialNMF restart");
      thread.setDaemon(true);
      return thread;
    });
    List<Future<Factorization>> runs = new ArrayList<Future<Factorization>>();
    try {
      for (Factors start : starts) {
        runs.add(pool.submit(() -> solver.fit(y, start, listener)));
      }
      for (int r = 0; r < starts.length; r++) {
        fits[r] = runs.get(r).get();
      }
    } catch (InterruptedException e) { // the flag is cleared, as FitInterruptedException promises
      throw new FitInterruptedException("the restarts");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException ? (RuntimeException) cause : new IllegalStateException(cause);
    } finally {
      pool.shutdownNow(); // interrupts the fits still running, which then stop at their next check
    }
  }

  /**
   * The factor the data are multiplied by before the fit: 1 / largest for -scaling max, 1 for none;
   * a power of two (exact, no digit lost) where that would leave the largest value outside the range
   * whose squares double precision holds (see {@link OverflowSafe}), or where 1 / largest overflows.
   * Public for fits made elsewhere (the Spark job), which must scale as this clusterer does.
   */
  public double dataScale(double largest, String who) {
    if (m_Scaling == DataScaling.MAX && Double.isFinite(1.0 / largest)) {
      return 1.0 / largest;
    }
    if (m_Scaling == DataScaling.NONE && OverflowSafe.inSafeRange(largest)) {
      return 1.0;
    }
    if (Double.isInfinite(largest)) {
      throw new IllegalArgumentException(who + ": the data hold an infinite value; remove or replace it");
    }
    double power = OverflowSafe.powerOfTwoScale(largest);
    if (Double.isInfinite(power)) {
      throw new IllegalArgumentException(who + ": the largest data value, " + largest + ", is a subnormal number"
          + " below 2^-1023 with too few significant digits to factorize; multiply the data by a large"
          + " constant first, e.g. with weka.filters.unsupervised.attribute.MathExpression -E A*1e300");
    }
    return power;
  }

  /** The start of the options for sparse data ({@link InstancePreprocessing#isSparseData}) or dense (auto resolved). */
  protected Initialization createInitialization(boolean sparse) {
    return m_Initialization.create(m_IndicatorOffset, sparse);
  }

  /** The coefficient rule for training and new instances (also for the Spark job). */
  public PredictionRule predictionRule() {
    return m_Prediction;
  }

  /** How coefficients become clusters, with the k-means restarts (also for the Spark job). */
  public Assignment assignment() {
    return Assignment.of(m_Assignment, m_AssignmentRestarts);
  }

  /** The term weighting of the options (also for the Spark job). */
  public TermWeighting termWeighting() {
    return m_Weighting;
  }

  /** The instance normalisation of the options (also for the Spark job). */
  public InstanceNormalisation instanceNormalisation() {
    return m_Normalisation;
  }

  // ------------------------------------------------------------------ prediction

  /** The fitted model; fails with a clear message before buildClusterer. */
  protected FittedModel fitted() {
    if (m_Fitted == null) {
      throw new IllegalStateException(getClass().getName() + ": no model built yet; call buildClusterer first");
    }
    return m_Fitted;
  }

  /** Membership from the instance's coefficients by the prediction rule (default: the method's own). */
  @Override
  public double[] distributionForInstance(Instance instance) throws Exception {
    NmfClustering model = fitted().clustering();
    return model.membership(model.coefficientsOf(fitted().checkedValues(instance, getClass().getName())));
  }

  @Override
  public double[][] distributionsForInstances(Instances instances) throws Exception {
    NmfClustering model = fitted().clustering();
    DenseMatrix coefficients;
    try {
      coefficients = model.coefficientsOf(fitted().checkedMatrix(instances, getClass().getName()));
    } catch (FitInterruptedException e) {
      throw WekaErrors.interrupted(getClass().getName(), e);
    }
    double[][] out = new double[instances.numInstances()][];
    for (int j = 0; j < out.length; j++) {
      out[j] = model.membership(coefficients.column(j));
    }
    return out;
  }


  /**
   * True if new instances may hold missing values: unless the model was fitted with -missing
   * refuse, the projection onto the basis fits only an instance's observed values.
   */
  public boolean projectsMissingValues() {
    return m_Fitted != null && m_Fitted.projectsMissingValues();
  }

  @Override
  public int numberOfClusters() throws Exception {
    return m_Fitted == null ? m_NumClusters : m_Fitted.clustering().numberOfClusters();
  }

  @Override
  public void setBatchSize(String size) {
    m_BatchSize = size;
  }

  @Override
  public String getBatchSize() {
    return m_BatchSize;
  }

  public String batchSizeTipText() {
    return "The preferred number of instances to project at once in batch prediction.";
  }

  @Override
  public boolean implementsMoreEfficientBatchPrediction() {
    return true;
  }

  // ------------------------------------------------------------------ model access

  /** The fitted model and the recipe it was made by, or null before a fit. */
  public FittedModel getFittedModel() {
    return m_Fitted;
  }

  /** The fitted clustering (factorization, scale, rule), or null before a fit. */
  public NmfClustering getModel() {
    return m_Fitted == null ? null : m_Fitted.clustering();
  }

  /** The fitted factorization, or null before a fit. */
  public Factorization getFactorization() {
    return m_Fitted == null ? null : m_Fitted.factorization();
  }

  /** A (attributes x clusters) as a 2-D array (copy), in the scaled units of the fit. */
  public double[][] getBasis() {
    return fitted().factorization().basis().toArray();
  }

  /** Names of the attributes that form the rows of A, in order. */
  public String[] getFactorizedAttributeNames() {
    Instances header = fitted().header();
    int[] features = fitted().featureIndices();
    String[] names = new String[features.length];
    for (int r = 0; r < names.length; r++) {
      names[r] = header.attribute(features[r]).name();
    }
    return names;
  }

  /** The relation name of the training data (it may carry the image geometry, {@code _w<W>_h<H>}). */
  public String getTrainingRelationName() {
    return fitted().header().relationName();
  }

  /** Seconds the last fit took. */
  public double getFitSeconds() {
    return fitted().seconds();
  }

  /** X (clusters x training instances) after the final X-step (the prediction rule on each training instance), copy. */
  public double[][] getCoefficients() {
    return fitted().clustering().trainingCoefficients().toArray();
  }

  /** X (clusters x training instances) as the solver left it, before the final X-step, copy. */
  public double[][] getSolverCoefficients() {
    return fitted().factorization().coefficients().toArray();
  }

  /** The cluster of each training instance (the assignment rule applied to X after the final X-step). */
  public int[] getTrainingAssignments() {
    return fitted().clustering().trainingLabels();
  }

  /** Seed, final objective and iterations of every run of the last fit (-restarts). */
  public Restarts getRuns() {
    return fitted().runs();
  }

  /** The objective per iteration (entry 0: at the start). */
  public double[] getObjectiveTrace() {
    return fitted().factorization().objectiveTrace();
  }

  // ------------------------------------------------------------------ additional measures

  @Override
  public Enumeration<String> enumerateMeasures() {
    Vector<String> names = new Vector<String>();
    names.add("measureFinalObjective");
    names.add("measureIterations");
    names.add("measureConverged");
    names.add("measureFitSeconds");
    return names.elements();
  }

  @Override
  public double getMeasure(String measureName) {
    Factorization fit = fitted().factorization();
    if (measureName.equalsIgnoreCase("measureFinalObjective")) {
      return fit.finalObjective();
    }
    if (measureName.equalsIgnoreCase("measureIterations")) {
      return fit.iterations();
    }
    if (measureName.equalsIgnoreCase("measureConverged")) {
      return fit.converged() ? 1.0 : 0.0;
    }
    if (measureName.equalsIgnoreCase("measureFitSeconds")) {
      return fitted().seconds();
    }
    throw new IllegalArgumentException(measureName + " not supported (" + getClass().getName() + ")");
  }

  // ------------------------------------------------------------------ options

  @Override
  public Enumeration<Option> listOptions() {
    Vector<Option> options = DeclaredOptions.listOptions(this);
    options.addAll(Collections.list(super.listOptions()));
    return options.elements();
  }

  @Override
  public void setOptions(String[] options) throws Exception {
    DeclaredOptions.setOptions(this, options);
    super.setOptions(options);
  }

  @Override
  public String[] getOptions() {
    return DeclaredOptions.getOptions(this, super.getOptions());
  }

  // ------------------------------------------------------------------ properties
  // display order: 10 clusters, 20-39 the method's model, 40-49 its solver, 50-59 start and
  // assignment, 60-69 iterations, 70-89 solver details

  @Override
  public void setNumClusters(int numClusters) throws Exception {
    if (numClusters < 1) {
      throw new IllegalArgumentException("number of clusters (-N) must be at least 1, got " + numClusters);
    }
    m_NumClusters = numClusters;
  }

  @OptionMetadata(displayName = "number of clusters", displayOrder = 10,
      description = "The number of clusters, the rank n of the factorization (columns of the basis A). The"
      + " default 2 is SimpleKMeans'; set the number of groups expected (e.g. of classes), or let"
      + " weka.experiment.RankSelection suggest one.")
  @CommandLineOption("N")
  public int getNumClusters() {
    return m_NumClusters;
  }

  public void setNumericAttributesOnly(boolean numericOnly) {
    m_NumericAttributesOnly = numericOnly;
  }

  @OptionMetadata(displayName = "numeric attributes only", displayOrder = 56,
      description = "Refuse data with nominal attributes instead of leaving them out of the"
      + " factorization (the model's output names the attributes it left out).")
  @CommandLineOption("numeric-only")
  public boolean getNumericAttributesOnly() {
    return m_NumericAttributesOnly;
  }

  public void setMaxIterations(int maxIterations) {
    m_Stopping = new StoppingRule(maxIterations, m_Stopping.tolerance());
  }

  @OptionMetadata(displayName = "maximum iterations", displayOrder = 60,
      description = "The most iterations the solver may take. A warning is logged if it stops there"
      + " unconverged.")
  @CommandLineOption("I")
  public int getMaxIterations() {
    return m_Stopping.maxIterations();
  }

  public void setTolerance(double tolerance) {
    m_Stopping = new StoppingRule(m_Stopping.maxIterations(), tolerance);
  }

  @OptionMetadata(displayName = "tolerance", displayOrder = 61,
      description = "The tolerance of the convergence test (relative change of the objective,"
      + " unless the method says otherwise).")
  @CommandLineOption("E")
  public double getTolerance() {
    return m_Stopping.tolerance();
  }

  public void setInitialization(SelectedTag value) {
    m_Initialization = EnumTags.value(value, InitializationMethod.class, "initialization (-init)");
  }

  @OptionMetadata(displayName = "initialisation", displayOrder = 50,
      description = "How the factors start: auto (NNDSVD for sparse data such as text, under 10 % nonzero"
      + " values, k-means for dense data such as images), k-means (the ANMF paper's start), NNDSVD, or random. Auto is what"
      + " clustered best in the protocol study (docs/REPRODUCTION.md).")
  @CommandLineOption("init")
  public SelectedTag getInitialization() {
    return EnumTags.selected(m_Initialization, TAGS_INITIALIZATION);
  }

  public void setIndicatorOffset(double offset) {
    m_IndicatorOffset = KMeansInitialization.checkedOffset(offset);
  }

  @OptionMetadata(displayName = "indicator offset", displayOrder = 51,
      description = "Constant added to the 0/1 k-means indicator to form X0 (k-means start only)."
      + " The ANMF paper uses 0.2.")
  @CommandLineOption("offset")
  public double getIndicatorOffset() {
    return m_IndicatorOffset;
  }

  public void setScaling(SelectedTag value) {
    m_Scaling = EnumTags.value(value, DataScaling.class, "scaling (-scaling)");
  }

  @OptionMetadata(displayName = "scaling", displayOrder = 52,
      description = "How the data are scaled before the fit: none, or divided by their largest value"
      + " (max) so that they lie in [0, 1]. With max, regularisation weights mean the same on any"
      + " data set.")
  @CommandLineOption("scaling")
  public SelectedTag getScaling() {
    return EnumTags.selected(m_Scaling, TAGS_SCALING);
  }

  public void setNumExecutionSlots(int slots) {
    Parallelism.executionSlots(slots); // the core's check
    m_NumExecutionSlots = slots;
  }

  @OptionMetadata(displayName = "execution slots", displayOrder = 90,
      description = "The number of execution slots (threads) for the fit's matrix products; 0 means one"
      + " per available processor. Results are the same for every value. A native BLAS, when in use,"
      + " keeps its own thread count (OPENBLAS_NUM_THREADS for OpenBLAS).")
  @CommandLineOption("num-slots")
  public int getNumExecutionSlots() {
    return m_NumExecutionSlots;
  }

  public void setAssignment(SelectedTag value) {
    m_Assignment = EnumTags.value(value, AssignmentRule.class, "assignment (-assign)");
  }

  @OptionMetadata(displayName = "assignment rule", displayOrder = 53,
      description = "How coefficients become clusters: kmeans (the default), k-means on the unit-normalised"
      + " coefficient vectors as the NMF clustering literature does, or argmax, the ANMF paper's rule; a new"
      + " instance goes to the nearest k-means centre of its coefficients.")
  @CommandLineOption("assign")
  public SelectedTag getAssignment() {
    return EnumTags.selected(m_Assignment, TAGS_ASSIGNMENT);
  }

  public void setAssignmentRestarts(int restarts) {
    if (restarts < 1) {
      throw new IllegalArgumentException("k-means assignment restarts (-assign-restarts) must be at least 1, got "
          + restarts);
    }
    m_AssignmentRestarts = restarts;
  }

  @OptionMetadata(displayName = "assignment restarts", displayOrder = 57,
      description = "Under -assign kmeans: how many k-means runs, each from its own k-means++ seeding;"
      + " the run with the lowest within-cluster sum of squares gives the clusters.")
  @CommandLineOption("assign-restarts")
  public int getAssignmentRestarts() {
    return m_AssignmentRestarts;
  }

  public void setNormalisation(SelectedTag value) {
    m_Normalisation = EnumTags.value(value, InstanceNormalisation.class, "instance normalisation (-normalize)");
  }

  @OptionMetadata(displayName = "instance normalisation", displayOrder = 58,
      description = "How each instance is rescaled before the fit, and every new instance before its"
      + " coefficients are found: auto (l2 for sparse data, under 10 % nonzero values, such as text; none"
      + " otherwise), none, l2 (unit Euclidean length, the NMF clustering literature's"
      + " protocol) or l1 (unit sum). Applied after -term-weighting and before -scaling.")
  @CommandLineOption("normalize")
  public SelectedTag getNormalisation() {
    return EnumTags.selected(m_Normalisation, TAGS_NORMALISATION);
  }

  public void setTermWeighting(SelectedTag value) {
    m_Weighting = EnumTags.value(value, TermWeighting.class, "term weighting (-term-weighting)");
  }

  @OptionMetadata(displayName = "term weighting", displayOrder = 59,
      description = "How attributes are weighted before the normalisation: auto (tfidf for sparse data, under"
      + " 10 % nonzero values; none otherwise), none, or tfidf for term counts"
      + " (each term times ln((1+N)/(1+df))+1, df the training instances where it occurs; zeros stay"
      + " zeros, so sparse data stay sparse).")
  @CommandLineOption("term-weighting")
  public SelectedTag getTermWeighting() {
    return EnumTags.selected(m_Weighting, TAGS_TERM_WEIGHTING);
  }

  public void setPrediction(SelectedTag value) {
    m_Prediction = EnumTags.value(value, PredictionRule.class, "prediction (-predict)");
  }

  @OptionMetadata(displayName = "prediction rule", displayOrder = 54,
      description = "How an instance gets its coefficients, for clusterInstance, distributionForInstance"
      + " and the training assignment alike: model (the default; the minimiser of the method's own"
      + " objective over the instance with the fitted factors fixed), basis (nonnegative least squares"
      + " onto A) or adversarial (onto ANMF's adversarial basis).")
  @CommandLineOption("predict")
  public SelectedTag getPrediction() {
    return EnumTags.selected(m_Prediction, TAGS_PREDICTION);
  }

  public void setMissingValues(SelectedTag value) {
    m_MissingValues = EnumTags.value(value, MissingValues.class, "missing values (-missing)");
  }

  @OptionMetadata(displayName = "missing values", displayOrder = 55,
      description = "What to do with missing values: mask (fit only the observed entries; in sparse"
      + " data an absent value is an observed 0), mean (replace each by its attribute's mean first) or"
      + " refuse.")
  @CommandLineOption("missing")
  public SelectedTag getMissingValues() {
    return EnumTags.selected(m_MissingValues, TAGS_MISSING);
  }

  public void setRestarts(int restarts) {
    if (restarts < 1) {
      throw new IllegalArgumentException("number of restarts (-restarts) must be at least 1, got " + restarts);
    }
    m_Restarts = restarts;
  }

  @OptionMetadata(displayName = "restarts", displayOrder = 62,
      description = "Fit from this many starts (seeds derived from the seed) and keep the one with the"
      + " lowest final objective; the output lists every run.")
  @CommandLineOption("restarts")
  public int getRestarts() {
    return m_Restarts;
  }

  // ------------------------------------------------------------------ output

  /** Extra lines a subclass adds to toString about its fitted results (read from {@link #fitted()}). */
  protected void describeModel(StringBuilder text) {
  }

  @Override
  public String toString() {
    if (m_Fitted == null) {
      return methodName() + ": no model built yet.";
    }
    FittedModel fitted = m_Fitted;
    NmfClustering model = fitted.clustering();
    Factorization fit = model.factorization();
    StringBuilder text = new StringBuilder();
    text.append(methodName()).append('\n');
    text.append(methodName().replaceAll(".", "=")).append("\n\n");
    text.append("Options: ").append(fitted.options()).append('\n');
    text.append("Data: ").append(fit.basis().rows()).append(" attributes x ")
        .append(fit.coefficients().cols()).append(" instances")
        .append(model.dataScale() != 1.0 ? ", scaled by " + readable(model.dataScale())
            + (fitted.options().contains("-scaling none") ? " (a power of two: the values are too large or small to square)" : "")
            : "")
        .append('\n');
    if (fitted.missingCount() > 0) {
      long entries = (long) fit.basis().rows() * fit.coefficients().cols();
      text.append("Missing values: ").append(fitted.missingCount()).append(" of ").append(entries)
          .append(" entries (").append(Utils.doubleToString(100.0 * fitted.missingCount() / entries, 2))
          .append("%), ").append(fitted.missingPolicy().description()).append('\n');
    }
    if (!model.preprocessing().isIdentity()) {
      text.append("Instances: ").append(model.preprocessing().describe()).append('\n');
    }
    text.append("Initialisation: ").append(fitted.initialisation()).append('\n');
    if (fitted.runs().count() > 1) {
      text.append("Restarts: ").append(fitted.runs().count())
          .append(", the run with the lowest final objective kept\n").append(fitted.runs());
    }
    text.append("Linear algebra: ").append(fit.linearAlgebra()).append('\n');
    text.append("Iterations: ").append(fit.iterations()).append(" (").append(fit.stopReason().description())
        .append(")\n");
    double[] trace = fit.objectiveTrace();
    text.append("Objective: ").append(readable(trace[0])).append(" at the start, ")
        .append(readable(fit.finalObjective())).append(" at the end\n");
    for (String name : fit.traceNames()) {
      double[] values = fit.trace(name);
      text.append("Final ").append(name).append(": ")
          .append(readable(values[values.length - 1])).append('\n');
    }
    for (java.util.Map.Entry<String, Double> measure : fit.measures().entrySet()) {
      text.append(measure.getKey()).append(": ").append(Utils.doubleToString(measure.getValue(), 6)).append('\n');
    }
    for (String line : fitted.recipe()) {
      text.append(line).append('\n');
    }
    describeModel(text);
    text.append("Coefficients of an instance: ").append(model.coefficientRule().describe()).append('\n');
    text.append("Final X-step (that rule on every training instance) moved ").append(model.rowsMovedByFinalStep())
        .append(" of ").append(fit.coefficients().cols()).append(" training instances to another cluster\n");
    text.append('\n');
    int[] sizes = model.clusterSizes();
    int total = fit.coefficients().cols();
    text.append("Clustered instances (").append(model.rule().key()).append(" rule")
        .append(model.rule() == AssignmentRule.KMEANS ? ", best of " + model.assignment().restarts() + " runs" : "")
        .append(")\n\n");
    for (int c = 0; c < sizes.length; c++) {
      text.append(String.format("%5d %8d (%3.0f%%)%n", c, sizes[c], 100.0 * sizes[c] / total));
    }
    text.append("\nThese are the fit's clusters; Weka's evaluation of the training data repeats them (its\n"
        + "clusterInstance applies the coefficient rule above). For accuracy against a class with many\n"
        + "clusters use weka.experiment.ClassesToClustersEvaluation or the Explorer's Factorization view\n"
        + "(Hungarian matching; Weka's classes-to-clusters search does not end at 40 clusters).\n");
    return text.toString();
  }

  /** A number for toString: six decimals where that is readable, scientific notation otherwise. */
  protected static String readable(double value) {
    double magnitude = Math.abs(value);
    return magnitude != 0.0 && (magnitude < 1e-4 || magnitude >= 1e9) && Double.isFinite(value)
        ? String.format(java.util.Locale.ROOT, "%.6g", value) : Utils.doubleToString(value, 6);
  }
}
