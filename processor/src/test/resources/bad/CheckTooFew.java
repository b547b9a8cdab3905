package bad;

import dev.daogen.annotations.*;
import jakarta.validation.constraints.*;
import java.math.BigDecimal;
import java.time.*;
import java.util.*;
import org.jspecify.annotations.Nullable;

@MutuallyRequired({"a", "b"})
@MutuallyRequired("a")
@OnlyOneOf({"b"})
@Entity
public record CheckTooFew(
    @PrimaryKey UUID id,
    @Nullable String a,
    @Nullable String b) {}
