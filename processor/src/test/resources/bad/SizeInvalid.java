package bad;

import dev.daogen.annotations.*;
import jakarta.validation.constraints.*;
import java.math.BigDecimal;
import java.time.*;
import java.util.*;
import org.jspecify.annotations.Nullable;

@Entity
public record SizeInvalid(
    @PrimaryKey UUID id,
    @Size(min = 5, max = 2) String a,
    @Size(min = -1) String b) {}
