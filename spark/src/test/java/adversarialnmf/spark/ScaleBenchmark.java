package adversarialnmf.spark;

import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseData;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.SparseData;
import adversarialnmf.solver.BlockState;
import adversarialnmf.solver.ColumnBlocks;
import adversarialnmf.solver.Factorization;
import adversarialnmf.solver.HalsNmf;
import adversarialnmf.solver.IterativeSolver;
import adversarialnmf.solver.L21Nmf;
import adversarialnmf.solver.StoppingRule;
import adversarialnmf.solver.anmf.AnmfGradientSolver;
import adversarialnmf.solver.anmf.AnmfModel;
import adversarialnmf.solver.anmf.AttackerTarget;
import adversarialnmf.solver.anmf.GradientSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * The scaling benchmark (not a test; docs/SCALE.md): seconds per iteration, bytes shuffled,
 * bytes of task results sent to the driver and bytes broadcast per iteration, for a TDT2-sized
 * sparse matrix (36771 x 9394, about 1.2 M stored counts) and a dense one with 10^6 columns,
 * both synthetic and generated inside the blocks, in local[1] and local[2]. Arguments (all
 * optional): iterations (5), dense rows (20), masters (local[1],local[2]).
 *
 * <p>The command is in docs/SCALE.md.
 */
public final class ScaleBenchmark {

  private ScaleBenchmark() {
  }

  /** Task-level traffic, summed by a listener. */
  static final class Traffic extends SparkListener {
    final AtomicLong shuffleWritten = new AtomicLong();
    final AtomicLong results = new AtomicLong();

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
      if (end.taskMetrics() != null) {
        shuffleWritten.addAndGet(end.taskMetrics().shuffleWriteMetrics().bytesWritten());
        results.addAndGet(end.taskMetrics().resultSize());
      }
    }
  }

  /** Blocks that count the serialized size of every step they broadcast. */
  static final class MeasuredBlocks extends RddColumnBlocks {
    final AtomicLong broadcast = new AtomicLong();
    int updates;

    MeasuredBlocks(JavaSparkContext context, JavaRDD<SparkBlock> blocks, int rows, int columns) {
      super(context, blocks, rows, columns, 2, 10);
    }

    @Override
    protected ColumnBlocks.BlockStep taskStep(ColumnBlocks.BlockStep step) {
      updates++;
      try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(step);
        out.flush();
        broadcast.addAndGet(bytes.size());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
      return step;
    }
  }

  /** Column block b of a synthetic matrix, made where it lives. */
  interface Generator extends java.io.Serializable {
    DataMatrix block(int from, int to);
  }

  /** Counts 1..5 at about {@code perColumn} random rows of each column (TDT2-like: 36771 x 9394, ~1.2 M stored). */
  static Generator sparse(int rows, int perColumn) {
    return (from, to) -> {
      Random random = new Random(1000L + from);
      int width = to - from;
      int[] start = new int[width + 1];
      List<Integer> index = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      for (int j = 0; j < width; j++) {
        int[] picked = random.ints(perColumn / 2 + random.nextInt(perColumn), 0, rows).distinct().sorted().toArray();
        for (int i : picked) {
          index.add(i);
          values.add(1.0 + random.nextInt(5));
        }
        start[j + 1] = index.size();
      }
      return new SparseData(rows, width, start, index.stream().mapToInt(Integer::intValue).toArray(),
          values.stream().mapToDouble(Double::doubleValue).toArray());
    };
  }

  /** Uniform [0, 1) entries. */
  static Generator dense(int rows) {
    return (from, to) -> {
      Random random = new Random(2000L + from);
      DenseMatrix y = new DenseMatrix(rows, to - from);
      double[] d = y.data();
      for (int i = 0; i < d.length; i++) {
        d[i] = random.nextDouble();
      }
      return new DenseData(y);
    };
  }

  static void run(String master, String data, Generator generator, int rows, int columns, int rank,
      int partitions, int iterations, String method) {
    SparkSession spark = SparkSession.builder().master(master).appName("ScaleBenchmark")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    spark.sparkContext().setLogLevel("WARN");
    Traffic traffic = new Traffic();
    spark.sparkContext().addSparkListener(traffic);
    List<Integer> ids = new ArrayList<>();
    for (int b = 0; b < partitions; b++) {
      ids.add(b);
    }
    JavaRDD<SparkBlock> blocks = sc.parallelize(ids, partitions).map(b -> {
      int from = (int) ((long) columns * b / partitions);
      int to = (int) ((long) columns * (b + 1) / partitions);
      Random random = new Random(3000L + b);
      DenseMatrix xt = new DenseMatrix(to - from, rank);
      double[] d = xt.data();
      for (int i = 0; i < d.length; i++) {
        d[i] = random.nextDouble();
      }
      return new SparkBlock(from, generator.block(from, to), BlockState.of(xt), null);
    });
    MeasuredBlocks measured = new MeasuredBlocks(sc, blocks, rows, columns);
    long stored = measured.blocks().map(b -> b.y.storedEntries()).reduce(Long::sum);
    DenseMatrix a0 = new DenseMatrix(rows, rank);
    Random random = new Random(7);
    for (int i = 0; i < a0.data().length; i++) {
      a0.data()[i] = random.nextDouble();
    }
    StoppingRule stopping = new StoppingRule(iterations, 0.0);
    IterativeSolver solver = method.equals("hals") ? new HalsNmf(stopping)
        : method.equals("l21") ? new L21Nmf(stopping)
        : new AnmfGradientSolver(AnmfModel.builder().build(), GradientSettings.builder().build(),
            AttackerTarget.shift(0.1), stopping);
    adversarialnmf.solver.Factors start = new adversarialnmf.solver.Factors(a0, measured.coefficients());
    // the start's passes are not iterations: measure them apart
    long shuffleBefore = traffic.shuffleWritten.get();
    long resultsBefore = traffic.results.get();
    long t0 = System.nanoTime();
    Factorization fit = solver.fit(measured, start);
    double seconds = (System.nanoTime() - t0) / 1e9;
    int done = fit.iterations();
    System.out.printf("%-9s %-22s %-5s m=%d N=%d stored=%d n=%d P=%d: %.3f s/iteration, shuffled %d B, "
        + "task results %d B, broadcast %d B per iteration (%d updates, objective %.6g)%n",
        master, data, method, rows, columns, stored, rank, partitions, seconds / done,
        (traffic.shuffleWritten.get() - shuffleBefore) / done, (traffic.results.get() - resultsBefore) / done,
        measured.broadcast.get() / done, measured.updates, fit.finalObjective());
    measured.release();
    spark.stop();
  }

  public static void main(String[] args) {
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int denseRows = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    List<String> masters = args.length > 2 ? Arrays.asList(args[2].split(",")) : Arrays.asList("local[1]", "local[2]");
    System.out.println("load average at the start: " + loadAverage());
    for (String master : masters) {
      run(master, "TDT2-sized sparse", sparse(36771, 128), 36771, 9394, 20, 4, iterations, "hals");
      run(master, "TDT2-sized sparse", sparse(36771, 128), 36771, 9394, 20, 4, iterations, "l21");
      run(master, "TDT2-sized sparse", sparse(36771, 128), 36771, 9394, 20, 4, iterations, "anmf");
      run(master, "dense, 10^6 columns", dense(denseRows), denseRows, 1_000_000, 5, 4, iterations, "hals");
    }
    run("local[2]", "TDT2-sized sparse", sparse(36771, 128), 36771, 9394, 20, 16, iterations, "hals");
    System.out.println("load average at the end: " + loadAverage());
  }

  static String loadAverage() {
    try {
      return new String(java.nio.file.Files.readAllBytes(java.nio.file.Paths.get("/proc/loadavg"))).trim();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
