package dev.daogen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Entity check: At most one of the named components is set. Errors are reported under {@code @entity}. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(MutuallyExclusive.List.class)
public @interface MutuallyExclusive {
  /** Record component names. */
  String[] value();

  /** Holds repeated {@link MutuallyExclusive} annotations. */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.TYPE)
  @interface List {
    /** The repeated checks. */
    MutuallyExclusive[] value();
  }
}
