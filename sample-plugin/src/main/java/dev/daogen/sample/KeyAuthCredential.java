package dev.daogen.sample;

import dev.daogen.annotations.Auto;
import dev.daogen.annotations.CacheKey;
import dev.daogen.annotations.Entity;
import dev.daogen.annotations.Foreign;
import dev.daogen.annotations.OnDelete;
import dev.daogen.annotations.PrimaryKey;
import dev.daogen.annotations.Unique;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An API key of a consumer; deleted with its consumer; looked up by key on every request (the cache key). */
@Entity(name = "keyauth_credentials", endpointKey = "key", ttl = true,
    adminApiName = "key-auths", adminApiNestedName = "key-auth")
public record KeyAuthCredential(
    @PrimaryKey @Auto UUID id,
    @Auto Instant createdAt,
    @Foreign(value = Consumer.class, onDelete = OnDelete.CASCADE) UUID consumer,
    @Unique @CacheKey @Auto String key,
    @Nullable Set<String> tags) {}
