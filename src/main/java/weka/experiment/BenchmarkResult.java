package weka.experiment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * One run of {@link RobustnessBenchmark}: a clusterer on one corrupted data set with one seed,
 * either its scores or the reason it failed. Stored as one CSV line, so an interrupted benchmark
 * can resume from its results file. The line ends with the CRC-32 of the rest of it, so a line cut
 * short by a crash (even at a field boundary, where it would still parse) is recognised; the data
 * file's fingerprint is part of what makes two runs the same run.
 */
final class BenchmarkResult {

  static final String[] COLUMNS = {"dataset", "data_sha256", "recipe", "recipe_filter", "clusterer",
      "clusterer_spec", "seed", "nmi_normalization", "status", "accuracy", "nmi", "ari", "purity", "clusters",
      "nonempty_clusters", "seconds", "iterations", "final_objective", "message", "crc32"};

  static final String OK = "ok";
  static final String FAILED = "failed";

  final String dataset;
  final String dataFingerprint;
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

  /** @param fields every column but the checksum */
  private BenchmarkResult(String[] fields) {
    dataset = fields[0];
    dataFingerprint = fields[1];
    recipe = fields[2];
    recipeFilter = fields[3];
    clusterer = fields[4];
    clustererSpec = fields[5];
    seed = Integer.parseInt(fields[6]);
    nmiNormalization = fields[7];
    status = fields[8];
    accuracy = number(fields[9]);
    nmi = number(fields[10]);
    ari = number(fields[11]);
    purity = number(fields[12]);
    clusters = number(fields[13]);
    nonemptyClusters = number(fields[14]);
    seconds = number(fields[15]);
    iterations = number(fields[16]);
    finalObjective = number(fields[17]);
    message = fields[18];
  }

  /** The coordinates of a run, before it has a result. */
  static final class Coordinates {
    final String dataset;
    final String dataFingerprint;
    final CorruptionRecipe recipe;
    final String clusterer;
    final String clustererSpec;
    final int seed;
    final String nmiNormalization;

    Coordinates(String dataset, String dataFingerprint, CorruptionRecipe recipe, String clusterer,
        String clustererSpec, int seed, String nmiNormalization) {
      this.dataset = dataset;
      this.dataFingerprint = dataFingerprint;
      this.recipe = recipe;
      this.clusterer = clusterer;
      this.clustererSpec = clustererSpec;
      this.seed = seed;
      this.nmiNormalization = nmiNormalization;
    }

    /** What makes two runs the same run: a result with this key is not computed again. */
    String key() {
      return BenchmarkResult.key(dataset, dataFingerprint, recipe.dataStage(), clustererSpec, seed, nmiNormalization);
    }

    private List<String> prefix() {
      List<String> fields = new ArrayList<String>();
      fields.add(dataset);
      fields.add(dataFingerprint);
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

  static String key(String dataset, String dataFingerprint, String recipeFilter, String clustererSpec, int seed,
      String nmi) {
    return dataset + '\u0000' + dataFingerprint + '\u0000' + recipeFilter + '\u0000' + clustererSpec + '\u0000'
        + seed + '\u0000' + nmi;
  }

  String key() {
    return key(dataset, dataFingerprint, recipeFilter, clustererSpec, seed, nmiNormalization);
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

  /** The line without its line break; it ends with the checksum of everything before it. */
  String toCsv() {
    String body = csvLine(new String[] {dataset, dataFingerprint, recipe, recipeFilter, clusterer, clustererSpec,
        "" + seed, nmiNormalization, status, text(accuracy), text(nmi), text(ari), text(purity), text(clusters),
        text(nonemptyClusters), text(seconds), text(iterations), text(finalObjective), message});
    return body + ',' + checksum(body);
  }

  /** @throws IllegalArgumentException if the line is not a whole results line (cut short, or altered) */
  static BenchmarkResult fromCsv(String line) {
    int separator = line.lastIndexOf(',');
    if (separator < 0 || !line.substring(separator + 1).equals(checksum(line.substring(0, separator)))) {
      throw new IllegalArgumentException("results line fails its checksum (cut short or altered): " + line);
    }
    List<String> fields = parseCsvLine(line.substring(0, separator));
    if (fields.size() != COLUMNS.length - 1) {
      throw new IllegalArgumentException("results line has " + (fields.size() + 1) + " fields, expected "
          + COLUMNS.length + ": " + line);
    }
    return new BenchmarkResult(fields.toArray(new String[0]));
  }

  private static String checksum(String body) {
    CRC32 crc = new CRC32();
    crc.update(body.getBytes(StandardCharsets.UTF_8));
    return String.format("%08x", crc.getValue());
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
