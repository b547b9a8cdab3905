package goodparent;

import dev.daogen.annotations.*;

@Entity(name = "accounts")
public record Account(@PrimaryKey long accountNumber, @Unique String email) {}
