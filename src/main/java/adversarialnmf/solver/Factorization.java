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
    int n = basis.cols();
    double[] norms = new double[n];
    for (int r = 0; r < n; r++) {
      norms[r] = OverflowSafe.norm(basis.data(), r, n, basis.rows());
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
    double[] norms = basisColumnNorms();
    int n = coefficients.rows();
    int count = coefficients.cols();
    int[] labels = new int[count];
    for (int j = 0; j < count; j++) {
      int best = 0;
      double bestValue = Double.NEGATIVE_INFINITY;
      for (int r = 0; r < n; r++) {
        double v = norms[r] * coefficients.get(r, j);
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

    public Factorization build() {
      if (basis == null || coefficients == null || objectiveTrace == null || objectiveTrace.length == 0) {
        throw new IllegalStateException("a factorization needs A, X and a non-empty objective trace");
      }
      return new Factorization(this);
    }
  }
}
