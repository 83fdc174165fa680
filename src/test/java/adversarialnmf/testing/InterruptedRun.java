package adversarialnmf.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a long piece of work on another thread, interrupts it once it is under way (as Weka's Stop
 * button does) and reports how it ended and how long after the interrupt.
 */
public final class InterruptedRun {

  /** The work to stop. */
  public interface Work {
    void run() throws Exception;
  }

  /** How long the work runs before the interrupt: long enough to be inside the fit. */
  private static final long RUN_BEFORE_INTERRUPT_MS = 400;
  /** The bound on how long the work may take to stop (it checks once per iteration, milliseconds). */
  public static final long STOP_BOUND_MS = 2000;

  private final Throwable failure;
  private final long stopMillis;

  private InterruptedRun(Throwable failure, long stopMillis) {
    this.failure = failure;
    this.stopMillis = stopMillis;
  }

  /** Starts {@code work}, interrupts it, waits for it to end (failing if it is not under way or does not end). */
  public static InterruptedRun of(Work work) throws InterruptedException {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread thread = new Thread(() -> {
      try {
        work.run();
      } catch (Throwable t) {
        failure.set(t);
      }
    }, "interrupted work");
    thread.start();
    Thread.sleep(RUN_BEFORE_INTERRUPT_MS);
    assertTrue(thread.isAlive(), "the work ended before the interrupt (" + failure.get()
        + "): make it longer, or the test shows nothing");
    long interrupted = System.nanoTime();
    thread.interrupt();
    thread.join(60_000);
    long stopMillis = (System.nanoTime() - interrupted) / 1_000_000;
    assertFalse(thread.isAlive(), "the work ignored the interrupt for a minute");
    return new InterruptedRun(failure.get(), stopMillis);
  }

  /** What the work threw (null if it returned normally). */
  public Throwable failure() {
    return failure;
  }

  /** Milliseconds from the interrupt to the end of the work. */
  public long stopMillis() {
    return stopMillis;
  }

  /** Asserts that the work ended within {@link #STOP_BOUND_MS} by throwing {@code type}; returns it. */
  public <T extends Throwable> T assertStoppedWith(Class<T> type) {
    assertTrue(type.isInstance(failure), "expected " + type.getSimpleName() + ", got " + failure);
    assertTrue(stopMillis <= STOP_BOUND_MS, "took " + stopMillis + " ms to stop after the interrupt");
    return type.cast(failure);
  }
}
