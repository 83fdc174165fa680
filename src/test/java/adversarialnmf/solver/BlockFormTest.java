package adversarialnmf.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.init.RandomInitialization;
import adversarialnmf.linalg.DataMatrix;
import adversarialnmf.linalg.DenseData;
import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.linalg.SparseData;
import adversarialnmf.solver.anmf.AnmfGradientSolver;
import adversarialnmf.solver.anmf.AnmfModel;
import adversarialnmf.solver.anmf.AttackerTarget;
import adversarialnmf.solver.anmf.GradientSettings;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The block form of every solver that has one reproduces the single-machine solver from the same
 * start: with one block to the last bit (the same operations in the same order: factors, traces,
 * measures and the out-of-sample rule), with several blocks to rounding (only the order of the
 * partial sums differs), on dense and sparse data.
 */
class BlockFormTest {

  static Stream<Arguments> solvers() {
    StoppingRule stopping = new StoppingRule(40, 0.0);
    return Stream.of(
        Arguments.of("MU", new MultiplicativeUpdateNmf(stopping)),
        Arguments.of("HALS", new HalsNmf(stopping)),
        Arguments.of("L2,1", new L21Nmf(stopping)),
        Arguments.of("ONMF", new OrthogonalNmf(stopping)),
        Arguments.of("capped, orthogonal X", new CappedNmf(stopping, CappedNmf.Options.defaults())),
        Arguments.of("capped, Lee-Seung X", new CappedNmf(stopping, CappedNmf.Options.quantileCap(0.8, false))),
        Arguments.of("ANMF gradient", new AnmfGradientSolver(AnmfModel.builder().build(),
            GradientSettings.builder().build(),
            AttackerTarget.shift(0.05), stopping)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("solvers")
  void oneBlockIsTheSingleMachineSolverAndFourBlocksAgree(String name, IterativeSolver solver) {
    for (boolean sparse : new boolean[] {false, true}) {
      Random random = new Random(11);
      DenseMatrix dense = SolverFixtures.sparseUniform(30, 57, sparse ? 0.7 : 0.0, random);
      DataMatrix y = sparse ? SparseData.fromDense(dense) : new DenseData(dense);
      Factors start = new RandomInitialization().initialize(y, 4, new Random(3));
      assertTrue(solver.hasBlockForm(), name);

      Factorization single = solver.fit(y, start);
      Factorization oneBlock = solver.fit(LocalColumnBlocks.single(y, start.coefficients()), start);
      assertArrayEquals(single.objectiveTrace(), oneBlock.objectiveTrace(), name + ": objective trace");
      assertArrayEquals(single.basis().data(), oneBlock.basis().data(), name + ": A");
      assertArrayEquals(single.coefficients().data(), oneBlock.coefficients().data(), name + ": X");
      for (String trace : single.traceNames()) {
        assertArrayEquals(single.trace(trace), oneBlock.trace(trace), name + ": trace " + trace);
      }
      assertEquals(single.measures(), oneBlock.measures(), name + ": measures");
      assertEquals(single.outOfSampleRule().describe(), oneBlock.outOfSampleRule().describe(), name);
      assertArrayEquals(single.outOfSampleRule().coefficients(y).data(),
          oneBlock.outOfSampleRule().coefficients(y).data(), name + ": out-of-sample coefficients");

      Factorization blocks = solver.fit(LocalColumnBlocks.split(y, start.coefficients(), 4), start);
      assertEquals(single.iterations(), blocks.iterations(), name);
      assertClose(single.basis(), blocks.basis(), 1e-9, name + " A");
      assertClose(single.coefficients(), blocks.coefficients(), 1e-9, name + " X");
      if (single.hasAdversarialBasis()) {
        assertClose(single.adversarialBasis(), blocks.adversarialBasis(), 1e-9, name + " adversarial A");
      }
      assertArrayEquals(single.argmaxAssignments(), blocks.argmaxAssignments(), name + ": clusters");
      assertClose(single.outOfSampleRule().coefficients(y), blocks.outOfSampleRule().coefficients(y), 1e-9,
          name + " out-of-sample coefficients");
    }
  }

  /** Z = 0.9 Y + 0.05, instance by instance (nonnegative, dense even for sparse Y). */
  static final class AffineColumns implements AttackerTarget.ColumnMap {
    private static final long serialVersionUID = 1L;

    @Override
    public DenseMatrix apply(DataMatrix columns) {
      DenseMatrix z = columns.toDense();
      double[] d = z.data();
      for (int i = 0; i < d.length; i++) {
        d[i] = 0.9 * d[i] + 0.05;
      }
      return z;
    }

    @Override
    public String describe() {
      return "Z = 0.9 Y + 0.05";
    }
  }

  /**
   * An explicit target made instance by instance: on blocks each block keeps its Z_b, and the fit
   * equals the single-machine fit with the whole Z given explicitly.
   */
  @Test
  void aColumnWiseTargetOnBlocksIsTheExplicitTargetInMemory() {
    StoppingRule stopping = new StoppingRule(30, 0.0);
    for (boolean sparse : new boolean[] {false, true}) {
      Random random = new Random(5);
      DenseMatrix dense = SolverFixtures.sparseUniform(24, 41, sparse ? 0.7 : 0.0, random);
      DataMatrix y = sparse ? SparseData.fromDense(dense) : new DenseData(dense);
      Factors start = new RandomInitialization().initialize(y, 3, new Random(9));
      AffineColumns map = new AffineColumns();
      Factorization single = new AnmfGradientSolver(AnmfModel.builder().build(), GradientSettings.builder().build(),
          AttackerTarget.explicit(map.apply(y)), stopping).fit(y, start);
      AnmfGradientSolver onBlocks = new AnmfGradientSolver(AnmfModel.builder().build(),
          GradientSettings.builder().build(), AttackerTarget.columnWise(map), stopping);
      assertTrue(onBlocks.hasBlockForm());
      for (int parts : new int[] {1, 4}) {
        Factorization blocks = onBlocks.fit(LocalColumnBlocks.split(y, start.coefficients(), parts), start);
        String what = (sparse ? "sparse" : "dense") + ", " + parts + " blocks";
        assertEquals(single.iterations(), blocks.iterations(), what);
        assertClose(single.basis(), blocks.basis(), 1e-9, what + " A");
        assertClose(single.adversarialBasis(), blocks.adversarialBasis(), 1e-9, what + " adversarial A");
        assertClose(single.coefficients(), blocks.coefficients(), 1e-9, what + " X");
        assertEquals(single.finalObjective(), blocks.finalObjective(), 1e-9 * single.finalObjective(), what);
        assertEquals(single.measures().keySet(), blocks.measures().keySet(), what);
      }
    }
  }

  /** ‖expected − actual‖_max ≤ tolerance ‖expected‖_max. */
  static void assertClose(DenseMatrix expected, DenseMatrix actual, double tolerance, String what) {
    double scale = 0.0;
    double diff = 0.0;
    for (int i = 0; i < expected.data().length; i++) {
      scale = Math.max(scale, Math.abs(expected.data()[i]));
      diff = Math.max(diff, Math.abs(expected.data()[i] - actual.data()[i]));
    }
    assertTrue(diff <= tolerance * scale, what + ": relative difference " + diff / scale);
  }
}
