package bad.noplugin;

import dev.daogen.annotations.*;
import java.util.UUID;

@Entity
public record NoPlugin(@PrimaryKey UUID id) {}
