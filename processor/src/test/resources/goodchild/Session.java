package goodchild;

import dev.daogen.annotations.*;
import goodparent.Account;
import java.util.UUID;

@Entity
public record Session(
    @PrimaryKey @Auto UUID id,
    @Foreign(value = Account.class, onDelete = OnDelete.CASCADE) long account) {}
