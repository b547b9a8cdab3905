package bad;

import dev.daogen.annotations.*;
import java.util.*;

@Entity
public record IndexedForeignKey(
    @PrimaryKey UUID id,
    @Indexed @Foreign(Parent.class) UUID parent) {}
