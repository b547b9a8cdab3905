package goodchild;

import dev.daogen.annotations.*;
import goodparent.Team;
import java.util.UUID;

@Entity
public record Membership(
    @PrimaryKey @Auto UUID id,
    @Foreign(Team.class) String team) {}
