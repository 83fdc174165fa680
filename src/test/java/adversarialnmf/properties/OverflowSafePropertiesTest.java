package adversarialnmf.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

import adversarialnmf.linalg.OverflowSafe;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The overflow-safe norm against the exact norm, over the whole range of finite doubles. */
class OverflowSafePropertiesTest {

  @Provide
  Arbitrary<List<Double>> vectors() {
    Arbitrary<Double> magnitude = Arbitraries.integers().between(-320, 307)
        .flatMap(e -> Arbitraries.doubles().between(1, 9.9).map(m -> m * Math.pow(10, e)));
    return magnitude.list().ofMinSize(1).ofMaxSize(20);
  }

  @Property(tries = 300)
  void theNormIsExactToRounding(@ForAll("vectors") List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    BigDecimal sum = BigDecimal.ZERO;
    for (double x : v) {
      BigDecimal b = BigDecimal.valueOf(x); // 17 significant digits: exact enough, and fast
      sum = sum.add(b.multiply(b, MathContext.DECIMAL128), MathContext.DECIMAL128);
    }
    double exact = sum.sqrt(MathContext.DECIMAL64).doubleValue();
    assertEquals(exact, OverflowSafe.norm(v), 1e-14 * exact + Double.MIN_VALUE * 4);
  }
}
