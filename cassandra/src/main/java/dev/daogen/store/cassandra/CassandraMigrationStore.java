package dev.daogen.store.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import com.datastax.oss.driver.api.core.servererrors.CASWriteUnknownException;
import com.datastax.oss.driver.api.core.servererrors.DefaultWriteType;
import com.datastax.oss.driver.api.core.servererrors.ReadTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import dev.daogen.migrate.Migration;
import dev.daogen.migrate.MigrationException;
import dev.daogen.migrate.MigrationLockTimeoutException;
import dev.daogen.migrate.MigrationStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Migrations on Cassandra, as Kong ran them there: CQL files, Kong's {@code schema_meta} table in the keyspace, and a
 * lock that is a row of the {@code locks} table taken with a lightweight transaction and a TTL (renewed while the
 * command runs, so that a node that dies holding it frees it within {@value #LOCK_TTL_SECONDS} s). Cassandra has no
 * transactions: a migration's statements run one by one (daogen's generated CQL is reentrant, {@code IF NOT EXISTS}),
 * and it is recorded once they all ran; one that fails halfway runs again from its start next time.
 *
 * <p>Schema changes reach the other nodes in the background (Cassandra 5.0 has no schema transactions), so:
 *
 * <ul>
 *   <li>the {@code locks} table, which every runner creates if missing before it can lock anything (two nodes may do
 *       it at the same moment), has an id derived from the keyspace's name: two nodes that create it at once create
 *       the same table. With Cassandra's random ids they created two, one of which the schema merge then dropped with
 *       the lock row written into it, while replicas refused the other's writes ("Couldn't find table with id"):
 *       both runners could hold the lock, or neither could take it;
 *   <li>runners waiting for the lock read its row, and try the lightweight transaction only once it looks free: their
 *       transactions no longer compete with the holder's renewals and release, and a contended attempt whose
 *       outcome Cassandra cannot tell ({@code CAS} timeout or unknown result) is tried again rather than failing the
 *       command (as one did when two nodes ran {@code up} at once);
 *   <li>every schema change, and the lock once taken, waits until the nodes agree on the schema (as this session's
 *       coordinator sees them: every peer but those the driver knows to be down), up to
 *       {@link #SCHEMA_AGREEMENT_TIMEOUT}. The driver's own wait skips the nodes it does not connect to (a session
 *       pinned to one node waits for none), and without it a runner that takes the lock right after another one
 *       could read the state before its node has the other's tables, and run every migration again.
 * </ul>
 */
final class CassandraMigrationStore implements MigrationStore {
  private static final Logger LOG = LoggerFactory.getLogger(CassandraMigrationStore.class);
  static final int LOCK_TTL_SECONDS = 30;
  /** How long a schema change waits for every node up to have it before migrating on regardless (warned). */
  static final Duration SCHEMA_AGREEMENT_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration SCHEMA_AGREEMENT_POLL = Duration.ofMillis(200);
  private static final Duration LOCK_POLL = Duration.ofMillis(200);
  private static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(10);
  private static final String META_KEY = "schema_meta";
  private static final String LOCK_KEY = "migrations";
  /** Schema changes (and SAI index builds) can take longer than the driver's default request timeout. */
  private static final Duration DDL_TIMEOUT = Duration.ofSeconds(120);

  private final CqlSession session;
  /** Set once a wait for schema agreement timed out: the rest of the command does not wait again. */
  private volatile boolean disagreementTolerated;

  CassandraMigrationStore(CqlSession session) {
    this.session = session;
  }

  @Override
  public String fileExtension() {
    return "cql";
  }

  @Override
  public Map<String, Recorded> recorded() {
    try {
      return read();
    } catch (DriverException e) {
      throw new MigrationException("cannot read the schema state: " + e.getMessage(), e);
    }
  }

  private Map<String, Recorded> read() {
    Map<String, Recorded> out = new HashMap<>();
    if (!tableExists(META_KEY)) {
      return out;
    }
    for (Row r : session.execute(SimpleStatement.newInstance("SELECT \"subsystem\", \"last_executed\", \"executed\","
        + " \"pending\", \"checksums\" FROM \"schema_meta\" WHERE \"key\" = ?", META_KEY))) {
      out.put(r.getString(0), new Recorded(r.getList(2, String.class), r.getList(3, String.class), r.getString(1),
          r.getMap(4, String.class, String.class)));
    }
    return out;
  }

  private boolean tableExists(String table) {
    return session.execute(SimpleStatement.newInstance("SELECT table_name FROM system_schema.tables"
        + " WHERE keyspace_name = ? AND table_name = ?", keyspace(), table)).one() != null;
  }

  private String keyspace() {
    return session.getKeyspace().orElseThrow(() -> new IllegalStateException("no keyspace in use")).asInternal();
  }

  /**
   * The id of a keyspace's {@code locks} table: the same on every node that creates it, so that creating it on two
   * nodes at once creates one table (as Cassandra's own distributed system tables have fixed ids).
   */
  static String locksTableId(String keyspace) {
    return UUID.nameUUIDFromBytes(("daogen migration locks of keyspace " + keyspace)
        .getBytes(StandardCharsets.UTF_8)).toString();
  }

  @Override
  public <T> T locked(Duration timeout, Function<Session, T> work) {
    String owner = UUID.randomUUID().toString();
    try {
      ddl("CREATE TABLE IF NOT EXISTS \"locks\" (\"key\" text PRIMARY KEY, \"owner\" text) WITH ID = '"
          + locksTableId(keyspace()) + "'");
      lock(owner, timeout);
    } catch (DriverException e) {
      throw new MigrationException("database error while migrating: " + e.getMessage(), e);
    }
    ScheduledExecutorService renewal = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "daogen-migration-lock");
      t.setDaemon(true);
      return t;
    });
    renewal.scheduleAtFixedRate(() -> renew(owner), LOCK_TTL_SECONDS / 3, LOCK_TTL_SECONDS / 3, TimeUnit.SECONDS);
    try {
      // what the previous holder changed is on this node before the state is read
      awaitSchemaAgreement();
      return work.apply(new CqlSessionSteps());
    } catch (DriverException e) {
      throw new MigrationException("database error while migrating: " + e.getMessage(), e);
    } finally {
      renewal.shutdownNow();
      release(owner);
    }
  }

  private void lock(String owner, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!tryLock(owner)) {
      if (System.nanoTime() >= deadline) {
        throw new MigrationLockTimeoutException("Timed out after " + timeout.toSeconds()
            + "s waiting for the migration lock: another node is migrating this keyspace. Wait until it is done"
            + " and run the command again, or raise the lock timeout (--lock-timeout)");
      }
      pause(LOCK_POLL, "waiting for the migration lock");
    }
  }

  /**
   * One attempt at the lock: true once {@code owner} holds it. While another runner holds it, a plain read says so,
   * so that waiting runners do not compete with the holder's lightweight transactions (its renewals and its release,
   * which would otherwise fail on contention); once it looks free, {@code INSERT … IF NOT EXISTS} takes it. A
   * contended attempt whose outcome Cassandra cannot tell ({@code CAS} timeout or unknown result) is no error: the
   * next attempt settles it, and finds {@code owner} holding the lock if it was applied after all.
   */
  private boolean tryLock(String owner) {
    Row current;
    try {
      current = session.execute(SimpleStatement.newInstance("SELECT \"owner\" FROM \"locks\" WHERE \"key\" = ?",
          LOCK_KEY)).one();
    } catch (ReadTimeoutException e) {
      return false;
    }
    if (current != null) {
      return owner.equals(current.getString(0));
    }
    try {
      ResultSet rs = session.execute(SimpleStatement.newInstance("INSERT INTO \"locks\" (\"key\", \"owner\")"
          + " VALUES (?, ?) IF NOT EXISTS USING TTL " + LOCK_TTL_SECONDS, LOCK_KEY, owner));
      if (rs.wasApplied()) {
        return true;
      }
      Row holder = rs.one();
      return holder != null && owner.equals(holder.getString("owner"));
    } catch (CASWriteUnknownException e) {
      return false;
    } catch (WriteTimeoutException e) {
      if (e.getWriteType() != DefaultWriteType.CAS) {
        throw e;
      }
      return false;
    }
  }

  /**
   * Renews the lock's ttl; a renewal that fails (contention, a timeout) is tried again at once, then at the next
   * period (the lock lasts {@value #LOCK_TTL_SECONDS} s, three periods).
   */
  private void renew(String owner) {
    for (int attempt = 1; attempt <= 3; attempt++) {
      try {
        if (!session.execute(SimpleStatement.newInstance("UPDATE \"locks\" USING TTL " + LOCK_TTL_SECONDS
            + " SET \"owner\" = ? WHERE \"key\" = ? IF \"owner\" = ?", owner, LOCK_KEY, owner)).wasApplied()) {
          LOG.warn("The migration lock expired while this node held it: another node may be migrating too");
        }
        return;
      } catch (DriverException e) {
        LOG.debug("migration lock renewal {} failed: {}", attempt, e.toString());
      }
    }
  }

  /**
   * Releases the lock, retrying on contention and timeouts for a while (a release that fails leaves the others
   * waiting until the lock expires).
   */
  private void release(String owner) {
    long deadline = System.nanoTime() + RELEASE_TIMEOUT.toNanos();
    while (true) {
      try {
        session.execute(SimpleStatement.newInstance("DELETE FROM \"locks\" WHERE \"key\" = ? IF \"owner\" = ?",
            LOCK_KEY, owner));
        return;
      } catch (DriverException e) {
        if (System.nanoTime() > deadline) {
          LOG.warn("Could not release the migration lock ({}); it expires within {} s", e.toString(),
              LOCK_TTL_SECONDS);
          return;
        }
      }
      try {
        Thread.sleep(LOCK_POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static void pause(Duration duration, String what) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MigrationException("interrupted while " + what, e);
    }
  }

  /** A schema change, once every node up has it. */
  private void ddl(String cql) {
    session.execute(SimpleStatement.newInstance(cql).setTimeout(DDL_TIMEOUT));
    awaitSchemaAgreement();
  }

  /**
   * Waits until the nodes agree on the schema: the schema version of this session's coordinator and of each of its
   * peers (but those the driver knows to be down) are the same. After {@link #SCHEMA_AGREEMENT_TIMEOUT}, warns and
   * goes on (a node that is down but not known to be, such as one the session does not connect to, catches up when it
   * is back), and does not wait again in this command.
   */
  private void awaitSchemaAgreement() {
    if (disagreementTolerated) {
      return;
    }
    long deadline = System.nanoTime() + SCHEMA_AGREEMENT_TIMEOUT.toNanos();
    Set<UUID> versions = schemaVersions();
    while (versions.size() > 1) {
      if (System.nanoTime() > deadline) {
        disagreementTolerated = true;
        LOG.warn("The Cassandra nodes do not agree on the schema after {} s ({} versions: a node down or unreachable?);"
            + " migrating on without waiting for them", SCHEMA_AGREEMENT_TIMEOUT.toSeconds(), versions.size());
        return;
      }
      pause(SCHEMA_AGREEMENT_POLL, "waiting for schema agreement");
      versions = schemaVersions();
    }
  }

  /** The schema versions of the coordinator and of its peers, but those the driver knows to be down. */
  private Set<UUID> schemaVersions() {
    ResultSet local = session.execute(SimpleStatement.newInstance("SELECT schema_version FROM system.local"
        + " WHERE key = 'local'").setConsistencyLevel(DefaultConsistencyLevel.ONE));
    Node coordinator = local.getExecutionInfo().getCoordinator();
    Set<UUID> versions = new HashSet<>();
    Row own = local.one();
    if (own != null && own.getUuid(0) != null) {
      versions.add(own.getUuid(0));
    }
    Map<UUID, Node> known = session.getMetadata().getNodes();
    for (Row peer : session.execute(SimpleStatement.newInstance("SELECT host_id, schema_version FROM system.peers")
        .setConsistencyLevel(DefaultConsistencyLevel.ONE).setNode(coordinator))) {
      Node node = peer.getUuid(0) == null ? null : known.get(peer.getUuid(0));
      if ((node == null || node.getState() != NodeState.DOWN) && peer.getUuid(1) != null) {
        versions.add(peer.getUuid(1));
      }
    }
    return versions;
  }

  /** Runs migrations and their bookkeeping under the lock. */
  private final class CqlSessionSteps implements Session {
    @Override
    public Map<String, Recorded> recorded() {
      return read();
    }

    @Override
    public void createMeta() {
      ddl("CREATE TABLE IF NOT EXISTS \"schema_meta\" (\"key\" text, \"subsystem\" text, \"last_executed\" text,"
          + " \"executed\" list<text>, \"pending\" list<text>, \"checksums\" map<text, text>,"
          + " PRIMARY KEY (\"key\", \"subsystem\"))");
    }

    @Override
    public void drop(List<String> tables) {
      for (String table : tables) {
        String quoted = "\"" + table.replace("\"", "\"\"") + "\"";
        ddl("DROP TABLE IF EXISTS " + quoted);
        ddl("DROP TABLE IF EXISTS \"" + (table + "_unique").replace("\"", "\"\"") + "\"");
      }
      ddl("DROP TABLE IF EXISTS \"schema_meta\"");
    }

    @Override
    public void runUp(Migration m, boolean withTeardown) {
      boolean pending = m.hasTeardown() && !withTeardown;
      run(m, "up", m.up());
      if (withTeardown && m.hasTeardown()) {
        run(m, "teardown", m.teardown());
      }
      session.execute(SimpleStatement.newInstance("UPDATE \"schema_meta\" SET \"last_executed\" = ?,"
          + " \"executed\" = \"executed\" + ?, \"pending\" = \"pending\" + ?, \"checksums\"[?] = ?"
          + " WHERE \"key\" = ? AND \"subsystem\" = ?", m.name(), pending ? List.of() : List.of(m.name()),
          pending ? List.of(m.name()) : List.of(), m.name(), m.checksum(), META_KEY, m.subsystem()));
    }

    @Override
    public void runTeardown(Migration m) {
      run(m, "teardown", m.teardown());
      session.execute(SimpleStatement.newInstance("UPDATE \"schema_meta\" SET \"pending\" = \"pending\" - ?,"
          + " \"executed\" = \"executed\" + ? WHERE \"key\" = ? AND \"subsystem\" = ?", List.of(m.name()),
          List.of(m.name()), META_KEY, m.subsystem()));
    }

    private void run(Migration m, String part, String cql) {
      for (String statement : statements(cql)) {
        try {
          ddl(statement);
        } catch (DriverException e) {
          throw new MigrationException("migration " + m.subsystem() + ":" + m.name() + " (" + m.resource()
              + ") failed in its " + part + " part; it is not recorded and runs again next time (its statements"
              + " are reentrant): " + e.getMessage(), e);
        }
      }
    }
  }

  /** The statements of a CQL file part: split at {@code ;} outside quotes, {@code --} comments dropped. */
  static List<String> statements(String cql) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < cql.length(); i++) {
      char c = cql.charAt(i);
      if (quote == 0 && c == '-' && i + 1 < cql.length() && cql.charAt(i + 1) == '-') {
        int end = cql.indexOf('\n', i);
        i = end < 0 ? cql.length() : end;
        current.append('\n');
        continue;
      }
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == ';') {
        add(out, current);
        continue;
      }
      current.append(c);
    }
    add(out, current);
    return out;
  }

  private static void add(List<String> out, StringBuilder current) {
    String s = current.toString().strip();
    if (!s.isEmpty()) {
      out.add(s);
    }
    current.setLength(0);
  }
}
