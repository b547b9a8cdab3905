package dev.daogen.processor.generation;

import dev.daogen.processor.model.AutoKind;
import dev.daogen.processor.model.ConstraintModel;
import dev.daogen.processor.model.EntityCheckModel;
import dev.daogen.processor.model.EntityModel;
import dev.daogen.processor.model.FieldModel;
import dev.daogen.processor.model.ScalarKind;
import dev.daogen.processor.model.TypeModel;
import dev.daogen.schema.FieldSchema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * JSON Schemas (OpenAPI 3.1 dialect) of one plugin's admin bodies, as the generated admin binding reads and writes
 * them: snake_case names, timestamps as epoch seconds, foreign keys as {@code {"id": …}}, enums as constant names.
 * Nested records become named component schemas, collected while the entity schemas are built.
 */
final class OpenApiSchemas {
  /** Which way a body travels: some values are written differently than they are read. */
  enum Direction {
    RESPONSE,
    REQUEST
  }

  /**
   * Where a value sits: an entity field, an element or map value of an entity field (converted by the admin
   * binding), or anywhere inside a nested record (stored JSON, converted by the record's codec).
   */
  private enum Level {
    FIELD,
    ELEMENT,
    NESTED
  }

  static final String REF_PREFIX = "#/components/schemas/";

  private final Map<String, String> names;
  /** Nested record schemas by component name, filled as fields refer to them. */
  private final Map<String, Map<String, Object>> nested = new LinkedHashMap<>();

  /**
   * @param names component names already taken, by the qualified name of the type they describe (entities and
   *     fixed schemas); nested record names are added as they are met
   */
  OpenApiSchemas(Map<String, String> names) {
    this.names = names;
  }

  /** The nested record schemas met so far, by component name. */
  Map<String, Map<String, Object>> nestedSchemas() {
    return nested;
  }

  // ---- entity bodies ---------------------------------------------------------------------------------------

  /** The entity as responses carry it: every field, always present. */
  Map<String, Object> entity(EntityModel e) {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (FieldModel f : e.fields()) {
      properties.put(f.jsonName(), field(e, f, Direction.RESPONSE, false));
    }
    List<String> required = new ArrayList<>(e.fields().stream().map(FieldModel::jsonName).toList());
    if (e.ttl() && e.primaryKey().size() == 1) {
      properties.put("ttl", obj("type", List.of("integer", "null"), "format", "int64", "minimum", 1,
          "readOnly", true, "description", "Seconds until the entity expires; null when it never does."));
      required.add("ttl");
    }
    return object(description(e, "An entity of " + e.name() + ", as the admin API returns it."), properties,
        required);
  }

  /**
   * The body that creates or replaces an entity (POST, PUT): fields without a value of their own are required.
   *
   * @param parentField the foreign key field that the path fills in (nested routes), or null
   */
  Map<String, Object> input(EntityModel e, FieldModel parentField) {
    Map<String, Object> properties = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    for (FieldModel f : e.fields()) {
      properties.put(f.jsonName(), field(e, f, Direction.REQUEST, true));
      if (f.required() && f != parentField) {
        required.add(f.jsonName());
      }
    }
    if (e.ttl()) {
      properties.put("ttl", obj("type", List.of("integer", "null"), "format", "int64", "minimum", 0,
          "maximum", 3153600000L, "description", "Seconds until the entity expires; 0 or null: never."));
    }
    String what = parentField == null
        ? "The body that creates or replaces an entity of " + e.name() + "."
        : "The body that creates or replaces an entity of " + e.name() + " under its " + parentField.jsonName()
            + ", which the path names (a " + parentField.jsonName() + " in the body is overridden).";
    return object(description(e, what), properties, required);
  }

  /** The body that updates some fields (PATCH): nothing required; a primary key in it is ignored. */
  Map<String, Object> patch(EntityModel e) {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (FieldModel f : e.fields()) {
      properties.put(f.jsonName(), field(e, f, Direction.REQUEST, false));
    }
    if (e.ttl()) {
      properties.put("ttl", obj("type", List.of("integer", "null"), "format", "int64", "minimum", 0,
          "maximum", 3153600000L, "description", "Seconds until the entity expires; 0 or null: never."));
    }
    return object(description(e, "The fields of an entity of " + e.name() + " to change; the others keep their value."),
        properties, List.of());
  }

  /** Kong's list envelope: {@code {"data": […], "offset": "…", "next": "/…?offset=…"}}. */
  static Map<String, Object> page(String entityRef, String entityName) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("data", obj("type", "array", "items", ref(entityRef)));
    properties.put("offset", obj("type", "string",
        "description", "Where the next page starts; absent on the last page."));
    properties.put("next", obj("type", List.of("string", "null"),
        "description", "The path and query of the next page, or null on the last page."));
    return object("A page of " + entityName + " entities.", properties, List.of("data", "next"));
  }

  /** Kong's error body: {@code {"code", "name", "message", "fields"}}. */
  static Map<String, Object> error() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("code", obj("type", "integer", "format", "int32", "description", "Kong's DAO error code."));
    properties.put("name", obj("type", "string", "description", "Kong's DAO error name (\"schema violation\")."));
    properties.put("message", obj("type", "string"));
    properties.put("fields", obj("type", "object",
        "description", "Field errors: a message per field (nested objects for nested fields)."));
    return object("An error of the entity's rules or of the database constraints.", properties,
        List.of("code", "name", "message", "fields"));
  }

  /** A body with only a message: not found, a body that cannot be read, unexpected errors. */
  static Map<String, Object> message() {
    return object("A message: not found, an unreadable or too large body, an unexpected error.",
        Map.of("message", obj("type", "string")), List.of("message"));
  }

  // ---- fields ----------------------------------------------------------------------------------------------

  private Map<String, Object> field(EntityModel e, FieldModel f, Direction direction, boolean withDefault) {
    Map<String, Object> s;
    if (f.foreign().isPresent()) {
      String key = f.foreign().get().parentKeyJsonName();
      s = object(null, Map.of(key, type(f.type(), false, Level.FIELD, direction)), List.of(key));
      s.put("description", "The entity of " + f.foreign().get().parentName() + " this one belongs to, by its "
          + key + ".");
      if (f.nullable()) {
        s.put("type", List.of("object", "null"));
      }
    } else {
      s = type(f.type(), f.nullable(), Level.FIELD, direction);
    }
    constraints(s, f, e.cacheKey().contains(f.name()));
    if (direction == Direction.RESPONSE
        && (f.auto() == AutoKind.CREATED_AT || f.auto() == AutoKind.UPDATED_AT)) {
      s.put("readOnly", true);
    }
    if (withDefault && f.defaultValue().isPresent()) {
      Object value = defaultValue(f.defaultValue().get(), f.type());
      if (value != null) {
        s.put("default", value);
      }
    }
    return s;
  }

  private static void constraints(Map<String, Object> s, FieldModel f, boolean inCacheKey) {
    boolean string = f.type() instanceof TypeModel.Scalar sc && sc.kind() == ScalarKind.STRING;
    boolean hasPattern = false;
    for (ConstraintModel c : f.constraints()) {
      switch (c.kind()) {
        case SIZE -> {
          String min = string ? "minLength" : f.type() instanceof TypeModel.MapType ? "minProperties" : "minItems";
          String max = string ? "maxLength" : f.type() instanceof TypeModel.MapType ? "maxProperties" : "maxItems";
          c.min().filter(v -> v > 0).ifPresent(v -> s.put(min, v));
          c.max().ifPresent(v -> s.put(max, v));
        }
        case MIN -> c.min().ifPresent(v -> s.put("minimum", v));
        case MAX -> c.max().ifPresent(v -> s.put("maximum", v));
        case POSITIVE -> s.put("exclusiveMinimum", 0);
        case PATTERN -> {
          // Jakarta's @Pattern matches the whole value; a JSON Schema pattern matches anywhere
          s.put("pattern", "^(?:" + c.pattern().orElseThrow() + ")$");
          hasPattern = true;
        }
        case NOT_BLANK -> s.merge("minLength", 1L, (a, b) -> Math.max((Long) a, (Long) b));
        case EMAIL -> s.put("format", "email");
      }
    }
    if (string && (f.primaryKey() || f.unique() || f.indexed() || inCacheKey)) {
      // as the admin API checks it: a btree index entry has a size limit
      s.merge("maxLength", (long) FieldSchema.MAX_INDEXED_STRING_LENGTH, (a, b) -> Math.min((Long) a, (Long) b));
    }
    if (!hasPattern && f.constraints().stream().anyMatch(c -> c.kind() == ConstraintModel.Kind.NOT_BLANK)) {
      s.put("pattern", "\\S");
    }
  }

  private Map<String, Object> type(TypeModel type, boolean nullable, Level level, Direction direction) {
    if (type instanceof TypeModel.Scalar s) {
      return nullable(scalar(s.kind(), level, direction), nullable);
    }
    if (type instanceof TypeModel.EnumType en) {
      List<Object> values = new ArrayList<>(en.constants());
      if (nullable) {
        values.add(null);
      }
      return nullable(obj("type", "string", "enum", values), nullable);
    }
    Level inner = level == Level.NESTED ? Level.NESTED : Level.ELEMENT;
    if (type instanceof TypeModel.CollectionType c) {
      Map<String, Object> s = obj("type", "array", "items", scalar(c.element(), inner, direction));
      if (c.set()) {
        s.put("uniqueItems", true);
      }
      return nullable(s, nullable);
    }
    if (type instanceof TypeModel.MapType m) {
      return nullable(obj("type", "object", "additionalProperties", type(m.value(), false, inner, direction)),
          nullable);
    }
    TypeModel.NestedRecord r = (TypeModel.NestedRecord) type;
    Map<String, Object> ref = ref(nestedRecord(r));
    return nullable ? obj("anyOf", List.of(ref, obj("type", "null"))) : ref;
  }

  /** {@code "type": "string"} → {@code "type": ["string", "null"]}, the 3.1 way of saying nullable. */
  private static Map<String, Object> nullable(Map<String, Object> s, boolean nullable) {
    if (nullable) {
      s.put("type", List.of(s.get("type"), "null"));
    }
    return s;
  }

  private static Map<String, Object> scalar(ScalarKind kind, Level level, Direction direction) {
    return switch (kind) {
      case STRING -> obj("type", "string");
      case UUID -> obj("type", "string", "format", "uuid");
      case INT -> obj("type", "integer", "format", "int32");
      case LONG -> obj("type", "integer", "format", "int64");
      case DOUBLE -> obj("type", "number", "format", "double");
      case DECIMAL -> obj("type", "number");
      case BOOLEAN -> obj("type", "boolean");
      case LOCAL_DATE -> obj("type", "string", "format", "date");
      // the admin binding reads and writes timestamps as epoch seconds (fields, and elements of collections and
      // maps); inside nested records, stored as jsonb, they keep ISO-8601 text
      case INSTANT -> level == Level.FIELD || level == Level.ELEMENT
          ? obj("type", "number", "description", "Epoch seconds (a fraction for sub-second precision).")
          : obj("type", "string", "format", "date-time");
    };
  }

  /** The component name of a nested record, its schema built on first use. */
  private String nestedRecord(TypeModel.NestedRecord r) {
    String qualified = r.type().canonicalName();
    String name = names.get(qualified);
    if (name != null) {
      return name;
    }
    name = String.join(".", r.type().simpleNames());
    if (names.containsValue(name)) {
      name = qualified;
    }
    names.put(qualified, name);
    Map<String, Object> properties = new LinkedHashMap<>();
    List<String> required = new ArrayList<>();
    for (TypeModel.NestedField f : r.fields()) {
      properties.put(f.jsonName(), type(f.type(), f.nullable(), Level.NESTED, Direction.RESPONSE));
      if (!f.nullable()) {
        required.add(f.jsonName());
      }
    }
    // stored JSON: unknown fields are skipped when read, so more are allowed
    Map<String, Object> schema = obj("type", "object", "description",
        "A " + r.type().simpleName() + " value (a nested record).", "properties", properties);
    if (!required.isEmpty()) {
      schema.put("required", required);
    }
    nested.put(name, schema);
    return name;
  }

  /** A {@code @Default} literal as the JSON value of an input; null where it has no JSON form here. */
  private static Object defaultValue(String literal, TypeModel type) {
    if (type instanceof TypeModel.Scalar s) {
      return scalarValue(literal, s.kind(), Level.FIELD);
    }
    if (type instanceof TypeModel.EnumType) {
      return literal;
    }
    if (type instanceof TypeModel.CollectionType c) {
      List<Object> values = new ArrayList<>();
      if (!literal.isEmpty()) {
        for (String item : literal.split(",", -1)) {
          values.add(scalarValue(item, c.element(), Level.ELEMENT));
        }
      }
      return values;
    }
    return null;
  }

  private static Object scalarValue(String literal, ScalarKind kind, Level level) {
    return switch (kind) {
      case INT -> Integer.valueOf(literal);
      case LONG -> Long.valueOf(literal);
      case DOUBLE, DECIMAL -> new BigDecimal(literal);
      case BOOLEAN -> Boolean.valueOf(literal);
      case INSTANT -> {
        Instant t = Instant.parse(literal);
        yield t.getNano() == 0 ? (Object) t.getEpochSecond()
            : BigDecimal.valueOf(t.getEpochSecond()).add(BigDecimal.valueOf(t.getNano(), 9)).stripTrailingZeros();
      }
      default -> literal;
    };
  }

  // ---- helpers ---------------------------------------------------------------------------------------------

  /** The entity-level checks, which JSON Schema cannot say exactly (a null counts as absent), in words. */
  private static String description(EntityModel e, String what) {
    if (e.checks().isEmpty()) {
      return what;
    }
    String checks = e.checks().stream().map(c -> checkText(e, c)).collect(Collectors.joining(" "));
    return what + " " + checks;
  }

  private static String checkText(EntityModel e, EntityCheckModel c) {
    String fields = c.fields().stream().map(f -> e.field(f).jsonName()).collect(Collectors.joining(", "));
    return switch (c.kind()) {
      case AT_LEAST_ONE_OF -> "At least one of " + fields + " must be set.";
      case ONLY_ONE_OF -> "Exactly one of " + fields + " must be set.";
      case MUTUALLY_REQUIRED -> "Either all or none of " + fields + " must be set.";
      case MUTUALLY_EXCLUSIVE -> "At most one of " + fields + " may be set.";
    };
  }

  /** A closed object schema: unknown fields are refused by the admin binding. */
  private static Map<String, Object> object(String description, Map<String, Object> properties,
      List<String> required) {
    Map<String, Object> s = obj("type", "object");
    if (description != null) {
      s.put("description", description);
    }
    s.put("properties", properties);
    if (!required.isEmpty()) {
      s.put("required", required);
    }
    s.put("additionalProperties", false);
    return s;
  }

  static Map<String, Object> ref(String componentName) {
    return obj("$ref", REF_PREFIX + componentName);
  }

  /** An ordered JSON object from name, value pairs. */
  static Map<String, Object> obj(Object... namesAndValues) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      out.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return out;
  }
}
