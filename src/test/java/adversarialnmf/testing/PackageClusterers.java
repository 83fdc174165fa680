package adversarialnmf.testing;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import weka.clusterers.AbstractClusterer;
import weka.clusterers.AbstractNMFClusterer;
import weka.core.ClassDiscovery;
import weka.core.Utils;

/**
 * The NMF clusterers this package ships, discovered rather than listed: every public concrete
 * subclass of {@link AbstractNMFClusterer} in {@code weka.clusterers}, found by Weka's own
 * {@link ClassDiscovery} over the class path. That is the search the GenericObjectEditor runs for
 * the package's GenericPropertiesCreator.props entry ({@code weka.clusterers.AbstractNMFClusterer=
 * weka.clusterers}), so the tests loop over exactly what the Explorer offers, and a new clusterer
 * joins every loop (and the checks of the documents that must name it) without an edit.
 */
public final class PackageClusterers {

  private static final List<Class<? extends AbstractNMFClusterer>> DISCOVERED = discover();

  private PackageClusterers() {
  }

  private static List<Class<? extends AbstractNMFClusterer>> discover() {
    List<Class<? extends AbstractNMFClusterer>> found = new ArrayList<>();
    for (String name : ClassDiscovery.find(AbstractNMFClusterer.class, "weka.clusterers")) {
      try {
        Class<?> type = Class.forName(name);
        if (Modifier.isPublic(type.getModifiers()) && !Modifier.isAbstract(type.getModifiers())) {
          found.add(type.asSubclass(AbstractNMFClusterer.class));
        }
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("discovered but not loadable: " + name, e);
      }
    }
    found.sort((p, q) -> p.getSimpleName().compareTo(q.getSimpleName()));
    if (found.isEmpty()) {
      throw new IllegalStateException("no NMF clusterer found in weka.clusterers on the class path");
    }
    return Collections.unmodifiableList(found);
  }

  /** The clusterer classes, by simple name. */
  public static List<Class<? extends AbstractNMFClusterer>> classes() {
    return DISCOVERED;
  }

  /** Their simple names (the names the Explorer's tree and weka.Run show), sorted. */
  public static List<String> names() {
    List<String> names = new ArrayList<>();
    for (Class<?> type : DISCOVERED) {
      names.add(type.getSimpleName());
    }
    return names;
  }

  /** A fresh clusterer at its defaults. */
  public static AbstractNMFClusterer fresh(Class<? extends AbstractNMFClusterer> type) throws Exception {
    return type.getDeclaredConstructor().newInstance();
  }

  /** The clusterer of a spec "SimpleName options..." (e.g. "NMF -solver hals"), options set. */
  public static AbstractNMFClusterer fromSpec(String spec) throws Exception {
    String[] options = Utils.splitOptions(spec);
    String name = "weka.clusterers." + options[0];
    options[0] = "";
    return (AbstractNMFClusterer) AbstractClusterer.forName(name, options);
  }
}
