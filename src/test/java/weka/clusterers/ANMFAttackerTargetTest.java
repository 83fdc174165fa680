package weka.clusterers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import adversarialnmf.testing.PlantedData;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.beans.PropertyEditorManager;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import weka.core.CheckGOE;
import weka.core.Instances;
import weka.core.Utils;
import weka.filters.AllFilter;
import weka.filters.Filter;
import weka.filters.unsupervised.attribute.ConstantShift;
import weka.filters.unsupervised.attribute.SaltAndPepperNoise;
import weka.gui.GenericObjectEditor;
import weka.gui.ProgrammaticProperty;

/**
 * The attacker target as the property sheet offers it (a filter chosen with Weka's object editor,
 * {@link ConstantShift} for the shift) and as the command line writes it ({@code -target shift -shift t}
 * or {@code -target "<filter spec>"}): both name the same fit, and each form round-trips.
 */
class ANMFAttackerTargetTest {

  private static final String SHIFT_FILTER = ConstantShift.class.getName();

  private static ANMF anmf(String... options) throws Exception {
    ANMF c = new ANMF();
    c.setOptions(options);
    return c;
  }

  private static ANMF fitted(ANMF c, Instances data) throws Exception {
    c.buildClusterer(data);
    return c;
  }

  private static void assertSameFit(ANMF expected, ANMF actual) {
    assertArrayEquals(expected.getObjectiveTrace(), actual.getObjectiveTrace(), 0.0);
    assertArrayEquals(expected.getTrainingAssignments(), actual.getTrainingAssignments());
    assertEquals(shiftOf(expected), shiftOf(actual));
  }

  /** The t of "Attacker target Z: shift Z = Y + t" in the model's output. */
  private static double shiftOf(ANMF fitted) {
    Matcher t = Pattern.compile("shift Z = Y \\+ (\\S+)").matcher(fitted.toString());
    assertTrue(t.find(), fitted.toString());
    return Double.parseDouble(t.group(1));
  }

  @Test
  void theShiftFilterIsTheShiftTargetGivenOrDrawn() throws Exception {
    Instances data = PlantedData.generate(20, 10, 2, 0.02, 4).instances();
    String[] fit = {"-N", "2", "-I", "25", "-S", "3"};
    ANMF byName = fitted(anmf(concat(fit, "-target", "shift", "-shift", "0.3")), data);
    ANMF bySpec = fitted(anmf(concat(fit, "-target", SHIFT_FILTER + " -shift 0.3")), data);
    ANMF byEditor = anmf(fit.clone());
    byEditor.setAttackerTarget(new ConstantShift(0.3));
    assertSameFit(byName, bySpec);
    assertSameFit(byName, fitted(byEditor, data));

    // a drawn t comes from the target stream of the shift filter's seed, ANMF's own unless the filter has another
    ANMF drawn = fitted(anmf(fit.clone()), data);
    ConstantShift shown = (ConstantShift) anmf(fit.clone()).getAttackerTarget();
    assertEquals(3, shown.getSeed());
    ANMF drawnByEditor = anmf(fit.clone());
    drawnByEditor.setAttackerTarget(shown);
    assertEquals("shift", drawnByEditor.getTarget());
    assertSameFit(drawn, fitted(anmf(concat(fit, "-target", SHIFT_FILTER + " -S 3")), data));
    assertSameFit(drawn, fitted(drawnByEditor, data));
    assertFalse(shiftOf(drawn) == shiftOf(fitted(anmf("-N", "2", "-I", "25", "-S", "4"), data)));

    ConstantShift seeded = new ConstantShift();
    seeded.setSeed(99);
    ANMF seededByEditor = anmf(fit.clone());
    seededByEditor.setAttackerTarget(seeded);
    assertEquals(99, ((ConstantShift) seededByEditor.getAttackerTarget()).getSeed(), "the seed shown is the one used");
    double seededShift = shiftOf(fitted(seededByEditor, data));
    assertEquals(shiftOf(fitted(anmf("-N", "2", "-I", "25", "-S", "99"), data)), seededShift, 0.0);
    assertFalse(seededShift == shiftOf(drawn));
    assertSameFit(seededByEditor, fitted(anmf(seededByEditor.getOptions()), data));
  }

  /** A filter that changes the shape is refused when it is chosen, naming the option and what to choose. */
  @Test
  void aTargetThatChangesTheShapeIsRefusedWhenChosen() throws Exception {
    weka.filters.unsupervised.attribute.Remove remove = new weka.filters.unsupervised.attribute.Remove();
    remove.setAttributeIndices("1");
    for (Filter wrong : new Filter[] {remove, new weka.filters.unsupervised.attribute.PrincipalComponents(),
        new weka.filters.unsupervised.instance.Randomize()}) {
      ANMF c = new ANMF();
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.setAttackerTarget(wrong));
      assertTrue(e.getMessage().startsWith("ANMF: the ") && e.getMessage().contains("(-target)")
          || e.getMessage().contains("an instance filter"), e.getMessage());
      assertEquals("shift", c.getTarget(), "the refused choice is not kept");
    }
    IllegalArgumentException typed = assertThrows(IllegalArgumentException.class,
        () -> anmf("-target", "weka.filters.unsupervised.attribute.Remove -R 1"));
    assertTrue(typed.getMessage().contains("turned 8 instances x 16 numeric attributes into 8 x 15; Z must keep the"
        + " data's shape"), typed.getMessage());
    ANMF c = new ANMF();
    c.setAttackerTarget(new AllFilter());
    c.setAttackerTarget(new SaltAndPepperNoise());
    assertEquals(Utils.toCommandLine(new SaltAndPepperNoise()), c.getTarget());
  }

  @Test
  void theFilterAloneDrawsTheTOfAnmfWithTheSameSeed() throws Exception {
    Instances data = PlantedData.generate(20, 10, 2, 0.02, 4).instances();
    for (int seed : new int[] {1, 5}) {
      ConstantShift shift = new ConstantShift();
      shift.setSeed(seed);
      shift.setInputFormat(data);
      Instances shifted = Filter.useFilter(data, shift);
      ANMF c = fitted(anmf("-N", "2", "-I", "3", "-S", String.valueOf(seed), "-scaling", "none"), data);
      assertEquals(shiftOf(c), shift.appliedShift(), 0.0);
      assertEquals(data.instance(3).value(2) + shift.appliedShift(), shifted.instance(3).value(2), 0.0);
    }
  }

  @Test
  void theEditorsChoiceIsWrittenAsTheCommandLineAndRoundTrips() throws Exception {
    String[] defaults = new ANMF().getOptions();
    assertTrue(Utils.joinOptions(defaults).contains("-lambda 0.001 -target shift -shift -1.0 -solver auto"),
        Utils.joinOptions(defaults));

    ANMF c = new ANMF();
    c.setAttackerTarget(new ConstantShift(0.25));
    assertOptions(c, "shift", "0.25");
    c.setAttackerTarget(new AllFilter());
    assertOptions(c, "weka.filters.AllFilter", "-1.0");
    SaltAndPepperNoise noise = new SaltAndPepperNoise();
    noise.setPercent(10);
    noise.setSeed(2);
    c.setAttackerTarget(noise);
    assertOptions(c, Utils.toCommandLine(noise), "-1.0");
    Filter shown = c.getAttackerTarget();
    assertTrue(shown instanceof SaltAndPepperNoise, String.valueOf(shown));
    assertEquals(Utils.toCommandLine(noise), Utils.toCommandLine(shown));

    // a command line's own spelling is kept (the documented outputs print it), and still names its filter
    ANMF typed = anmf("-target", "weka.filters.MultiFilter -S 2 -F \"" + SaltAndPepperNoise.class.getName()
        + " -P 10\"");
    assertEquals("weka.filters.MultiFilter -S 2 -F \"" + SaltAndPepperNoise.class.getName() + " -P 10\"",
        typed.getTarget());
    assertTrue(typed.getAttackerTarget() instanceof weka.filters.MultiFilter);
    ANMF again = anmf(typed.getOptions().clone());
    assertArrayEquals(typed.getOptions(), again.getOptions());

    assertEquals(ConstantShift.class.getName(), adversarialnmf.weka.ShiftTarget.FILTER_CLASS);
    ANMF shiftByDefault = anmf("-S", "7", "-shift", "0.5");
    ConstantShift offered = (ConstantShift) shiftByDefault.getAttackerTarget();
    assertEquals(0.5, offered.getShift());
    assertEquals(7, offered.getSeed());
  }

  private static void assertOptions(ANMF c, String target, String shift) throws Exception {
    String[] options = c.getOptions();
    int at = Arrays.asList(options).indexOf("-target");
    assertEquals(target, options[at + 1], Utils.joinOptions(options));
    assertEquals("-shift", options[at + 2]);
    assertEquals(shift, options[at + 3]);
    ANMF again = anmf(options.clone());
    assertArrayEquals(options, again.getOptions());
    assertEquals(Utils.toCommandLine(c.getAttackerTarget()), Utils.toCommandLine(again.getAttackerTarget()));
  }

  /**
   * The property sheet shows the target as a filter (Weka's object editor with the filter tree); the
   * command-line forms are hidden from it; Weka's CheckGOE finds global info and every tip text.
   */
  @Test
  void thePropertySheetOffersTheTargetAsAFilter() throws Exception {
    Map<String, PropertyDescriptor> shown = new HashMap<>();
    for (PropertyDescriptor p : Introspector.getBeanInfo(ANMF.class).getPropertyDescriptors()) {
      if (p.getReadMethod() != null && p.getWriteMethod() != null
          && p.getReadMethod().getAnnotation(ProgrammaticProperty.class) == null) {
        shown.put(p.getName(), p);
      }
    }
    assertEquals(Filter.class, shown.get("attackerTarget").getPropertyType());
    assertNull(shown.get("target"));
    assertNull(shown.get("shift"));
    GenericObjectEditor.registerEditors();
    assertNotNull(PropertyEditorManager.findEditor(Filter.class));
    assertTrue(PropertyEditorManager.findEditor(Filter.class) instanceof GenericObjectEditor);

    for (Object object : new Object[] {new ANMF(), new ConstantShift()}) {
      CheckGOE check = new CheckGOE();
      check.setSilent(true);
      check.setObject(object);
      assertTrue(check.checkGlobalInfo(), object.getClass().getName());
      assertTrue(check.checkToolTips(), object.getClass().getName());
    }
  }

  private static String[] concat(String[] first, String... more) {
    String[] all = Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }
}
