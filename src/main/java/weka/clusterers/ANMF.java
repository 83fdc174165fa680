package weka.clusterers;

import static adversarialnmf.weka.WekaOptions.doubleOption;
import static adversarialnmf.weka.WekaOptions.intOption;
import static adversarialnmf.weka.WekaOptions.tagName;
import static adversarialnmf.weka.WekaOptions.tagOption;

import adversarialnmf.weka.WekaData;
import adversarialnmf.cluster.NmfClustering;
import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;
import adversarialnmf.linalg.OverflowSafe;
import adversarialnmf.solver.Factorization;
import adversarialnmf.solver.FactorizationSolver;
import adversarialnmf.solver.StoppingRule;
import adversarialnmf.solver.WorkingSet;
import adversarialnmf.solver.anmf.AnmfAdmmSolver;
import adversarialnmf.solver.anmf.AnmfGradientSolver;
import adversarialnmf.solver.anmf.AnmfOptions;
import adversarialnmf.solver.anmf.AttackerTarget;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Random;
import java.util.Vector;
import weka.core.Instances;
import weka.core.Option;
import weka.core.RevisionUtils;
import weka.core.SelectedTag;
import weka.core.Tag;
import weka.core.TechnicalInformation;
import weka.core.TechnicalInformation.Field;
import weka.core.TechnicalInformation.Type;
import weka.core.Utils;
import weka.core.WeightedInstancesHandler;
import weka.filters.Filter;
import weka.filters.MultiFilter;

/**
 * <!-- globalinfo-start -->
 * Adversarial nonnegative matrix factorization (ANMF) of Luo, Zhang and Huang as a clusterer:
 * model (9) solved by the ADMM of their Algorithm 1, with the printed misprints corrected.
 * <!-- globalinfo-end -->
 */
public class ANMF extends AbstractNMFClusterer {

  private static final long serialVersionUID = -1758017251734637205L;

  /** The attacker target option value that selects Remark 1a (Z = Y + t·1). */
  public static final String SHIFT_TARGET = "shift";

  public static final int U_EXACT = 0;
  public static final int U_PAPER = 1;
  public static final Tag[] TAGS_U_UPDATE = {
      new Tag(U_EXACT, "exact", "exact nonnegative minimiser (accelerated projected gradient)", false),
      new Tag(U_PAPER, "paper", "as printed in Algorithm 1: unconstrained solve, then max(0, .)", false)};

  public static final int SOLVE_AUTO = 0;
  public static final int SOLVE_CHOLESKY = 1;
  public static final int SOLVE_CG = 2;
  public static final Tag[] TAGS_LINEAR_SOLVE = {
      new Tag(SOLVE_AUTO, "auto", "Gram Cholesky or conjugate gradients, by flop estimate", false),
      new Tag(SOLVE_CHOLESKY, "cholesky", "Cholesky of the min(m, N) Gram matrix", false),
      new Tag(SOLVE_CG, "cg", "conjugate gradients, warm-started", false)};

  public static final int STOP_CHANGE = 0;
  public static final int STOP_RESIDUALS = 1;
  public static final int STOP_PAPER = 2;
  public static final Tag[] TAGS_STOPPING = {
      new Tag(STOP_CHANGE, "change", "relative primal residual and relative change of (9) <= tolerance", false),
      new Tag(STOP_RESIDUALS, "residuals", "relative primal and dual residuals <= tolerance", false),
      new Tag(STOP_PAPER, "paper", "rule (26): ||Y - AX||^2 <= tolerance and ||A_k+1 - A_k||^2 <= tolerance", false)};

  public static final int SOLVER_ADMM = 0;
  public static final int SOLVER_GRADIENT = 1;
  public static final Tag[] TAGS_SOLVER = {
      new Tag(SOLVER_ADMM, "admm", "the paper's ADMM (Algorithm 1, corrected)", false),
      new Tag(SOLVER_GRADIENT, "gradient", "block-coordinate gradient, no m x N auxiliaries (sparse, large data)",
          false)};

  private static final AnmfOptions DEFAULTS = AnmfOptions.builder().build();

  protected double m_Alpha = DEFAULTS.alpha();
  protected double m_Beta = DEFAULTS.beta();
  protected double m_Gamma = DEFAULTS.gamma();
  protected double m_Lambda = DEFAULTS.lambda();
  protected double m_Mu = DEFAULTS.mu();
  protected int m_UUpdate = U_EXACT;
  protected int m_UInnerIterations = DEFAULTS.uInnerIterations();
  protected int m_LinearSolve = SOLVE_AUTO;
  protected boolean m_AdaptivePenalty = DEFAULTS.adaptivePenalty();
  protected double m_PenaltyFactor = DEFAULTS.penaltyFactor();
  protected double m_PenaltyThreshold = DEFAULTS.penaltyThreshold();
  protected boolean m_NoStartRescaling = !DEFAULTS.rescaleStart();
  protected int m_Stopping = STOP_CHANGE;
  protected int m_Solver = SOLVER_ADMM;
  protected String m_Target = SHIFT_TARGET;
  protected double m_Shift = -1;
  /** Set by a fit: the target actually used (with the drawn shift), for toString. */
  protected String m_TargetUsed;
  /** Set by a fit: the solver's description, for toString. */
  protected String m_SolverUsed;

  public String globalInfo() {
    return "Adversarial nonnegative matrix factorization (ANMF) as a clusterer. The data matrix Y "
        + "(attributes x instances, nonnegative) is factorized as A X, with an adversarial basis \u00c3 that "
        + "an attacker fits to a perturbed target Z: the model (9) of Luo, Zhang and Huang, "
        + "alpha ||\u00c3X - Y||^2 + beta ||AX - Y||^2 + gamma ||\u00c3(lambda I + XX^T) - (lambda A + Z X^T)||^2, "
        + "A, X >= 0, solved by the ADMM of their Algorithm 1 with its misprints corrected (see the "
        + "package's docs/ALGORITHM.md), or, with -solver gradient, by block-coordinate descent that needs no "
        + "attributes x instances auxiliary and keeps sparse data sparse (for large or text data). The target Z is the data shifted by t (Remark 1a; t uniform in "
        + "[0, 5 sigma] unless given) or the data passed through any Weka filter, e.g. a chain of the "
        + "package's noise filters (Remark 1b). Each instance goes to the cluster of its largest "
        + "coefficient; a new instance y gets the coefficients that minimise model (9) over the added column (A, \u00c3 and "
        + "the training X fixed, target z = y + t), the rule that also finishes the fit's X (-predict for "
        + "projection onto A or \u00c3 instead).\n\n"
        + "For more information see:\n\n" + getTechnicalInformation().toString();
  }

  @Override
  public TechnicalInformation getTechnicalInformation() {
    TechnicalInformation result = new TechnicalInformation(Type.INPROCEEDINGS);
    result.setValue(Field.AUTHOR, "Lei Luo and Yanfu Zhang and Heng Huang");
    result.setValue(Field.TITLE, "Adversarial Nonnegative Matrix Factorization");
    result.setValue(Field.BOOKTITLE, "Proceedings of the 37th International Conference on Machine Learning");
    result.setValue(Field.SERIES, "Proceedings of Machine Learning Research");
    result.setValue(Field.VOLUME, "119");
    result.setValue(Field.PAGES, "6479-6488");
    result.setValue(Field.YEAR, "2020");
    result.setValue(Field.PUBLISHER, "PMLR");
    return result;
  }

  /** The gradient solver fits a mask; the ADMM's auxiliaries need every entry. */
  @Override
  protected boolean fitsMissingValues() {
    return m_Solver == SOLVER_GRADIENT;
  }

  @Override
  protected String missingValuesAdvice() {
    return "the ADMM needs every entry: fit around them with -solver gradient, or impute them first (-missing mean)";
  }

  @Override
  protected String methodName() {
    return "ANMF";
  }

  @Override
  protected FactorizationSolver createSolver(Instances data, DataMatrix y, double dataScale, StoppingRule stopping,
      Random random) throws Exception {
    AttackerTarget target = attackerTarget(data, y, dataScale, random);
    m_TargetUsed = target.describe();
    FactorizationSolver solver = m_Solver == SOLVER_GRADIENT
        ? new AnmfGradientSolver(solverOptions(), target, stopping)
        : new AnmfAdmmSolver(solverOptions(), target, stopping);
    m_SolverUsed = solver.describe();
    return solver;
  }

  @Override
  protected String cheaperAlternative(DataMatrix y) {
    String general = super.cheaperAlternative(y);
    return m_Solver == SOLVER_GRADIENT ? general : "use -solver gradient, which forms no attributes x instances"
        + " auxiliary (about " + WorkingSet.readable(AnmfGradientSolver.workspaceBytes(y.rows(), y.cols(),
        m_NumClusters)) + " here), or " + general;
  }

  /** The options value for the core solver, built (and validated) from this clusterer's settings. */
  public AnmfOptions solverOptions() {
    return AnmfOptions.builder().alpha(m_Alpha).beta(m_Beta).gamma(m_Gamma).lambda(m_Lambda).mu(m_Mu)
        .uUpdate(m_UUpdate == U_PAPER ? AnmfOptions.UUpdate.PAPER_CLIP : AnmfOptions.UUpdate.EXACT_NONNEGATIVE)
        .uInnerIterations(m_UInnerIterations)
        .linearSolve(m_LinearSolve == SOLVE_CHOLESKY ? AnmfOptions.LinearSolve.GRAM_CHOLESKY
            : m_LinearSolve == SOLVE_CG ? AnmfOptions.LinearSolve.CONJUGATE_GRADIENT : AnmfOptions.LinearSolve.AUTO)
        .adaptivePenalty(m_AdaptivePenalty).penaltyFactor(m_PenaltyFactor).penaltyThreshold(m_PenaltyThreshold)
        .rescaleStart(!m_NoStartRescaling)
        .toleranceRule(m_Stopping == STOP_PAPER ? AnmfOptions.ToleranceRule.PAPER_RULE_26
            : m_Stopping == STOP_RESIDUALS ? AnmfOptions.ToleranceRule.RELATIVE_RESIDUALS
            : AnmfOptions.ToleranceRule.RELATIVE_CHANGE)
        .build();
  }

  /** Z from the target option: the shift of Remark 1a, or the data passed through a Weka filter (Remark 1b). */
  private AttackerTarget attackerTarget(Instances data, DataMatrix y, double dataScale, Random random)
      throws Exception {
    String spec = m_Target.trim();
    if (spec.isEmpty() || spec.equalsIgnoreCase(SHIFT_TARGET)) {
      if (m_Shift * dataScale > OverflowSafe.SAFE_MAX) {
        throw new IllegalArgumentException("ANMF: the shift (-shift " + m_Shift + ") is " + readable(m_Shift * dataScale)
            + " times the largest data value, too large for the squares the fit forms; give a shift of the"
            + " order of the data's values");
      }
      return m_Shift >= 0 ? AttackerTarget.shift(m_Shift * dataScale) : AttackerTarget.randomShift(y, random);
    }
    String[] parts = Utils.splitOptions(spec);
    String className = parts[0];
    parts[0] = "";
    Filter filter;
    try {
      filter = (Filter) Utils.forName(Filter.class, className, parts);
    } catch (Exception e) {
      throw new IllegalArgumentException("ANMF: cannot create the target filter '" + spec + "' (-target): "
          + e.getMessage(), e);
    }
    requireAttributeFilter(filter, spec);
    // each instance carries its row number as its weight through a filter that keeps weights, so one
    // that reorders the rows is caught even when it keeps the shape
    Instances numbered = new Instances(data);
    boolean carriesWeights = filter instanceof WeightedInstancesHandler;
    for (int j = 0; carriesWeights && j < numbered.numInstances(); j++) {
      numbered.instance(j).setWeight(j + 1);
    }
    filter.setInputFormat(numbered);
    Instances target = Filter.useFilter(numbered, filter);
    if (target.numInstances() != data.numInstances() || target.numAttributes() != data.numAttributes()) {
      throw new IllegalArgumentException("ANMF: the target filter '" + spec + "' turned " + data.numInstances()
          + " instances x " + data.numAttributes() + " attributes into " + target.numInstances() + " x "
          + target.numAttributes() + "; the attacker target Z must keep the data's shape");
    }
    String headerChange = data.equalHeadersMsg(target);
    if (headerChange != null) {
      throw new IllegalArgumentException("ANMF: the target filter '" + spec + "' changed the attributes (" + headerChange
          + "); Z must keep each attribute in its place (no Reorder, no renaming), only its values may change");
    }
    requireRowsInPlace(target, spec);
    int[] features = WekaData.featureIndices(target);
    WekaData.requireNonnegative(target, features, "ANMF target filter '" + spec + "'");
    DenseMatrix z = WekaData.toMatrix(target, features).toDense();
    MatrixOps.scale(z, dataScale);
    return AttackerTarget.explicit(z);
  }

  /**
   * {@link #adoptFit(Instances, NmfClustering, double)} for a fit of model (9) made elsewhere, with
   * the descriptions of its solver and attacker target for {@link #toString()}.
   */
  public void adoptFit(Instances header, NmfClustering model, double fitSeconds, String solverDescription,
      String targetDescription) {
    adoptFit(header, model, fitSeconds);
    m_SolverUsed = solverDescription;
    m_TargetUsed = targetDescription;
  }

  /**
   * Refuses Weka's instance filters (package {@code weka.filters.*.instance}: Randomize, Resample,
   * RemovePercentage...), alone or as a stage of a MultiFilter: they move, drop or repeat rows.
   */
  private static void requireAttributeFilter(Filter filter, String spec) {
    if (filter instanceof MultiFilter) {
      for (Filter stage : ((MultiFilter) filter).getFilters()) {
        requireAttributeFilter(stage, spec);
      }
    } else if (filter.getClass().getName().matches("weka\\.filters\\.(un)?supervised\\.instance\\..*")) {
      throw new IllegalArgumentException("ANMF: the target filter '" + spec + "' uses " + filter.getClass().getName()
          + ", an instance filter: it moves, drops or repeats rows, and Z must keep instance j in row j."
          + " Use attribute filters (e.g. the package's noise filters) for the target");
    }
  }

  /** Refuses a target whose rows came back in another order (weights dropped by the filter cannot be checked). */
  private static void requireRowsInPlace(Instances target, String spec) {
    boolean weightsKept = false;
    for (int j = 0; j < target.numInstances(); j++) {
      double weight = target.instance(j).weight();
      weightsKept |= weight != 1.0;
      if (weightsKept && weight != j + 1) {
        throw new IllegalArgumentException("ANMF: the target filter '" + spec + "' moved the instances: row " + (j + 1)
            + " of its output is instance " + Utils.doubleToString(weight, 0) + " of the data. Z must keep instance j"
            + " in row j, so filters that reorder or resample rows (Randomize, Resample) cannot make the target");
      }
    }
  }

  @Override
  protected void describeModel(StringBuilder text) {
    text.append("Attacker target Z: ").append(m_TargetUsed).append('\n');
    text.append("Solver: ").append(m_SolverUsed).append('\n');
  }

  // ------------------------------------------------------------------ model access

  /** Ã (attributes x clusters), the attacker's basis, copy; in the scaled units of the fit. */
  public double[][] getAdversarialBasis() {
    Factorization fit = getFactorization();
    if (fit == null) {
      throw new IllegalStateException("ANMF: no model built yet; call buildClusterer first");
    }
    return fit.adversarialBasis().toArray();
  }

  /** Relative primal residual per iteration (entry 0 is NaN: before the first iteration); null unless ADMM. */
  public double[] getPrimalResidualTrace() {
    return requireFit().trace(AnmfAdmmSolver.PRIMAL_RESIDUAL);
  }

  /** Relative dual residual per iteration (entry 0 is NaN); null unless the solver is the ADMM. */
  public double[] getDualResidualTrace() {
    return requireFit().trace(AnmfAdmmSolver.DUAL_RESIDUAL);
  }

  private Factorization requireFit() {
    Factorization fit = getFactorization();
    if (fit == null) {
      throw new IllegalStateException("ANMF: no model built yet; call buildClusterer first");
    }
    return fit;
  }

  @Override
  public Enumeration<String> enumerateMeasures() {
    Vector<String> names = new Vector<String>(Collections.list(super.enumerateMeasures()));
    names.add("measurePrimalResidual");
    names.add("measureDualResidual");
    return names.elements();
  }

  @Override
  public double getMeasure(String measureName) {
    if (measureName.equalsIgnoreCase("measurePrimalResidual")) {
      return lastOrNaN(getPrimalResidualTrace());
    }
    if (measureName.equalsIgnoreCase("measureDualResidual")) {
      return lastOrNaN(getDualResidualTrace());
    }
    return super.getMeasure(measureName);
  }

  /** The last entry of a trace, or NaN if the solver keeps no such trace (the gradient solver: no residuals). */
  private static double lastOrNaN(double[] trace) {
    return trace == null ? Double.NaN : trace[trace.length - 1];
  }

  // ------------------------------------------------------------------ options

  @Override
  public Enumeration<Option> listOptions() {
    Vector<Option> options = new Vector<Option>();
    options.add(new Option("\talpha, weight of ||\u00c3X - Y||^2.\n\t(default " + DEFAULTS.alpha() + ")", "alpha", 1,
        "-alpha <num>"));
    options.add(new Option("\tbeta, weight of ||AX - Y||^2.\n\t(default " + DEFAULTS.beta() + ")", "beta", 1,
        "-beta <num>"));
    options.add(new Option("\tgamma, weight of the attacker's optimality residual.\n\t(default "
        + DEFAULTS.gamma() + ")", "gamma", 1, "-gamma <num>"));
    options.add(new Option("\tlambda, the attacker's pull towards A.\n\t(default " + DEFAULTS.lambda() + ")",
        "lambda", 1, "-lambda <num>"));
    options.add(new Option("\tSolver: admm (the paper's Algorithm 1) or gradient (block-coordinate,\n"
        + "\tmemory O((m + N) n), sparse data stay sparse; ignores the ADMM-only\n"
        + "\toptions mu, U, inner, solve, adaptive-penalty, penalty-* and stop, and stops\n"
        + "\ton the relative change of the objective).\n\t(default admm)",
        "solver", 1, "-solver <admm|gradient>"));
    options.add(new Option("\tmu, the ADMM penalty (its start value when adaptive).\n\t(default "
        + DEFAULTS.mu() + ")", "mu", 1, "-mu <num>"));
    options.add(new Option("\tU update: exact (nonnegative minimiser) or paper (printed clip).\n\t(default exact)",
        "U", 1, "-U <exact|paper>"));
    options.add(new Option("\tInner iterations of the exact U update.\n\t(default " + DEFAULTS.uInnerIterations()
        + ")", "inner", 1, "-inner <num>"));
    options.add(new Option("\tLinear solve of the paper U update: auto, cholesky or cg.\n\t(default auto)",
        "solve", 1, "-solve <auto|cholesky|cg>"));
    options.add(new Option("\tAdapt the penalty mu by residual balancing (Boyd et al. 2011, 3.4.1)\n"
        + "\tinstead of keeping it fixed (the paper).", "adaptive-penalty", 0, "-adaptive-penalty"));
    options.add(new Option("\tFactor by which an adaptive mu grows or shrinks.\n\t(default "
        + DEFAULTS.penaltyFactor() + ")", "penalty-factor", 1, "-penalty-factor <num>"));
    options.add(new Option("\tResidual ratio that triggers a change of an adaptive mu.\n\t(default "
        + DEFAULTS.penaltyThreshold() + ")", "penalty-threshold", 1, "-penalty-threshold <num>"));
    options.add(new Option("\tDo not rescale X0 by <A0X0, Y> / ||A0X0||^2 (the paper does not).",
        "no-start-rescaling", 0, "-no-start-rescaling"));
    options.add(new Option("\tStopping rule: change (relative primal residual and relative change\n"
        + "\tof the objective), residuals (relative primal and dual residuals) or paper (rule 26).\n"
        + "\t(default change)", "stop", 1, "-stop <change|residuals|paper>"));
    options.add(new Option("\tAttacker target Z: 'shift' (Z = Y + t, Remark 1a) or a Weka filter\n"
        + "\tspecification applied to the data (Remark 1b), e.g.\n"
        + "\t\"weka.filters.unsupervised.attribute.SaltAndPepperNoise -P 10 -S 2\".\n\t(default shift)",
        "target", 1, "-target <shift|filter spec>"));
    options.add(new Option("\tShift t of the 'shift' target, in the data's units; negative: draw t\n"
        + "\tuniformly from [0, 5 sigma] (sigma: std of the entries of Y), as the paper.\n\t(default -1)",
        "shift", 1, "-shift <num>"));
    options.addAll(Collections.list(super.listOptions()));
    return options.elements();
  }

  @Override
  public void setOptions(String[] options) throws Exception {
    setAlpha(doubleOption("alpha", options, DEFAULTS.alpha()));
    setBeta(doubleOption("beta", options, DEFAULTS.beta()));
    setGamma(doubleOption("gamma", options, DEFAULTS.gamma()));
    setLambda(doubleOption("lambda", options, DEFAULTS.lambda()));
    setSolver(tagOption("solver", options, TAGS_SOLVER, SOLVER_ADMM));
    setMu(doubleOption("mu", options, DEFAULTS.mu()));
    setUUpdate(tagOption("U", options, TAGS_U_UPDATE, U_EXACT));
    setUInnerIterations(intOption("inner", options, DEFAULTS.uInnerIterations()));
    setLinearSolve(tagOption("solve", options, TAGS_LINEAR_SOLVE, SOLVE_AUTO));
    setAdaptivePenalty(Utils.getFlag("adaptive-penalty", options));
    setPenaltyFactor(doubleOption("penalty-factor", options, DEFAULTS.penaltyFactor()));
    setPenaltyThreshold(doubleOption("penalty-threshold", options, DEFAULTS.penaltyThreshold()));
    setNoStartRescaling(Utils.getFlag("no-start-rescaling", options));
    setStopping(tagOption("stop", options, TAGS_STOPPING, STOP_CHANGE));
    String target = Utils.getOption("target", options);
    setTarget(target.isEmpty() ? SHIFT_TARGET : target);
    setShift(doubleOption("shift", options, -1));
    super.setOptions(options);
  }

  @Override
  public String[] getOptions() {
    List<String> options = new ArrayList<String>();
    Collections.addAll(options, "-alpha", "" + m_Alpha, "-beta", "" + m_Beta, "-gamma", "" + m_Gamma,
        "-lambda", "" + m_Lambda, "-solver", tagName(TAGS_SOLVER, m_Solver), "-mu", "" + m_Mu,
        "-U", tagName(TAGS_U_UPDATE, m_UUpdate),
        "-inner", "" + m_UInnerIterations, "-solve", tagName(TAGS_LINEAR_SOLVE, m_LinearSolve));
    if (m_AdaptivePenalty) {
      options.add("-adaptive-penalty");
    }
    Collections.addAll(options, "-penalty-factor", "" + m_PenaltyFactor, "-penalty-threshold",
        "" + m_PenaltyThreshold);
    if (m_NoStartRescaling) {
      options.add("-no-start-rescaling");
    }
    Collections.addAll(options, "-stop", tagName(TAGS_STOPPING, m_Stopping), "-target", m_Target,
        "-shift", "" + m_Shift);
    Collections.addAll(options, super.getOptions());
    return options.toArray(new String[0]);
  }

  // ------------------------------------------------------------------ properties

  private static double positive(String option, double value) {
    if (!(value >= AnmfOptions.MIN_WEIGHT && value <= AnmfOptions.MAX_WEIGHT)) {
      throw new IllegalArgumentException("ANMF: " + option + " must be a number in [" + AnmfOptions.MIN_WEIGHT
          + ", " + AnmfOptions.MAX_WEIGHT + "] (products of weights further from 1 with the data's squares"
          + " leave double precision), got " + value);
    }
    return value;
  }

  public double getAlpha() {
    return m_Alpha;
  }

  public void setAlpha(double value) {
    m_Alpha = positive("alpha (-alpha)", value);
  }

  public String alphaTipText() {
    return "Weight alpha of the fit of the adversarial reconstruction, ||\u00c3X - Y||^2 (paper: 0.6).";
  }

  public double getBeta() {
    return m_Beta;
  }

  public void setBeta(double value) {
    m_Beta = positive("beta (-beta)", value);
  }

  public String betaTipText() {
    return "Weight beta of the fit of the clean reconstruction, ||AX - Y||^2 (paper: 1e-5).";
  }

  public double getGamma() {
    return m_Gamma;
  }

  public void setGamma(double value) {
    m_Gamma = positive("gamma (-gamma)", value);
  }

  public String gammaTipText() {
    return "Weight gamma of the penalty that makes \u00c3 the attacker's best response (paper: 1e-3); "
        + "lower it if a fit diverges.";
  }

  public double getLambda() {
    return m_Lambda;
  }

  public void setLambda(double value) {
    m_Lambda = positive("lambda (-lambda)", value);
  }

  public String lambdaTipText() {
    return "The attacker's cost lambda ||\u00c3 - A||^2 for moving away from A (paper: 1e-3).";
  }

  public double getMu() {
    return m_Mu;
  }

  public void setMu(double value) {
    m_Mu = positive("mu (-mu)", value);
  }

  public String muTipText() {
    return "The ADMM penalty mu (paper: 1; default 100, which reaches feasibility within the iteration budget "
        + "on real data, see docs/ALGORITHM.md); the start value when the penalty is adaptive.";
  }

  public SelectedTag getUUpdate() {
    return new SelectedTag(m_UUpdate, TAGS_U_UPDATE);
  }

  public void setUUpdate(SelectedTag value) {
    if (value.getTags() == TAGS_U_UPDATE) {
      m_UUpdate = value.getSelectedTag().getID();
    }
  }

  public String UUpdateTipText() {
    return "How the U sub-problem is solved: exact nonnegative minimiser, or as printed in the paper "
        + "(unconstrained solve, then negatives set to 0).";
  }

  public int getUInnerIterations() {
    return m_UInnerIterations;
  }

  public void setUInnerIterations(int value) {
    if (value < 1) {
      throw new IllegalArgumentException("ANMF: inner iterations (-inner) must be at least 1, got " + value);
    }
    m_UInnerIterations = value;
  }

  public String UInnerIterationsTipText() {
    return "Accelerated projected-gradient steps per exact U update (warm-started).";
  }

  public SelectedTag getLinearSolve() {
    return new SelectedTag(m_LinearSolve, TAGS_LINEAR_SOLVE);
  }

  public void setLinearSolve(SelectedTag value) {
    if (value.getTags() == TAGS_LINEAR_SOLVE) {
      m_LinearSolve = value.getSelectedTag().getID();
    }
  }

  public String linearSolveTipText() {
    return "The linear solve of the paper's U update: Cholesky of the min(m, N) Gram matrix, conjugate "
        + "gradients, or whichever is cheaper.";
  }

  public boolean getAdaptivePenalty() {
    return m_AdaptivePenalty;
  }

  public void setAdaptivePenalty(boolean value) {
    m_AdaptivePenalty = value;
  }

  public String adaptivePenaltyTipText() {
    return "Adapt mu by balancing primal and dual residuals; off by default, since on ANMF the dual residual "
        + "stays large (the model has no minimiser along a scaling direction) and mu collapses.";
  }

  public double getPenaltyFactor() {
    return m_PenaltyFactor;
  }

  public void setPenaltyFactor(double value) {
    if (!(value > 1.0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("ANMF: penalty factor (-penalty-factor) must be finite and > 1, got "
          + value);
    }
    m_PenaltyFactor = value;
  }

  public String penaltyFactorTipText() {
    return "Factor by which an adaptive mu is multiplied or divided.";
  }

  public double getPenaltyThreshold() {
    return m_PenaltyThreshold;
  }

  public void setPenaltyThreshold(double value) {
    if (!(value > 1.0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("ANMF: penalty threshold (-penalty-threshold) must be finite and > 1,"
          + " got " + value);
    }
    m_PenaltyThreshold = value;
  }

  public String penaltyThresholdTipText() {
    return "An adaptive mu changes when one residual exceeds the other by this ratio.";
  }

  public boolean getNoStartRescaling() {
    return m_NoStartRescaling;
  }

  public void setNoStartRescaling(boolean value) {
    m_NoStartRescaling = value;
  }

  public String noStartRescalingTipText() {
    return "Start from X0 as the initialisation gives it (the paper) instead of rescaling it to fit Y.";
  }

  public SelectedTag getSolver() {
    return new SelectedTag(m_Solver, TAGS_SOLVER);
  }

  public void setSolver(SelectedTag value) {
    if (value.getTags() == TAGS_SOLVER) {
      m_Solver = value.getSelectedTag().getID();
    }
  }

  public String solverTipText() {
    return "admm: the paper's Algorithm 1 (corrected), the default. gradient: block-coordinate descent on A, "
        + "\u00c3 and X (exact sweeps on A and \u00c3, Armijo projected gradient on X) that never forms an "
        + "attributes x instances matrix and keeps sparse data sparse, for large or text data; it minimises the "
        + "same objective (9) with \u00c3 >= 0, ignores the ADMM-only options and stops on the relative "
        + "change of the objective.";
  }

  public SelectedTag getStopping() {
    return new SelectedTag(m_Stopping, TAGS_STOPPING);
  }

  public void setStopping(SelectedTag value) {
    if (value.getTags() == TAGS_STOPPING) {
      m_Stopping = value.getSelectedTag().getID();
    }
  }

  public String stoppingTipText() {
    return "Convergence test with the tolerance: relative primal residual and relative change of the "
        + "objective, relative primal and dual residuals, or the paper's rule (26), which uses absolute squared "
        + "norms and is rarely met on real data.";
  }

  public String getTarget() {
    return m_Target;
  }

  public void setTarget(String value) {
    m_Target = value == null || value.trim().isEmpty() ? SHIFT_TARGET : value;
  }

  public String targetTipText() {
    return "The attacker's target Z: 'shift' for Z = Y + t (Remark 1a), or a filter specification (class name "
        + "and options) applied to the training data, e.g. a MultiFilter chain of the package's noise filters "
        + "(Remark 1b).";
  }

  public double getShift() {
    return m_Shift;
  }

  public void setShift(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new IllegalArgumentException("ANMF: shift (-shift) must be a finite number, got " + value);
    }
    m_Shift = value;
  }

  public String shiftTipText() {
    return "The shift t of the 'shift' target in the data's units; negative draws t uniformly from "
        + "[0, 5 sigma] with the seed, as the paper.";
  }

  @Override
  public String getRevision() {
    return RevisionUtils.extract("$Revision: 1 $");
  }

  public static void main(String[] args) {
    runClusterer(new ANMF(), args);
  }
}
