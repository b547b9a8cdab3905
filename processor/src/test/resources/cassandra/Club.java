package cassandra;

import dev.daogen.annotations.*;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Entity(name = "clubs")
public record Club(
    @PrimaryKey @Auto UUID id,
    @Unique String name,
    @Nullable Set<String> tags) {}
