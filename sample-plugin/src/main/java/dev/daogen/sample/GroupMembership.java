package dev.daogen.sample;

import dev.daogen.annotations.Auto;
import dev.daogen.annotations.Entity;
import dev.daogen.annotations.Foreign;
import dev.daogen.annotations.OnDelete;
import dev.daogen.annotations.PrimaryKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A consumer's membership in a named group: a composite primary key (consumer, group). */
@Entity(name = "group_memberships", generateAdminApi = false)
public record GroupMembership(
    @PrimaryKey @Foreign(value = Consumer.class, onDelete = OnDelete.CASCADE) UUID consumer,
    @PrimaryKey String groupName,
    @Auto Instant createdAt,
    @Nullable BigDecimal quota,
    long priority) {}
