package bad;

import dev.daogen.annotations.*;
import jakarta.validation.constraints.*;
import java.math.BigDecimal;
import java.time.*;
import java.util.*;
import org.jspecify.annotations.Nullable;

@AtLeastOneOf({"username",
    "email"})
@Entity
public record CheckUnknownComponent(
    @PrimaryKey UUID id,
    @Nullable String username) {}
