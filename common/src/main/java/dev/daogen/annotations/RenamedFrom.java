package dev.daogen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Tells the migration generator that this component was renamed: in the previous released version it was the
 * component {@code value()}. Without the hint a rename looks like a dropped column plus a new one.
 *
 * <p>The generated migration follows expand/contract: {@code up} adds the new column, copies the old values and
 * installs a trigger that keeps both columns in sync while nodes of the previous version still write the old one;
 * {@code teardown} (run by {@code migrations finish}) drops the trigger and the old column, and tightens NOT NULL.
 * The hint may stay in the code afterwards; it only applies while the previous snapshot still has the old column.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface RenamedFrom {
  /** The component's previous Java name ({@code userName}), not its column name. */
  String value();
}
