package bad;

import dev.daogen.annotations.*;
import java.util.UUID;

@Entity(name = "owners")
public record ClaimsOwner(@PrimaryKey UUID id, @Unique String name) {}
