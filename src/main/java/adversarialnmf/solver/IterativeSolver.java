package adversarialnmf.solver;

import adversarialnmf.linalg.Blas;
import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.Parallelism;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The shared run loop of every solver: start, then {update; record objective; test convergence}
 * until the tolerance or the iteration cap. A method supplies only its per-fit {@link Run}. An
 * interrupt of the running thread ends the fit with a {@link FitInterruptedException} before the
 * next iteration; methods with long inner loops also check between their inner steps.
 */
public abstract class IterativeSolver implements FactorizationSolver {

  protected final StoppingRule stopping;
  private Parallelism parallelism = Parallelism.allProcessors();

  protected IterativeSolver(StoppingRule stopping) {
    this.stopping = stopping;
  }

  /**
   * Fits on at most {@code threads} threads of our kernels (the default is all processors);
   * returns this solver. A native BLAS keeps its own thread count ({@link Parallelism}).
   */
  public IterativeSolver onThreads(Parallelism threads) {
    this.parallelism = java.util.Objects.requireNonNull(threads, "parallelism");
    return this;
  }

  /** The threads this solver's fits may use. */
  public Parallelism parallelism() {
    return parallelism;
  }

  public StoppingRule stoppingRule() {
    return stopping;
  }

  /** Creates the per-fit state (copies of the start and workspaces). */
  protected abstract Run start(DataMatrix y, Factors start);

  /**
   * What to tell the user when the iterates stop being finite (which option to lower); for the
   * plain NMF losses only the scale of the data can overflow.
   */
  protected String divergenceHint() {
    return "the data probably hold values too large for double precision; use the scaling option";
  }

  /**
   * True if the method fits only the observed entries when Y has missing ones ({@link
   * DataMatrix#missing()}); otherwise such data are refused.
   */
  public boolean fitsMissingEntries() {
    return false;
  }

  /** Why the method cannot fit around missing entries and what to do instead. */
  protected String missingEntriesHint() {
    return "it has no masked form; impute the missing values first (-missing mean)";
  }

  /** The per-iteration traces (at most four, up to the iteration cap) and {@link #workspaceBytes}. */
  @Override
  public final long workingSetBytes(DataMatrix y, int rank) {
    return WorkingSet.doubles(4L * (stopping.maxIterations() + 1L)) + workspaceBytes(y, rank);
  }

  /** The workspaces of one fit; by default a dozen factor-sized matrices (no m x N one). */
  protected long workspaceBytes(DataMatrix y, int rank) {
    return WorkingSet.factorSized(y.rows(), y.cols(), rank);
  }

  @Override
  public final Factorization fit(DataMatrix y, Factors start) {
    return fit(y, start, null);
  }

  @Override
  public final Factorization fit(DataMatrix y, Factors start, ProgressListener listener) {
    return parallelism.within(() -> runFit(y, start, listener));
  }

  private Factorization runFit(DataMatrix y, Factors start, ProgressListener listener) {
    if (start.basis().rows() != y.rows() || start.coefficients().cols() != y.cols()) {
      throw new IllegalArgumentException("start factors " + start.basis().shape() + " x "
          + start.coefficients().shape() + " do not fit data " + y.rows() + "x" + y.cols());
    }
    if (!fitsMissingEntries() && !y.missing().isEmpty()) {
      throw new IllegalArgumentException(describe() + " cannot fit data with " + y.missing().count()
          + " missing values: " + missingEntriesHint());
    }
    return run(start(y, start), fit -> complete(y, start, fit), listener);
  }

  /**
   * Fits from column blocks (in this JVM or on a cluster): X0 lives in the blocks' states;
   * {@code start} holds A0 and the same X0 (for the measures of how far the fit moved). The result holds X gathered from the blocks. Steps run in this thread (local blocks)
   * use this solver's threads; on a cluster each task uses its executor's.
   */
  public final Factorization fit(ColumnBlocks blocks, Factors start) {
    return fit(blocks, start, null);
  }

  /** {@link #fit(ColumnBlocks, Factors)}, telling {@code listener} (may be null) where the fit stands, as the in-memory fit does. */
  public final Factorization fit(ColumnBlocks blocks, Factors start, ProgressListener listener) {
    return parallelism.within(() -> runFit(blocks, start, listener));
  }

  private Factorization runFit(ColumnBlocks blocks, Factors start, ProgressListener listener) {
    DenseMatrix startBasis = start.basis();
    if (start.coefficients().cols() != blocks.columns()) {
      throw new IllegalArgumentException("start coefficients " + start.coefficients().shape() + " do not fit "
          + blocks.columns() + " instances in column blocks");
    }
    if (startBasis.rows() != blocks.rows()) {
      throw new IllegalArgumentException("start basis " + startBasis.shape() + " does not fit data of "
          + blocks.rows() + " attributes");
    }
    BlockIteration iteration = startBlocks(blocks, startBasis);
    return run(new Run() {
      @Override
      protected void iterate() {
        iteration.iterate();
      }

      @Override
      protected double objective() {
        return iteration.objective();
      }

      @Override
      protected boolean isFinite() {
        return iteration.isFinite();
      }

      @Override
      protected void finish(Factorization.Builder result, int iterations) {
        iteration.finish(result, iterations);
      }
    }, fit -> completeBlocks(blocks, start, fit), listener);
  }

  /** The per-fit state over column blocks; a method without a block form refuses. */
  protected BlockIteration startBlocks(ColumnBlocks blocks, DenseMatrix startBasis) {
    throw new UnsupportedOperationException(describe() + " has no column-block form");
  }

  /** True if {@link #fit(ColumnBlocks, Factors)} is supported. */
  public boolean hasBlockForm() {
    return false;
  }

  private Factorization run(Run run, java.util.function.UnaryOperator<Factorization> completion,
      ProgressListener listener) {
    int cap = stopping.maxIterations();
    double[] objective = new double[cap + 1];
    objective[0] = run.objective();
    if (!Double.isFinite(objective[0])) {
      // a NaN start would otherwise make every later comparison false, or a stall look converged
      throw new FactorizationDivergedException(describe() + ": the objective at the start is " + objective[0]
          + " (the data or the start factors hold NaN, infinity or values too large to square): "
          + divergenceHint());
    }
    int iteration = 0;
    StopReason reason = StopReason.MAX_ITERATIONS;
    long started = System.nanoTime();
    long lastReport = started;
    while (iteration < cap) {
      if (Thread.interrupted()) {
        throw new FitInterruptedException(describe(), "iteration " + (iteration + 1) + " of " + cap);
      }
      try {
        run.iterate();
      } catch (FitInterruptedException inside) {
        // an inner loop saw the flag: report the iteration it was in, as a stop between iterations is
        throw new FitInterruptedException(describe() + ", in " + inside.activity(),
            "iteration " + (iteration + 1) + " of " + cap);
      }
      iteration++;
      double value = run.objective();
      if (!Double.isFinite(value) || !run.isFinite()) {
        throw new FactorizationDivergedException(describe() + " diverged at iteration " + iteration
            + " (objective " + value + "): " + divergenceHint());
      }
      objective[iteration] = value;
      if (run.converged(objective[iteration - 1], value)) {
        reason = StopReason.CONVERGED;
        break;
      }
      if (listener != null && iteration < cap) {
        long now = System.nanoTime();
        if (now - lastReport >= listener.intervalNanos()) {
          lastReport = now;
          Map<String, Double> measures = new LinkedHashMap<>();
          run.addProgressMeasures(measures);
          listener.progress(new FitProgress(iteration, cap, value, measures, now - started));
        }
      }
    }
    Factorization.Builder result = Factorization.builder()
        .objectiveTrace(Arrays.copyOf(objective, iteration + 1))
        .iterations(iteration)
        .stopReason(reason)
        .linearAlgebra(Blas.selected().describe());
    run.finish(result, iteration);
    return completion.apply(result.build());
  }

  /**
   * The fit with what only the method knows attached: its out-of-sample rule (docs/ALGORITHM.md §7)
   * and any named summary measures. By default the rule of every Frobenius loss, NNLS onto A.
   */
  protected Factorization complete(DataMatrix y, Factors start, Factorization fit) {
    return fit.completed(new NonnegativeProjection(fit.basis()), java.util.Collections.emptyMap());
  }

  /**
   * {@link #complete} for a fit made on column blocks, where Y is reached only through them; by
   * default the same NNLS rule, which needs nothing of Y.
   */
  protected Factorization completeBlocks(ColumnBlocks blocks, Factors start, Factorization fit) {
    return fit.completed(new NonnegativeProjection(fit.basis()), java.util.Collections.emptyMap());
  }

  /**
   * One fit in block form ({@link ColumnBlocks}): the same four duties as a {@link Run}, with the
   * data and X reached only through the blocks.
   */
  public interface BlockIteration {
    void iterate();

    double objective();

    boolean isFinite();

    void finish(Factorization.Builder result, int iterations);
  }

  /** The state of one fit. */
  protected abstract class Run {

    /** One full update of every block of variables. */
    protected abstract void iterate();

    /** The method's own objective at the current iterate. */
    protected abstract double objective();

    /** True if the current factors hold no NaN or infinity. */
    protected abstract boolean isFinite();

    /** Puts the factors and any extra traces (first {@code iterations + 1} entries) into the result. */
    protected abstract void finish(Factorization.Builder result, int iterations);

    /** Adds the method's own convergence measures at the current iterate to a progress report. */
    protected void addProgressMeasures(Map<String, Double> measures) {
    }

    /** The convergence test; by default the relative change of the objective. */
    protected boolean converged(double previousObjective, double objective) {
      return stopping.relativeChangeBelow(previousObjective, objective);
    }
  }
}
