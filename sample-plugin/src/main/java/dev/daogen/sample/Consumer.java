package dev.daogen.sample;

import dev.daogen.annotations.AtLeastOneOf;
import dev.daogen.annotations.Auto;
import dev.daogen.annotations.Entity;
import dev.daogen.annotations.PrimaryKey;
import dev.daogen.annotations.Unique;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A consumer of the gateway, as Kong's: identified by a username or a custom id (at least one). */
@Entity(name = "consumers", endpointKey = "username")
@AtLeastOneOf({"username", "customId"})
public record Consumer(
    @PrimaryKey @Auto UUID id,
    @Auto Instant createdAt,
    @Auto Instant updatedAt,
    @Unique @Size(min = 1, max = 128) @Nullable String username,
    @Unique @Nullable String customId,
    @Nullable Set<String> tags) {}
