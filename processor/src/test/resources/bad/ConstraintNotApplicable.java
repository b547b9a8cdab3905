package bad;

import dev.daogen.annotations.*;
import jakarta.validation.constraints.*;
import java.math.BigDecimal;
import java.time.*;
import java.util.*;
import org.jspecify.annotations.Nullable;

@Entity
public record ConstraintNotApplicable(
    @PrimaryKey UUID id,
    @Size(max = 3) int count,
    @Min(1) String name,
    @Pattern(regexp = "x") UUID ref,
    @Email Integer number,
    @NotBlank List<String> lines,
    @Positive Color color) {}
