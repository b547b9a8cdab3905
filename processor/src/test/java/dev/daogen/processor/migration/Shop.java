package dev.daogen.processor.migration;

import dev.daogen.db.Database;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The test plugin "shop" in three versions, compiled with the real processor and a shared schema directory:
 * 1.0.0 the base; 1.1.0 adds an entity, a defaulted column and a unique constraint; 1.2.0 drops a column and renames
 * one with {@code @RenamedFrom}.
 */
final class Shop {
  static final String PACKAGE_INFO = """
      @Plugin(name = "shop", version = "%s")
      package test.shop;

      import dev.daogen.annotations.Plugin;
      """;

  static final String STATUS = """
      package test.shop;

      public enum Status { ACTIVE, BLOCKED }
      """;

  static final String IMPORTS = """
      package test.shop;

      import dev.daogen.annotations.*;
      import java.time.Instant;
      import java.util.Set;
      import java.util.UUID;
      import org.jspecify.annotations.Nullable;

      """;

  static final String CUSTOMER_1 = IMPORTS + """
      @Entity(name = "customers", endpointKey = "email")
      public record Customer(
          @PrimaryKey @Auto UUID id,
          @Unique String email,
          String name,
          @Nullable String nickname,
          String legacyCode,
          @Default("ACTIVE") Status status,
          @Nullable Set<String> tags) {}
      """;

  static final String CUSTOMER_2 = IMPORTS + """
      @Entity(name = "customers", endpointKey = "email")
      public record Customer(
          @PrimaryKey @Auto UUID id,
          @Unique String email,
          String name,
          @Unique @Nullable String nickname,
          String legacyCode,
          @Default("ACTIVE") Status status,
          @Nullable Set<String> tags,
          @Default("basic") String tier) {}
      """;

  static final String CUSTOMER_3 = IMPORTS + """
      @Entity(name = "customers", endpointKey = "email")
      public record Customer(
          @PrimaryKey @Auto UUID id,
          @Unique String email,
          @RenamedFrom("name") String fullName,
          @Unique @Nullable String nickname,
          @Default("ACTIVE") Status status,
          @Nullable Set<String> tags,
          @Default("basic") String tier) {}
      """;

  static final String ORDER = IMPORTS + """
      @Entity(name = "orders", ttl = true)
      public record Order(
          @PrimaryKey @Auto UUID id,
          @Foreign(value = Customer.class, onDelete = OnDelete.CASCADE) UUID customer,
          @Indexed String sku,
          @Auto Instant createdAt) {}
      """;

  static Map<String, String> sources(int version) {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("test/shop/package-info.java", PACKAGE_INFO.formatted("1." + (version - 1) + ".0"));
    out.put("test/shop/Status.java", STATUS);
    out.put("test/shop/Customer.java", switch (version) {
      case 1 -> CUSTOMER_1;
      case 2 -> CUSTOMER_2;
      default -> CUSTOMER_3;
    });
    if (version >= 2) {
      out.put("test/shop/Order.java", ORDER);
    }
    return out;
  }

  private static Path[] compiled;
  private static Path schemaDir;

  /** The class output of each version (index 0 = 1.0.0), compiled once per test run. */
  static synchronized Path[] compiled() {
    Path root = PluginCompiler.scratch().resolve("shop");
    if (compiled == null) {
      schemaDir = root.resolve("schemas");
      compiled = new Path[3];
      for (int v = 1; v <= 3; v++) {
        compiled[v - 1] = PluginCompiler.compile(root.resolve("v" + v), sources(v),
            "-Adaogen.schemaDir=" + schemaDir);
      }
    }
    return compiled;
  }

  static Path schemaDir() {
    return schemaDir;
  }

  // ---- reflection over the generated code of one version ------------------------------------------------------------

  /** Connects with the plugin modules that {@code loader} sees. */
  static Database connect(DataSource ds, ClassLoader loader) {
    Thread t = Thread.currentThread();
    ClassLoader previous = t.getContextClassLoader();
    t.setContextClassLoader(loader);
    try {
      return Database.connect(ds);
    } finally {
      t.setContextClassLoader(previous);
    }
  }

  static Object dao(Database db, ClassLoader loader, String entity) throws Exception {
    return db.dao(loader.loadClass("test.shop." + entity + "Dao"));
  }

  /** {@code dao.insert(new <Entity>Draft().a(x).b(y))}. */
  static Object insert(Database db, ClassLoader loader, String entity, Object... namesAndValues) throws Exception {
    Object dao = dao(db, loader, entity);
    Class<?> draftType = loader.loadClass("test.shop." + entity + "Draft");
    Object draft = draftType.getConstructor().newInstance();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      String name = (String) namesAndValues[i];
      Object value = namesAndValues[i + 1];
      Method setter = java.util.Arrays.stream(draftType.getMethods())
          .filter(m -> m.getName().equals(name) && m.getParameterCount() == 1).findFirst().orElseThrow();
      draft = setter.invoke(draft, value);
    }
    // insert(draft) is the engine's generic method, erased to insert(FieldValues)
    Method insert = java.util.Arrays.stream(dao.getClass().getMethods())
        .filter(m -> m.getName().equals("insert") && m.getParameterCount() == 1
            && m.getParameterTypes()[0].isAssignableFrom(draftType))
        .findFirst().orElseThrow();
    return insert.invoke(dao, draft);
  }

  static Optional<?> select(Database db, ClassLoader loader, String entity, Object id) throws Exception {
    Object dao = dao(db, loader, entity);
    Method select = java.util.Arrays.stream(dao.getClass().getMethods())
        .filter(m -> m.getName().equals("select") && m.getParameterCount() == 1).findFirst().orElseThrow();
    return (Optional<?>) select.invoke(dao, id);
  }

  static Object get(Object record, String component) throws Exception {
    return record.getClass().getMethod(component).invoke(record);
  }
}
