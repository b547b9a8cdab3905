package dev.daogen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Entity check: Either all of the named components are set, or none. Errors are reported under {@code @entity}. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(MutuallyRequired.List.class)
public @interface MutuallyRequired {
  /** Record component names. */
  String[] value();

  /** Holds repeated {@link MutuallyRequired} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    /** The repeated checks. */
    MutuallyRequired[] value();
  }
}
