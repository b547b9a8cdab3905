package dev.daogen.bench.micronaut;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** The sample's {@code Consumer} as a Micronaut Data entity on the same table (default snake_case columns). */
@MappedEntity("consumers")
public record MnConsumer(
    @Id UUID id,
    Instant createdAt,
    Instant updatedAt,
    @Nullable String username,
    @Nullable String customId,
    @Nullable @TypeDef(type = DataType.STRING_ARRAY) Set<String> tags) {}
