package bad;

import dev.daogen.annotations.*;
import jakarta.validation.constraints.*;
import java.math.BigDecimal;
import java.time.*;
import java.util.*;
import org.jspecify.annotations.Nullable;

@Entity(ttl = true)
public record TtlReserved(
    @PrimaryKey UUID id,
    @Nullable Long ttl) {}
