package adversarialnmf;

/**
 * A named alternative of the core (an enum constant): the short key a user types, e.g. on a Weka
 * command line, and a one-line description. The Weka faces build their tags from these, so each
 * choice is named once.
 */
public interface Choice {

  /** The short name, lower case, e.g. {@code "kmeans"}. */
  String key();

  /** What the choice does, one line. */
  String description();
}
