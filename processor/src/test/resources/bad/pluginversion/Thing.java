package bad.pluginversion;

import dev.daogen.annotations.*;
import java.util.UUID;

@Entity
public record Thing(@PrimaryKey UUID id) {}
