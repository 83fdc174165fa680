package weka.filters.unsupervised.attribute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.core.Instances;
import weka.filters.Filter;

class NoiseGalleryTest {

  @Test
  void gridHasOneRowPerFilterAndGreyLevelsFollowTheDataRange() throws Exception {
    Instances data = NoiseTestData.images(10, 4, 3, 1, false);
    NoiseGallery gallery = new NoiseGallery(data, 0, 0);
    RegularPatchNoise patch = new RegularPatchNoise();
    patch.setPercent(34); // a 2 x 2 square of 4 pixels = 33% of 12
    List<Instances> rows = gallery.applyAll(List.<Filter>of(patch));
    assertEquals(4 / 12.0, gallery.changedFraction(rows.get(1)), 1e-12);
    assertEquals(0, gallery.changedFraction(rows.get(0)));

    int[] columns = NoiseGallery.evenlySpaced(3, data.numInstances());
    assertArrayEquals(new int[] {0, 3, 6}, columns);
    int scale = 3;
    BufferedImage image = gallery.render(rows, columns, scale);
    // 2-pixel gaps around 3 x 2 tiles of 12 x 9 pixels
    assertEquals(2 + 3 * (12 + 2), image.getWidth());
    assertEquals(2 + 2 * (9 + 2), image.getHeight());

    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (int i = 0; i < data.numInstances(); i++) {
      for (int p = 0; p < 12; p++) {
        min = Math.min(min, data.instance(i).value(p));
        max = Math.max(max, data.instance(i).value(p));
      }
    }
    // pixel (row 2, column 1) of the second column's original image: attribute 2 * 4 + 1
    double value = data.instance(3).value(9);
    int expected = (int) Math.round(255 * (value - min) / (max - min));
    int x = 2 + (12 + 2) + 1 * scale + 1;
    int y = 2 + 2 * scale + 2;
    assertEquals(expected, image.getRaster().getSample(x, y, 0));
  }

  @Test
  void commandLineWritesAPng(@TempDir Path dir) throws Exception {
    Instances data = NoiseTestData.images(8, 5, 4, 2, false);
    data.deleteStringAttributes();
    File arff = dir.resolve("images.arff").toFile();
    Files.write(arff.toPath(), data.toString().getBytes(StandardCharsets.UTF_8));
    File png = dir.resolve("grid.png").toFile();
    NoiseGallery.main(new String[] {"-i", arff.getPath(), "-o", png.getPath(), "-n", "4",
      "-scale", "1", "-F", "weka.filters.unsupervised.attribute.SaltAndPepperNoise -P 20",
      "-F", "weka.filters.unsupervised.attribute.IrregularPatchNoise -P 30"});
    BufferedImage image = ImageIO.read(png);
    assertTrue(image != null, "PNG written");
    assertEquals(2 + 4 * (5 + 2), image.getWidth());
    assertEquals(2 + 3 * (4 + 2), image.getHeight());
  }

  @Test
  void badOptionsNameTheOptionAndTheValue() {
    String[][] cases = {{"-n", "ten"}, {"-n", "0"}, {"-scale", "1.5"}, {"-width", "-3"}};
    for (String[] c : cases) {
      Exception e = assertThrows(IllegalArgumentException.class, () -> new NoiseGallery.Command().setOptions(
          new String[] {"-i", "in.arff", "-o", "out.png", c[0], c[1]}));
      assertTrue(e.getMessage().contains(c[0]) && e.getMessage().contains(c[1]), e.getMessage());
    }
    Exception e = assertThrows(IllegalArgumentException.class,
        () -> new NoiseGallery.Command().setOptions(new String[] {"-o", "out.png"}));
    assertTrue(e.getMessage().contains("-i"), e.getMessage());
    assertThrows(Exception.class, () -> new NoiseGallery.Command().setOptions(
        new String[] {"-i", "in.arff", "-o", "out.png", "-no-such-option"}));
  }
}
