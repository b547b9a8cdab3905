package bad;

import dev.daogen.annotations.*;
import jakarta.validation.constraints.*;
import java.math.BigDecimal;
import java.time.*;
import java.util.*;
import org.jspecify.annotations.Nullable;

@Entity
public record UnsupportedTypes(
    @PrimaryKey UUID id,
    Object payload,
    float ratio,
    List<Object> items,
    Map<Integer, String> byNumber,
    String[] array) {}
