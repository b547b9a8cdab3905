package goodchild;

import dev.daogen.annotations.*;
import goodparent.Keyless;
import java.util.UUID;

@Entity
public record Orphan(
    @PrimaryKey @Auto UUID id,
    @Foreign(Keyless.class) String parent) {}
