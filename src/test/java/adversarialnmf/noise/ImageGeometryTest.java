package adversarialnmf.noise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ImageGeometryTest {

  private static void assertGeometry(int width, int height, ImageGeometry geometry) {
    assertEquals(width, geometry.width());
    assertEquals(height, geometry.height());
  }

  @Test
  void optionsWinOverRelationName() {
    assertGeometry(28, 28, ImageGeometry.resolve(28, 28, "x_w32_h32", 784));
    assertGeometry(40, 10, ImageGeometry.resolve(40, 0, "anything", 400));
    assertGeometry(8, 50, ImageGeometry.resolve(0, 50, null, 400));
  }

  @Test
  void relationNameGivesNonSquareGeometry() {
    assertGeometry(23, 28, ImageGeometry.resolve(0, 0, "ORL_w23_h28", 644));
    assertGeometry(32, 32, ImageGeometry.resolve(0, 0, "ORL_32x32_w32_h32-filtered", 1024));
  }

  @Test
  void squareIsTheLastResort() {
    ImageGeometry g = ImageGeometry.resolve(0, 0, "mnist", 784);
    assertGeometry(28, 28, g);
    assertTrue(g.source().contains("square"));
  }

  @Test
  void misfitsNameTheNumbersAndTheSource() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ImageGeometry.resolve(0, 0, "ORL_w32_h32", 1025));
    assertTrue(e.getMessage().contains("32x32") && e.getMessage().contains("1025")
        && e.getMessage().contains("relation name"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ImageGeometry.resolve(0, 0, "plain", 1000));
    assertTrue(e.getMessage().contains("1000") && e.getMessage().contains("square"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ImageGeometry.resolve(30, 0, "plain", 1000));
    assertTrue(e.getMessage().contains("width/height"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ImageGeometry.resolve(-1, 0, "", 4));
    assertThrows(IllegalArgumentException.class, () -> ImageGeometry.resolve(0, 0, "", 0));
  }
}
