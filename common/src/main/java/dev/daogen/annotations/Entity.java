package dev.daogen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as a custom entity: a table, a generated DAO ({@code <Record>Dao}), a draft, a patch and, unless
 * disabled, admin API routes.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Entity {
  /** Table and DAO name; defaults to the snake_case of the record name ({@code KeyAuthCredential} → {@code key_auth_credential}). */
  String name() default "";

  /** A {@link Unique} component by which the admin API also addresses an entity ({@code /consumers/{username}}). */
  String endpointKey() default "";

  /** The admin API collection name; defaults to {@link #name()}. */
  String adminApiName() default "";

  /** The admin API name when nested under a parent; defaults to {@link #adminApiName()}. */
  String adminApiNestedName() default "";

  /** Whether admin routes are generated for this entity. */
  boolean generateAdminApi() default true;

  /** Whether rows carry a time to live; expired rows are hidden from every read. */
  boolean ttl() default false;
}
