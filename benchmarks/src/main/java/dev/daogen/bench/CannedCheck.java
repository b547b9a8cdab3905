package dev.daogen.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.daogen.bench.canned.CannedDb;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs each operation once per contender on the canned driver with statement recording on, checks the answers and
 * returns the statements each one sent (what the overhead table compares: the same work, statement for statement).
 */
final class CannedCheck {
  private CannedCheck() {}

  /** contender → operation → the statements it executed (kind: SQL). */
  static Map<String, Map<String, List<String>>> run(String... contenders) {
    Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
    for (String name : contenders) {
      CannedDb db = new CannedDb();
      Map<String, List<String>> ops = new LinkedHashMap<>();
      try (HikariDataSource pool = Pools.canned(db); ConsumerOps c = Contenders.open(name, pool, true)) {
        UUID id = db.id(42);
        ops.put("selectByPrimaryKey", logged(db, () -> c.selectById(id).orElseThrow()));
        ops.put("selectByUniqueKey", logged(db, () -> c.selectByUsername(db.username(42)).orElseThrow()));
        ops.put("insert", logged(db, () -> c.insert("check-insert")));
        ops.put("update", logged(db, () -> c.updateCustomId(id, "check-update")));
        ops.put("upsert", logged(db, () -> c.upsert(id, db.username(42), "check-upsert")));
        ops.put("upsert (new row)", logged(db, () -> c.upsert(UUID.randomUUID(), "check-new", "check-new")));
        ops.put("page100", logged(db, () -> {
          Object page = c.pageAfter(c.cursorAfter(db.id(10)));
          if (c.size(page) != 100 || c.nextCursor(page) == null) {
            throw new IllegalStateException(name + ": page of " + c.size(page));
          }
          return page;
        }));
        ops.put("each10k", logged(db, () -> {
          long n = c.each(1000);
          if (n != CannedDb.ROWS) {
            throw new IllegalStateException(name + ": each streamed " + n);
          }
          return n;
        }));
      }
      out.put(name, ops);
    }
    return out;
  }

  private static List<String> logged(CannedDb db, java.util.function.Supplier<Object> op) {
    db.record(true);
    try {
      Object result = op.get();
      if (result == null) {
        throw new IllegalStateException("no result");
      }
      return new ArrayList<>(db.log());
    } finally {
      db.record(false);
    }
  }

  public static void main(String[] args) {
    String[] names = args.length > 0 ? args : Contenders.ALL;
    run(names).forEach((name, ops) -> {
      System.out.println("== " + name);
      ops.forEach((op, statements) -> {
        System.out.println("  " + op + ": " + statements.size() + " statement(s)");
        statements.stream().limit(4).forEach(s -> System.out.println("    " + s));
      });
    });
    System.exit(0);
  }
}
