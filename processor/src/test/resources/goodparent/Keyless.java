package goodparent;

import dev.daogen.annotations.*;

/** Fine to compile on its own (without the processor); an error only when referenced by @Foreign. */
@Entity
public record Keyless(String name) {}
