package adversarialnmf.weka;

import adversarialnmf.Choice;
import weka.core.SelectedTag;
import weka.core.Tag;

/** Weka tags made from a core enum of {@link Choice}s: id = ordinal, short name = key. */
public final class EnumTags {

  private EnumTags() {
  }

  /** The tags of every constant of {@code type}, in declaration order. */
  public static <E extends Enum<E> & Choice> Tag[] of(Class<E> type) {
    E[] constants = type.getEnumConstants();
    Tag[] tags = new Tag[constants.length];
    for (E constant : constants) {
      tags[constant.ordinal()] = new Tag(constant.ordinal(), constant.key(), constant.description(), false);
    }
    return tags;
  }

  /** {@code value} selected among {@code tags} (made by {@link #of}). */
  public static SelectedTag selected(Enum<?> value, Tag[] tags) {
    return new SelectedTag(value.ordinal(), tags);
  }

  /** The constant of {@code type} that {@code tag} selects; rejects tags of another option. */
  public static <E extends Enum<E> & Choice> E value(SelectedTag tag, Class<E> type, String option) {
    E[] constants = type.getEnumConstants();
    int id = tag.getSelectedTag().getID();
    if (tag.getTags().length != constants.length || id < 0 || id >= constants.length
        || !constants[id].key().equals(tag.getSelectedTag().getIDStr())) {
      throw new IllegalArgumentException(option + ": the tag '" + tag.getSelectedTag().getIDStr()
          + "' is not one of this option's values");
    }
    return constants[id];
  }
}
