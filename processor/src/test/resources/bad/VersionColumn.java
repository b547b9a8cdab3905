package bad;

import dev.daogen.annotations.*;
import java.util.UUID;

@Entity
public record VersionColumn(
    @PrimaryKey UUID id,
    String version) {}
