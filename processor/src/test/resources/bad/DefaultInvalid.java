package bad;

import dev.daogen.annotations.*;
import jakarta.validation.constraints.*;
import java.math.BigDecimal;
import java.time.*;
import java.util.*;
import org.jspecify.annotations.Nullable;

@Entity
public record DefaultInvalid(
    @PrimaryKey UUID id,
    @Default("abc") int count,
    @Default("yes") boolean enabled,
    @Default("not-a-uuid") UUID ref,
    @Default("2024-01-01") Instant at,
    @Default("2024-13-01") LocalDate day,
    @Default("PURPLE") Color color,
    @Default("1,x") List<Integer> numbers,
    @Default("1.2.3") BigDecimal amount) {}
