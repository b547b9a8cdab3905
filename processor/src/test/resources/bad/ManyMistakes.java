package bad;

import dev.daogen.annotations.*;
import jakarta.validation.constraints.*;
import java.math.BigDecimal;
import java.time.*;
import java.util.*;
import org.jspecify.annotations.Nullable;

@Entity(
    endpointKey = "nope")
public record ManyMistakes(
    @PrimaryKey @Nullable UUID id,
    @Auto int count,
    @Default("maybe") Boolean flag,
    Thread worker) {}
