package adversarialnmf.solver.anmf;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.solver.Factors;

/**
 * For the benchmark's flop count: replays the ADMM iterations a fit runs and reports how many
 * inner steps the nonnegative U solve took (the only data-dependent part of the work).
 */
public final class AdmmWorkProbe {

  private AdmmWorkProbe() {
  }

  /** Inner U steps of iterations {@code from..to} (1-based, inclusive) from this start. */
  public static long innerSteps(DataMatrix y, AttackerTarget target, AnmfModel model, AdmmSettings settings,
      Factors start, int from, int to) {
    AdmmState state = new AdmmState(y, target, model, settings, start);
    long steps = 0;
    for (int iteration = 1; iteration <= to; iteration++) {
      state.iterate();
      if (iteration >= from) {
        steps += state.lastInnerIterations;
      }
    }
    return steps;
  }
}
