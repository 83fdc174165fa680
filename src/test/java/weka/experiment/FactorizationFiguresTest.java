package weka.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.linalg.DenseMatrix;
import adversarialnmf.noise.ImageGeometry;
import adversarialnmf.solver.Factorization;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactorizationFiguresTest {

  @Test
  void basisColumnsAreScaledToTheirOwnMaximum() {
    // two 2x2 basis images, stored as the columns of a 4 x 2 matrix (row-major pixels)
    DenseMatrix basis = new DenseMatrix(4, 2, new double[] {0, 3, 0.5, 3, 1, 0, 0.25, 6});
    BufferedImage image = FactorizationFigures.matrixColumns(basis, ImageGeometry.resolve(2, 2, "x", 4), 1);
    int gap = 2;
    assertEquals(gap + 2 * (2 + gap), image.getWidth());
    assertEquals(0, image.getRaster().getSample(gap, gap, 0));
    assertEquals(128, image.getRaster().getSample(gap + 1, gap, 0));
    assertEquals(255, image.getRaster().getSample(gap, gap + 1, 0));
    assertEquals(64, image.getRaster().getSample(gap + 1, gap + 1, 0));
    int second = gap + 2 + gap;
    assertEquals(128, image.getRaster().getSample(second, gap, 0));
    assertEquals(255, image.getRaster().getSample(second + 1, gap + 1, 0));
  }

  @Test
  void convergenceFigureHasOnePanelPerTrace() {
    Factorization fit = Factorization.builder()
        .factors(new DenseMatrix(4, 1, new double[] {1, 1, 1, 1}), new DenseMatrix(1, 3, new double[] {1, 1, 1}))
        .objectiveTrace(new double[] {10, 5, 4}).trace("residual", new double[] {1, -1, 0}).iterations(2).build();
    BufferedImage image = FactorizationFigures.convergenceFigure(fit, "NMF");
    assertEquals(2 * 200, image.getHeight());
  }

  @Test
  void drawsBothFiguresForAnNmfClusterer(@TempDir File folder) throws Exception {
    // 3 x 3 "images", one bright pixel per class
    File data = SyntheticData.save(SyntheticData.blobs(3, 8, 9, 0.5, 3), folder);
    FactorizationFigures figures = new FactorizationFigures();
    figures.setOptions(new String[] {"-data", data.getPath(), "-W", "weka.clusterers.NMF -I 30", "-recipe",
        "saltpepper", "-seed", "2", "-scale", "1", "-out", new File(folder, "figs").getPath()});
    List<File> files = figures.draw();
    assertEquals(2, files.size());
    BufferedImage basis = ImageIO.read(files.get(0));
    // rows: clean, noisy Y, target Z (each 3 px + gaps) and A
    assertTrue(basis.getHeight() >= 4 * (3 + 2), "height " + basis.getHeight());
    BufferedImage convergence = ImageIO.read(files.get(1));
    assertEquals(520, convergence.getWidth());
    assertTrue(files.get(0).getName().endsWith("-saltpepper-NMF-seed2-basis.png"), files.get(0).getName());

    FactorizationFigures kMeans = new FactorizationFigures();
    kMeans.setOptions(new String[] {"-data", data.getPath(), "-W", "weka.clusterers.SimpleKMeans"});
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, kMeans::draw);
    assertTrue(refused.getMessage().contains("SimpleKMeans"), refused.getMessage());
  }
}
