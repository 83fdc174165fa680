package adversarialnmf.cluster;

import adversarialnmf.init.Initialization;
import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MissingValues;
import adversarialnmf.linalg.Parallelism;
import adversarialnmf.solver.Factorization;
import adversarialnmf.solver.FactorizationSolver;
import adversarialnmf.solver.Factors;
import adversarialnmf.solver.FitInterruptedException;
import adversarialnmf.solver.IterativeSolver;
import adversarialnmf.solver.OutOfSampleRule;
import adversarialnmf.solver.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Training data held as one matrix in this JVM (attributes x instances). */
public final class InMemoryData implements TrainingData {

  private final DataMatrix y;
  /** Y mean-imputed for the start (Y itself when nothing is missing), made on first use. */
  private DataMatrix startData;

  public InMemoryData(DataMatrix y) {
    this.y = y;
  }

  @Override
  public int rows() {
    return y.rows();
  }

  @Override
  public int columns() {
    return y.cols();
  }

  @Override
  public int missingCount() {
    return y.missing().count();
  }

  @Override
  public TrainingData withMissingValues(MissingValues policy) {
    DataMatrix prepared = policy.prepare(y);
    return prepared == y ? this : new InMemoryData(prepared);
  }

  @Override
  public boolean isSparse() {
    return InstancePreprocessing.isSparseData(y);
  }

  @Override
  public int[] documentFrequencies() {
    return InstancePreprocessing.documentFrequencies(y);
  }

  @Override
  public TrainingData preprocessed(InstancePreprocessing preprocessing) {
    return preprocessing.isIdentity() ? this : new InMemoryData(preprocessing.apply(y, 1.0));
  }

  @Override
  public double max() {
    return y.max();
  }

  @Override
  public TrainingData scaled(double factor) {
    return factor == 1.0 ? this : new InMemoryData(y.scaled(factor));
  }

  @Override
  public boolean columnBlocks() {
    return false;
  }

  @Override
  public DataMatrix summary() {
    return y;
  }

  @Override
  public Factors start(Initialization initialization, int rank, Random random) {
    if (startData == null) {
      startData = MissingValues.imputeAttributeMeans(y);
    }
    return initialization.initialize(startData, rank, random);
  }

  /**
   * One start after another, each fit on all the slots, or, with several starts and slots, up to
   * one fit per slot at once, each sequential. A fit's result does not depend on the thread count,
   * so both give the same bits.
   */
  @Override
  public Factorization[] fit(FactorizationSolver solver, Factors[] starts, Parallelism slots,
      ProgressListener listener) {
    Factorization[] fits = new Factorization[starts.length];
    int workers = Math.min(starts.length, slots.threads());
    if (workers <= 1 || !(solver instanceof IterativeSolver)) {
      if (solver instanceof IterativeSolver) {
        ((IterativeSolver) solver).onThreads(slots);
      }
      for (int r = 0; r < starts.length; r++) {
        fits[r] = solver.fit(y, starts[r], listener);
      }
      return fits;
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
      return fits;
    } catch (InterruptedException e) { // the flag is cleared, as FitInterruptedException promises
      throw new FitInterruptedException("the restarts");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw cause instanceof RuntimeException ? (RuntimeException) cause : new IllegalStateException(cause);
    } finally {
      pool.shutdownNow(); // interrupts the fits still running, which then stop at their next check
    }
  }

  @Override
  public DenseMatrix coefficients(OutOfSampleRule rule) {
    return rule.coefficients(y);
  }
}
