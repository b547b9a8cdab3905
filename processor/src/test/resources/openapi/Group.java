package openapi;

import dev.daogen.annotations.*;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A tree: a nullable self-reference, and a parent that comes after it in source. */
@Entity
public record Group(
    @PrimaryKey @Auto UUID id,
    @Foreign(value = Group.class, onDelete = OnDelete.NULL) @Nullable UUID parentGroup,
    @Foreign(Consumer.class) UUID owner,
    @CacheKey String region,
    @CacheKey String name) {}
