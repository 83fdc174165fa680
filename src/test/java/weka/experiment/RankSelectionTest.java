package weka.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.testing.PlantedData;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.core.Attribute;
import weka.core.Instances;

/** Rank selection suggests the planted rank and writes its table and plot. */
class RankSelectionTest {

  /** Planted rank-4 data with its cluster as a nominal class (last attribute). */
  static Instances plantedWithClass() {
    PlantedData planted = PlantedData.generate(40, 15, 4, 0.05, 17);
    Instances data = planted.instances();
    List<String> values = new ArrayList<String>();
    for (int c = 0; c < 4; c++) {
      values.add("c" + c);
    }
    data.insertAttributeAt(new Attribute("class", values), data.numAttributes());
    int[] labels = planted.labels();
    for (int j = 0; j < data.numInstances(); j++) {
      data.instance(j).setValue(data.numAttributes() - 1, labels[j]);
    }
    data.setClassIndex(data.numAttributes() - 1);
    return data;
  }

  @Test
  void plantedRankFourIsSuggestedAndTheFilesAreWritten(@TempDir Path folder) throws Exception {
    RankSelection selection = new RankSelection();
    selection.setOptions(new String[] {"-ranks", "2-6", "-restarts", "6", "-out", folder.toString(), "-W",
        "weka.clusterers.NMF", "--", "-init", "random"});
    RankSelection.Result result = selection.cophenetic(plantedWithClass());
    assertEquals(4, result.suggestedRank(), result.toString());
    RankSelection.Row four = result.rows().get(2);
    assertEquals(4, four.rank);
    assertEquals(1.0, four.cophenetic, 1e-9, result.toString());
    assertTrue(four.accuracy > 0.99, result.toString());
    assertTrue(result.rows().get(4).reconstructionError <= four.reconstructionError + 1e-9, result.toString());
    String text = result.toString();
    assertTrue(text.trim().endsWith("(the cophenetic correlation first drops after it)"), text);
    List<File> files = selection.write(result);
    assertEquals(6, Files.readAllLines(files.get(0).toPath()).size(), "header and five ranks");
    assertTrue(ImageIO.read(files.get(1)).getHeight() > 500);
  }

  @Test
  void badRangesAndTooManyRanksAreNamed() throws Exception {
    RankSelection selection = new RankSelection();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> selection.setRanks("5-3"));
    assertTrue(e.getMessage().contains("-ranks"), e.getMessage());
    selection.setRanks("2-100");
    e = assertThrows(IllegalArgumentException.class, () -> selection.select(plantedWithClass()));
    assertTrue(e.getMessage().contains("rank 100") && e.getMessage().contains("-ranks"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> selection.setRestarts(0));
    selection.setRanks("2-4");
    selection.setRestarts(1);
    e = assertThrows(IllegalArgumentException.class, () -> selection.select(plantedWithClass()));
    assertTrue(e.getMessage().contains("-restarts") && e.getMessage().contains("cophenetic"), e.getMessage());
  }

  @Test
  void optionsRoundTripWithTheClustererOptionsAfterTheDashes() throws Exception {
    RankSelection selection = new RankSelection();
    selection.setOptions(new String[] {"-ranks", "3-5", "-S", "7", "-W", "weka.clusterers.NMF", "--", "-I", "50"});
    assertEquals("weka.clusterers.NMF -I 50", selection.getClusterer());
    assertArrayEquals(new String[] {"-data", RobustnessBenchmark.DEFAULT_DATA, "-method", "cophenetic", "-ranks",
        "3-5", "-restarts", "10", "-repeats", "5", "-holdout", "0.1", "-W", "weka.clusterers.NMF -I 50", "-S", "7",
        "-out", "rank-selection"}, selection.getOptions());
    RankSelection copy = new RankSelection();
    copy.setOptions(selection.getOptions());
    assertArrayEquals(selection.getOptions(), copy.getOptions());
    copy.setOptions(new String[0]);
    assertArrayEquals(new RankSelection().getOptions(), copy.getOptions(), "an absent option returns to its default");
    for (String[] bad : new String[][] {{"-restarts", "many"}, {"-restarts", "1"}, {"-S", "1.5"}, {"-ranks", "a-b"},
        {"-ranks", "2-9:0"}, {"-method", "elbow"}, {"-repeats", "1"}, {"-holdout", "1.5"}, {"-holdout", "0"}}) {
      Exception e = assertThrows(IllegalArgumentException.class, () -> new RankSelection().setOptions(bad.clone()));
      assertTrue(e.getMessage().contains(bad[0]) && e.getMessage().contains(bad[1]), e.getMessage());
    }
    assertThrows(Exception.class, () -> new RankSelection().setOptions(new String[] {"-no-such-option"}));
  }
}
