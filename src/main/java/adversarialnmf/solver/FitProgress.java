package adversarialnmf.solver;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where a running fit stands: iteration, objective, the solver's own convergence measures (e.g.
 * ANMF's primal and dual residuals) and the time spent, with an estimate of the time left at
 * the iteration cap (the fit may converge earlier).
 */
public final class FitProgress {

  private final int iteration;
  private final int maxIterations;
  private final double objective;
  private final Map<String, Double> measures;
  private final long elapsedNanos;

  public FitProgress(int iteration, int maxIterations, double objective, Map<String, Double> measures,
      long elapsedNanos) {
    this.iteration = iteration;
    this.maxIterations = maxIterations;
    this.objective = objective;
    this.measures = Collections.unmodifiableMap(new LinkedHashMap<>(measures));
    this.elapsedNanos = elapsedNanos;
  }

  public int iteration() {
    return iteration;
  }

  public int maxIterations() {
    return maxIterations;
  }

  public double objective() {
    return objective;
  }

  /** The solver's extra measures at this iteration, by name (empty for most methods). */
  public Map<String, Double> measures() {
    return measures;
  }

  public double elapsedSeconds() {
    return elapsedNanos / 1e9;
  }

  /** Seconds left if every remaining iteration up to the cap takes the mean time so far. */
  public double secondsLeftAtCap() {
    return iteration == 0 ? Double.NaN : elapsedSeconds() / iteration * (maxIterations - iteration);
  }

  /** One line for a status bar or log: "iteration 40/200, objective 12.3, ..., at most about 9 s left". */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("iteration ").append(iteration).append('/')
        .append(maxIterations).append(", objective ").append(String.format(Locale.ROOT, "%.6g", objective));
    for (Map.Entry<String, Double> measure : measures.entrySet()) {
      text.append(", ").append(measure.getKey()).append(' ')
          .append(String.format(Locale.ROOT, "%.3g", measure.getValue()));
    }
    double left = secondsLeftAtCap();
    text.append(String.format(Locale.ROOT, ", %.0f s so far", elapsedSeconds()));
    if (Double.isFinite(left)) {
      text.append(String.format(Locale.ROOT, ", at most about %.0f s left", left));
    }
    return text.toString();
  }
}
