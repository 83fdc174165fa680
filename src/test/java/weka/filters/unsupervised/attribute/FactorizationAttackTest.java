package weka.filters.unsupervised.attribute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.attack.AttackNorm;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import weka.clusterers.ANMF;
import weka.clusterers.NMF;
import weka.core.Instances;
import weka.core.SerializationHelper;
import weka.core.Utils;
import weka.filters.Filter;

/** The attack as a Weka filter: shape, class and weights kept, the budget held, repeatable, serializable. */
class FactorizationAttackTest {

  private static final String NMF3 = " -W weka.clusterers.NMF -- -N 3 -S 2";

  /** Planted 3-cluster data: 12 numeric attributes, the planted cluster as the nominal class (last). */
  private static Instances labelled(long seed) {
    return NonnegativeFactorizationFilterTest.plantedWithClass(seed);
  }

  private static final int CLASS = 12;

  private static FactorizationAttack attack(String options) throws Exception {
    FactorizationAttack filter = new FactorizationAttack();
    filter.setOptions(Utils.splitOptions(options));
    return filter;
  }

  private static Instances apply(FactorizationAttack filter, Instances data) throws Exception {
    filter.setInputFormat(data);
    return Filter.useFilter(data, filter);
  }

  @ParameterizedTest
  @ValueSource(strings = {"inf", "2"})
  void theShapeClassAndWeightsStayAndTheBudgetHolds(String norm) throws Exception {
    Instances data = labelled(3);
    for (int j = 0; j < data.numInstances(); j++) {
      data.instance(j).setWeight(1.0 + j);
    }
    double epsilon = 0.1;
    Instances out = apply(attack("-norm " + norm + " -epsilon " + epsilon + NMF3), data);
    assertEquals(data.numInstances(), out.numInstances());
    assertNull(data.equalHeadersMsg(out));
    assertEquals(CLASS, out.classIndex());
    double largest = 0;
    for (int j = 0; j < data.numInstances(); j++) {
      for (int a = 0; a < data.numAttributes(); a++) {
        largest = a == CLASS ? largest : Math.max(largest, data.instance(j).value(a));
      }
    }
    int moved = 0;
    for (int j = 0; j < data.numInstances(); j++) {
      assertEquals(data.instance(j).classValue(), out.instance(j).classValue());
      assertEquals(data.instance(j).weight(), out.instance(j).weight());
      double[] y = new double[12];
      double[] delta = new double[12];
      int p = 0;
      for (int a = 0; a < data.numAttributes(); a++) {
        if (a != CLASS) {
          assertTrue(out.instance(j).value(a) >= 0.0);
          y[p] = data.instance(j).value(a);
          delta[p++] = out.instance(j).value(a) - data.instance(j).value(a);
        }
      }
      AttackNorm budget = norm.equals("inf") ? AttackNorm.INFINITY : AttackNorm.EUCLIDEAN;
      double radius = epsilon * (norm.equals("inf") ? largest : AttackNorm.EUCLIDEAN.norm(y));
      assertTrue(budget.norm(delta) <= radius * (1 + 1e-12), "instance " + j + ": " + budget.norm(delta));
      moved += budget.norm(delta) > 0.5 * radius ? 1 : 0;
    }
    assertTrue(moved > data.numInstances() / 2, "most instances use their budget: " + moved);
  }

  @Test
  void theSameSeedGivesTheSameAttackAndASerializedFilterAttacksLaterBatchesAsTheOriginal() throws Exception {
    FactorizationAttack filter = attack("-epsilon 0.1" + NMF3);
    Instances first = apply(filter, labelled(4));
    Instances again = apply(attack("-epsilon 0.1" + NMF3), labelled(4));
    for (int j = 0; j < first.numInstances(); j++) {
      assertArrayEquals(first.instance(j).toDoubleArray(), again.instance(j).toDoubleArray(), 0.0);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(filter);
    }
    FactorizationAttack copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (FactorizationAttack) in.readObject();
    }
    Instances later = labelled(9);
    Instances fromOriginal = Filter.useFilter(later, filter);
    Instances fromCopy = Filter.useFilter(later, copy);
    boolean changed = false;
    for (int j = 0; j < later.numInstances(); j++) {
      assertArrayEquals(fromOriginal.instance(j).toDoubleArray(), fromCopy.instance(j).toDoubleArray(), 0.0);
      changed |= !Arrays.equals(later.instance(j).toDoubleArray(), fromCopy.instance(j).toDoubleArray());
    }
    assertTrue(changed, "later batches are attacked too");
  }

  @Test
  void aSavedModelIsAttackedAsTheSameFitOnTheFirstBatch(@TempDir Path folder) throws Exception {
    Instances data = labelled(5);
    Instances features = new Instances(data);
    features.setClassIndex(-1);
    features.deleteAttributeAt(CLASS);
    NMF nmf = new NMF();
    nmf.setOptions(Utils.splitOptions("-N 3 -S 7"));
    nmf.buildClusterer(features);
    File model = folder.resolve("nmf.model").toFile();
    SerializationHelper.write(model.getPath(), nmf);
    Instances fromFile = apply(attack("-epsilon 0.05 -S 7 -model " + model.getPath()), data);
    Instances fitted = apply(attack("-epsilon 0.05 -S 7 -W weka.clusterers.NMF -- -N 3"), data);
    for (int j = 0; j < data.numInstances(); j++) {
      assertArrayEquals(fitted.instance(j).toDoubleArray(), fromFile.instance(j).toDoubleArray(), 1e-9);
    }
  }

  @Test
  void aMissingModelFileOrOneOfOtherAttributesIsAClearError(@TempDir Path folder) throws Exception {
    Exception missing = assertThrows(Exception.class,
        () -> apply(attack("-model " + folder.resolve("none.model")), labelled(1)));
    assertTrue(missing.getMessage().contains("-model") && missing.getMessage().contains("does not exist"),
        missing.getMessage());
    NMF small = new NMF();
    small.setOptions(Utils.splitOptions("-N 2"));
    Instances four = new Instances(labelled(1));
    four.setClassIndex(-1);
    while (four.numAttributes() > 4) {
      four.deleteAttributeAt(4);
    }
    small.buildClusterer(four);
    File model = folder.resolve("small.model").toFile();
    SerializationHelper.write(model.getPath(), small);
    Exception shape = assertThrows(Exception.class, () -> apply(attack("-model " + model.getPath()), labelled(1)));
    assertTrue(shape.getMessage().contains("factorizes 4 attributes") && shape.getMessage().contains("12"),
        shape.getMessage());
  }

  @Test
  void negativeValuesAndBadOptionsAreRefusedNamingTheFix() throws Exception {
    Instances data = labelled(2);
    data.instance(3).setValue(0, -1.0);
    Exception negative = assertThrows(Exception.class, () -> apply(attack(NMF3), data));
    assertTrue(negative.getMessage().startsWith(FactorizationAttack.class.getName()), negative.getMessage());
    Instances incomplete = labelled(2);
    incomplete.instance(4).setMissing(2);
    Exception missing = assertThrows(Exception.class, () -> apply(attack(NMF3), incomplete));
    assertTrue(missing.getMessage().contains("missing value") && missing.getMessage().contains("instance 5")
        && missing.getMessage().contains("ReplaceMissingValues"), missing.getMessage());
    Exception epsilon = assertThrows(Exception.class, () -> attack("-epsilon -1"));
    assertTrue(epsilon.getMessage().contains("-epsilon"), epsilon.getMessage());
    Exception norm = assertThrows(Exception.class, () -> attack("-norm 1"));
    assertTrue(norm.getMessage().contains("-norm") && norm.getMessage().contains("inf"), norm.getMessage());
    Exception clusterer = assertThrows(Exception.class, () -> attack("-W weka.clusterers.SimpleKMeans"));
    assertTrue(clusterer.getMessage().contains("-W"), clusterer.getMessage());
  }

  /** ANMF takes the attack itself as its attacker target Z: the filter keeps the rows, shape and weights it checks. */
  @Test
  void anmfTakesTheAttackAsItsTarget() throws Exception {
    Instances data = labelled(6);
    data.setClassIndex(-1);
    data.deleteAttributeAt(CLASS);
    ANMF anmf = new ANMF();
    anmf.setOptions(new String[] {"-N", "3", "-I", "30", "-target",
        FactorizationAttack.class.getName() + " -epsilon 0.1" + NMF3});
    anmf.buildClusterer(data);
    assertTrue(anmf.toString().contains("Attacker target Z"), anmf.toString());
    assertEquals(data.numInstances(), anmf.getTrainingAssignments().length);
    assertFalse(anmf.getTarget().isEmpty());
  }
}
