package adversarialnmf.linalg;

import java.io.Serializable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * How many tasks a kernel may split its work into: a small immutable value that solvers carry in
 * their options. A solver runs its fit {@link #within} its value, which makes it the default of
 * every {@link MatrixOps} and {@link DataMatrix} call on that thread for the duration of the fit
 * (calls may also pass a value explicitly); outside any fit the default is all processors. Tasks
 * run on the common fork-join pool plus the calling thread. A native BLAS ({@link Blas}) runs on
 * its own threads, set for the process by its environment (OPENBLAS_NUM_THREADS for OpenBLAS).
 *
 * <p>Every kernel splits its output, never a sum: each entry is accumulated by one task in a fixed
 * order, so results are bit-for-bit identical for every thread count, including 1.
 */
public final class Parallelism implements Serializable {

  private static final long serialVersionUID = -2713958410936281765L;

  /** Everything on the calling thread. */
  public static final Parallelism SEQUENTIAL = new Parallelism(1);

  private static final Parallelism ALL_PROCESSORS =
      new Parallelism(Runtime.getRuntime().availableProcessors());

  /** The value of the innermost {@link #within} on each thread. */
  private static final ThreadLocal<Parallelism> SCOPE = new ThreadLocal<>();

  /** Below this many multiply-adds a product is not worth a task switch. */
  static final long MIN_WORK_PER_TASK = 1L << 16;

  private final int threads;

  private Parallelism(int threads) {
    this.threads = threads;
  }

  /** Up to {@code threads} tasks at once; 1 means sequential. */
  public static Parallelism threads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("number of threads must be at least 1, got " + threads);
    }
    return threads == 1 ? SEQUENTIAL : new Parallelism(threads);
  }

  /** One task per available processor: the default of every kernel. */
  public static Parallelism allProcessors() {
    return ALL_PROCESSORS;
  }

  /**
   * {@code slots} threads, Weka's "number of execution slots": 0 means one per available
   * processor, 1 sequential.
   */
  public static Parallelism executionSlots(int slots) {
    if (slots < 0) {
      throw new IllegalArgumentException("-num-slots " + slots + ": the number of execution slots must be 0"
          + " (one per available processor) or more");
    }
    return slots == 0 ? ALL_PROCESSORS : threads(slots);
  }

  public int threads() {
    return threads;
  }

  /** The default of kernel calls on this thread: the innermost {@link #within}, else all processors. */
  public static Parallelism current() {
    Parallelism scoped = SCOPE.get();
    return scoped == null ? ALL_PROCESSORS : scoped;
  }

  /** Runs {@code body} with this value as the default of the kernel calls it makes on this thread. */
  public <T> T within(java.util.function.Supplier<T> body) {
    Parallelism outer = SCOPE.get();
    SCOPE.set(this);
    try {
      return body.get();
    } finally {
      if (outer == null) {
        SCOPE.remove();
      } else {
        SCOPE.set(outer);
      }
    }
  }

  /** The body of a task that owns the units [from, to). */
  public interface RangeTask {
    void run(int from, int to);
  }

  /**
   * Runs {@code body} over {@code units} independent units (rows of a factor, say) cut into equal
   * ranges, one task per range, as many as the threads and the work ({@code workPerUnit}
   * multiply-adds a unit) are worth; each unit is done by one task, so the result does not depend
   * on the thread count when the units are independent.
   */
  public void forRanges(int units, long workPerUnit, RangeTask body) {
    int tasks = tasksFor(workPerUnit * units, units);
    run(tasks, t -> body.run(split(units, tasks, t), split(units, tasks, t + 1)));
  }

  /** The body of one task: works on task number {@code task} of {@code tasks}. */
  interface Task {
    void run(int task);
  }

  /**
   * How many tasks to use for {@code work} multiply-adds over {@code units} independent output
   * units (rows, columns): at most one per thread and per unit, each worth a task switch.
   */
  int tasksFor(long work, int units) {
    long byWork = Math.max(1L, work / MIN_WORK_PER_TASK);
    return (int) Math.max(1L, Math.min(Math.min(threads, units), byWork));
  }

  /** Runs tasks 0..tasks-1, task 0 on the calling thread, and waits for all. */
  void run(int tasks, Task body) {
    if (tasks <= 1) {
      body.run(0);
      return;
    }
    ForkJoinTask<?>[] forked = new ForkJoinTask<?>[tasks - 1];
    ForkJoinPool pool = ForkJoinPool.commonPool();
    for (int t = 1; t < tasks; t++) {
      int task = t;
      forked[t - 1] = pool.submit(() -> body.run(task));
    }
    RuntimeException failure = null;
    try {
      body.run(0);
    } catch (RuntimeException e) {
      failure = e;
    }
    for (ForkJoinTask<?> f : forked) {
      try {
        f.join();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Start of part {@code task} when {@code count} units are cut into {@code tasks} equal parts. */
  static int split(int count, int tasks, int task) {
    return (int) ((long) count * task / tasks);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Parallelism && ((Parallelism) o).threads == threads;
  }

  @Override
  public int hashCode() {
    return threads;
  }

  @Override
  public String toString() {
    return threads == 1 ? "sequential" : threads + " threads";
  }
}
