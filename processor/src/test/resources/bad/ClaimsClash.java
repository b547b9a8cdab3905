package bad;

import dev.daogen.annotations.*;
import java.util.UUID;

@Entity(name = "owners_unique")
public record ClaimsClash(@PrimaryKey UUID id) {}
