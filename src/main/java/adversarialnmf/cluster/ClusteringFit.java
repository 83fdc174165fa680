package adversarialnmf.cluster;

import adversarialnmf.RandomStreams;
import adversarialnmf.init.Initialization;
import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MissingValues;
import adversarialnmf.linalg.OverflowSafe;
import adversarialnmf.linalg.Parallelism;
import adversarialnmf.solver.Factorization;
import adversarialnmf.solver.FactorizationDivergedException;
import adversarialnmf.solver.FactorizationSolver;
import adversarialnmf.solver.Factors;
import adversarialnmf.solver.OutOfSampleRule;
import adversarialnmf.solver.ProgressListener;
import adversarialnmf.solver.Restarts;
import adversarialnmf.solver.WorkingSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A whole clustering fit, the same for every method and wherever the data live: the checks, the
 * missing-value policy, instance preprocessing, scaling, the random streams, the start of every
 * restart, the method's solver (its one hook, {@link FactorizationMethod}), the fits, the final
 * X-step, the assignment, and the fitted clustering with how it was made. The Weka clusterers and
 * the Spark job are its adapters; it knows neither.
 */
public final class ClusteringFit {

  /** Share of training instances moved by the final X-step above which a fit is reported as far from stationary. */
  public static final double MOVED_SHARE_WARNING = 0.25;

  private ClusteringFit() {
  }

  /** What a fit produced and how it was made. */
  public static final class Result {
    private final NmfClustering clustering;
    private final Restarts runs;
    private final String initialisation;
    private final List<String> recipe;
    private final int missingCount;
    private final double seconds;
    private final List<String> warnings;

    Result(NmfClustering clustering, Restarts runs, String initialisation, List<String> recipe, int missingCount,
        double seconds, List<String> warnings) {
      this.clustering = clustering;
      this.runs = runs;
      this.initialisation = initialisation;
      this.recipe = Collections.unmodifiableList(recipe);
      this.missingCount = missingCount;
      this.seconds = seconds;
      this.warnings = Collections.unmodifiableList(warnings);
    }

    public NmfClustering clustering() {
      return clustering;
    }

    /** Seed, final objective and iterations of every start. */
    public Restarts runs() {
      return runs;
    }

    /** The start, in words (auto resolved). */
    public String initialisation() {
      return initialisation;
    }

    /** The method's lines on its solver and settings. */
    public List<String> recipe() {
      return recipe;
    }

    /** Entries of the training data that were missing. */
    public int missingCount() {
      return missingCount;
    }

    /** Seconds from the first start to the fitted clustering. */
    public double seconds() {
      return seconds;
    }

    /** What the user should know of this fit (stopped at the cap, a final step far from the solver's X). */
    public List<String> warnings() {
      return warnings;
    }
  }

  /**
   * Fits the method to the data under the settings.
   *
   * @throws IllegalArgumentException for data or settings the fit cannot take, naming the option
   * @throws IllegalStateException if the fit diverged or ran out of heap, saying what to change
   * @throws adversarialnmf.solver.FitInterruptedException if the thread was interrupted
   */
  public static Result run(TrainingData data, ClusteringSettings settings, FactorizationMethod method,
      ProgressListener listener) throws Exception {
    String who = method.who();
    int missingCount = data.missingCount();
    requireMissingValuesFit(missingCount > 0, settings.missingValues(), method);
    int clusters = settings.clusters();
    if (data.columns() < clusters) {
      throw new IllegalArgumentException(who + ": " + data.columns() + " instances are fewer than the " + clusters
          + " clusters requested (-N); lower the number of clusters or add data");
    }
    TrainingData imputed = data.withMissingValues(settings.missingValues());
    boolean sparse = imputed.isSparse(); // decides every auto choice of this fit
    TermWeighting weighting = settings.weighting();
    InstancePreprocessing preprocessing = InstancePreprocessing.of(weighting, settings.normalisation(), sparse,
        weighting.resolvedFor(sparse) == TermWeighting.TFIDF ? imputed.documentFrequencies() : null,
        imputed.columns());
    TrainingData prepared;
    try {
      prepared = imputed.preprocessed(preprocessing);
    } catch (IllegalArgumentException e) { // an instance without a finite length
      throw new IllegalArgumentException(who + " (-normalize " + settings.normalisation().key() + "): "
          + e.getMessage(), e);
    }
    double largest = prepared.max();
    if (largest <= 0.0) {
      throw new IllegalArgumentException(who + ": all data values are zero; there is nothing to factorize");
    }
    double scale = dataScale(settings.scaling(), largest, who);
    TrainingData y = prepared.scaled(scale);

    FactorizationSolver estimate = method.solverForEstimate(settings.stopping());
    if (estimate != null && !y.columnBlocks()) { // before the start, which takes long on data this large
      requireHeapFor(estimate.workingSetBytes(y.summary(), clusters), estimate, y.summary(), clusters, method);
    }
    long[] seeds = Restarts.seeds(settings.seed(), settings.restarts());
    RandomStreams[] streams = new RandomStreams[seeds.length];
    Initialization initialization = settings.initialization().create(settings.indicatorOffset(), sparse);
    long started = System.nanoTime();
    long workingSet = -1;
    try {
      Parallelism slots = Parallelism.executionSlots(settings.executionSlots());
      Factors[] starts = new Factors[seeds.length];
      FactorizationSolver solver = null;
      for (int r = 0; r < seeds.length; r++) {
        RandomStreams run = new RandomStreams(seeds[r]);
        streams[r] = run;
        starts[r] = slots.within(() -> y.start(initialization, clusters, run.initialisation()));
        if (solver == null) { // one solver (one attacker target) for every run, so objectives compare
          solver = method.solver(new FitContext(y.summary(), scale, settings.stopping(), clusters, run.target(),
              y.columnBlocks(), !preprocessing.isIdentity()));
          if (!y.columnBlocks()) { // restarts at once each hold their own working set
            workingSet = solver.workingSetBytes(y.summary(), clusters) * Math.min(seeds.length, slots.threads());
            requireHeapFor(workingSet, solver, y.summary(), clusters, method);
          }
        }
      }
      Factorization[] fits = y.fit(solver, starts, slots, listener);
      Restarts runs = Restarts.of(seeds, fits);
      Factorization best = fits[runs.best()];
      if (settings.prediction() == PredictionRule.ADVERSARIAL_BASIS && !best.hasAdversarialBasis()) {
        throw new IllegalArgumentException(who + ": -predict adversarial needs an adversarial basis, which only"
            + " ANMF learns; use -predict model or -predict basis");
      }
      OutOfSampleRule rule = NmfClustering.coefficientRuleOf(best, settings.prediction());
      DenseMatrix trainingCoefficients = slots.within(() -> y.coefficients(rule));
      NmfClustering model = slots.within(() -> NmfClustering.of(best, trainingCoefficients, preprocessing, scale,
          settings.assignment(), settings.prediction(), streams[runs.best()].assignment()));
      return new Result(model, runs, initialization.describe(), new ArrayList<String>(method.recipe(solver)),
          missingCount, (System.nanoTime() - started) / 1e9, warnings(model, settings, method));
    } catch (FactorizationDivergedException e) {
      throw new IllegalStateException(who + ": " + e.getMessage(), e);
    } catch (OutOfMemoryError e) { // the fit's state is unreachable now, so the heap is back
      throw new IllegalStateException(who + ": ran out of heap during the fit (estimated working set "
          + (workingSet < 0 ? "not yet known" : WorkingSet.readable(workingSet)) + ", heap maximum "
          + WorkingSet.readable(Runtime.getRuntime().maxMemory()) + "); "
          + method.cheaperAlternative(y.summary(), clusters), e);
    }
  }

  /**
   * Refuses data with missing values that the policy would mask but the method cannot fit around
   * (an adapter may call it before its own checks, whose message would be less helpful).
   */
  public static void requireMissingValuesFit(boolean hasMissing, MissingValues policy, FactorizationMethod method) {
    if (hasMissing && policy == MissingValues.MASK && !method.fitsMissingValues()) {
      throw new IllegalArgumentException(method.who() + ": the data hold missing values, and " + method.name()
          + " has no masked form of its update to fit around them; " + method.missingValuesAdvice());
    }
  }

  private static List<String> warnings(NmfClustering model, ClusteringSettings settings,
      FactorizationMethod method) {
    String who = method.who();
    List<String> warnings = new ArrayList<String>();
    Factorization fit = model.factorization();
    if (!fit.converged() && method.warnsAtIterationCap()) {
      double[] trace = fit.objectiveTrace();
      int last = trace.length - 1;
      double change = last > 0 ? Math.abs(trace[last] - trace[last - 1]) / Math.abs(trace[last - 1]) : Double.NaN;
      warnings.add(who + " stopped at the iteration cap (" + settings.stopping().maxIterations()
          + ") without meeting the tolerance " + settings.stopping().tolerance() + " (relative change of the objective"
          + " in the last iteration: " + String.format(Locale.ROOT, "%.2g", change) + "); raise -I or the tolerance -E."
          + " The reported clustering is the final X-step's for the fitted bases either way");
    }
    int moved = model.rowsMovedByFinalStep();
    int total = fit.coefficients().cols();
    if (moved > MOVED_SHARE_WARNING * total) {
      warnings.add(who + ": the final X-step moved " + moved + " of " + total
          + " training instances to another cluster: the solver's X is far from the coefficients its bases give"
          + " (an unconverged or infeasible fit); the clustering reported is the final step's. Fit longer (-I), use"
          + " the default solver settings, or choose another -predict rule");
    }
    return warnings;
  }

  /** Refuses a fit whose working set exceeds the free heap, before it allocates anything. */
  private static void requireHeapFor(long workingSet, FactorizationSolver solver, DataMatrix y, int clusters,
      FactorizationMethod method) {
    long free = WorkingSet.freeHeapBytesFor(workingSet);
    if (workingSet > free) {
      throw new IllegalStateException(method.who() + ": the fit would need about " + WorkingSet.readable(workingSet)
          + " of heap (" + solver.describe() + " on " + y.rows() + " attributes x " + y.cols() + " instances, "
          + clusters + " clusters), but only " + WorkingSet.readable(free) + " of the "
          + WorkingSet.readable(Runtime.getRuntime().maxMemory()) + " heap is free; "
          + method.cheaperAlternative(y, clusters));
    }
  }

  /**
   * The factor the data are multiplied by before the fit: 1 / largest for -scaling max, 1 for none;
   * a power of two (exact, no digit lost) where that would leave the largest value outside the range
   * whose squares double precision holds (see {@link OverflowSafe}), or where 1 / largest overflows.
   */
  static double dataScale(DataScaling scaling, double largest, String who) {
    if (scaling == DataScaling.MAX && Double.isFinite(1.0 / largest)) {
      return 1.0 / largest;
    }
    if (scaling == DataScaling.NONE && OverflowSafe.inSafeRange(largest)) {
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
}
