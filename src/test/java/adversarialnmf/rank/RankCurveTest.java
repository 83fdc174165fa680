package adversarialnmf.rank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The mean, the standard error and the two suggested ranks, against numbers worked by hand. */
class RankCurveTest {

  private static final double[] NO_TIME = {0, 0, 0, 0};

  @Test
  void theOneStandardErrorRuleTakesTheSmallestRankWithinOneStandardErrorOfTheLowest() {
    // means 5, 2.2, 2, 2.6; rank 4's errors 1.5, 2, 2.5: sd 0.5, standard error 0.5 / sqrt(3) = 0.289
    double[][] errors = {{5, 5, 5}, {2.1, 2.2, 2.3}, {1.5, 2.0, 2.5}, {2.5, 2.6, 2.7}};
    RankCurve curve = new RankCurve(new int[] {2, 3, 4, 5}, errors, NO_TIME);
    assertEquals(2.2, curve.meanError(1), 1e-12);
    assertEquals(0.5 / Math.sqrt(3), curve.standardError(2), 1e-12);
    assertEquals(4, curve.lowestErrorRank());
    assertEquals(3, curve.oneStandardErrorRank(), "2.2 <= 2 + 0.289");
  }

  @Test
  void aRankJustOutsideOneStandardErrorIsNotTaken() {
    double[][] errors = {{5, 5, 5}, {2.2, 2.2, 2.2}, {1.9, 2.0, 2.1}, {2.5, 2.6, 2.7}};
    RankCurve curve = new RankCurve(new int[] {2, 3, 4, 5}, errors, NO_TIME);
    assertEquals(4, curve.lowestErrorRank());
    assertEquals(4, curve.oneStandardErrorRank(), "2.2 > 2 + 0.1 / sqrt(3)");
  }

  @Test
  void aSingleRepeatHasNoStandardError() {
    assertThrows(IllegalArgumentException.class, () -> new RankCurve(new int[] {2}, new double[][] {{1.0}},
        new double[] {0}));
  }
}
