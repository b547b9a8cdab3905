package dev.daogen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A foreign key to another entity's primary key. The component's type is the parent's key type; the column is
 * {@code <component>_<parent key column>} (e.g. {@code consumer_id}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface Foreign {
  /** The parent entity. */
  Class<?> value();

  /** What deleting the parent does to this row. */
  OnDelete onDelete() default OnDelete.RESTRICT;
}
