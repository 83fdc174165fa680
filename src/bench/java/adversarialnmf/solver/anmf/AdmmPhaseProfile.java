package adversarialnmf.solver.anmf;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.solver.Factors;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * For the benchmark's per-phase profile: runs the ADMM iterations of a fit one update at a time
 * (the order of {@link AdmmState#iterate}) and adds up the wall time of each phase, with the two
 * objective evaluations a fit makes per iteration (objective (9) at the feasible point and the
 * settling tracker's).
 */
public final class AdmmPhaseProfile {

  private AdmmPhaseProfile() {
  }

  /** Nanoseconds per phase over iterations {@code from..to} (1-based, inclusive), and "inner U steps". */
  public static Map<String, Double> profile(DataMatrix y, AttackerTarget target, AnmfModel model,
      AdmmSettings settings, Factors start, int from, int to) {
    AdmmState state = new AdmmState(y, target, model, settings, start);
    AnmfObjective objective = new AnmfObjective(y, target, model, start.rank());
    SettlingTracker settling = new SettlingTracker(start.basis(), y.cols(), to);
    adversarialnmf.linalg.DenseMatrix a = start.basis().copy();
    adversarialnmf.linalg.DenseMatrix adv = start.basis().copy();
    adversarialnmf.linalg.DenseMatrix x = start.coefficients().copy();
    objective.evaluate(a, adv, x);
    settling.record(0, a, x, objective);
    Map<String, Double> nanos = new LinkedHashMap<>();
    String[] phases = {"H", "B, J", "U", "B~", "A", "A~", "X", "multipliers and residuals",
        "feasible point", "objective (9)", "settling tracker"};
    for (String phase : phases) {
      nanos.put(phase, 0.0);
    }
    double innerSteps = 0;
    for (int iteration = 1; iteration <= to; iteration++) {
      boolean timed = iteration >= from;
      long[] t = new long[phases.length + 1];
      t[0] = System.nanoTime();
      state.rememberIterate();
      state.updateH();
      t[1] = System.nanoTime();
      state.updateB();
      state.updateJ();
      t[2] = System.nanoTime();
      state.updateU();
      t[3] = System.nanoTime();
      state.updateAdversarialB();
      t[4] = System.nanoTime();
      state.updateA();
      t[5] = System.nanoTime();
      state.updateAdversarialBasis();
      t[6] = System.nanoTime();
      state.updateX();
      t[7] = System.nanoTime();
      state.updateMultipliers();
      t[8] = System.nanoTime();
      state.feasibleFactors(a, adv, x);
      t[9] = System.nanoTime();
      objective.evaluate(a, adv, x);
      t[10] = System.nanoTime();
      settling.record(iteration, a, x, objective);
      t[11] = System.nanoTime();
      if (timed) {
        for (int p = 0; p < phases.length; p++) {
          nanos.merge(phases[p], (double) (t[p + 1] - t[p]), Double::sum);
        }
        innerSteps += state.lastInnerIterations;
      }
    }
    nanos.put("inner U steps", innerSteps);
    return nanos;
  }
}
