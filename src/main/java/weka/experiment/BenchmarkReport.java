package weka.experiment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * The paper-style tables of a {@link RobustnessBenchmark}: per metric, one row per (recipe, data
 * set) and one column per clusterer, each cell mean ± standard deviation over the seeds (sample
 * standard deviation, n − 1; the mean alone when only one seed completed). The best mean of a
 * row is bold; a dagger marks a best that is not significantly better than the runner-up by a
 * two-sided paired t-test over the seeds both completed. Rendered as Markdown, LaTeX and CSV.
 */
final class BenchmarkReport {

  /** A metric as (title in the tables, column of {@link BenchmarkResult}). */
  static final String[][] METRICS = {{"ACC", "accuracy"}, {"NMI", "nmi"}};

  private static final String DAGGER_NOTE = "not significantly better than the runner-up";

  private final List<String> datasets;
  private final List<CorruptionRecipe> recipes;
  private final List<String> clusterers;
  private final List<Integer> seeds;
  private final double alpha;
  /** metric -> recipe -> dataset -> cells per clusterer. */
  private final Map<String, Map<String, Map<String, Cell[]>>> cells = new HashMap<>();

  /** One table cell: the scores of one clusterer over the seeds. */
  static final class Cell {
    /** Score per seed, NaN where the run failed or is missing. */
    final double[] bySeed;
    final int successes;
    final int failures;
    final double mean;
    final double std;
    boolean best;
    /** Best, but not significantly better than the runner-up (or untestable). */
    boolean notSignificant;
    /** Two-sided paired t-test p-value of the best against the runner-up (best cell only). */
    double pValue = Double.NaN;

    Cell(double[] bySeed, int failures) {
      this.bySeed = bySeed;
      this.failures = failures;
      int n = 0;
      double sum = 0.0;
      for (double v : bySeed) {
        if (!Double.isNaN(v)) {
          n++;
          sum += v;
        }
      }
      successes = n;
      mean = n == 0 ? Double.NaN : sum / n;
      double squares = 0.0;
      for (double v : bySeed) {
        if (!Double.isNaN(v)) {
          squares += (v - mean) * (v - mean);
        }
      }
      std = n < 2 ? Double.NaN : Math.sqrt(squares / (n - 1));
    }
  }

  BenchmarkReport(List<String> datasets, List<CorruptionRecipe> recipes, List<String> clusterers,
      List<Integer> seeds, double alpha, Map<String, BenchmarkResult> resultsByCellKey) {
    this.datasets = datasets;
    this.recipes = recipes;
    this.clusterers = clusterers;
    this.seeds = seeds;
    this.alpha = alpha;
    for (String[] metric : METRICS) {
      Map<String, Map<String, Cell[]>> byRecipe = new HashMap<>();
      for (CorruptionRecipe recipe : recipes) {
        Map<String, Cell[]> byDataset = new HashMap<>();
        for (String dataset : datasets) {
          Cell[] row = new Cell[clusterers.size()];
          for (int c = 0; c < row.length; c++) {
            double[] values = new double[seeds.size()];
            int failures = 0;
            for (int s = 0; s < values.length; s++) {
              BenchmarkResult result = resultsByCellKey.get(cellKey(dataset, recipe.name(), clusterers.get(c),
                  seeds.get(s)));
              values[s] = result != null && result.ok() ? result.metric(metric[1]) : Double.NaN;
              if (result != null && !result.ok()) {
                failures++;
              }
            }
            row[c] = new Cell(values, failures);
          }
          markBest(row);
          byDataset.put(dataset, row);
        }
        byRecipe.put(recipe.name(), byDataset);
      }
      cells.put(metric[0], byRecipe);
    }
  }

  static String cellKey(String dataset, String recipe, String clusterer, int seed) {
    return dataset + '\u0000' + recipe + '\u0000' + clusterer + '\u0000' + seed;
  }

  Cell cell(String metric, String recipe, String dataset, int clusterer) {
    return cells.get(metric).get(recipe).get(dataset)[clusterer];
  }

  private void markBest(Cell[] row) {
    int best = -1;
    int runnerUp = -1;
    for (int c = 0; c < row.length; c++) {
      if (Double.isNaN(row[c].mean)) {
        continue;
      }
      if (best < 0 || row[c].mean > row[best].mean) {
        runnerUp = best;
        best = c;
      } else if (runnerUp < 0 || row[c].mean > row[runnerUp].mean) {
        runnerUp = c;
      }
    }
    if (best < 0) {
      return;
    }
    for (Cell cell : row) {
      if (cell.mean == row[best].mean) {
        cell.best = true;
      }
    }
    if (runnerUp < 0) {
      return;
    }
    Cell top = row[best];
    top.pValue = pairedPValue(top.bySeed, row[runnerUp].bySeed);
    for (Cell cell : row) {
      if (cell.best) {
        cell.notSignificant = !(top.pValue < alpha && top.mean > row[runnerUp].mean);
        cell.pValue = top.pValue;
      }
    }
  }

  /** Two-sided paired t-test over the seeds where both completed; NaN when untestable. */
  static double pairedPValue(double[] first, double[] second) {
    List<double[]> pairs = new ArrayList<>();
    boolean anyDifference = false;
    for (int s = 0; s < first.length; s++) {
      if (!Double.isNaN(first[s]) && !Double.isNaN(second[s])) {
        pairs.add(new double[] {first[s], second[s]});
        anyDifference |= first[s] != second[s];
      }
    }
    if (pairs.size() < 2 || !anyDifference) {
      return Double.NaN;
    }
    double[] x = new double[pairs.size()];
    double[] y = new double[pairs.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = pairs.get(i)[0];
      y[i] = pairs.get(i)[1];
    }
    return new TTest().pairedTTest(x, y);
  }

  // ------------------------------------------------------------------ rendering

  private String value(Cell cell) {
    if (cell.successes == 0) {
      return cell.failures > 0 ? "failed" : "–";
    }
    return Double.isNaN(cell.std) ? String.format(Locale.ROOT, "%.4f", cell.mean)
        : String.format(Locale.ROOT, "%.4f ± %.4f", cell.mean, cell.std);
  }

  private String failureNote(Cell cell) {
    return cell.failures > 0 && cell.successes > 0 ? " (" + cell.failures + "/" + seeds.size() + " failed)" : "";
  }

  String markdown() {
    StringBuilder text = new StringBuilder();
    for (String[] metric : METRICS) {
      text.append("### ").append(metric[0]).append(" (mean ± std over ").append(seeds.size())
          .append(seeds.size() == 1 ? " seed" : " seeds").append(")\n\n");
      text.append("| Noise | Data set |");
      for (String clusterer : clusterers) {
        text.append(' ').append(clusterer.replace("|", "\\|")).append(" |");
      }
      text.append("\n|---|---|");
      for (int c = 0; c < clusterers.size(); c++) {
        text.append("---|");
      }
      text.append('\n');
      for (CorruptionRecipe recipe : recipes) {
        for (String dataset : datasets) {
          text.append("| ").append(recipe.name()).append(" | ").append(dataset).append(" |");
          for (int c = 0; c < clusterers.size(); c++) {
            Cell cell = cell(metric[0], recipe.name(), dataset, c);
            String shown = value(cell);
            if (cell.best) {
              shown = "**" + shown + "**" + (cell.notSignificant ? " †" : "");
            }
            text.append(' ').append(shown).append(failureNote(cell)).append(" |");
          }
          text.append('\n');
        }
      }
      text.append("\nBold: best mean of the row. †: ").append(DAGGER_NOTE).append(" (two-sided paired t-test over ")
          .append("seeds, α = ").append(alpha).append(").\n\n");
    }
    return text.toString();
  }

  String latex() {
    StringBuilder text =
        new StringBuilder("% generated by weka.experiment.RobustnessBenchmark; needs \\usepackage{booktabs}\n");
    for (String[] metric : METRICS) {
      text.append("\\begin{table}\n\\centering\n\\caption{").append(metric[0]).append(" (mean $\\pm$ std over ")
          .append(seeds.size()).append(" seeds). Bold: best; $^\\dagger$: ").append(DAGGER_NOTE)
          .append(" (paired $t$-test, $\\alpha = ").append(alpha).append("$).}\n");
      text.append("\\begin{tabular}{ll");
      for (int c = 0; c < clusterers.size(); c++) {
        text.append('c');
      }
      text.append("}\n\\toprule\nNoise & Data set");
      for (String clusterer : clusterers) {
        text.append(" & ").append(tex(clusterer));
      }
      text.append(" \\\\\n\\midrule\n");
      for (CorruptionRecipe recipe : recipes) {
        for (String dataset : datasets) {
          text.append(tex(recipe.name())).append(" & ").append(tex(dataset));
          for (int c = 0; c < clusterers.size(); c++) {
            Cell cell = cell(metric[0], recipe.name(), dataset, c);
            text.append(" & ");
            if (cell.successes == 0) {
              text.append(value(cell).equals("failed") ? "failed" : "--");
              continue;
            }
            String number = Double.isNaN(cell.std) ? String.format(Locale.ROOT, "%.4f", cell.mean)
                : String.format(Locale.ROOT, "%.4f \\pm %.4f", cell.mean, cell.std);
            text.append('$').append(cell.best ? "\\mathbf{" + number + "}" : number)
                .append(cell.best && cell.notSignificant ? "^\\dagger" : "").append('$');
            if (cell.failures > 0) {
              text.append(" (").append(cell.failures).append(" failed)");
            }
          }
          text.append(" \\\\\n");
        }
      }
      text.append("\\bottomrule\n\\end{tabular}\n\\end{table}\n\n");
    }
    return text.toString();
  }

  private static String tex(String text) {
    return text.replace("\\", "\\textbackslash{}").replace("_", "\\_").replace("&", "\\&").replace("%", "\\%")
        .replace("#", "\\#").replace("$", "\\$");
  }

  String summaryCsv() {
    StringBuilder text = new StringBuilder(BenchmarkResult.csvLine(new String[] {"metric", "recipe", "dataset",
        "clusterer", "mean", "std", "successes", "failures", "best", "best_not_significant", "p_value_vs_runner_up"}))
        .append('\n');
    for (String[] metric : METRICS) {
      for (CorruptionRecipe recipe : recipes) {
        for (String dataset : datasets) {
          for (int c = 0; c < clusterers.size(); c++) {
            Cell cell = cell(metric[0], recipe.name(), dataset, c);
            text.append(BenchmarkResult.csvLine(new String[] {metric[0], recipe.name(), dataset, clusterers.get(c),
                number(cell.mean), number(cell.std), "" + cell.successes, "" + cell.failures,
                cell.best ? "1" : "0", cell.best && cell.notSignificant ? "1" : "0",
                cell.best ? number(cell.pValue) : ""})).append('\n');
          }
        }
      }
    }
    return text.toString();
  }

  private static String number(double value) {
    return Double.isNaN(value) ? "" : Double.toString(value);
  }
}
