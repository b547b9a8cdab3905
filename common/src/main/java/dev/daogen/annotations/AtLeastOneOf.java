package dev.daogen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Entity check: At least one of the named components must be set (non-null, non-empty). Errors are reported under {@code @entity}. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(AtLeastOneOf.List.class)
public @interface AtLeastOneOf {
  /** Record component names. */
  String[] value();

  /** Holds repeated {@link AtLeastOneOf} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    /** The repeated checks. */
    AtLeastOneOf[] value();
  }
}
