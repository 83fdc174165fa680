package adversarialnmf.spark;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseData;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.SparseData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import scala.Tuple2;
import weka.core.Attribute;
import weka.core.Instances;

/**
 * The job's input as column blocks of Y (m features x N instances): ARFF (dense or sparse,
 * optionally gzipped), CSV with a header line and libsvm read as text from any Hadoop file
 * system, or a Parquet / CSV table read through Spark SQL. Numeric attributes (columns) are the
 * features; other attributes, such as a nominal class, are left out, as are the columns named to
 * be ignored. Every value is checked where it is parsed: a negative, missing or malformed value,
 * or a row with a column missing, fails the job with a message naming the file, the line and the
 * instance.
 */
final class InputData implements Serializable {

  private static final long serialVersionUID = -8059839082722255133L;

  /** The input's own header: Weka's {@code -l ... -T} and the Explorer compare a test file with it. */
  final Instances inputHeader;
  /** Where the attributes named by --ignore sit in the input's header (Weka removes them for the model). */
  final int[] ignoredAttributes;
  /**
   * The header the model keeps: the input's less the ignored attributes; a nominal class among them
   * is left out of Y, as the package's clusterers leave it, so the model takes the input's rows.
   */
  final Instances trainingHeader;
  /** m: the numeric attributes that form Y's rows. */
  final int rows;
  final int columns;
  final boolean sparse;
  final double largest;
  /** One block per partition, in column order; states are not set yet. */
  final transient JavaRDD<SparkBlock> blocks;

  private InputData(Instances inputHeader, Set<String> ignored, int rows, int columns, boolean sparse,
      double largest, JavaRDD<SparkBlock> blocks) {
    this.inputHeader = new Instances(inputHeader, 0);
    this.ignoredAttributes = IntStream.range(0, inputHeader.numAttributes())
        .filter(a -> ignored.contains(inputHeader.attribute(a).name())).toArray();
    this.trainingHeader = new Instances(inputHeader, 0);
    for (int i = ignoredAttributes.length - 1; i >= 0; i--) {
      trainingHeader.deleteAttributeAt(ignoredAttributes[i]);
    }
    this.rows = rows;
    this.columns = columns;
    this.sparse = sparse;
    this.largest = largest;
    this.blocks = blocks;
  }

  /**
   * Reads {@code path} in {@code format} (arff, csv, libsvm: text; parquet, table-csv: Spark SQL;
   * auto: by the file name) into {@code partitions} column blocks.
   */
  static InputData read(SparkSession spark, String path, String format, int partitions, Set<String> ignored,
      int libsvmFeatures) throws IOException {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    String kind = format.equals("auto") ? formatOf(path) : format;
    Instances inputHeader;
    Instances header; // the features: numeric attributes not ignored
    JavaRDD<ParsedRow> rows;
    switch (kind) {
      case "arff": {
        ArffHead head = readArffHead(sc.hadoopConfiguration(), path);
        inputHeader = head.header;
        header = features(head.header, ignored, path);
        int[] rowOf = rowOf(head.header, header);
        long dataLine = head.dataLine;
        int attributes = head.header.numAttributes();
        rows = numbered(lines(sc, path, partitions)
            .filter(t -> t._2() >= dataLine && !isBlankOrComment(t._1())))
            .map(t -> parseArff(path, t._1()._1(), t._1()._2() + 1, t._2(), rowOf, attributes));
        break;
      }
      case "csv": {
        String first = firstLine(sc.hadoopConfiguration(), path);
        List<String> names = splitFields(first);
        inputHeader = numericHeader(relationName(path), names, Collections.emptySet());
        header = numericHeader(relationName(path), names, ignored);
        int[] rowOf = rowOfNames(names, ignored);
        rows = numbered(lines(sc, path, partitions)
            .filter(t -> t._2() > 0 && !t._1().trim().isEmpty()))
            .map(t -> parseCsv(path, t._1()._1(), t._1()._2() + 1, t._2(), rowOf, names));
        break;
      }
      case "libsvm": {
        JavaRDD<Tuple2<String, Long>> lines = lines(sc, path, partitions)
            .filter(t -> !isBlankOrComment(t._1()));
        int m = libsvmFeatures > 0 ? libsvmFeatures : lines.map(t -> largestIndex(t._1())).fold(0, Math::max);
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= m; i++) {
          names.add("f" + i);
        }
        header = numericHeader(relationName(path), names, Collections.emptySet());
        inputHeader = header;
        rows = numbered(lines).map(t -> parseLibsvm(path, t._1()._1(), t._1()._2() + 1, t._2(), m));
        break;
      }
      case "parquet":
      case "table-csv": {
        Dataset<Row> table = kind.equals("parquet") ? spark.read().parquet(path)
            : spark.read().option("header", "true").option("inferSchema", "true").csv(path);
        List<String> names = new ArrayList<>();
        List<Integer> fields = new ArrayList<>();
        StructField[] schema = table.schema().fields();
        for (int f = 0; f < schema.length; f++) {
          if (isNumeric(schema[f].dataType()) && !ignored.contains(schema[f].name())) {
            names.add(schema[f].name());
            fields.add(f);
          }
        }
        header = numericHeader(relationName(path), names, Collections.emptySet());
        inputHeader = header;
        int[] fieldOf = fields.stream().mapToInt(Integer::intValue).toArray();
        rows = table.javaRDD().zipWithIndex().map(t -> t).map(t -> parseTableRow(path, t._1(), t._2(), fieldOf, names));
        break;
      }
      default:
        throw new IllegalArgumentException("--format " + format
            + " is not one of auto, arff, csv, libsvm, parquet, table-csv");
    }
    if (header.numAttributes() == 0) {
      throw new IllegalArgumentException(path + ": no numeric attribute (column) to factorize");
    }
    rows = rows.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
    long count = rows.count();
    if (count < 1) {
      throw new IllegalArgumentException(path + ": no instances");
    }
    if (count > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(path + ": " + count + " instances; a fit holds at most " + Integer.MAX_VALUE);
    }
    int n = (int) count;
    double largest = rows.map(ParsedRow::max).fold(0.0, Math::max);
    long sparseRows = rows.filter(r -> r.indices != null).count();
    boolean sparse = 2 * sparseRows > n; // as the package: sparse when most instances are
    int m = header.numAttributes();
    int blocks = Math.min(partitions, n);
    JavaRDD<SparkBlock> built = rows.mapToPair(r -> new Tuple2<>(r.instance, r))
        .partitionBy(new BlockPartitioner(n, blocks))
        .mapPartitionsWithIndex((index, it) -> buildBlock(index, it, n, blocks, m, sparse), true);
    return new InputData(inputHeader, kind.equals("arff") || kind.equals("csv") ? ignored : Collections.emptySet(),
        m, n, sparse, largest, built);
  }

  /** Contiguous, nearly equal ranges of instances: block b holds [N b / B, N (b+1) / B). */
  static final class BlockPartitioner extends Partitioner {
    private static final long serialVersionUID = 1L;
    private final int count;
    private final int blocks;

    BlockPartitioner(int count, int blocks) {
      this.count = count;
      this.blocks = blocks;
    }

    static long start(int count, int blocks, int b) {
      return (long) count * b / blocks;
    }

    @Override
    public int numPartitions() {
      return blocks;
    }

    @Override
    public int getPartition(Object key) {
      long j = (Long) key;
      int b = (int) (j * blocks / count);
      while (start(count, blocks, b + 1) <= j) {
        b++;
      }
      while (start(count, blocks, b) > j) {
        b--;
      }
      return b;
    }
  }

  private static Iterator<SparkBlock> buildBlock(int index, Iterator<Tuple2<Long, ParsedRow>> it, int count,
      int blocks, int m, boolean sparse) {
    long from = BlockPartitioner.start(count, blocks, index);
    int width = (int) (BlockPartitioner.start(count, blocks, index + 1) - from);
    ParsedRow[] rows = new ParsedRow[width];
    while (it.hasNext()) {
      ParsedRow r = it.next()._2();
      rows[(int) (r.instance - from)] = r;
    }
    DataMatrix y = sparse ? sparseBlock(rows, m) : denseBlock(rows, m);
    return Collections.singletonList(new SparkBlock(from, y, null, null)).iterator();
  }

  private static DataMatrix denseBlock(ParsedRow[] rows, int m) {
    int width = rows.length;
    DenseMatrix y = new DenseMatrix(m, width);
    double[] yd = y.data();
    for (int j = 0; j < width; j++) {
      ParsedRow r = rows[j];
      for (int p = 0; p < r.values.length; p++) {
        int i = r.indices == null ? p : r.indices[p];
        yd[i * width + j] = r.values[p];
      }
    }
    return new DenseData(y);
  }

  private static DataMatrix sparseBlock(ParsedRow[] rows, int m) {
    int width = rows.length;
    int[] start = new int[width + 1];
    for (int j = 0; j < width; j++) {
      int stored = 0;
      for (double v : rows[j].values) {
        stored += v != 0.0 ? 1 : 0;
      }
      start[j + 1] = start[j] + stored;
    }
    int[] index = new int[start[width]];
    double[] values = new double[start[width]];
    for (int j = 0; j < width; j++) {
      ParsedRow r = rows[j];
      int q = start[j];
      int[] order = sortedPositions(r);
      for (int p : order) {
        if (r.values[p] != 0.0) {
          index[q] = r.indices == null ? p : r.indices[p];
          values[q++] = r.values[p];
        }
      }
    }
    return new SparseData(m, width, start, index, values);
  }

  /** Positions of the row's stored values in increasing feature order. */
  private static int[] sortedPositions(ParsedRow r) {
    Integer[] order = new Integer[r.values.length];
    for (int p = 0; p < order.length; p++) {
      order[p] = p;
    }
    if (r.indices != null) {
      Arrays.sort(order, (u, v) -> Integer.compare(r.indices[u], r.indices[v]));
    }
    return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
  }

  // ------------------------------------------------------------------ text formats

  /** The file's lines with their index (0-based). */
  private static JavaRDD<Tuple2<String, Long>> lines(JavaSparkContext sc, String path, int partitions) {
    return sc.textFile(path, partitions).zipWithIndex().map(t -> t);
  }

  /** The data lines (line, index) with their instance number (0-based). */
  private static JavaRDD<Tuple2<Tuple2<String, Long>, Long>> numbered(JavaRDD<Tuple2<String, Long>> lines) {
    return lines.zipWithIndex().map(t -> t);
  }

  static String formatOf(String path) {
    String name = path.toLowerCase(Locale.ROOT).replaceAll("\\.(gz|bz2)$", "");
    if (name.endsWith(".arff")) {
      return "arff";
    }
    if (name.endsWith(".csv")) {
      return "csv";
    }
    if (name.endsWith(".libsvm") || name.endsWith(".svm")) {
      return "libsvm";
    }
    if (name.endsWith(".parquet")) {
      return "parquet";
    }
    throw new IllegalArgumentException("cannot tell the format of " + path
        + " from its name; give --format arff|csv|libsvm|parquet|table-csv");
  }

  private static String relationName(String path) {
    String name = new Path(path).getName();
    return name.replaceAll("\\.(gz|bz2)$", "").replaceAll("\\.[A-Za-z]+$", "");
  }

  private static boolean isBlankOrComment(String line) {
    String t = line.trim();
    return t.isEmpty() || t.startsWith("%") || t.startsWith("#");
  }

  private static final class ArffHead {
    final Instances header;
    /** Index (0-based) of the first line after @data. */
    final long dataLine;

    ArffHead(Instances header, long dataLine) {
      this.header = header;
      this.dataLine = dataLine;
    }
  }

  private static BufferedReader open(Configuration conf, String path) throws IOException {
    Path p = new Path(path);
    FileSystem fs = p.getFileSystem(conf);
    InputStream in = fs.open(p);
    CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(p);
    if (codec != null) {
      in = codec.createInputStream(in);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  private static ArffHead readArffHead(Configuration conf, String path) throws IOException {
    StringBuilder text = new StringBuilder();
    long line = 0;
    try (BufferedReader reader = open(conf, path)) {
      String s;
      while ((s = reader.readLine()) != null) {
        line++;
        text.append(s).append('\n');
        if (s.trim().toLowerCase(Locale.ROOT).startsWith("@data")) {
          try {
            return new ArffHead(new Instances(new StringReader(text.toString())), line);
          } catch (IOException e) {
            throw new IllegalArgumentException(path + ": the ARFF header cannot be read: " + e.getMessage(), e);
          }
        }
      }
    }
    throw new IllegalArgumentException(path + ": no @data line; is this an ARFF file?");
  }

  private static String firstLine(Configuration conf, String path) throws IOException {
    try (BufferedReader reader = open(conf, path)) {
      String s = reader.readLine();
      if (s == null) {
        throw new IllegalArgumentException(path + ": empty file; a CSV file starts with a line of column names");
      }
      return s;
    }
  }

  /** The header of the numeric attributes of {@code full} not named in {@code ignored}. */
  private static Instances features(Instances full, Set<String> ignored, String path) {
    List<String> names = new ArrayList<>();
    for (int a = 0; a < full.numAttributes(); a++) {
      Attribute attribute = full.attribute(a);
      if (attribute.isNumeric() && !ignored.contains(attribute.name())) {
        names.add(attribute.name());
      }
    }
    return numericHeader(full.relationName(), names, Collections.emptySet());
  }

  private static Instances numericHeader(String relation, List<String> names, Set<String> ignored) {
    ArrayList<Attribute> attributes = new ArrayList<>();
    for (String name : names) {
      if (!ignored.contains(name)) {
        attributes.add(new Attribute(name));
      }
    }
    return new Instances(relation, attributes, 0);
  }

  private static int[] rowOf(Instances full, Instances features) {
    int[] row = new int[full.numAttributes()];
    Arrays.fill(row, -1);
    for (int r = 0; r < features.numAttributes(); r++) {
      row[full.attribute(features.attribute(r).name()).index()] = r;
    }
    return row;
  }

  private static int[] rowOfNames(List<String> names, Set<String> ignored) {
    int[] row = new int[names.size()];
    int r = 0;
    for (int c = 0; c < names.size(); c++) {
      row[c] = ignored.contains(names.get(c)) ? -1 : r++;
    }
    return row;
  }

  /** Comma-separated fields, quotes (' or ") removed, commas inside quotes kept. */
  static List<String> splitFields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          field.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == ',') {
        out.add(field.toString().trim());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    out.add(field.toString().trim());
    return out;
  }

  private static String where(String path, long line, long instance) {
    return path + ", line " + line + " (instance " + (instance + 1) + ")";
  }

  /** The checked value of one feature: finite, nonnegative, present. */
  private static double value(String text, String path, long line, long instance, String attribute) {
    String t = text.trim();
    if (t.equals("?") || t.isEmpty() || t.equalsIgnoreCase("NA") || t.equalsIgnoreCase("NaN")) {
      throw new IllegalArgumentException(where(path, line, instance) + ": attribute '" + attribute
          + "' is missing; NMF needs every value (impute them first, e.g. with Weka's ReplaceMissingValues)");
    }
    double v;
    try {
      v = Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(where(path, line, instance) + ": attribute '" + attribute
          + "' has the value '" + t + "', which is not a number");
    }
    return checked(v, path, line, instance, attribute);
  }

  private static double checked(double v, String path, long line, long instance, String attribute) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(where(path, line, instance) + ": attribute '" + attribute
          + "' has the value " + v + "; only finite values can be factorized");
    }
    if (v < 0.0) {
      throw new IllegalArgumentException(where(path, line, instance) + ": attribute '" + attribute
          + "' has the negative value " + v + "; nonnegative matrix factorization needs data >= 0"
          + " (shift or rescale the attribute first)");
    }
    return v;
  }

  static ParsedRow parseArff(String path, String text, long line, long instance, int[] rowOf, int attributes) {
    String t = text.trim();
    if (t.startsWith("{")) {
      int close = t.indexOf('}');
      if (close < 0) {
        throw new IllegalArgumentException(where(path, line, instance) + ": sparse instance without a closing '}'");
      }
      List<Integer> indices = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      String body = t.substring(1, close).trim();
      if (!body.isEmpty()) {
        for (String pair : splitFields(body)) {
          String[] parts = pair.trim().split("\\s+", 2);
          int a;
          try {
            a = Integer.parseInt(parts[0]);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where(path, line, instance) + ": '" + pair
                + "' is not an 'index value' pair of a sparse instance");
          }
          if (a < 0 || a >= attributes || parts.length < 2) {
            throw new IllegalArgumentException(where(path, line, instance) + ": sparse entry '" + pair
                + "' names no attribute of the header (0.." + (attributes - 1) + ")");
          }
          if (rowOf[a] >= 0) {
            indices.add(rowOf[a]);
            values.add(value(parts[1], path, line, instance, "#" + a));
          }
        }
      }
      return new ParsedRow(instance, line, indices.stream().mapToInt(Integer::intValue).toArray(),
          values.stream().mapToDouble(Double::doubleValue).toArray());
    }
    List<String> fields = splitFields(t);
    if (fields.size() != attributes) {
      throw new IllegalArgumentException(where(path, line, instance) + ": " + fields.size()
          + " values, the header declares " + attributes + " attributes (a column is "
          + (fields.size() < attributes ? "missing" : "too many") + ")");
    }
    int m = 0;
    for (int r : rowOf) {
      m += r >= 0 ? 1 : 0;
    }
    double[] values = new double[m];
    for (int a = 0; a < attributes; a++) {
      if (rowOf[a] >= 0) {
        values[rowOf[a]] = value(fields.get(a), path, line, instance, "#" + a);
      }
    }
    return new ParsedRow(instance, line, null, values);
  }

  static ParsedRow parseCsv(String path, String text, long line, long instance, int[] rowOf, List<String> names) {
    List<String> fields = splitFields(text);
    if (fields.size() != names.size()) {
      throw new IllegalArgumentException(where(path, line, instance) + ": " + fields.size()
          + " fields, the header line names " + names.size() + " columns (a column is "
          + (fields.size() < names.size() ? "missing" : "too many") + ")");
    }
    int m = 0;
    for (int r : rowOf) {
      m += r >= 0 ? 1 : 0;
    }
    double[] values = new double[m];
    for (int c = 0; c < names.size(); c++) {
      if (rowOf[c] >= 0) {
        values[rowOf[c]] = value(fields.get(c), path, line, instance, names.get(c));
      }
    }
    return new ParsedRow(instance, line, null, values);
  }

  private static int largestIndex(String line) {
    int largest = 0;
    String[] tokens = line.trim().split("\\s+");
    for (int k = 1; k < tokens.length; k++) {
      int colon = tokens[k].indexOf(':');
      if (colon > 0) {
        try {
          largest = Math.max(largest, Integer.parseInt(tokens[k].substring(0, colon)));
        } catch (NumberFormatException e) {
          // reported with its line when the row is parsed
        }
      }
    }
    return largest;
  }

  static ParsedRow parseLibsvm(String path, String text, long line, long instance, int m) {
    String[] tokens = text.trim().split("\\s+");
    int[] indices = new int[tokens.length - 1];
    double[] values = new double[tokens.length - 1];
    for (int k = 1; k < tokens.length; k++) {
      int colon = tokens[k].indexOf(':');
      int index;
      try {
        index = Integer.parseInt(tokens[k].substring(0, Math.max(colon, 0)));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(where(path, line, instance) + ": '" + tokens[k]
            + "' is not an index:value pair");
      }
      if (index < 1 || index > m) {
        throw new IllegalArgumentException(where(path, line, instance) + ": feature index " + index
            + " is outside 1.." + m);
      }
      indices[k - 1] = index - 1;
      values[k - 1] = value(tokens[k].substring(colon + 1), path, line, instance, "f" + index);
    }
    return new ParsedRow(instance, line, indices, values);
  }

  private static boolean isNumeric(DataType type) {
    return type.equals(DataTypes.DoubleType) || type.equals(DataTypes.FloatType)
        || type.equals(DataTypes.IntegerType) || type.equals(DataTypes.LongType)
        || type.equals(DataTypes.ShortType) || type.equals(DataTypes.ByteType) || type instanceof DecimalType;
  }

  static ParsedRow parseTableRow(String path, Row row, long instance, int[] fieldOf, List<String> names) {
    double[] values = new double[fieldOf.length];
    for (int r = 0; r < fieldOf.length; r++) {
      Object v = row.get(fieldOf[r]);
      if (v == null) {
        throw new IllegalArgumentException(path + ", row " + (instance + 1) + ": column '" + names.get(r)
            + "' is null (missing); NMF needs every value");
      }
      values[r] = checked(((Number) v).doubleValue(), path, instance + 1, instance, names.get(r));
    }
    return new ParsedRow(instance, -1, null, values);
  }
}
