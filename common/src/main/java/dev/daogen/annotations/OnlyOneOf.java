package dev.daogen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Entity check: Exactly one of the named components must be set. Errors are reported under {@code @entity}. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(OnlyOneOf.List.class)
public @interface OnlyOneOf {
  /** Record component names. */
  String[] value();

  /** Holds repeated {@link OnlyOneOf} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    /** The repeated checks. */
    OnlyOneOf[] value();
  }
}
