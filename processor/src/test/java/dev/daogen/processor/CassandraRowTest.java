package dev.daogen.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.datastax.oss.driver.api.core.cql.Row;
import dev.daogen.store.cassandra.CassandraMapping;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The generated {@code read(Row)} and {@code cql(column, value)} by behaviour: an entity turned into the driver's
 * values and read back from a row with the driver's semantics (primitive getters read null as 0 or false, collection
 * getters read null as empty) is the same entity, with and without its nullable values.
 */
class CassandraRowTest {
  private static final List<String> MAPPINGS = List.of("good.ConsumerMapping", "good.KeyAuthCredentialMapping",
      "good.GroupMapping", "cassandra.ClubMapping", "cassandra.MembershipMapping", "cassandra.SampleMapping");

  @Test
  void entitiesSurviveTheRoundTripThroughTheDriversTypes() throws Exception {
    for (String name : MAPPINGS) {
      CassandraMapping<Object> m = mapping(name);
      for (boolean nulls : List.of(false, true)) {
        Object entity = sample(m.schema().type(), nulls);
        Object[] row = m.row(entity);
        assertWithMessage(name).that(java.util.Arrays.asList(row).contains(null)).isEqualTo(nulls);
        Object[] driver = new Object[row.length];
        for (int i = 0; i < row.length; i++) {
          driver[i] = m.cql(i, row[i]);
          assertWithMessage(name + " column " + i).that(driver[i] == null || isCqlValue(driver[i])).isTrue();
        }
        assertWithMessage(name).that(m.read(row(driver))).isEqualTo(entity);
      }
    }
  }

  @Test
  void enumsAndJsonAreText() throws Exception {
    CassandraMapping<Object> m = mapping("cassandra.SampleMapping");
    Object entity = sample(m.schema().type(), false);
    Object[] row = m.row(entity);
    assertThat(m.cql(15, row[15])).isEqualTo("LOW");
    assertThat(m.cql(28, row[28])).isEqualTo("{\"note\":\"s\",\"weight\":7}");
    assertThat(m.cql(29, row[29])).isEqualTo("{\"a\":\"LOW\"}");
    assertThat(m.cql(30, row[30])).isEqualTo(m.cacheKey(entity)); // the stored cache key
    assertThrows(IndexOutOfBoundsException.class, () -> m.cql(31, null));
  }

  @Test
  void aRequiredColumnWithoutValueReadsAsItsDefault() throws Exception {
    CassandraMapping<Object> m = mapping("cassandra.MembershipMapping");
    Object entity = sample(m.schema().type(), false);
    Object[] driver = m.row(entity).clone();
    for (int i = 0; i < driver.length; i++) {
      driver[i] = m.cql(i, driver[i]);
    }
    driver[3] = null; // role, added by a later version: Cassandra cannot backfill it
    Object read = m.read(row(driver));
    assertThat(read.getClass().getMethod("role").invoke(read).toString()).isEqualTo("MEMBER");
    // a nullable collection written empty is null in Cassandra, and reads as null
    driver[5] = null;
    assertThat(read(m, driver, "tags")).isNull();
    // a required one reads as empty
    CassandraMapping<Object> samples = mapping("cassandra.SampleMapping");
    Object[] values = samples.row(sample(samples.schema().type(), true)).clone();
    for (int i = 0; i < values.length; i++) {
      values[i] = samples.cql(i, values[i]);
    }
    values[19] = null;
    assertThat((List<?>) read(samples, values, "names")).isEmpty();
  }

  private static Object read(CassandraMapping<Object> m, Object[] driver, String component) throws Exception {
    Object entity = m.read(row(driver));
    return entity.getClass().getMethod(component).invoke(entity);
  }

  @SuppressWarnings("unchecked")
  private static CassandraMapping<Object> mapping(String name) throws Exception {
    return (CassandraMapping<Object>) CassandraGenerationTest.mapping(name);
  }

  /** Values of the types the driver's codecs produce for the CQL types daogen uses. */
  private static boolean isCqlValue(Object v) {
    if (v instanceof List<?> l) {
      return l.stream().allMatch(CassandraRowTest::isCqlValue);
    }
    if (v instanceof Set<?> s) {
      return s.stream().allMatch(CassandraRowTest::isCqlValue);
    }
    return v instanceof String || v instanceof UUID || v instanceof Integer || v instanceof Long
        || v instanceof Double || v instanceof BigDecimal || v instanceof Boolean || v instanceof Instant
        || v instanceof LocalDate;
  }

  /** A driver row over these values, with the driver's getters' semantics for null. */
  private static Row row(Object[] values) {
    return (Row) Proxy.newProxyInstance(CassandraRowTest.class.getClassLoader(), new Class<?>[] {Row.class},
        (proxy, method, args) -> {
          Object v = values[(Integer) args[0]];
          return switch (method.getName()) {
            case "isNull" -> v == null;
            case "getInt" -> v == null ? 0 : v;
            case "getLong" -> v == null ? 0L : v;
            case "getDouble" -> v == null ? 0.0 : v;
            case "getBoolean" -> v != null && (Boolean) v;
            case "getString", "getUuid", "getBigDecimal", "getInstant", "getLocalDate" -> v;
            case "getList" -> v == null ? new ArrayList<>() : new ArrayList<>((List<?>) v);
            case "getSet" -> v == null ? new LinkedHashSet<>() : new LinkedHashSet<>((Set<?>) v);
            default -> throw new UnsupportedOperationException(method.getName());
          };
        });
  }

  /** A record with a value for every component (none for the nullable ones when {@code nulls}). */
  static Object sample(Class<?> record, boolean nulls) throws Exception {
    RecordComponent[] components = record.getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      boolean nullable = components[i].getAnnotatedType().isAnnotationPresent(org.jspecify.annotations.Nullable.class)
          || components[i].getDeclaredAnnotations().length > 0 && List.of(components[i].getDeclaredAnnotations())
              .stream().anyMatch(a -> a.annotationType().getSimpleName().equals("Nullable"));
      args[i] = nulls && nullable && !types[i].isPrimitive() ? null : value(components[i].getGenericType());
    }
    Constructor<?> canonical = record.getDeclaredConstructor(types);
    return canonical.newInstance(args);
  }

  private static Object value(Type type) throws Exception {
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      Type[] args = p.getActualTypeArguments();
      if (raw == List.class) {
        return List.of(value(args[0]), other(args[0]));
      }
      if (raw == Set.class) {
        return new LinkedHashSet<>(List.of(value(args[0]), other(args[0])));
      }
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("a", value(args[1]));
      return map;
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class) {
      return "s";
    } else if (c == UUID.class) {
      return UUID.fromString("6f1e4a8e-3c41-4b7e-9a55-0d2f4bd1a001");
    } else if (c == int.class || c == Integer.class) {
      return 7;
    } else if (c == long.class || c == Long.class) {
      return 8L;
    } else if (c == double.class || c == Double.class) {
      return 1.5;
    } else if (c == BigDecimal.class) {
      return new BigDecimal("2.50");
    } else if (c == boolean.class || c == Boolean.class) {
      return true;
    } else if (c == Instant.class) {
      return Instant.ofEpochMilli(1_700_000_000_123L);
    } else if (c == LocalDate.class) {
      return LocalDate.of(2024, 1, 31);
    } else if (c.isEnum()) {
      return c.getEnumConstants()[0];
    } else if (c.isRecord()) {
      return sample(c, false);
    }
    throw new IllegalArgumentException("no sample value of " + type);
  }

  /** A second value of a collection's element type. */
  private static Object other(Type element) throws Exception {
    Class<?> c = (Class<?>) element;
    if (c == String.class) {
      return "t";
    } else if (c == UUID.class) {
      return UUID.fromString("6f1e4a8e-3c41-4b7e-9a55-0d2f4bd1a002");
    } else if (c == Integer.class) {
      return 9;
    } else if (c == Long.class) {
      return 10L;
    } else if (c == Double.class) {
      return 2.5;
    } else if (c == BigDecimal.class) {
      return new BigDecimal("3.5");
    } else if (c == Boolean.class) {
      return false;
    } else if (c == Instant.class) {
      return Instant.ofEpochMilli(1_700_000_001_000L);
    } else if (c == LocalDate.class) {
      return LocalDate.of(2024, 2, 1);
    }
    return value(element);
  }
}
