package dev.daogen.sample;

import dev.daogen.annotations.Auto;
import dev.daogen.annotations.Default;
import dev.daogen.annotations.Entity;
import dev.daogen.annotations.Immutable;
import dev.daogen.annotations.PrimaryKey;
import dev.daogen.annotations.Unique;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A load-balanced upstream: an enum, a nested record, a list, a map and Jakarta constraints. */
@Entity(name = "upstreams", endpointKey = "name")
public record Upstream(
    @PrimaryKey @Auto UUID id,
    @Auto Instant createdAt,
    @Unique @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9.-]+") String name,
    @Default("ROUND_ROBIN") Algorithm algorithm,
    @Default("10000") @Min(10) @Max(65536) int slots,
    @Nullable HealthCheck healthcheck,
    @Nullable @Size(max = 8) List<String> hashFallbackHeaders,
    @Nullable Map<String, String> labels,
    @Nullable @Email String contact,
    @Immutable @Default("http") String protocol) {}
