package dev.daogen.bench.spring;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** The sample's {@code Consumer} as a Spring Data JDBC aggregate on the same table (default snake_case columns). */
@Table("consumers")
public record SpringConsumer(@Id UUID id, Instant createdAt, Instant updatedAt, String username, String customId,
    Set<String> tags) {}
