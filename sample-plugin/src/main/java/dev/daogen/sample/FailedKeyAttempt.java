package dev.daogen.sample;

import dev.daogen.annotations.Auto;
import dev.daogen.annotations.Default;
import dev.daogen.annotations.Entity;
import dev.daogen.annotations.PrimaryKey;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * Failed key lookups of one client address, for a brute-force guard (new in 1.1.0). The gateway writes them, not
 * administrators, so there is no admin API (as Kong's {@code login_attempts}); each row lives for the ttl that the
 * guard gives it.
 */
@Entity(name = "keyauth_failed_attempts", ttl = true, generateAdminApi = false)
public record FailedKeyAttempt(
    @PrimaryKey @Size(min = 1, max = 64) String client,
    @Auto Instant createdAt,
    @Auto Instant updatedAt,
    @Positive @Default("1") int attempts) {}
