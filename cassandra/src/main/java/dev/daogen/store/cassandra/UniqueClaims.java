package dev.daogen.store.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.daogen.internal.Values;
import dev.daogen.schema.EntitySchema;
import dev.daogen.schema.FieldSchema;
import dev.daogen.store.support.StoreErrors;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Unique values on Cassandra, race-free: each value of a unique constraint is claimed by its row in the entity's
 * {@code <name>_unique} table with a lightweight transaction ({@code INSERT … IF NOT EXISTS}) before the row is
 * written, and released after the row stops holding it. Of two writers of the same value, exactly one gets the
 * claim; the other gets Kong's UNIQUE violation. A claim whose owner no longer holds the value (a row that expired or
 * changed, or a writer that died between claiming and writing: after {@link #IN_FLIGHT}) is taken over with a second
 * lightweight transaction.
 *
 * @param <E> the entity
 */
final class UniqueClaims<E> {
  /**
   * How long a claim without its row counts as a writer's claim in flight (claim, then row: milliseconds apart); a
   * writer that died in between blocks the value this long.
   */
  static final Duration IN_FLIGHT = Duration.ofSeconds(30);

  /** Separates the text forms of several values (composite keys and constraints). */
  private static final String SEPARATOR = "\u001f";

  private final CqlSession session;
  private final CassandraMapping<E> mapping;
  private final EntitySchema<E> schema;
  private final Prepared claim;
  private final Prepared takeOver;
  private final Prepared release;
  private final Prepared read;
  /** The stored row of a primary key (expired ones included), or null: to tell a live claim from a stale one. */
  private final Function<Object[], CassandraEntityStore.Stored<E>> owner;

  UniqueClaims(CqlSession session, CassandraMapping<E> mapping, Prepared claim, Prepared takeOver, Prepared release,
      Prepared read, Function<Object[], CassandraEntityStore.Stored<E>> owner) {
    this.session = session;
    this.mapping = mapping;
    this.schema = mapping.schema();
    this.claim = claim;
    this.takeOver = takeOver;
    this.release = release;
    this.read = read;
    this.owner = owner;
  }

  /** Whether the entity has unique constraints (and so a claims table). */
  boolean any() {
    return !schema.uniqueConstraints().isEmpty();
  }

  /**
   * Claims every unique value {@code row} holds and {@code old} (the row before, or null) did not; on a conflict,
   * releases what it claimed and throws the UNIQUE violation.
   *
   * @return the claims made (to release if the row's write then fails)
   */
  List<String[]> claim(E row, E old, int ttlSeconds) {
    List<String[]> made = new ArrayList<>();
    String me = ownerText(mapping.key(row));
    for (Map.Entry<String, List<FieldSchema<E>>> c : schema.uniqueConstraints().entrySet()) {
      String value = valueText(c.getValue(), row);
      // an unchanged value keeps its claim, except on ttl entities: the claim must expire with the row, not before
      if (value == null || (old != null && !schema.ttl() && value.equals(valueText(c.getValue(), old)))) {
        continue;
      }
      Claim outcome = claimOne(c.getKey(), value, me, ttlSeconds, old != null);
      if (outcome == Claim.REFUSED) {
        releaseAll(made, me);
        throw StoreErrors.uniqueViolation(c.getValue(), row, null);
      }
      if (outcome == Claim.NEW) {
        made.add(new String[] {c.getKey(), value});
      }
    }
    return made;
  }

  /** What claiming a value came to. */
  private enum Claim {
    /** Claimed now: release it if the row's write fails. */
    NEW,
    /** The row held it already (its ttl refreshed): keep it whatever happens. */
    KEPT,
    /** Another row holds it. */
    REFUSED
  }

  /**
   * @param rewriting whether the row exists (an update): a claim in its name is its own; on an insert, a claim in
   *     the new row's name belongs to the row that has that primary key already, and is left alone (the insert then
   *     fails on the key)
   */
  private Claim claimOne(String constraint, String value, String me, int ttlSeconds, boolean rewriting) {
    for (int attempt = 0; attempt < 10; attempt++) {
      ResultSet rs = CassandraErrors.execute(session, claim.bindClaim(constraint, value, me, null, ttlSeconds));
      if (rs.wasApplied()) {
        return Claim.NEW;
      }
      Row current = rs.one();
      String holder = current == null ? null : current.getString("owner");
      if (holder == null) {
        continue; // released meanwhile: claim again
      }
      if (holder.equals(me)) {
        if (!rewriting) {
          return Claim.KEPT;
        }
        // the row's own claim: written again with the row's new ttl
        if (takeOver(constraint, value, me, holder, ttlSeconds)) {
          return Claim.KEPT;
        }
        continue;
      }
      if (isStale(constraint, value, holder)) {
        // one nobody holds any more
        if (takeOver(constraint, value, me, holder, ttlSeconds)) {
          return Claim.NEW;
        }
        continue;
      }
      return Claim.REFUSED;
    }
    throw new IllegalStateException("the unique value of " + constraint + " changed owner too often to claim it");
  }

  private boolean takeOver(String constraint, String value, String me, String holder, int ttlSeconds) {
    return CassandraErrors.execute(session, takeOver.bindClaim(constraint, value, me, holder, ttlSeconds))
        .wasApplied();
  }

  /**
   * Whether a claim is left over: its row expired or holds another value now, or there is no row and the claim is
   * older than {@link #IN_FLIGHT} (a younger one belongs to a writer between its claim and its row: it wins).
   */
  private boolean isStale(String constraint, String value, String holder) {
    CassandraEntityStore.Stored<E> row = owner.apply(mapping.parseKey(holder.split(SEPARATOR, -1)));
    if (row != null && !row.ghost()) {
      return !row.visible(Instant.now()) || !value.equals(valueText(schema.uniqueConstraints().get(constraint),
          row.row()));
    }
    Row claimed = CassandraErrors.execute(session, read.bindClaim(constraint, value, null, null, 0)).one();
    if (claimed == null || !holder.equals(claimed.getString(0))) {
      return false; // released or taken meanwhile: claim again
    }
    long writtenMicros = claimed.getLong(1);
    return Instant.now().toEpochMilli() - writtenMicros / 1000 > IN_FLIGHT.toMillis();
  }

  /** Releases the claims of the values {@code old} held and {@code row} (null: deleted) no longer holds. */
  void releaseDropped(E old, E row) {
    String me = ownerText(mapping.key(old));
    for (Map.Entry<String, List<FieldSchema<E>>> c : schema.uniqueConstraints().entrySet()) {
      String value = valueText(c.getValue(), old);
      if (value != null && (row == null || !Objects.equals(value, valueText(c.getValue(), row)))) {
        CassandraErrors.execute(session, release.bindClaim(c.getKey(), value, me, null, 0));
      }
    }
  }

  /** Releases claims made for a write that did not happen. */
  void releaseAll(List<String[]> claims, E row) {
    releaseAll(claims, ownerText(mapping.key(row)));
  }

  private void releaseAll(List<String[]> claims, String me) {
    for (String[] c : claims) {
      CassandraErrors.execute(session, release.bindClaim(c[0], c[1], me, null, 0));
    }
  }

  /** The text forms of a constraint's values on a row, joined; null when one is null (nulls are never unique). */
  private static <E> String valueText(List<FieldSchema<E>> fields, E row) {
    StringBuilder out = new StringBuilder();
    for (FieldSchema<E> f : fields) {
      Object v = f.get(row);
      if (v == null) {
        return null;
      }
      if (out.length() > 0) {
        out.append(SEPARATOR);
      }
      out.append(Values.text(v));
    }
    return out.toString();
  }

  private static String ownerText(Object[] key) {
    StringBuilder out = new StringBuilder();
    for (Object v : key) {
      if (out.length() > 0) {
        out.append(SEPARATOR);
      }
      out.append(Values.text(v));
    }
    return out.toString();
  }
}
