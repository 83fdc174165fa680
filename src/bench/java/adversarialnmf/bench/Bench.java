package adversarialnmf.bench;

import adversarialnmf.cluster.ClusteringFit;
import adversarialnmf.cluster.FactorizationMethod;
import adversarialnmf.cluster.FitContext;
import adversarialnmf.cluster.InMemoryData;
import adversarialnmf.init.RandomInitialization;
import adversarialnmf.linalg.Blas;
import adversarialnmf.linalg.BlasSelection;
import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.MatrixOps;
import adversarialnmf.linalg.Parallelism;
import adversarialnmf.solver.Factorization;
import adversarialnmf.solver.Factors;
import adversarialnmf.solver.FactorizationSolver;
import adversarialnmf.solver.HalsNmf;
import adversarialnmf.solver.MultiplicativeUpdateNmf;
import adversarialnmf.solver.OutOfSampleRule;
import adversarialnmf.solver.StoppingRule;
import adversarialnmf.solver.anmf.AdmmSettings;
import adversarialnmf.solver.anmf.AnmfAdmmSolver;
import adversarialnmf.solver.anmf.AnmfGradientSolver;
import adversarialnmf.solver.anmf.GradientSettings;
import adversarialnmf.solver.anmf.AdmmPhaseProfile;
import adversarialnmf.solver.anmf.AdmmWorkProbe;
import adversarialnmf.solver.anmf.AnmfModel;
import adversarialnmf.solver.anmf.AttackerTarget;
import adversarialnmf.weka.WekaData;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.apache.commons.math3.linear.BlockRealMatrix;

/**
 * The benchmark CLI behind {@code bench/run.sh} (test scope, never run by the build). Commands:
 * <ul>
 * <li>{@code gemm [seconds]}: C = A B for A 1024 x 1024, B 1024 x 40 by our kernel on 1 and on all
 * threads, by Commons Math {@code BlockRealMatrix.multiply}, and by a plain i-k-j loop, interleaved
 * rounds in one JVM; prints medians and ratios.</li>
 * <li>{@code solver NAME DATA ITERATIONS [datasets-dir]}: per-iteration time, effective GFLOP/s
 * and peak heap of one solver (mu, hals, anmf, anmf-gradient) on one data set (orl, coil, usps, bbcsport, tdt2)
 * on all processors the JVM sees (the script runs it again under
 * {@code -XX:ActiveProcessorCount=1} for the sequential figures).</li>
 * <li>{@code export DATA DIR [datasets-dir]}: writes Y for the scikit-learn script.</li>
 * <li>{@code fit NAME DATA ITERATIONS ROUNDS [datasets-dir]}: whole fits (random start and
 * ITERATIONS iterations at tolerance 0, as scikit-learn's {@code init='random', tol=0}) of one
 * solver, ROUNDS of them in this JVM: the first (a fresh JVM: class loading and JIT included)
 * and the fastest of the rest (warm).</li>
 * <li>{@code phases DATA ITERATIONS [datasets-dir [inner-steps]]}: where an ANMF (ADMM, defaults but
 * for the U solve's step cap) iteration goes, phase by phase, against one MU iteration on the
 * same data in the same JVM.</li>
 * <li>{@code anmf-reference DATA ITERATIONS ROUNDS DIR [datasets-dir]}: what the default
 * {@code weka.clusterers.ANMF} hands its ADMM (Y as scaled, the k-means start, Z = Y + t, the
 * settings) written to DIR for {@code bench/anmf_reference.py}, ROUNDS ADMM fits of ITERATIONS
 * iterations from that start timed (first and warm), and the first fit's objective trace and
 * factors written beside them.</li>
 * <li>{@code face-fit DATA ITERATIONS ROUNDS [datasets-dir]}: ROUNDS whole fits of the default
 * {@code weka.clusterers.ANMF} (start, ADMM, final X-step), ITERATIONS iterations at tolerance 0,
 * first (a fresh JVM) and warm.</li>
 * </ul>
 * Timing is wall clock and the JVM's CPU time (all its threads; less disturbed by other load on a
 * shared machine, and comparable with Python's process time); per-iteration time is
 * (t(K+1) − t(1)) / K, so set-up and the start objective cancel, the least of three repetitions.
 */
public final class Bench {

  private static final Path DEFAULT_DATASETS = Paths.get("../shared/datasets");
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private Bench() {
  }

  public static void main(String[] args) throws Exception {
    Locale.setDefault(Locale.ROOT);
    if (args.length == 0) {
      throw new IllegalArgumentException("usage: gemm [seconds] | solver NAME DATA ITERATIONS [dir]"
          + " | export DATA DIR [dir] | anmf-reference DATA ITERATIONS ROUNDS DIR [dir]"
          + " | face-fit DATA ITERATIONS ROUNDS [dir]");
    }
    switch (args[0]) {
      case "gemm":
        gemm(args.length > 1 ? Double.parseDouble(args[1]) : 20.0);
        break;
      case "solver":
        solver(args[1], BenchData.load(args[2], datasets(args, 4)), Integer.parseInt(args[3]));
        break;
      case "export":
        BenchData.load(args[1], datasets(args, 3)).export(Paths.get(args[2]));
        break;
      case "whole-fit":
        wholeFit(Integer.parseInt(args[1]), datasets(args, 2));
        break;
      case "fit":
        wholeSolverFits(args[1], BenchData.load(args[2], datasets(args, 5)), Integer.parseInt(args[3]),
            Integer.parseInt(args[4]));
        break;
      case "anmf-reference":
        anmfReference(BenchData.load(args[1], datasets(args, 5)), Integer.parseInt(args[2]),
            Integer.parseInt(args[3]), Paths.get(args[4]));
        break;
      case "final-step":
        finalStep(BenchData.load(args[1], datasets(args, 4)), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        break;
      case "face-fit":
        faceFits(BenchData.load(args[1], datasets(args, 4)), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        break;
      case "phases":
        phases(BenchData.load(args[1], datasets(args, 3)), Integer.parseInt(args[2]),
            args.length > 4 ? ADMM_SETTINGS.toBuilder().uInnerIterations(Integer.parseInt(args[4])).build()
                : ADMM_SETTINGS);
        break;
      default:
        throw new IllegalArgumentException("unknown command '" + args[0] + "'");
    }
  }

  private static Path datasets(String[] args, int position) {
    return args.length > position ? Paths.get(args[position]) : DEFAULT_DATASETS;
  }

  /** One timed call: wall seconds and CPU seconds of the whole JVM (all threads). */
  private static double[] time(Runnable body) {
    long cpu0 = OS.getProcessCpuTime();
    long wall0 = System.nanoTime();
    body.run();
    long wall = System.nanoTime() - wall0;
    long cpu = OS.getProcessCpuTime() - cpu0;
    return new double[] {wall / 1e9, cpu / 1e9};
  }

  private static double median(double[] values, int count) {
    double[] v = Arrays.copyOf(values, count);
    Arrays.sort(v);
    return count % 2 == 1 ? v[count / 2] : 0.5 * (v[count / 2 - 1] + v[count / 2]);
  }

  // ---------------------------------------------------------------- GEMM

  /** Products per timed batch: the JVM's CPU clock ticks in 10 ms steps here. */
  private static final int BATCH = 10;

  private static void gemm(double seconds) {
    int m = 1024;
    int k = 1024;
    int n = 40;
    Random random = new Random(5L);
    DenseMatrix a = new DenseMatrix(m, k);
    DenseMatrix b = new DenseMatrix(k, n);
    Arrays.setAll(a.data(), i -> random.nextDouble());
    Arrays.setAll(b.data(), i -> random.nextDouble());
    DenseMatrix c = new DenseMatrix(m, n);
    BlockRealMatrix blockA = new BlockRealMatrix(a.toArray());
    BlockRealMatrix blockB = new BlockRealMatrix(b.toArray());
    Parallelism all = Parallelism.allProcessors();
    Blas ours = BlasSelection.java();
    java.util.List<String> names = new java.util.ArrayList<>(java.util.Arrays.asList("java kernels, 1 thread",
        "java kernels, " + all.threads() + " threads", "BlockRealMatrix.multiply", "plain i-k-j loop"));
    java.util.List<Runnable> contenders = new java.util.ArrayList<>(java.util.Arrays.asList(
        () -> ours.multiply(false, a, false, b, 1.0, false, c, Parallelism.SEQUENTIAL),
        () -> ours.multiply(false, a, false, b, 1.0, false, c, all),
        () -> blockA.multiply(blockB),
        () -> plainMultiply(a, b, c)));
    BlasSelection.nativeIfAvailable().ifPresent(nativeBlas -> {
      names.add("native BLAS (" + System.getenv().getOrDefault("OPENBLAS_NUM_THREADS", "all") + " threads)");
      contenders.add(() -> nativeBlas.multiply(false, a, false, b, 1.0, false, c, all));
    });
    Runnable[] bodies = contenders.toArray(new Runnable[0]);
    // rounds interleave the contenders so a burst of outside load hits all of them alike
    int maxRounds = 10000;
    double[][] wall = new double[bodies.length][maxRounds];
    double[][] cpu = new double[bodies.length][maxRounds];
    for (int warm = 0; warm < 15; warm++) {
      for (Runnable body : bodies) {
        body.run();
      }
    }
    long end = System.nanoTime() + (long) (seconds * 1e9);
    int rounds = 0;
    while (rounds < maxRounds && (rounds < 5 || System.nanoTime() < end)) {
      for (int x = 0; x < bodies.length; x++) {
        Runnable body = bodies[x];
        double[] t = time(() -> {
          for (int r = 0; r < BATCH; r++) {
            body.run();
          }
        });
        wall[x][rounds] = t[0] / BATCH;
        cpu[x][rounds] = t[1] / BATCH;
      }
      rounds++;
    }
    double flops = 2.0 * m * k * n;
    System.out.println("linear algebra in use: " + BlasSelection.describe());
    System.out.printf("GEMM %dx%d by %dx%d, %d interleaved rounds of %d products each"
        + " (%.0f MFLOP per product)%n", m, k, k, n, rounds, BATCH, flops / 1e6);
    System.out.println("kernel\tmedian wall ms\tGFLOP/s (wall)\tmedian CPU ms\tGFLOP/s (CPU)"
        + "\twall ratio vs Block\tCPU ratio vs Block");
    double blockWall = median(wall[2], rounds);
    double blockCpu = median(cpu[2], rounds);
    for (int x = 0; x < bodies.length; x++) {
      double w = median(wall[x], rounds);
      double u = median(cpu[x], rounds);
      System.out.printf("%s\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f%n", names.get(x), w * 1e3,
          flops / w / 1e9, u * 1e3, flops / u / 1e9, blockWall / w, blockCpu / u);
    }
  }

  /** The kernel the project started with: i-k-j on flat arrays, no blocking, one thread. */
  private static void plainMultiply(DenseMatrix a, DenseMatrix b, DenseMatrix c) {
    int m = a.rows();
    int k = a.cols();
    int n = b.cols();
    double[] ad = a.data();
    double[] bd = b.data();
    double[] cd = c.data();
    Arrays.fill(cd, 0.0);
    for (int i = 0; i < m; i++) {
      for (int p = 0; p < k; p++) {
        double aip = ad[i * k + p];
        for (int j = 0; j < n; j++) {
          cd[i * n + j] += aip * bd[p * n + j];
        }
      }
    }
  }

  // ---------------------------------------------------------------- whole fits (the Weka faces)

  /**
   * The Explorer's wait: ANMF and NMF with their default options on ORL (40 clusters, class
   * dropped), {@code iterations} iterations each with tolerance 0, fit seconds as the face
   * reports them (initialisation included), the faster of two fits each, interleaved.
   */
  private static void wholeFit(int iterations, Path datasets) throws Exception {
    weka.core.Instances orl = new weka.core.converters.ConverterUtils.DataSource(
        datasets.resolve("ORL_32x32.arff.gz").toString()).getDataSet();
    orl.deleteAttributeAt(orl.numAttributes() - 1);
    String[] names = {"ANMF", "NMF"};
    double[] best = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    for (int round = 0; round < 2; round++) {
      for (int c = 0; c < names.length; c++) {
        weka.clusterers.AbstractNMFClusterer clusterer = c == 0 ? new weka.clusterers.ANMF()
            : new weka.clusterers.NMF();
        clusterer.setNumClusters(40);
        clusterer.setMaxIterations(iterations);
        clusterer.setTolerance(0.0);
        clusterer.buildClusterer(orl);
        best[c] = Math.min(best[c], clusterer.getMeasure("measureFitSeconds"));
      }
    }
    System.out.printf("whole fit on ORL, %d iterations, defaults otherwise; %s%n", iterations,
        BlasSelection.describe());
    System.out.printf("ANMF %.2f s\tNMF %.2f s\tratio %.2f%n", best[0], best[1], best[0] / best[1]);
  }

  // ---------------------------------------------------------------- solvers

  private static final AnmfModel ANMF_MODEL = AnmfModel.builder().build();
  private static final AdmmSettings ADMM_SETTINGS = AdmmSettings.builder().build();

  private static AttackerTarget anmfTarget(DataMatrix y) {
    return AttackerTarget.randomShift(y, new Random(3L));
  }

  private static FactorizationSolver solverFor(String name, DataMatrix y, int iterations) {
    StoppingRule stopping = new StoppingRule(iterations, 0.0);
    switch (name) {
      case "mu":
        return new MultiplicativeUpdateNmf(stopping);
      case "hals":
        return new HalsNmf(stopping);
      case "anmf":
        return new AnmfAdmmSolver(ANMF_MODEL, ADMM_SETTINGS, anmfTarget(y), stopping);
      case "anmf-gradient":
        return new AnmfGradientSolver(ANMF_MODEL, GradientSettings.builder().build(), anmfTarget(y), stopping);
      default:
        throw new IllegalArgumentException("unknown solver '" + name + "'; use mu, hals, anmf or anmf-gradient");
    }
  }

  /**
   * Flops (a multiply-add is 2) of one iteration of MU and HALS as their code computes them (full
   * products, Gram matrices by their symmetric half), nnz = stored entries. ANMF's are counted by
   * {@link #countedFlopsPerIteration} instead, since its U solve depends on the data.
   */
  private static double flopsPerIteration(String name, DataMatrix y, int n) {
    double m = y.rows();
    double count = y.cols();
    double nnz = y.storedEntries();
    switch (name) {
      case "mu":
        // YᵀA, Y Xᵀ; (AᵀA) X, X Xᵀ (full); A (X Xᵀ), AᵀA (full)
        return 4 * nnz * n + 4.0 * n * n * count + 4.0 * n * n * m;
      case "hals":
        // YᵀA, Y Xᵀ; two sweeps 2n² per row; two Gram matrices n(n+1) per row
        return 4 * nnz * n + (2.0 * n * n + n * (n + 1.0)) * (m + count);
      default:
        return Double.NaN;
    }
  }

  /**
   * The flop probe: flops that a K+1-iteration fit asks of the BLAS seam minus those of a
   * 1-iteration fit, over K (set-up and the start objective cancel). Counts every dense product,
   * Gram matrix and Cholesky step; sparse products (ANMF on sparse Y) are not counted.
   */
  private static double countedFlopsPerIteration(String name, DataMatrix y, Factors start, int iterations) {
    CountingBlas counting = new CountingBlas(Blas.selected());
    Blas previous = BlasSelection.use(counting);
    try {
      solverFor(name, y, 1).fit(y, start);
      double one = counting.flops();
      solverFor(name, y, iterations + 1).fit(y, start);
      return (counting.flops() - 2 * one) / iterations;
    } finally {
      BlasSelection.use(previous);
    }
  }

  /** Timed fits per solver run. */
  private static final int REPETITIONS = 3;

  private static void solver(String name, BenchData data, int iterations) {
    DataMatrix y = data.y;
    int n = data.rank;
    Factors start = new RandomInitialization().initialize(y, n, new Random(7L));
    System.out.printf("%s on %s: Y %dx%d, %d stored (%s), rank %d, %d timed iterations; %s%n", name,
        data.name, y.rows(), y.cols(), y.storedEntries(), y.isSparse() ? "sparse" : "dense", n,
        iterations, BlasSelection.describe());
    // warm the JIT on a short fit
    solverFor(name, y, Math.max(2, Math.min(10, iterations / 4))).fit(y, start);
    FactorizationSolver one = solverFor(name, y, 1);
    FactorizationSolver many = solverFor(name, y, iterations + 1);
    // the fastest of a few repetitions: outside load only ever adds time
    double wallPer = Double.POSITIVE_INFINITY;
    double cpuPer = Double.POSITIVE_INFINITY;
    long peak = 0;
    for (int rep = 0; rep < REPETITIONS; rep++) {
      double[] t1 = time(() -> one.fit(y, start));
      resetPeaks();
      double[] tk = time(() -> many.fit(y, start));
      peak = Math.max(peak, peakHeapBytes());
      wallPer = Math.min(wallPer, (tk[0] - t1[0]) / iterations);
      cpuPer = Math.min(cpuPer, (tk[1] - t1[1]) / iterations);
    }
    double innerSteps = name.equals("anmf")
        ? AdmmWorkProbe.innerSteps(y, anmfTarget(y), ANMF_MODEL, ADMM_SETTINGS, start, 2, iterations + 1)
            / (double) iterations
        : 0.0;
    double flops = name.startsWith("anmf") ? countedFlopsPerIteration(name, y, start, iterations)
        : flopsPerIteration(name, y, n);
    System.out.println("solver\tdata\tthreads\twall ms/iter\tCPU ms/iter (JVM)"
        + "\tMFLOP/iter\tGFLOP/s (wall)\tGFLOP/s (CPU)\tpeak heap MB\tmax heap MB\tinner U steps");
    System.out.printf("%s\t%s\t%d\t%.2f\t%.2f\t%.1f\t%.2f\t%.2f\t%.0f\t%.0f\t%.1f%n", name,
        data.name, Parallelism.allProcessors().threads(), wallPer * 1e3, cpuPer * 1e3, flops / 1e6,
        flops / wallPer / 1e9, flops / cpuPer / 1e9, peak / 1e6,
        Runtime.getRuntime().maxMemory() / 1e6, innerSteps);
  }

  private static void wholeSolverFits(String name, BenchData data, int iterations, int rounds) {
    DataMatrix y = data.y;
    double[] first = null;
    double[] warm = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    for (int round = 0; round < rounds; round++) {
      long seed = round;
      double[] t = time(() -> solverFor(name, y, iterations)
          .fit(y, new RandomInitialization().initialize(y, data.rank, new Random(seed))));
      if (round == 0) {
        first = t;
      } else {
        warm[0] = Math.min(warm[0], t[0]);
        warm[1] = Math.min(warm[1], t[1]);
      }
    }
    System.out.printf("whole %s fits on %s: Y %dx%d (%s), rank %d, %d iterations, %d rounds; %s%n", name,
        data.name, y.rows(), y.cols(), y.isSparse() ? "sparse" : "dense", data.rank, iterations, rounds,
        BlasSelection.describe());
    System.out.println("solver\tdata\tthreads\tfirst fit wall s\tfirst fit CPU s\twarm wall s\twarm CPU s");
    System.out.printf("%s\t%s\t%d\t%.3f\t%.3f\t%.3f\t%.3f%n", name, data.name,
        Parallelism.allProcessors().threads(), first[0], first[1], warm[0], warm[1]);
  }

  // ---------------------------------------------------------------- the NumPy reference of the ADMM

  /** The default ANMF clusterer for the data set, ITERATIONS iterations at tolerance 0 (as the NumPy reference runs). */
  private static weka.clusterers.ANMF defaultFace(BenchData data, int iterations) throws Exception {
    weka.clusterers.ANMF face = new weka.clusterers.ANMF();
    face.setNumClusters(data.rank);
    face.setMaxIterations(iterations);
    face.setTolerance(0.0);
    return face;
  }

  /** What the default face hands its ADMM: Y as factorized, the start, and the solver it made. */
  private static final class FaceAdmmInputs {
    DataMatrix y;
    Factors start;
    AnmfAdmmSolver solver;
  }

  /** Thrown by the capturing solver so that the face's fit stops once its ADMM inputs are known. */
  private static final class InputsCaptured extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InputsCaptured() {
      super(null, null, false, false);
    }
  }

  /**
   * The face's own fit path (its {@link FactorizationMethod} under {@link ClusteringFit} with its
   * settings: preprocessing, scaling, the k-means start, the attacker target, the ADMM's settings)
   * up to the solver's first call, which records its arguments instead of fitting.
   */
  private static FaceAdmmInputs faceAdmmInputs(BenchData data, int iterations) throws Exception {
    weka.clusterers.ANMF face = defaultFace(data, iterations);
    weka.core.Instances instances = data.instances();
    FactorizationMethod faceMethod = face.factorizationMethod(instances);
    FaceAdmmInputs inputs = new FaceAdmmInputs();
    FactorizationMethod capturing = new FactorizationMethod() {
      @Override
      public String who() {
        return faceMethod.who();
      }

      @Override
      public String name() {
        return faceMethod.name();
      }

      @Override
      public FactorizationSolver solverForEstimate(StoppingRule stopping) {
        return faceMethod.solverForEstimate(stopping);
      }

      @Override
      public FactorizationSolver solver(FitContext context) throws Exception {
        FactorizationSolver solver = faceMethod.solver(context);
        if (!(solver instanceof AnmfAdmmSolver)) {
          throw new IllegalStateException("the default ANMF face chose " + solver.describe() + ", not the ADMM");
        }
        return new FactorizationSolver() {
          @Override
          public Factorization fit(DataMatrix y, Factors start) {
            inputs.y = y;
            inputs.start = start;
            inputs.solver = (AnmfAdmmSolver) solver;
            throw new InputsCaptured();
          }

          @Override
          public String describe() {
            return solver.describe();
          }

          @Override
          public long workingSetBytes(DataMatrix y, int rank) {
            return solver.workingSetBytes(y, rank);
          }
        };
      }
    };
    try {
      ClusteringFit.run(new InMemoryData(WekaData.toMatrix(instances, WekaData.featureIndices(instances))),
          face.fitSettings(), capturing, null);
      throw new IllegalStateException("the face's fit ended without calling its solver");
    } catch (InputsCaptured expected) {
      return inputs;
    }
  }

  /**
   * Writes the default face's ADMM inputs to {@code dir} (NAME.reference.txt: key value lines;
   * NAME.y.f64, NAME.a0.f64, NAME.x0.f64: row-major little-endian doubles), times {@code rounds} ADMM
   * fits from that start (the first follows only the face's start, so the ADMM's code is still cold),
   * and writes the first fit's objective trace (NAME.trace.f64) and reported factors (NAME.a.f64,
   * NAME.adv.f64, NAME.x.f64).
   */
  private static void anmfReference(BenchData data, int iterations, int rounds, Path dir) throws Exception {
    FaceAdmmInputs inputs = faceAdmmInputs(data, iterations);
    AnmfAdmmSolver solver = inputs.solver;
    AdmmSettings settings = solver.settings();
    AnmfModel model = solver.model();
    if (settings.uUpdate() != AdmmSettings.UUpdate.EXACT_NONNEGATIVE || settings.adaptivePenalty()
        || model.unitNormBases() || settings.toleranceRule() != AdmmSettings.ToleranceRule.RELATIVE_CHANGE) {
      throw new IllegalStateException("the reference covers the default ADMM only, not " + solver.describe());
    }
    DenseMatrix y = inputs.y.toDense();
    double shift = solver.target().newInstanceShift();
    requireShiftTarget(solver.target(), inputs.y, shift);
    java.nio.file.Files.createDirectories(dir);
    String name = data.name;
    try (java.io.PrintWriter meta = new java.io.PrintWriter(
        java.nio.file.Files.newBufferedWriter(dir.resolve(name + ".reference.txt")))) {
      meta.println("rows " + y.rows());
      meta.println("cols " + y.cols());
      meta.println("rank " + inputs.start.rank());
      meta.println("iterations " + iterations);
      meta.println("tolerance " + solver.stoppingRule().tolerance());
      meta.println("alpha " + model.alpha());
      meta.println("beta " + model.beta());
      meta.println("gamma " + model.gamma());
      meta.println("lambda " + model.lambda());
      meta.println("mu " + settings.mu());
      meta.println("shift " + shift);
      meta.println("u_inner_iterations " + settings.uInnerIterations());
      meta.println("rescale_start " + settings.rescaleStart());
    }
    BenchData.writeDoubles(dir.resolve(name + ".y.f64"), y.data());
    BenchData.writeDoubles(dir.resolve(name + ".a0.f64"), inputs.start.basis().data());
    BenchData.writeDoubles(dir.resolve(name + ".x0.f64"), inputs.start.coefficients().data());

    Factorization[] firstFit = new Factorization[1];
    double[][] times = firstAndWarm(rounds, () -> {
      Factorization fit = solver.fit(inputs.y, inputs.start);
      if (firstFit[0] == null) {
        firstFit[0] = fit;
      }
    });
    double[] first = times[0];
    double[] warm = times[1];
    Factorization fit = firstFit[0];
    if (fit.iterations() != iterations) {
      throw new IllegalStateException("the ADMM stopped after " + fit.iterations() + " of " + iterations + " iterations");
    }
    BenchData.writeDoubles(dir.resolve(name + ".trace.f64"), fit.objectiveTrace());
    BenchData.writeDoubles(dir.resolve(name + ".a.f64"), fit.basis().data());
    BenchData.writeDoubles(dir.resolve(name + ".adv.f64"), fit.adversarialBasis().data());
    BenchData.writeDoubles(dir.resolve(name + ".x.f64"), fit.coefficients().data());
    System.out.printf("ANMF ADMM from the default face's start on %s: Y %dx%d, rank %d, %d iterations, %d rounds;"
        + " %s; %s%n", name, y.rows(), y.cols(), inputs.start.rank(), iterations, rounds, solver.describe(),
        BlasSelection.describe());
    System.out.println("solver	data	threads	first fit wall s	first fit CPU s	warm wall s	warm CPU s"
        + "	warm wall ms/iter	warm CPU ms/iter");
    System.out.printf("anmf-admm	%s	%d	%.3f	%.3f	%.3f	%.3f	%.2f	%.2f%n", name,
        Parallelism.allProcessors().threads(), first[0], first[1], warm[0], warm[1], warm[0] / iterations * 1e3,
        warm[1] / iterations * 1e3);
  }

  /**
   * Wall and CPU seconds ({@link #time}) of the first of {@code rounds} calls (in a fresh JVM: class
   * loading and JIT included) and the least of the others (outside load only ever adds time), or the
   * first again if there is no other.
   */
  private static double[][] firstAndWarm(int rounds, Runnable body) {
    double[] first = time(body);
    double[] warm = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
    for (int round = 1; round < rounds; round++) {
      double[] t = time(body);
      warm[0] = Math.min(warm[0], t[0]);
      warm[1] = Math.min(warm[1], t[1]);
    }
    return new double[][] {first, rounds > 1 ? warm : first};
  }

  /** Refuses a target other than Z = Y + t·1, the only one the reference reads (as the shift t). */
  private static void requireShiftTarget(AttackerTarget target, DataMatrix y, double shift) {
    DenseMatrix z = target.materialize(y);
    DenseMatrix expected = y.toDense();
    double[] ed = expected.data();
    for (int i = 0; i < ed.length; i++) {
      ed[i] += shift;
    }
    if (MatrixOps.squaredDistance(z, expected) != 0.0) {
      throw new IllegalStateException("the face's attacker target " + target.describe() + " is not Y + " + shift);
    }
  }

  /** ROUNDS whole fits of the default ANMF face (buildClusterer: start, ADMM, final X-step), first and warm. */
  private static void faceFits(BenchData data, int iterations, int rounds) throws Exception {
    weka.core.Instances instances = data.instances();
    double[][] times = firstAndWarm(rounds, () -> {
      try {
        defaultFace(data, iterations).buildClusterer(instances);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    double[] first = times[0];
    double[] warm = times[1];
    System.out.printf("whole default ANMF face fits on %s: %d instances, %d clusters, %d iterations, %d rounds; %s%n",
        data.name, instances.numInstances(), data.rank, iterations, rounds, BlasSelection.describe());
    System.out.println("solver	data	threads	first fit wall s	first fit CPU s	warm wall s	warm CPU s");
    System.out.printf("anmf-face	%s	%d	%.3f	%.3f	%.3f	%.3f%n", data.name, Parallelism.allProcessors().threads(),
        first[0], first[1], warm[0], warm[1]);
  }

  /**
   * The default face's final X-step against its ADMM iteration: an ADMM fit of {@code iterations}
   * from the face's start, then its out-of-sample rule over every training column (model (9) per
   * column), each the least of {@code rounds} runs after the first.
   */
  private static void finalStep(BenchData data, int iterations, int rounds) throws Exception {
    FaceAdmmInputs inputs = faceAdmmInputs(data, iterations);
    Factorization[] fit = new Factorization[1];
    double fitSeconds = firstAndWarm(rounds, () -> fit[0] = inputs.solver.fit(inputs.y, inputs.start))[1][0];
    OutOfSampleRule rule = fit[0].outOfSampleRule();
    double ruleSeconds = firstAndWarm(rounds, () -> rule.coefficients(inputs.y))[1][0];
    double iterationMs = fitSeconds / iterations * 1e3;
    System.out.printf("final X-step of the default ANMF face on %s: Y %dx%d, rank %d, after %d ADMM iterations,"
        + " %d rounds; %s%n", data.name, inputs.y.rows(), inputs.y.cols(), inputs.start.rank(), iterations, rounds,
        BlasSelection.describe());
    System.out.println("data	threads	ADMM wall ms/iter (whole fit / iterations)	final X-step wall ms	in iterations");
    System.out.printf("%s	%d	%.2f	%.2f	%.2f%n", data.name, Parallelism.allProcessors().threads(), iterationMs,
        ruleSeconds * 1e3, ruleSeconds * 1e3 / iterationMs);
  }

  /** MU iterations timed per ANMF iteration in {@link #phases}. */
  private static final int MU_ITERATIONS_PER_ANMF = 10;

  /**
   * The per-phase profile of an ADMM iteration (defaults) on one data set divided by its largest
   * value, wall ms per iteration
   * of each phase over {@code iterations} iterations after a warm-up, the fastest of three runs
   * phase by phase, and MU's iteration on the same start for scale.
   */
  private static void phases(BenchData data, int iterations, AdmmSettings settings) {
    // divided by its largest value, as the Weka face does at its default -scaling max (the U
    // sub-problem's conditioning, so the inner steps FISTA takes, depends on the scale)
    DataMatrix y = data.y.scaled(1.0 / data.y.max());
    Factors start = new RandomInitialization().initialize(y, data.rank, new Random(7L));
    java.util.Map<String, Double> best = new java.util.LinkedHashMap<>();
    for (int rep = 0; rep < REPETITIONS; rep++) {
      java.util.Map<String, Double> run = AdmmPhaseProfile.profile(y, anmfTarget(y), ANMF_MODEL, settings,
          start, 3, iterations + 2);
      run.forEach((phase, nanos) -> best.merge(phase, nanos, Math::min));
    }
    // MU's iteration is 10-40 times shorter: timed over MU_ITERATIONS_PER_ANMF times as many
    // iterations, after a warm-up fit, so that the difference of two fits is not lost in noise
    int muIterations = MU_ITERATIONS_PER_ANMF * iterations;
    FactorizationSolver one = solverFor("mu", y, 1);
    FactorizationSolver many = solverFor("mu", y, muIterations + 1);
    many.fit(y, start);
    double mu = Double.POSITIVE_INFINITY;
    for (int rep = 0; rep < REPETITIONS + 1; rep++) {
      double t1 = time(() -> one.fit(y, start))[0];
      mu = Math.min(mu, (time(() -> many.fit(y, start))[0] - t1) / muIterations);
    }
    double innerSteps = best.remove("inner U steps") / iterations;
    System.out.printf("ANMF (ADMM, %s) phases on %s: Y %dx%d, rank %d, %d iterations, %.1f inner U steps"
        + " per iteration; %s%n", settings.describe(ANMF_MODEL), data.name, y.rows(), y.cols(), data.rank,
        iterations, innerSteps, BlasSelection.describe());
    System.out.println("phase	wall ms/iter	share	MU iterations");
    double total = best.values().stream().mapToDouble(Double::doubleValue).sum() / iterations / 1e6;
    for (java.util.Map.Entry<String, Double> e : best.entrySet()) {
      double ms = e.getValue() / iterations / 1e6;
      System.out.printf("%s	%.2f	%.0f %%	%.2f%n", e.getKey(), ms, 100 * ms / total, ms / (mu * 1e3));
    }
    System.out.printf("ANMF iteration	%.2f	100 %%	%.2f%n", total, total / (mu * 1e3));
    System.out.printf("MU iteration	%.2f		1.00%n", mu * 1e3);
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** Sum over heap pools of their peak use since the last reset (an upper bound of the true peak). */
  private static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
