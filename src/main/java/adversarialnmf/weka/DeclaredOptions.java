package adversarialnmf.weka;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Vector;
import weka.core.Option;
import weka.core.OptionHandler;
import weka.core.OptionMetadata;
import weka.core.SelectedTag;
import weka.core.Tag;
import weka.core.Utils;

/**
 * Command-line options generated from one declaration per option, on the property's getter:
 * Weka's {@link OptionMetadata} (display name, tip text, display order, which the property sheet
 * reads too) and our {@link CommandLineOption} (the flag). The type comes from the getter, the
 * default from a fresh instance of the class, the range from the setter (which hands the value to
 * the core's own check). Options are listed, written and shown in display order.
 *
 * <p>Weka's own {@code Option.setOptions} (which its base classes run on
 * {@code OptionMetadata.commandLineParamName}) is not used: it prints and swallows a bad value,
 * matches tags by their long description, and keeps the current value of an absent option. Here a
 * bad value is an error naming the option and the value, tags match their short name, and an
 * absent option returns to its default, as Weka's hand-written options do.
 */
public final class DeclaredOptions {

  private DeclaredOptions() {
  }

  /** One declared option: the annotation and the property's accessors. */
  private static final class Declared {
    final OptionMetadata meta;
    final CommandLineOption option;
    final Method getter;
    final Method setter;

    Declared(OptionMetadata meta, CommandLineOption option, Method getter, Method setter) {
      this.meta = meta;
      this.option = option;
      this.getter = getter;
      this.setter = setter;
    }

    String flag() {
      return option.value();
    }

    Class<?> type() {
      return getter.getReturnType();
    }

    boolean isFlag() {
      return type() == boolean.class;
    }

    /** A nested scheme: an object with options of its own, written as -W class ... -- its options. */
    boolean isNested() {
      Class<?> t = type();
      return !t.isPrimitive() && t != String.class && t != String[].class && t != SelectedTag.class
          && !Number.class.isAssignableFrom(t);
    }
  }

  private static final ClassValue<List<Declared>> DECLARED = new ClassValue<List<Declared>>() {
    @Override
    protected List<Declared> computeValue(Class<?> type) {
      return declare(type);
    }
  };

  private static final ClassValue<Object> PROTOTYPES = new ClassValue<Object>() {
    @Override
    protected Object computeValue(Class<?> type) {
      try {
        return type.getDeclaredConstructor().newInstance();
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(type.getName() + " needs a public no-argument constructor"
            + " for its option defaults", e);
      }
    }
  };

  private static List<Declared> declare(Class<?> type) {
    Map<String, Declared> byFlag = new LinkedHashMap<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Method getter : c.getDeclaredMethods()) {
        CommandLineOption option = getter.getAnnotation(CommandLineOption.class);
        if (option == null) {
          continue;
        }
        OptionMetadata meta = getter.getAnnotation(OptionMetadata.class);
        if (meta == null || getter.getParameterCount() != 0 || !Modifier.isPublic(getter.getModifiers())) {
          throw new IllegalStateException(type.getName() + "." + getter.getName() + ": option -" + option.value()
              + " needs a public getter that also carries @OptionMetadata");
        }
        String property = getter.getName().replaceFirst("^(get|is)", "");
        Method setter;
        try {
          setter = type.getMethod("set" + property, getter.getReturnType());
        } catch (NoSuchMethodException e) {
          throw new IllegalStateException(type.getName() + ": option -" + option.value()
              + " has a getter " + getter.getName() + " but no matching setter", e);
        }
        Declared declared = new Declared(meta, option, getter, setter);
        byFlag.putIfAbsent(declared.flag(), declared);
      }
    }
    List<Declared> list = new ArrayList<>(byFlag.values());
    list.sort(Comparator.comparingInt((Declared d) -> d.meta.displayOrder()).thenComparing(Declared::flag));
    return Collections.unmodifiableList(list);
  }

  /** The options of {@code target}'s class, in display order, with their defaults. */
  public static Vector<Option> listOptions(Object target) {
    Vector<Option> options = new Vector<>();
    Object prototype = PROTOTYPES.get(target.getClass());
    for (Declared d : DECLARED.get(target.getClass())) {
      StringBuilder text = new StringBuilder(wrap(d.meta.description()));
      if (!d.isFlag()) {
        String value = format(get(d, prototype));
        if (!value.isEmpty()) {
          text.append("\n\t(default ").append(value).append(')');
        }
      }
      options.add(new Option(text.toString(), d.flag(), d.isFlag() ? 0 : 1,
          synopsis(d, prototype)));
    }
    for (Declared d : DECLARED.get(target.getClass())) {
      Object scheme = get(d, target);
      if (d.isNested() && scheme instanceof OptionHandler) {
        options.add(new Option("", "", 0, "\nOptions specific to " + scheme.getClass().getName() + ":"));
        options.addAll(Collections.list(((OptionHandler) scheme).listOptions()));
      }
    }
    return options;
  }

  /** A command-line program's {@code -h} text: its name and global info, then every option of {@code handler}. */
  public static String help(String program, String globalInfo, weka.core.OptionHandler handler) {
    StringBuilder text = new StringBuilder(program).append(": ").append(globalInfo).append("\n\nOptions:\n\n");
    for (Option option : Collections.list(handler.listOptions())) {
      text.append(option.synopsis()).append('\n').append(option.description()).append("\n\n");
    }
    return text.toString();
  }

  /** A {@code -W} command line with the scheme's options after {@code --} (consumed from {@code options}) appended. */
  public static String withOptionsAfterDashes(String commandLine, String[] options) throws Exception {
    String[] after = Utils.partitionOptions(options);
    return after.length == 0 ? commandLine : commandLine + " " + Utils.joinOptions(after);
  }

  /**
   * Sets every declared option of {@code target} from {@code options} (consuming them); an
   * absent option gets its default.
   */
  public static void setOptions(Object target, String[] options) throws Exception {
    Object prototype = PROTOTYPES.get(target.getClass());
    for (Declared d : DECLARED.get(target.getClass())) {
      Object value;
      String text = "";
      if (d.isFlag()) {
        value = Utils.getFlag(d.flag(), options);
      } else if (d.isNested()) {
        text = Utils.getOption(d.flag(), options);
        value = nested(d, text.isEmpty() ? get(d, prototype).getClass().getName() : text, options);
      } else if (d.type() == String[].class) {
        // a repeated option, one value per occurrence
        List<String> values = new ArrayList<>();
        for (String v = Utils.getOption(d.flag(), options); !v.isEmpty(); v = Utils.getOption(d.flag(), options)) {
          values.add(v);
        }
        text = String.join(" ", values);
        value = values.isEmpty() ? get(d, prototype) : values.toArray(new String[0]);
      } else {
        text = Utils.getOption(d.flag(), options);
        value = text.isEmpty() ? get(d, prototype) : parse(d, text, get(d, target));
      }
      try {
        d.setter.invoke(target, value);
      } catch (InvocationTargetException e) {
        throw named(d, text, e.getCause());
      }
    }
  }

  /** The declared options' current values, in display order, followed by {@code inherited}. */
  public static String[] getOptions(Object target, String... inherited) {
    List<String> options = new ArrayList<>();
    List<String> nested = new ArrayList<>();
    for (Declared d : DECLARED.get(target.getClass())) {
      Object value = get(d, target);
      if (d.isNested()) { // after the others, as Weka's meta schemes write -W
        nested.add("-" + d.flag());
        nested.add(value.getClass().getName());
        nested.add("--");
        if (value instanceof OptionHandler) {
          nested.addAll(Arrays.asList(((OptionHandler) value).getOptions()));
        }
      } else if (d.isFlag()) {
        if (Boolean.TRUE.equals(value)) {
          options.add("-" + d.flag());
        }
      } else if (value instanceof String[]) {
        for (String element : (String[]) value) {
          options.add("-" + d.flag());
          options.add(element);
        }
      } else if (!format(value).isEmpty()) {
        options.add("-" + d.flag());
        options.add(format(value));
      }
    }
    options.addAll(Arrays.asList(inherited));
    options.addAll(nested); // last: everything after "--" is the nested scheme's
    return options.toArray(new String[0]);
  }

  /**
   * The nested scheme {@code name} with the options after {@code --} (consumed), made by Weka's
   * class loader, which sees the classes of installed packages.
   */
  private static Object nested(Declared d, String name, String[] options) throws Exception {
    String[] schemeOptions = Utils.partitionOptions(options);
    Object scheme;
    try {
      scheme = Utils.forName(Object.class, name, schemeOptions);
    } catch (Exception e) {
      throw new IllegalArgumentException("option -" + d.flag() + " " + name + ": " + e.getMessage(), e);
    }
    if (!d.type().isInstance(scheme)) {
      throw new IllegalArgumentException("option -" + d.flag() + " " + name + ": not a " + d.type().getName()
          + ", which the " + d.meta.displayName() + " must be");
    }
    return scheme;
  }

  private static Object get(Declared d, Object target) {
    try {
      return d.getter.invoke(target);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("reading option -" + d.flag() + ": " + e.getCause(), e.getCause());
    }
  }

  private static Object parse(Declared d, String text, Object current) {
    Class<?> type = d.type();
    try {
      if (type == int.class || type == Integer.class) {
        return Integer.parseInt(text.trim());
      }
      if (type == long.class || type == Long.class) {
        return Long.parseLong(text.trim());
      }
      if (type == double.class || type == Double.class) {
        return Double.parseDouble(text.trim());
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("option -" + d.flag() + " needs "
          + (type == double.class || type == Double.class ? "a number" : "a whole number")
          + ", got '" + text + "'");
    }
    if (type == SelectedTag.class) {
      Tag[] tags = ((SelectedTag) current).getTags();
      return new SelectedTag(tagId(tags, text.trim(), "-" + d.flag()), tags);
    }
    if (type == String.class) {
      return text;
    }
    throw new IllegalStateException("option -" + d.flag() + ": unsupported type " + type.getName());
  }

  /** The id of the tag whose short name is {@code name}, with a message listing the valid names. */
  public static int tagId(Tag[] tags, String name, String option) {
    List<String> names = new ArrayList<>();
    for (Tag tag : tags) {
      if (tag.getIDStr().equalsIgnoreCase(name)) {
        return tag.getID();
      }
      names.add(tag.getIDStr());
    }
    throw new IllegalArgumentException("unknown value '" + name + "' for " + option + "; valid: " + names);
  }

  /** How a value is written on the command line; NaN and "" mean "not set" and are left out. */
  private static String format(Object value) {
    if (value instanceof Double && ((Double) value).isNaN()) {
      return "";
    }
    if (value instanceof SelectedTag) {
      return ((SelectedTag) value).getSelectedTag().getIDStr();
    }
    if (value instanceof String[]) {
      return String.join(", ", (String[]) value);
    }
    if (value instanceof OptionHandler) {
      return value.getClass().getName();
    }
    return value == null ? "" : value.toString();
  }

  private static String synopsis(Declared d, Object prototype) {
    if (!d.option.synopsis().isEmpty()) {
      return d.option.synopsis();
    }
    if (d.isFlag()) {
      return "-" + d.flag();
    }
    if (d.isNested()) {
      return "-" + d.flag() + " <class name> [-- its options]";
    }
    Object value = get(d, prototype);
    if (value instanceof SelectedTag) {
      List<String> names = new ArrayList<>();
      for (Tag tag : ((SelectedTag) value).getTags()) {
        names.add(tag.getIDStr());
      }
      return "-" + d.flag() + " <" + String.join("|", names) + ">";
    }
    return "-" + d.flag() + (value instanceof String || value instanceof String[] ? " <text>" : " <num>");
  }

  /** A setter's rejection, naming the option and the value unless its message already does. */
  private static Exception named(Declared d, String text, Throwable cause) {
    String message = String.valueOf(cause.getMessage());
    if (cause instanceof IllegalArgumentException && !message.contains("-" + d.flag())) {
      return new IllegalArgumentException("option -" + d.flag() + (text.isEmpty() ? "" : " '" + text + "'")
          + ": " + message, cause);
    }
    return cause instanceof Exception ? (Exception) cause : new IllegalStateException(cause);
  }

  /** The description as Weka prints option help: tab-indented lines of at most about 72 characters. */
  private static String wrap(String description) {
    StringBuilder text = new StringBuilder("\t");
    int column = 0;
    for (String word : description.trim().split("\\s+")) {
      if (column > 0 && column + word.length() > 72) {
        text.append("\n\t");
        column = 0;
      } else if (column > 0) {
        text.append(' ');
        column++;
      }
      text.append(word);
      column += word.length();
    }
    return text.toString();
  }
}
