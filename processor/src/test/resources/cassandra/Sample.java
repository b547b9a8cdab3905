package cassandra;

import dev.daogen.annotations.*;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Every component type, primitive and boxed, nullable and required, and a composite cache key. */
@Entity(name = "samples")
public record Sample(
    @PrimaryKey long id,
    @CacheKey String region,
    @CacheKey int shard,
    @Nullable String text,
    @Nullable UUID uuid,
    @Nullable Integer maybeCount,
    long big,
    @Nullable Long maybeBig,
    double ratio,
    @Nullable Double maybeRatio,
    @Nullable BigDecimal amount,
    boolean flag,
    @Nullable Boolean maybeFlag,
    @Nullable Instant at,
    @Nullable LocalDate day,
    @Nullable Level level,
    @Default("3") Integer retries,
    @Default("HIGH") Level priority,
    @Default("x") String label,
    List<String> names,
    @Nullable Set<UUID> ids,
    List<Long> numbers,
    Set<Instant> times,
    List<LocalDate> days,
    List<BigDecimal> amounts,
    Set<Boolean> flags,
    List<Double> ratios,
    Set<Integer> small,
    @Nullable Detail detail,
    Map<String, Level> levels) {

  public enum Level { LOW, HIGH }

  public record Detail(String note, @Nullable Integer weight) {}
}
