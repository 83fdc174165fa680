package adversarialnmf.solver;

import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.OverflowSafe;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The immutable result of a fit: the basis A (m x n), the coefficients X (n x N), for ANMF the
 * adversarial basis Ã, the objective per iteration (entry 0 is the objective at the start) and any
 * further per-iteration traces (e.g. ADMM residuals). Getters return copies.
 */
public final class Factorization implements Serializable {

  private static final long serialVersionUID = 1489930274521830265L;

  private final DenseMatrix basis;
  private final DenseMatrix coefficients;
  private final DenseMatrix adversarialBasis;
  private final double[] objectiveTrace;
  private final Map<String, double[]> traces;
  private final int iterations;
  private final StopReason stopReason;
  private final String linearAlgebra;
  /** Null when the producer attached none: then NNLS onto A (the Frobenius rule). */
  private final OutOfSampleRule outOfSampleRule;
  private final Map<String, Double> measures;

  private Factorization(Builder b) {
    this.basis = b.basis.copy();
    this.coefficients = b.coefficients.copy();
    this.adversarialBasis = b.adversarialBasis == null ? null : b.adversarialBasis.copy();
    this.objectiveTrace = b.objectiveTrace.clone();
    LinkedHashMap<String, double[]> copy = new LinkedHashMap<>();
    b.traces.forEach((k, v) -> copy.put(k, v.clone()));
    this.traces = copy;
    this.iterations = b.iterations;
    this.stopReason = b.stopReason;
    this.linearAlgebra = b.linearAlgebra;
    this.outOfSampleRule = b.outOfSampleRule;
    this.measures = Collections.emptyMap();
  }

  /** The same fit carrying {@code rule} and {@code measures} (matrices shared: neither hands them out). */
  private Factorization(Factorization fit, OutOfSampleRule rule, Map<String, Double> measures) {
    this.basis = fit.basis;
    this.coefficients = fit.coefficients;
    this.adversarialBasis = fit.adversarialBasis;
    this.objectiveTrace = fit.objectiveTrace;
    this.traces = fit.traces;
    this.iterations = fit.iterations;
    this.stopReason = fit.stopReason;
    this.linearAlgebra = fit.linearAlgebra;
    this.outOfSampleRule = rule;
    this.measures = Collections.unmodifiableMap(new LinkedHashMap<>(measures));
  }

  /** This fit with its method's out-of-sample rule and named summary measures attached. */
  public Factorization completed(OutOfSampleRule rule, Map<String, Double> measures) {
    if (rule.dimension() != basis.rows() || rule.rank() != basis.cols()) {
      throw new IllegalArgumentException("an out-of-sample rule of dimension " + rule.dimension() + " and rank "
          + rule.rank() + " does not fit a basis " + basis.shape());
    }
    return new Factorization(this, rule, measures);
  }

  /** Named summary measures of the fit, in the order the method gives them (e.g. ANMF's diagnostics). */
  public Map<String, Double> measures() {
    return measures;
  }

  /**
   * The method's rule for coefficients of new columns (docs/ALGORITHM.md §7): the minimiser over the
   * column of the method's objective with the fitted factors fixed. NNLS onto A unless the solver
   * attached its own.
   */
  public OutOfSampleRule outOfSampleRule() {
    return outOfSampleRule != null ? outOfSampleRule : new NonnegativeProjection(basis);
  }

  public DenseMatrix basis() {
    return basis.copy();
  }

  public DenseMatrix coefficients() {
    return coefficients.copy();
  }

  /** Ã for ANMF, null for methods without an adversarial basis. */
  public DenseMatrix adversarialBasis() {
    return adversarialBasis == null ? null : adversarialBasis.copy();
  }

  public boolean hasAdversarialBasis() {
    return adversarialBasis != null;
  }

  public int rank() {
    return basis.cols();
  }

  /** Objective per iteration; entry 0 is the objective of the starting point. */
  public double[] objectiveTrace() {
    return objectiveTrace.clone();
  }

  public double finalObjective() {
    return objectiveTrace[objectiveTrace.length - 1];
  }

  /** Names of the extra traces (e.g. "primal residual"). */
  public Iterable<String> traceNames() {
    return Collections.unmodifiableSet(traces.keySet());
  }

  /** A named per-iteration trace, or null. */
  public double[] trace(String name) {
    double[] t = traces.get(name);
    return t == null ? null : t.clone();
  }

  public int iterations() {
    return iterations;
  }

  /** Which linear algebra computed the fit ({@link adversarialnmf.linalg.Blas#describe()}), or "unknown". */
  public String linearAlgebra() {
    return linearAlgebra == null ? "unknown" : linearAlgebra;
  }

  public StopReason stopReason() {
    return stopReason;
  }

  public boolean converged() {
    return stopReason == StopReason.CONVERGED;
  }

  /** ‖a_r‖ for every column r of the basis A. */
  public double[] basisColumnNorms() {
    return columnNorms(basis);
  }

  /** The Euclidean norm of every column of b. */
  public static double[] columnNorms(DenseMatrix b) {
    int n = b.cols();
    double[] norms = new double[n];
    for (int r = 0; r < n; r++) {
      norms[r] = OverflowSafe.norm(b.data(), r, n, b.rows());
    }
    return norms;
  }

  /**
   * Cluster of each instance by the paper's rule, the largest coefficient, taken on the scale-free
   * form of the factorization: A's columns normalised to unit length and X's rows scaled to
   * compensate (as Deng Cai's NMF code does), so the labels do not depend on how a solver happens
   * to split scale between A and X.
   */
  public int[] argmaxAssignments() {
    return argmax(coefficients, basisColumnNorms());
  }

  /** For every column j of x, the r that maximises norms[r] · x[r, j] (the first on ties). */
  public static int[] argmax(DenseMatrix x, double[] norms) {
    int n = x.rows();
    int count = x.cols();
    int[] labels = new int[count];
    for (int j = 0; j < count; j++) {
      int best = 0;
      double bestValue = Double.NEGATIVE_INFINITY;
      for (int r = 0; r < n; r++) {
        double v = norms[r] * x.get(r, j);
        if (v > bestValue) {
          bestValue = v;
          best = r;
        }
      }
      labels[j] = best;
    }
    return labels;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Assembles a {@link Factorization}; matrices are copied on {@link #build()}. */
  public static final class Builder {
    private DenseMatrix basis;
    private DenseMatrix coefficients;
    private DenseMatrix adversarialBasis;
    private double[] objectiveTrace;
    private final Map<String, double[]> traces = new LinkedHashMap<>();
    private int iterations;
    private StopReason stopReason = StopReason.MAX_ITERATIONS;
    private String linearAlgebra;
    private OutOfSampleRule outOfSampleRule;

    public Builder factors(DenseMatrix basis, DenseMatrix coefficients) {
      this.basis = basis;
      this.coefficients = coefficients;
      return this;
    }

    public Builder adversarialBasis(DenseMatrix adversarialBasis) {
      this.adversarialBasis = adversarialBasis;
      return this;
    }

    public Builder objectiveTrace(double[] trace) {
      this.objectiveTrace = trace;
      return this;
    }

    public Builder trace(String name, double[] trace) {
      traces.put(name, trace);
      return this;
    }

    public Builder iterations(int iterations) {
      this.iterations = iterations;
      return this;
    }

    public Builder stopReason(StopReason reason) {
      this.stopReason = reason;
      return this;
    }

    public Builder linearAlgebra(String description) {
      this.linearAlgebra = description;
      return this;
    }

    public Builder outOfSampleRule(OutOfSampleRule rule) {
      this.outOfSampleRule = rule;
      return this;
    }

    public Factorization build() {
      if (basis == null || coefficients == null || objectiveTrace == null || objectiveTrace.length == 0) {
        throw new IllegalStateException("a factorization needs A, X and a non-empty objective trace");
      }
      return new Factorization(this);
    }
  }
}
