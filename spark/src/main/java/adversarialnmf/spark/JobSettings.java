package adversarialnmf.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import weka.clusterers.AbstractNMFClusterer;

/**
 * The job's command line: where the data are and how they are cut into blocks, the clusterer by
 * its class name, and the clusterer's own Weka options after {@code --}. {@code --rank},
 * {@code --iterations}, {@code --tolerance}, {@code --seed} and {@code --init} are short for the
 * clusterer's {@code -N}, {@code -I}, {@code -E}, {@code -S} and {@code -init}, and win over them.
 */
final class JobSettings {

  /** Columns of Y collected to the driver at most for a k-means or NNDSVD start on all the data. */
  static final int DEFAULT_INIT_SAMPLE = 20000;

  String input;
  String format = "auto";
  /** The clusterer: a class name, or the simple name of one in weka.clusterers. */
  String method = "NMF";
  Integer rank;
  Integer iterations;
  Double tolerance;
  Long seed;
  String init;
  int initSample = DEFAULT_INIT_SAMPLE;
  int partitions = 0;
  String output;
  String master;
  Set<String> ignored = new HashSet<>();
  int libsvmFeatures;
  int treeDepth = 2;
  int checkpointInterval = 10;
  String[] methodOptions = new String[0];

  static JobSettings parse(String[] args) {
    JobSettings s = new JobSettings();
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (flag.equals("--")) {
        s.methodOptions = Arrays.copyOfRange(args, i + 1, args.length);
        break;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(flag + " needs a value");
      }
      String v = args[++i];
      switch (flag) {
        case "--input": s.input = v; break;
        case "--format": s.format = v; break;
        case "--method": s.method = v; break;
        case "--rank": s.rank = positive(flag, v); break;
        case "--iterations": s.iterations = positive(flag, v); break;
        case "--tolerance": s.tolerance = number(flag, v); break;
        case "--seed": s.seed = wholeNumber(flag, v); break;
        case "--init": s.init = v; break;
        case "--init-sample": s.initSample = positive(flag, v); break;
        case "--partitions": s.partitions = positive(flag, v); break;
        case "--output": s.output = v; break;
        case "--master": s.master = v; break;
        case "--ignore": s.ignored.addAll(Arrays.asList(v.split(","))); break;
        case "--features": s.libsvmFeatures = positive(flag, v); break;
        case "--tree-depth": s.treeDepth = positive(flag, v); break;
        case "--checkpoint-interval": s.checkpointInterval = positive(flag, v); break;
        default:
          throw new IllegalArgumentException("unknown option " + flag);
      }
    }
    if (s.input == null || s.output == null) {
      throw new IllegalArgumentException("--input and --output are required");
    }
    return s;
  }

  static String usage() {
    return "Usage: FactorizationJob --input PATH --output DIR [--format auto|arff|csv|libsvm|parquet|table-csv]\n"
        + "  [--method CLUSTERER (a class name, or NMF, ANMF, L21NMF, CappedNMF...; default NMF)] [--rank n]\n"
        + "  [--iterations I] [--tolerance E] [--seed S] [--init auto|kmeans|nndsvd|random] [--init-sample columns]\n"
        + "  [--partitions P] [--ignore col,col] [--features m (libsvm)] [--master local[2] (plain java)]\n"
        + "  [--tree-depth 2] [--checkpoint-interval 10]\n"
        + "  [-- the clusterer's Weka options, e.g. -solver hals for NMF, -alpha 0.6 -shift 0.1 for ANMF]";
  }

  /** The clusterer named by --method, with its options after -- and the job's short forms of them. */
  AbstractNMFClusterer clusterer() {
    String name = method.contains(".") ? method : "weka.clusterers." + method;
    List<String> options = new ArrayList<>(Arrays.asList(methodOptions));
    add(options, "-N", rank);
    add(options, "-I", iterations);
    add(options, "-E", tolerance);
    add(options, "-S", seed);
    add(options, "-init", init);
    Object clusterer;
    try {
      clusterer = Class.forName(name).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalArgumentException("--method " + method + ": no clusterer class " + name + " (give a clusterer"
          + " of the package by class name, e.g. --method NMF or --method weka.clusterers.ANMF)", e);
    }
    if (!(clusterer instanceof AbstractNMFClusterer)) {
      throw new IllegalArgumentException("--method " + method + ": " + name + " is not one of the package's NMF"
          + " clusterers, whose fits have a column-block form");
    }
    try {
      ((AbstractNMFClusterer) clusterer).setOptions(options.toArray(new String[0]));
    } catch (Exception e) {
      throw new IllegalArgumentException("options of " + name + " after --: " + e.getMessage(), e);
    }
    return (AbstractNMFClusterer) clusterer;
  }

  private static void add(List<String> options, String flag, Object value) {
    if (value != null) {
      options.add(flag);
      options.add(value.toString());
    }
  }

  private static double number(String flag, String v) {
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " needs a number, got '" + v + "'");
    }
  }

  private static long wholeNumber(String flag, String v) {
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + " needs a whole number, got '" + v + "'");
    }
  }

  private static int positive(String flag, String v) {
    long value = wholeNumber(flag, v);
    if (value > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(flag + " must be at most " + Integer.MAX_VALUE + ", got " + value);
    }
    if (value < 1) {
      throw new IllegalArgumentException(flag + " must be at least 1, got " + value);
    }
    return (int) value;
  }
}
