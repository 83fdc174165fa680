package adversarialnmf.weka;

import java.util.ArrayList;
import java.util.List;
import weka.core.SelectedTag;
import weka.core.Tag;
import weka.core.Utils;

/**
 * Command-line option parsing shared by the package's Weka classes: values read with a fallback,
 * and errors that name the option, the value and what is valid.
 */
public final class WekaOptions {

  private WekaOptions() {
  }

  /** The value of option {@code -flag} as a double, or {@code fallback} if absent; names the option if malformed. */
  public static double doubleOption(String flag, String[] options, double fallback) throws Exception {
    String value = Utils.getOption(flag, options);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("option -" + flag + " needs a number, got '" + value + "'");
    }
  }

  /** The value of option {@code -flag} as an int, or {@code fallback} if absent; names the option if malformed. */
  public static int intOption(String flag, String[] options, int fallback) throws Exception {
    String value = Utils.getOption(flag, options);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("option -" + flag + " needs a whole number, got '" + value + "'");
    }
  }

  /** The tag selected by option {@code -flag} (by short name), or the one with id {@code fallback}. */
  public static SelectedTag tagOption(String flag, String[] options, Tag[] tags, int fallback) throws Exception {
    String value = Utils.getOption(flag, options);
    return new SelectedTag(value.isEmpty() ? fallback : tagId(tags, value, "-" + flag), tags);
  }

  /** The id of the tag whose read-name is {@code name}, with a message listing the valid names. */
  public static int tagId(Tag[] tags, String name, String option) {
    List<String> names = new ArrayList<String>();
    for (Tag tag : tags) {
      if (tag.getIDStr().equalsIgnoreCase(name)) {
        return tag.getID();
      }
      names.add(tag.getIDStr());
    }
    throw new IllegalArgumentException("unknown value '" + name + "' for " + option + "; valid: " + names);
  }

  /** The short name (used on the command line) of the tag with this id. */
  public static String tagName(Tag[] tags, int id) {
    for (Tag tag : tags) {
      if (tag.getID() == id) {
        return tag.getIDStr();
      }
    }
    throw new IllegalStateException("no tag with id " + id);
  }
}
