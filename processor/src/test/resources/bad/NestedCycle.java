package bad;

import dev.daogen.annotations.*;
import jakarta.validation.constraints.*;
import java.math.BigDecimal;
import java.time.*;
import java.util.*;
import org.jspecify.annotations.Nullable;

@Entity
public record NestedCycle(
    @PrimaryKey UUID id,
    Outer outer) {}

record Outer(String name, Inner inner) {}

record Inner(
    Outer parent) {}
