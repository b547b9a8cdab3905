package cassandra;

import dev.daogen.annotations.*;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A composite key whose first column is a foreign key, ttl, tags, a unique and an indexed field. */
@Entity(name = "memberships", ttl = true)
public record Membership(
    @PrimaryKey @Foreign(value = Club.class, onDelete = OnDelete.CASCADE) UUID club,
    @PrimaryKey String member,
    @Unique @Nullable String email,
    @Indexed @Default("MEMBER") Role role,
    @Auto Instant createdAt,
    @Nullable Set<String> tags) {

  public enum Role { MEMBER, ADMIN }
}
