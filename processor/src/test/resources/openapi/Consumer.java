package openapi;

import dev.daogen.annotations.*;
import jakarta.validation.constraints.*;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@AtLeastOneOf({"username", "customId"})
@MutuallyExclusive({"username", "nickname"})
@MutuallyExclusive({"customId", "nickname"})
@Entity(name = "consumers", endpointKey = "username")
public record Consumer(
    @PrimaryKey @Auto UUID id,
    @Auto Instant createdAt,
    @Auto Instant updatedAt,
    @Unique @Nullable @Size(min = 1, max = 64) @Pattern(regexp = "[a-z0-9_.-]+") String username,
    @Unique @Nullable String customId,
    java.lang.@Nullable String nickname,
    @Indexed @Default("GOLD") Tier tier,
    @Default("10") @Min(1) @Max(100) int quota,
    @Default("1.5") @Positive BigDecimal ratio,
    @Default("true") boolean enabled,
    @Default("2024-01-31") LocalDate since,
    @Default("a,b") List<String> scopes,
    @Immutable @NotBlank @Email String email,
    @Nullable Address address,
    Map<String, Integer> limits,
    @Nullable Set<String> tags,
    @Nullable List<Instant> logins,
    @Nullable Map<String, Instant> seen) {

  public enum Tier { SILVER, GOLD }

  public record Address(String street, @Nullable String city, Map<String, Integer> ranks, @Nullable Instant since,
      @Nullable Tier tier) {}
}
