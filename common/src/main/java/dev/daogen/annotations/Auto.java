package dev.daogen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A value the DAO fills when it is absent: {@code UUID} → random (v4); {@code String} → 32 random alphanumeric
 * characters; {@code Instant} named {@code createdAt} → now on insert; named {@code updatedAt} → now on every write.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.RECORD_COMPONENT)
public @interface Auto {}
