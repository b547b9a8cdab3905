package dev.daogen.sample;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Active health checking of an upstream; a nested record, stored as jsonb.
 *
 * @param path the probed HTTP path
 * @param intervalSeconds seconds between probes
 * @param healthyStatuses statuses that count as healthy
 */
public record HealthCheck(String path, int intervalSeconds, @Nullable List<Integer> healthyStatuses) {}
