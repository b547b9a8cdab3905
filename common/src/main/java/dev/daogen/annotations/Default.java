package dev.daogen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A default the DAO applies when the value is absent (never the database). The literal is parsed for the
 * component's type at compile time: numbers, {@code true}/{@code false}, enum constant names, ISO dates and instants,
 * UUIDs, and comma-separated elements for lists and sets.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface Default {
  /** The literal. */
  String value();
}
