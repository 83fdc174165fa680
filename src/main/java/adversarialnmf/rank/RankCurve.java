package adversarialnmf.rank;

import java.util.Locale;

/**
 * The held-out error of every rank over the repeats of {@link RankCrossValidation}, and the two
 * ranks it suggests: the one with the lowest mean error, and the smallest rank whose mean error is
 * within one standard error of that lowest mean (the one-standard-error rule of Breiman et al.
 * 1984, which prefers the simpler model when the curve is flat). Immutable.
 */
public final class RankCurve {

  private final int[] ranks;
  /** errors[r][k]: mean squared error on the held-out entries of repeat k at ranks[r]. */
  private final double[][] errors;
  private final double[] seconds;
  private final double[] means;
  private final double[] standardErrors;
  private final int lowest;
  private final int withinOneStandardError;

  /** Takes copies; ranks increasing, each row of errors one value per repeat (at least 2). */
  public RankCurve(int[] ranks, double[][] errors, double[] seconds) {
    if (ranks.length == 0 || errors.length != ranks.length || seconds.length != ranks.length) {
      throw new IllegalArgumentException(ranks.length + " ranks, " + errors.length + " error rows and "
          + seconds.length + " timings");
    }
    this.ranks = ranks.clone();
    this.errors = new double[ranks.length][];
    this.seconds = seconds.clone();
    this.means = new double[ranks.length];
    this.standardErrors = new double[ranks.length];
    for (int r = 0; r < ranks.length; r++) {
      this.errors[r] = errors[r].clone();
      means[r] = mean(errors[r]);
      standardErrors[r] = standardError(errors[r], means[r]);
    }
    this.lowest = lowestMean(means);
    this.withinOneStandardError = smallestWithin(means, means[lowest] + standardErrors[lowest]);
  }

  /** The sample standard deviation over the repeats divided by √repeats. */
  static double standardError(double[] values, double mean) {
    int count = values.length;
    if (count < 2) {
      throw new IllegalArgumentException("a standard error needs at least 2 repeats, got " + count);
    }
    double squares = 0.0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    return Math.sqrt(squares / (count - 1) / count);
  }

  private static double mean(double[] values) {
    double sum = 0.0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  /** The first index of the lowest value. */
  private static int lowestMean(double[] values) {
    int best = 0;
    for (int r = 1; r < values.length; r++) {
      if (values[r] < values[best]) {
        best = r;
      }
    }
    return best;
  }

  private static int smallestWithin(double[] values, double bound) {
    int r = 0;
    while (values[r] > bound) {
      r++;
    }
    return r;
  }

  public int size() {
    return ranks.length;
  }

  public int rank(int r) {
    return ranks[r];
  }

  /** The ranks tried, increasing (a copy). */
  public int[] ranks() {
    return ranks.clone();
  }

  /** The held-out mean squared error of each repeat at rank index r (a copy). */
  public double[] errors(int r) {
    return errors[r].clone();
  }

  /** The mean over the repeats of the held-out mean squared error at rank index r. */
  public double meanError(int r) {
    return means[r];
  }

  /** The standard error of {@link #meanError(int)}. */
  public double standardError(int r) {
    return standardErrors[r];
  }

  /** Seconds spent fitting rank index r, over all repeats. */
  public double seconds(int r) {
    return seconds[r];
  }

  /** The rank with the lowest mean held-out error (the smaller on ties). */
  public int lowestErrorRank() {
    return ranks[lowest];
  }

  /** The smallest rank whose mean held-out error is at most the lowest mean plus its standard error. */
  public int oneStandardErrorRank() {
    return ranks[withinOneStandardError];
  }

  /** One line per rank: mean error, standard error, seconds; then the two suggestions. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "%5s %14s %14s %9s%n", "rank", "held-out MSE", "std. error", "seconds"));
    double total = 0.0;
    for (int r = 0; r < ranks.length; r++) {
      String mark = r == withinOneStandardError ? "  <- 1-SE rule" : r == lowest ? "  <- lowest" : "";
      text.append(String.format(Locale.ROOT, "%5d %14.6g %14.3g %9.1f%s%n", ranks[r], means[r], standardErrors[r],
          seconds[r], mark));
      total += seconds[r];
    }
    text.append(String.format(Locale.ROOT, "(%d repeats, %.1f seconds in all)%n", errors[0].length, total));
    text.append("Lowest held-out error: rank ").append(lowestErrorRank()).append('\n');
    text.append("Suggested rank (smallest within one standard error of the lowest): ")
        .append(oneStandardErrorRank()).append('\n');
    return text.toString();
  }

  /** rank, mean, standard error, seconds, then one column per repeat. */
  public String toCsv() {
    StringBuilder csv = new StringBuilder("rank,heldout_mse,standard_error,seconds");
    for (int k = 0; k < errors[0].length; k++) {
      csv.append(",repeat").append(k + 1);
    }
    csv.append('\n');
    for (int r = 0; r < ranks.length; r++) {
      csv.append(String.format(Locale.ROOT, "%d,%.8g,%.8g,%.2f", ranks[r], means[r], standardErrors[r], seconds[r]));
      for (double e : errors[r]) {
        csv.append(String.format(Locale.ROOT, ",%.8g", e));
      }
      csv.append('\n');
    }
    return csv.toString();
  }
}
