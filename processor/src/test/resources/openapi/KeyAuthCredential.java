package openapi;

import dev.daogen.annotations.*;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Entity(name = "keyauth_credentials", endpointKey = "key", ttl = true,
    adminApiName = "key-auths", adminApiNestedName = "key-auth")
public record KeyAuthCredential(
    @PrimaryKey @Auto UUID id,
    @Auto Instant createdAt,
    @Foreign(value = Consumer.class, onDelete = OnDelete.CASCADE) UUID consumer,
    @Unique @CacheKey @Auto String key,
    @Nullable Set<String> tags) {}
