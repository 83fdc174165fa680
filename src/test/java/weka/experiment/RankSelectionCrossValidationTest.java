package weka.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.testing.PlantedData;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.core.Instances;
import weka.core.SparseInstance;

/** -method cv: the planted rank is found on dense and sparse data, replayably, with named errors. */
class RankSelectionCrossValidationTest {

  static final int PLANTED_RANK = 4;

  private static RankSelection crossValidation(int seed, String... clusterer) throws Exception {
    RankSelection selection = new RankSelection();
    String[] options = {"-method", "cv", "-ranks", "2-7", "-repeats", "3", "-holdout", "0.1", "-restarts", "1",
        "-S", String.valueOf(seed), "-W", "weka.clusterers.NMF"};
    String[] all = new String[options.length + clusterer.length];
    System.arraycopy(options, 0, all, 0, options.length);
    System.arraycopy(clusterer, 0, all, options.length, clusterer.length);
    selection.setOptions(all);
    return selection;
  }

  /** How many of ten seeds (of the data and of the selection) give the planted rank. */
  private static int recoveries(boolean sparse) throws Exception {
    int found = 0;
    StringBuilder curves = new StringBuilder();
    for (int seed = 1; seed <= 10; seed++) {
      Instances data = sparse
          ? PlantedData.sparse(60, 15, PLANTED_RANK, 0.5, 0.05, seed).sparseInstances()
          : PlantedData.generate(40, 15, PLANTED_RANK, 0.05, seed).instances();
      RankSelection.CrossValidated result = crossValidation(seed).crossValidate(data);
      if (result.suggestedRank() == PLANTED_RANK) {
        found++;
      } else {
        curves.append(result);
      }
    }
    assertTrue(found >= 9, found + " of 10 seeds recovered rank " + PLANTED_RANK + "; the others:\n" + curves);
    return found;
  }

  @Test
  void thePlantedRankIsSuggestedOnDenseDataInNineOfTenSeeds() throws Exception {
    recoveries(false);
  }

  @Test
  void thePlantedRankIsSuggestedOnSparseDataInNineOfTenSeeds() throws Exception {
    Instances data = PlantedData.sparse(60, 15, PLANTED_RANK, 0.5, 0.05, 1).sparseInstances();
    assertTrue(data.instance(0) instanceof SparseInstance);
    recoveries(true);
  }

  @Test
  void theSameSeedGivesTheSameCurveAndTheFilesAreWritten(@TempDir Path folder) throws Exception {
    Instances data = RankSelectionTest.plantedWithClass(); // the class is left out of Y
    RankSelection selection = crossValidation(3);
    selection.setOutputFolder(folder.toString());
    RankSelection.CrossValidated first = selection.crossValidate(data);
    RankSelection.CrossValidated again = crossValidation(3).crossValidate(data);
    RankSelection.CrossValidated otherSeed = crossValidation(4).crossValidate(data);
    for (int r = 0; r < first.curve().size(); r++) {
      assertArrayEquals(first.curve().errors(r), again.curve().errors(r), "rank index " + r);
      assertNotEquals(first.curve().meanError(r), otherSeed.curve().meanError(r), "another seed, other entries");
    }
    List<File> files = selection.write(selection.select(data));
    assertEquals("planted-ranks-cv.csv", files.get(0).getName());
    List<String> lines = Files.readAllLines(files.get(0).toPath());
    assertEquals("rank,heldout_mse,standard_error,seconds,repeat1,repeat2,repeat3", lines.get(0));
    assertEquals(7, lines.size(), "header and six ranks");
    assertTrue(ImageIO.read(files.get(1)).getHeight() > 300);
    String text = first.toString();
    assertTrue(text.contains("Suggested rank (smallest within one standard error of the lowest): "
        + first.suggestedRank()), text);
  }

  @Test
  void aClustererWithoutAMaskedNmfFitIsRefusedByName() throws Exception {
    Instances data = PlantedData.generate(20, 5, 2, 0.05, 1).instances();
    RankSelection kMeans = new RankSelection();
    kMeans.setOptions(new String[] {"-method", "cv", "-ranks", "2-3", "-W", "weka.clusterers.SimpleKMeans"});
    Exception e = assertThrows(IllegalArgumentException.class, () -> kMeans.select(data));
    assertTrue(e.getMessage().contains("-method cv") && e.getMessage().contains("SimpleKMeans"), e.getMessage());
    RankSelection imputing = crossValidation(1, "--", "-missing", "mean");
    e = assertThrows(IllegalArgumentException.class, () -> imputing.select(data));
    assertTrue(e.getMessage().contains("-missing must be mask") && e.getMessage().contains("mean"), e.getMessage());
  }
}
