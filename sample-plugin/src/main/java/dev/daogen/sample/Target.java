package dev.daogen.sample;

import dev.daogen.annotations.Auto;
import dev.daogen.annotations.CacheKey;
import dev.daogen.annotations.Default;
import dev.daogen.annotations.Entity;
import dev.daogen.annotations.Foreign;
import dev.daogen.annotations.Indexed;
import dev.daogen.annotations.OnDelete;
import dev.daogen.annotations.PrimaryKey;
import jakarta.validation.constraints.Positive;
import java.time.Instant;
import java.util.UUID;

/**
 * A target of an upstream: an upstream with targets cannot be deleted (RESTRICT); the cache key is composite
 * (upstream and target), kept unique by a hidden column; targets can be listed by host.
 */
@Entity(name = "targets", adminApiNestedName = "targets")
public record Target(
    @PrimaryKey @Auto UUID id,
    @Auto Instant createdAt,
    @CacheKey @Foreign(value = Upstream.class, onDelete = OnDelete.RESTRICT) UUID upstream,
    @CacheKey String target,
    @Indexed String host,
    @Positive @Default("100") int weight) {}
