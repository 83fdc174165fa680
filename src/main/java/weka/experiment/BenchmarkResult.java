package weka.experiment;

import java.util.ArrayList;
import java.util.List;

/**
 * One run of {@link RobustnessBenchmark}: a clusterer on one corrupted data set with one seed,
 * either its scores or the reason it failed. Stored as one CSV line, so an interrupted benchmark
 * can resume from its results file.
 */
final class BenchmarkResult {

  static final String[] COLUMNS = {"dataset", "recipe", "recipe_filter", "clusterer", "clusterer_spec", "seed",
      "nmi_normalization", "status", "accuracy", "nmi", "ari", "purity", "clusters", "nonempty_clusters",
      "seconds", "iterations", "final_objective", "message"};

  static final String OK = "ok";
  static final String FAILED = "failed";

  final String dataset;
  final String recipe;
  final String recipeFilter;
  final String clusterer;
  final String clustererSpec;
  final int seed;
  final String nmiNormalization;
  final String status;
  final double accuracy;
  final double nmi;
  final double ari;
  final double purity;
  final double clusters;
  final double nonemptyClusters;
  final double seconds;
  final double iterations;
  final double finalObjective;
  final String message;

  private BenchmarkResult(String[] fields) {
    dataset = fields[0];
    recipe = fields[1];
    recipeFilter = fields[2];
    clusterer = fields[3];
    clustererSpec = fields[4];
    seed = Integer.parseInt(fields[5]);
    nmiNormalization = fields[6];
    status = fields[7];
    accuracy = number(fields[8]);
    nmi = number(fields[9]);
    ari = number(fields[10]);
    purity = number(fields[11]);
    clusters = number(fields[12]);
    nonemptyClusters = number(fields[13]);
    seconds = number(fields[14]);
    iterations = number(fields[15]);
    finalObjective = number(fields[16]);
    message = fields[17];
  }

  /** The coordinates of a run, before it has a result. */
  static final class Coordinates {
    final String dataset;
    final CorruptionRecipe recipe;
    final String clusterer;
    final String clustererSpec;
    final int seed;
    final String nmiNormalization;

    Coordinates(String dataset, CorruptionRecipe recipe, String clusterer, String clustererSpec, int seed,
        String nmiNormalization) {
      this.dataset = dataset;
      this.recipe = recipe;
      this.clusterer = clusterer;
      this.clustererSpec = clustererSpec;
      this.seed = seed;
      this.nmiNormalization = nmiNormalization;
    }

    /** What makes two runs the same run: a result with this key is not computed again. */
    String key() {
      return BenchmarkResult.key(dataset, recipe.dataStage(), clustererSpec, seed, nmiNormalization);
    }

    private List<String> prefix() {
      List<String> fields = new ArrayList<String>();
      fields.add(dataset);
      fields.add(recipe.name());
      fields.add(recipe.dataStage());
      fields.add(clusterer);
      fields.add(clustererSpec);
      fields.add("" + seed);
      fields.add(nmiNormalization);
      return fields;
    }

    BenchmarkResult succeeded(double accuracy, double nmi, double ari, double purity, int clusters,
        int nonemptyClusters, double seconds, double iterations, double finalObjective) {
      List<String> fields = prefix();
      fields.add(OK);
      for (double value : new double[] {accuracy, nmi, ari, purity, clusters, nonemptyClusters, seconds,
          iterations, finalObjective}) {
        fields.add(text(value));
      }
      fields.add("");
      return new BenchmarkResult(fields.toArray(new String[0]));
    }

    BenchmarkResult failed(double seconds, Throwable cause) {
      List<String> fields = prefix();
      fields.add(FAILED);
      for (int i = 0; i < 6; i++) {
        fields.add("");
      }
      fields.add(text(seconds));
      fields.add("");
      fields.add("");
      String message = cause.getMessage() == null ? "" : cause.getMessage();
      fields.add((cause.getClass().getSimpleName() + ": " + message).replaceAll("\\s+", " ").trim());
      return new BenchmarkResult(fields.toArray(new String[0]));
    }
  }

  static String key(String dataset, String recipeFilter, String clustererSpec, int seed, String nmi) {
    return dataset + '\u0000' + recipeFilter + '\u0000' + clustererSpec + '\u0000' + seed + '\u0000' + nmi;
  }

  String key() {
    return key(dataset, recipeFilter, clustererSpec, seed, nmiNormalization);
  }

  boolean ok() {
    return OK.equals(status);
  }

  /** The value of a scored metric by its column name ({@code accuracy}, {@code nmi}, ...). */
  double metric(String column) {
    switch (column) {
      case "accuracy":
        return accuracy;
      case "nmi":
        return nmi;
      case "ari":
        return ari;
      case "purity":
        return purity;
      default:
        throw new IllegalArgumentException("no metric column '" + column + "'");
    }
  }

  private static String text(double value) {
    return Double.isNaN(value) ? "" : Double.toString(value);
  }

  private static double number(String text) {
    return text.isEmpty() ? Double.NaN : Double.parseDouble(text);
  }

  // ------------------------------------------------------------------ CSV

  static String header() {
    return csvLine(COLUMNS);
  }

  String toCsv() {
    return csvLine(new String[] {dataset, recipe, recipeFilter, clusterer, clustererSpec, "" + seed,
        nmiNormalization, status, text(accuracy), text(nmi), text(ari), text(purity), text(clusters),
        text(nonemptyClusters), text(seconds), text(iterations), text(finalObjective), message});
  }

  static BenchmarkResult fromCsv(String line) {
    List<String> fields = parseCsvLine(line);
    if (fields.size() != COLUMNS.length) {
      throw new IllegalArgumentException("results line has " + fields.size() + " fields, expected "
          + COLUMNS.length + ": " + line);
    }
    return new BenchmarkResult(fields.toArray(new String[0]));
  }

  static String csvLine(String[] fields) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(csvField(fields[i]));
    }
    return line.toString();
  }

  static String csvField(String field) {
    if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
      return field;
    }
    return '"' + field.replace("\"", "\"\"") + '"';
  }

  static List<String> parseCsvLine(String line) {
    List<String> fields = new ArrayList<String>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("unterminated quote in results line: " + line);
    }
    fields.add(field.toString());
    return fields;
  }
}
