package goodparent;

import dev.daogen.annotations.*;

@Entity
public record Team(@PrimaryKey String org, @PrimaryKey String slug) {}
