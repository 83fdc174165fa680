package adversarialnmf.weka;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The command-line flag of a property whose getter also carries Weka's
 * {@link weka.core.OptionMetadata} (display name, tip text, display order), read by
 * {@link DeclaredOptions}. The flag lives here, not in {@code OptionMetadata.commandLineParamName},
 * because Weka's base classes parse that one themselves and swallow bad values. A boolean
 * property is a flag without a value.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CommandLineOption {

  /** The flag without its dash, e.g. {@code "N"}. */
  String value();

  /** The help's synopsis, e.g. {@code "-target <shift|filter spec>"}; made from the type if empty. */
  String synopsis() default "";
}
