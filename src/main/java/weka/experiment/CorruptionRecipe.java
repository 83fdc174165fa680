package weka.experiment;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import weka.core.Instances;
import weka.core.Randomizable;
import weka.core.Utils;
import weka.filters.Filter;
import weka.filters.MultiFilter;

/**
 * A named corruption of a data set, as Weka filter command lines, one per stage. The ANMF paper
 * corrupts images in three successive stages (the data X̃ and the attacker's targets Z and Z̃);
 * {@link RobustnessBenchmark} applies stage 1 to the data it clusters. {@link #DEFAULTS} is the
 * one table of the paper's recipes.
 */
public final class CorruptionRecipe implements Serializable {

  private static final long serialVersionUID = -6352520357683133066L;

  private static final String FILTERS = "weka.filters.unsupervised.attribute.";
  private static final Pattern STAGE_PLACEHOLDER = Pattern.compile("\\{stage(\\d+)(?:-(\\d+))?(?:\\|([^}]*))?\\}");

  /**
   * The paper's recipes (Section 6): salt &amp; pepper 10/10/10 % of the pixels, corrupted pixels
   * 20/5/5 %, regular patches covering 50/25/25 % of the image; the paper gives no percentages for
   * irregular patches, so they follow the regular ones.
   */
  public static final List<CorruptionRecipe> DEFAULTS = Collections.unmodifiableList(Arrays.asList(
      new CorruptionRecipe("clean", "no corruption"),
      new CorruptionRecipe("saltpepper", "salt & pepper, 10/10/10 % of the pixels",
          FILTERS + "SaltAndPepperNoise -P 10", FILTERS + "SaltAndPepperNoise -P 10",
          FILTERS + "SaltAndPepperNoise -P 10"),
      new CorruptionRecipe("pixel", "corrupted pixels, 20/5/5 % of the pixels",
          FILTERS + "CorruptedPixelNoise -P 20", FILTERS + "CorruptedPixelNoise -P 5",
          FILTERS + "CorruptedPixelNoise -P 5"),
      new CorruptionRecipe("regular", "regular patch, 50/25/25 % of the image",
          FILTERS + "RegularPatchNoise -P 50", FILTERS + "RegularPatchNoise -P 25",
          FILTERS + "RegularPatchNoise -P 25"),
      new CorruptionRecipe("irregular", "irregular patch, 50/25/25 % of the image",
          FILTERS + "IrregularPatchNoise -P 50", FILTERS + "IrregularPatchNoise -P 25",
          FILTERS + "IrregularPatchNoise -P 25")));

  private final String name;
  private final String description;
  private final String[] stages;

  public CorruptionRecipe(String name, String description, String... stages) {
    if (name == null || name.trim().isEmpty() || name.contains(",")) {
      throw new IllegalArgumentException("a recipe needs a non-empty name without commas, got '" + name + "'");
    }
    this.name = name.trim();
    this.description = description;
    this.stages = stages.clone();
    for (int i = 0; i < stages.length; i++) {
      if (stages[i] == null || stages[i].trim().isEmpty()) {
        throw new IllegalArgumentException("recipe '" + name + "': stage " + (i + 1) + " has no filter");
      }
    }
  }

  /**
   * A recipe from the command line: a default's name ({@code pixel}), or {@code name=filter
   * command line} for a one-stage recipe of one's own.
   */
  public static CorruptionRecipe parse(String text) {
    int equals = text.indexOf('=');
    if (equals > 0) {
      String filter = text.substring(equals + 1).trim();
      return new CorruptionRecipe(text.substring(0, equals), filter, filter);
    }
    List<String> names = new ArrayList<String>();
    for (CorruptionRecipe recipe : DEFAULTS) {
      if (recipe.name.equalsIgnoreCase(text.trim())) {
        return recipe;
      }
      names.add(recipe.name);
    }
    throw new IllegalArgumentException("unknown corruption recipe '" + text + "'; valid: " + names
        + ", or name=<filter command line>");
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  /** Number of stages; 0 for the clean recipe. */
  public int stageCount() {
    return stages.length;
  }

  /** True if stage 1 is one of the package's image corruptions (it needs pixels, not sparse counts). */
  public boolean corruptsImages() throws Exception {
    return stages.length > 0 && stageFilter(1, 1) instanceof weka.filters.unsupervised.attribute.AbstractImageNoise;
  }

  /** The filter command line of stage {@code stage} (1-based). */
  public String stage(int stage) {
    return stages[stage - 1];
  }

  /** The stage-1 filter command line, or "" for the clean recipe; identifies the recipe in result files. */
  public String dataStage() {
    return stages.length == 0 ? "" : stages[0];
  }

  /**
   * Applies stage 1 to {@code data} with the given seed; the clean recipe returns {@code data}
   * itself.
   */
  public Instances corrupt(Instances data, int seed) throws Exception {
    if (stages.length == 0) {
      return data;
    }
    Filter filter = stageFilter(1, seed);
    filter.setInputFormat(data);
    return Filter.useFilter(data, filter);
  }

  /**
   * A fresh filter for stage {@code stage} (1-based). Stage k is seeded with {@code seed + k − 1}
   * when it is {@link Randomizable}, overriding any -S in the recipe, so successive stages draw
   * independent corruptions.
   */
  public Filter stageFilter(int stage, int seed) throws Exception {
    if (stage < 1 || stage > stages.length) {
      throw new IllegalArgumentException("recipe '" + name + "' has " + stages.length + " stages, no stage " + stage);
    }
    String[] options = Utils.splitOptions(stages[stage - 1]);
    if (options.length == 0) {
      throw new IllegalArgumentException("recipe '" + name + "': stage " + stage + " has no filter class");
    }
    String className = options[0];
    options[0] = "";
    Filter filter = (Filter) Utils.forName(Filter.class, className, options);
    if (filter instanceof Randomizable) {
      ((Randomizable) filter).setSeed(seed + stage - 1);
    }
    return filter;
  }

  /** Stages 1..{@code stages} applied in succession, as one filter (the paper's X̃, Z, Z̃). */
  public Filter successiveStages(int stages, int seed) throws Exception {
    Filter[] chain = new Filter[stages];
    for (int k = 1; k <= stages; k++) {
      chain[k - 1] = stageFilter(k, seed);
    }
    MultiFilter multi = new MultiFilter();
    multi.setFilters(chain);
    return multi;
  }

  /**
   * Replaces each placeholder in a command line by a later stage of this recipe, so that a clusterer
   * can take it as its own input, e.g. ANMF's attacker target {@code -target "{stage2-3|shift}"}:
   * <ul>
   *   <li>{@code {stageK}}: stage K's filter command line with {@code -S seed+K-1} appended (the
   *       seeding of {@link #stageFilter});</li>
   *   <li>{@code {stageK-L}}: stages K..L as one {@code MultiFilter} (seeded {@code seed+K-1}; the
   *       inner command lines are quoted for use inside a double-quoted option value);</li>
   *   <li>{@code |fallback}: used when the recipe lacks a named stage.</li>
   * </ul>
   *
   * @throws IllegalArgumentException if a stage is missing and the placeholder has no fallback
   */
  public String substituteStages(String commandLine, int seed) {
    Matcher placeholder = STAGE_PLACEHOLDER.matcher(commandLine);
    StringBuffer out = new StringBuffer();
    while (placeholder.find()) {
      int first = Integer.parseInt(placeholder.group(1));
      int last = placeholder.group(2) == null ? first : Integer.parseInt(placeholder.group(2));
      String replacement;
      if (first >= 1 && first <= last && last <= stages.length) {
        replacement = first == last ? stages[first - 1] + " -S " + (seed + first - 1) : chain(first, last, seed);
      } else if (placeholder.group(3) != null) {
        replacement = placeholder.group(3);
      } else {
        throw new IllegalArgumentException("recipe '" + name + "' has no stage " + last + " for "
            + placeholder.group() + " in '" + commandLine + "'; give a fallback as {stage" + first
            + (first == last ? "" : "-" + last) + "|...}");
      }
      placeholder.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    placeholder.appendTail(out);
    return out.toString();
  }

  /** Stages first..last as a MultiFilter command line whose inner quotes are escaped. */
  private String chain(int first, int last, int seed) {
    StringBuilder multi = new StringBuilder("weka.filters.MultiFilter -S ").append(seed + first - 1);
    for (int k = first; k <= last; k++) {
      multi.append(" -F \\\"").append(stages[k - 1]).append("\\\"");
    }
    return multi.toString();
  }

  @Override
  public String toString() {
    return name + " (" + description + ")";
  }
}
