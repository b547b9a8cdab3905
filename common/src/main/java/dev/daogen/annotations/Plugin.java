package dev.daogen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Groups the entities of a package into one plugin: one migration subsystem, one {@code PluginModule}.
 *
 * <pre>{@code
 * @Plugin(name = "key-auth", version = "1.1.0")
 * package com.example.keyauth;
 * }</pre>
 *
 * <p>Every {@link Entity} must live in a package annotated with {@code @Plugin}; the processor reports an error
 * otherwise, because migrations and admin routes are versioned per plugin.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PACKAGE)
public @interface Plugin {
  /** The plugin name: lower case letters, digits, {@code -} and {@code _}; names the migration subsystem. */
  String name();

  /** The plugin version, semantic versioning ({@code MAJOR.MINOR.PATCH}). */
  String version();
}
