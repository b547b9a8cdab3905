package dev.daogen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a cache key component; several components form a composite cache key, in declaration order. A
 * single-component cache key must also be {@link Unique}; a composite one is kept unique by a hidden
 * {@code cache_key} column.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface CacheKey {}
