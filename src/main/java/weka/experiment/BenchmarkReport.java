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

  /** What a reader of tables.md needs beside the numbers: data, chance levels, recipes, settings. */
  static final class Setting {
    /** Per data set: instances, classes, instances of the largest class. */
    final Map<String, int[]> dataFacts;
    /** Per clusterer label: its command line. */
    final Map<String, String> specs;
    /** Per clusterer label: its iteration cap, if it has one. */
    final Map<String, Integer> iterationCaps;
    final String nmiNormalization;
    final Map<String, BenchmarkResult> results;

    Setting(Map<String, int[]> dataFacts, Map<String, String> specs, Map<String, Integer> iterationCaps,
        String nmiNormalization, Map<String, BenchmarkResult> results) {
      this.dataFacts = dataFacts;
      this.specs = specs;
      this.iterationCaps = iterationCaps;
      this.nmiNormalization = nmiNormalization;
      this.results = results;
    }
  }

  /** The facts {@link Setting} keeps of one data set (class attribute set). */
  static int[] dataFacts(weka.core.Instances data) {
    int[] counts = data.attributeStats(data.classIndex()).nominalCounts;
    int largest = 0;
    for (int count : counts) {
      largest = Math.max(largest, count);
    }
    return new int[] {data.numInstances(), data.numClasses(), largest};
  }

  /** tables.md: the settings, the tables, how the runs converged and a one-line verdict. */
  String standAloneMarkdown(Setting setting) {
    StringBuilder text = new StringBuilder("# RobustnessBenchmark results\n\n");
    text.append("Each run clusters one data set, corrupted by one recipe with one seed, into as many clusters as ")
        .append("it has classes, and scores the clusters against the classes on every instance: ACC under the best ")
        .append("one-to-one matching of clusters to classes (Hungarian), NMI with the normalisation `")
        .append(setting.nmiNormalization).append("` (-nmi). Seeds ").append(seeds.get(0)).append("..")
        .append(seeds.get(seeds.size() - 1)).append(" (each seed drives the corruption and the clusterer).\n\n");
    text.append("| Data set | n | classes | chance ACC (one cluster: largest class share) | chance NMI |\n")
        .append("|---|---|---|---|---|\n");
    for (String dataset : datasets) {
      int[] facts = setting.dataFacts.get(dataset);
      text.append("| ").append(dataset).append(" | ").append(facts[0]).append(" | ").append(facts[1]).append(" | ")
          .append(String.format(Locale.ROOT, "%.4f", facts[2] / (double) facts[0])).append(" | 0 |\n");
    }
    text.append("\nCorruption recipes (stage 1 is applied to the data; ANMF's default target adds the later ")
        .append("stages, docs/NOISE.md):\n\n");
    for (CorruptionRecipe recipe : recipes) {
      text.append("- `").append(recipe.name()).append("`: ");
      if (recipe.stageCount() == 0) {
        text.append("the data as they are");
      }
      for (int stage = 1; stage <= recipe.stageCount(); stage++) {
        text.append(stage > 1 ? "; " : "").append("stage ").append(stage).append(" `").append(recipe.stage(stage))
            .append('`');
      }
      text.append('\n');
    }
    text.append("\nClusterers (the number of clusters is set to the number of classes):\n\n");
    for (String clusterer : clusterers) {
      text.append("- ").append(clusterer).append(": `").append(setting.specs.get(clusterer)).append("`\n");
    }
    text.append('\n').append(markdown());
    text.append(convergence(setting)).append('\n').append(verdict()).append('\n');
    return text.toString();
  }

  private String convergence(Setting setting) {
    StringBuilder text = new StringBuilder("### Convergence\n\n| Clusterer | runs | at the iteration cap | "
        + "mean iterations |\n|---|---|---|---|\n");
    for (String clusterer : clusterers) {
      Integer cap = setting.iterationCaps.get(clusterer);
      int runs = 0;
      int atCap = 0;
      double iterations = 0.0;
      for (BenchmarkResult result : setting.results.values()) {
        if (!result.clusterer.equals(clusterer) || !result.ok()) {
          continue;
        }
        runs++;
        iterations += result.iterations;
        if (cap != null && result.iterations >= cap) {
          atCap++;
        }
      }
      boolean hasIterations = runs > 0 && !Double.isNaN(iterations);
      text.append("| ").append(clusterer.replace("|", "\\|")).append(" | ").append(runs).append(" | ")
          .append(cap == null || !hasIterations ? "–" : atCap + " of " + runs + " (cap " + cap + ")").append(" | ")
          .append(hasIterations ? String.format(Locale.ROOT, "%.1f", iterations / runs) : "–").append(" |\n");
    }
    return text.toString();
  }

  /** Per metric, which clusterer is significantly best in how many rows. */
  String verdict() {
    StringBuilder text = new StringBuilder("**Verdict.**");
    int rows = recipes.size() * datasets.size();
    for (String[] metric : METRICS) {
      int[] wins = new int[clusterers.size()];
      int decided = 0;
      for (CorruptionRecipe recipe : recipes) {
        for (String dataset : datasets) {
          for (int c = 0; c < clusterers.size(); c++) {
            Cell cell = cell(metric[0], recipe.name(), dataset, c);
            if (cell.best && !cell.notSignificant) {
              wins[c]++;
              decided++;
              break;
            }
          }
        }
      }
      text.append(' ').append(metric[0]).append(": ");
      if (decided == 0) {
        text.append("no clusterer is significantly better than the runner-up in any of the ").append(rows)
            .append(rows == 1 ? " row" : " rows");
      } else {
        List<String> parts = new ArrayList<>();
        for (int c = 0; c < wins.length; c++) {
          if (wins[c] > 0) {
            parts.add(clusterers.get(c) + " in " + wins[c]);
          }
        }
        text.append("significantly best ").append(String.join(", ", parts)).append(" of ").append(rows)
            .append(" rows; no significant winner in ").append(rows - decided);
      }
      text.append('.');
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
