package dev.daogen.sample;

import dev.daogen.annotations.Auto;
import dev.daogen.annotations.Entity;
import dev.daogen.annotations.Foreign;
import dev.daogen.annotations.OnDelete;
import dev.daogen.annotations.PrimaryKey;
import dev.daogen.annotations.Unique;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A route; it outlives its upstream (ON DELETE SET NULL). */
@Entity(name = "routes", endpointKey = "name")
public record Route(
    @PrimaryKey @Auto UUID id,
    @Auto Instant createdAt,
    @Unique String name,
    @Foreign(value = Upstream.class, onDelete = OnDelete.NULL) @Nullable UUID upstream,
    @Nullable Set<String> paths,
    @Nullable LocalDate retiresOn,
    @Nullable Set<String> tags) {}
