package adversarialnmf.weka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.solver.FitInterruptedException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import weka.gui.Logger;

class WekaErrorsTest {

  private static final String SOLVER = "ANMF (ADMM; alpha=0.6 beta=1.0E-5 gamma=0.001 lambda=0.001 mu=10.0, U update"
      + " exact (≤ 20 inner steps), start rescaled, stop relative change; shift Z = Y + 0.7174187327518853)";

  /** The status line the Explorer's log shows, as Weka's LogPanel keeps it. */
  private static final class StatusLine implements Logger {
    final List<String> shown = new ArrayList<>();

    @Override
    public void logMessage(String message) {
    }

    @Override
    public void statusMessage(String message) {
      shown.add(message);
    }
  }

  @Test
  void aStoppedFitIsTwoShortLinesAndReplacesTheProgressInTheStatusLine() {
    FitInterruptedException stopped = new FitInterruptedException(SOLVER, "iteration 264 of 100000");
    StatusLine status = new StatusLine();
    FitLogs.bindToCurrentThread(status);
    InterruptedException weka;
    try {
      weka = WekaErrors.interrupted("weka.clusterers.ANMF", stopped);
    } finally {
      FitLogs.unbindCurrentThread();
    }
    assertEquals("weka.clusterers.ANMF was stopped at iteration 264 of 100000.\n"
        + "Nothing was changed; it can be run again.", weka.getMessage());
    assertEquals(List.of("weka.clusterers.ANMF was stopped at iteration 264 of 100000."), status.shown);
    assertSame(stopped, weka.getCause());
    assertTrue(stopped.getMessage().contains(SOLVER + " at iteration 264 of 100000"), stopped.getMessage());
  }

  @Test
  void withoutAStepItNamesTheActivityAndWithoutALogItTouchesNoStatus() {
    InterruptedException weka = WekaErrors.interrupted("NMF", new FitInterruptedException("k-means++ seeding"));
    assertEquals("NMF was stopped in k-means++ seeding.\nNothing was changed; it can be run again.", weka.getMessage());
  }
}
