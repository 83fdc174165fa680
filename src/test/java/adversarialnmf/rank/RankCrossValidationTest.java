package adversarialnmf.rank;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.solver.Factors;
import adversarialnmf.testing.PlantedData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The driver: one mask and one seed per repeat, shared by the ranks; each fit scored on its mask. */
class RankCrossValidationTest {

  @Test
  void theRanksOfOneRepeatShareItsMaskAndSeedAndEachFitIsScoredOnIt() throws Exception {
    PlantedData planted = PlantedData.generate(20, 5, 2, 0.05, 1);
    List<HeldOutEntries> masks = new ArrayList<>();
    List<Integer> seeds = new ArrayList<>();
    List<Double> expected = new ArrayList<>();
    RankCrossValidation.MaskedFit recorder = (heldOut, rank, seed) -> {
      masks.add(heldOut);
      seeds.add(seed);
      Factors zeroModel = new Factors(new DenseMatrix(20, rank), new DenseMatrix(rank, 10));
      expected.add(heldOut.meanSquaredError(zeroModel));
      return zeroModel;
    };
    RankCurve curve = new RankCrossValidation(new int[] {1, 3}, 2, 0.2, 9).run(planted.data(), recorder);
    assertEquals(4, masks.size());
    assertSame(masks.get(0), masks.get(1));
    assertNotSame(masks.get(0), masks.get(2));
    assertEquals(seeds.get(0), seeds.get(1));
    assertTrue(!seeds.get(0).equals(seeds.get(2)));
    assertArrayEquals(new double[] {expected.get(0), expected.get(2)}, curve.errors(0));
    assertArrayEquals(new double[] {expected.get(1), expected.get(3)}, curve.errors(1));
    RankCurve again = new RankCrossValidation(new int[] {1, 3}, 2, 0.2, 9).run(planted.data(), recorder);
    assertArrayEquals(curve.errors(0), again.errors(0), "the same seed, the same masks");
  }

  @Test
  void badSettingsAreRefused() {
    int[] ranks = {2, 3};
    assertThrows(IllegalArgumentException.class, () -> new RankCrossValidation(new int[] {3, 3}, 2, 0.1, 1));
    assertThrows(IllegalArgumentException.class, () -> new RankCrossValidation(new int[] {0, 1}, 2, 0.1, 1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new RankCrossValidation(ranks, 1, 0.1, 1));
    assertTrue(e.getMessage().contains("repeats") && e.getMessage().contains("1"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new RankCrossValidation(ranks, 2, 1.0, 1));
  }
}
