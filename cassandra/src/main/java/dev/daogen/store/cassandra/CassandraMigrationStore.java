package dev.daogen.store.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.daogen.migrate.Migration;
import dev.daogen.migrate.MigrationException;
import dev.daogen.migrate.MigrationLockTimeoutException;
import dev.daogen.migrate.MigrationStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Migrations on Cassandra, as Kong ran them there: CQL files, Kong's {@code schema_meta} table in the keyspace, and a
 * lock that is a row of the {@code locks} table taken with a lightweight transaction and a TTL (renewed while the
 * command runs, so that a node that dies holding it frees it within {@value #LOCK_TTL_SECONDS} s). Cassandra has no
 * transactions: a migration's statements run one by one (daogen's generated CQL is reentrant, {@code IF NOT EXISTS}),
 * and it is recorded once they all ran; one that fails halfway runs again from its start next time.
 */
final class CassandraMigrationStore implements MigrationStore {
  static final int LOCK_TTL_SECONDS = 30;
  private static final String META_KEY = "schema_meta";
  private static final String LOCK_KEY = "migrations";
  /** Schema changes (and SAI index builds) can take longer than the driver's default request timeout. */
  private static final Duration DDL_TIMEOUT = Duration.ofSeconds(120);

  private final CqlSession session;

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
    String keyspace = session.getKeyspace().orElseThrow(() -> new IllegalStateException("no keyspace in use"))
        .asInternal();
    return session.execute(SimpleStatement.newInstance("SELECT table_name FROM system_schema.tables"
        + " WHERE keyspace_name = ? AND table_name = ?", keyspace, table)).one() != null;
  }

  @Override
  public <T> T locked(Duration timeout, Function<Session, T> work) {
    String owner = UUID.randomUUID().toString();
    try {
      ddl("CREATE TABLE IF NOT EXISTS \"locks\" (\"key\" text PRIMARY KEY, \"owner\" text)");
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
      return work.apply(new CqlSessionSteps());
    } catch (DriverException e) {
      throw new MigrationException("database error while migrating: " + e.getMessage(), e);
    } finally {
      renewal.shutdownNow();
      try {
        session.execute(SimpleStatement.newInstance("DELETE FROM \"locks\" WHERE \"key\" = ? IF \"owner\" = ?",
            LOCK_KEY, owner));
      } catch (DriverException e) {
        // it expires on its own within the ttl
      }
    }
  }

  private void lock(String owner, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!session.execute(SimpleStatement.newInstance("INSERT INTO \"locks\" (\"key\", \"owner\") VALUES (?, ?)"
        + " IF NOT EXISTS USING TTL " + LOCK_TTL_SECONDS, LOCK_KEY, owner)).wasApplied()) {
      if (System.nanoTime() >= deadline) {
        throw new MigrationLockTimeoutException("Timed out after " + timeout.toSeconds()
            + "s waiting for the migration lock: another node is migrating this keyspace. Wait until it is done"
            + " and run the command again, or raise the lock timeout (--lock-timeout)");
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MigrationException("interrupted while waiting for the migration lock", e);
      }
    }
  }

  private void renew(String owner) {
    try {
      session.execute(SimpleStatement.newInstance("UPDATE \"locks\" USING TTL " + LOCK_TTL_SECONDS
          + " SET \"owner\" = ? WHERE \"key\" = ? IF \"owner\" = ?", owner, LOCK_KEY, owner));
    } catch (DriverException e) {
      // the next renewal tries again; the lock lasts LOCK_TTL_SECONDS
    }
  }

  private void ddl(String cql) {
    session.execute(SimpleStatement.newInstance(cql).setTimeout(DDL_TIMEOUT));
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
