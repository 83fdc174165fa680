package adversarialnmf.properties;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;

/**
 * What a refusal must look like: a message that starts with who refused and names the attribute
 * (quoted), the instance, the option (-flag) or the data as a whole, and leaks no internals.
 */
final class WekaErrorRule {

  private static final Pattern NAMES_SOMETHING = Pattern.compile(
      "'[^']+'|instance \\d+|\\(-[a-zA-Z-]+\\)|-[a-zA-Z][a-zA-Z-]* |the data|data value|instances");
  /** Fragments of messages that come from the inside of a solver, not from a check. */
  private static final Pattern INTERNAL = Pattern.compile(
      "shift t must|Src and Dest|Index \\d+ out of bounds|NullPointer|ArrayIndex|not positive definite|got NaN");

  private WekaErrorRule() {
  }

  static void assertClear(Exception e, String who) {
    String message = e.getMessage();
    assertTrue(message != null && message.startsWith(who), "the message names who refused: " + e);
    assertTrue(NAMES_SOMETHING.matcher(message).find(), "the message names the attribute, row or option: " + e);
    assertTrue(!INTERNAL.matcher(message).find(), "the message leaks internals: " + e);
  }
}
