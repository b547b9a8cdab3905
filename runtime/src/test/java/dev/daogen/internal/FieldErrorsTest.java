package dev.daogen.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daogen.dao.DaoException;
import dev.daogen.dao.ErrorCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldErrorsTest {
  @Test
  void emptyThrowsNothing() {
    FieldErrors errors = new FieldErrors();
    assertTrue(errors.isEmpty());
    assertEquals(Map.of(), errors.toMap());
    errors.throwIfAny();
  }

  @Test
  void firstErrorOfAFieldWins() {
    FieldErrors errors = new FieldErrors();
    errors.add("name", "required field missing");
    errors.add("name", "length must be at least 1");
    assertTrue(errors.has("name"));
    assertFalse(errors.has("other"));
    assertEquals(Map.of("name", "required field missing"), errors.toMap());
  }

  @Test
  void nestedErrorsAndEntityErrorsKeepTheirOrder() {
    FieldErrors inner = new FieldErrors();
    inner.add("c", "expected a string");
    inner.add("d", "required field missing");
    FieldErrors errors = new FieldErrors();
    errors.add("a", "required field missing");
    errors.nested("b", inner);
    errors.nested("empty", new FieldErrors());
    errors.entity("at least one of these fields must be non-empty: 'a', 'b'");
    errors.entity("second");

    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("a", "required field missing");
    expected.put("b", Map.of("c", "expected a string", "d", "required field missing"));
    expected.put("@entity", List.of("at least one of these fields must be non-empty: 'a', 'b'", "second"));
    assertEquals(expected, errors.toMap());
    assertEquals(List.of("a", "b", "@entity"), List.copyOf(errors.toMap().keySet()));

    DaoException e = assertThrows(DaoException.class, errors::throwIfAny);
    assertEquals(ErrorCode.SCHEMA_VIOLATION, e.code());
    assertEquals("schema violation (a: required field missing; b.c: expected a string; "
        + "b.d: required field missing; at least one of these fields must be non-empty: 'a', 'b'; second)",
        e.getMessage());
    assertEquals(expected, e.fields());
  }

  @Test
  void nestedDoesNotReplaceAFieldError() {
    FieldErrors inner = new FieldErrors();
    inner.add("id", "expected a valid UUID");
    FieldErrors errors = new FieldErrors();
    errors.add("consumer", "required field missing");
    errors.nested("consumer", inner);
    assertEquals(Map.of("consumer", "required field missing"), errors.toMap());
  }

  @Test
  void entityErrorsAloneMakeAViolation() {
    FieldErrors errors = new FieldErrors();
    errors.entity("exactly one of these fields must be non-empty: 'x', 'y'");
    assertFalse(errors.isEmpty());
    DaoException e = assertThrows(DaoException.class, errors::throwIfAny);
    assertEquals("schema violation (exactly one of these fields must be non-empty: 'x', 'y')", e.getMessage());
    assertEquals(Map.of("@entity", List.of("exactly one of these fields must be non-empty: 'x', 'y'")), e.fields());
  }

  @Test
  void deeplyNestedPaths() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("config", Map.of("limits", Map.of("second", "value must be at least 1")));
    DaoException e = FieldErrors.schemaViolation(fields);
    assertEquals("schema violation (config.limits.second: value must be at least 1)", e.getMessage());
  }

  @Test
  void toMapIsASnapshot() {
    FieldErrors errors = new FieldErrors();
    errors.add("a", "x");
    Map<String, Object> before = errors.toMap();
    errors.add("b", "y");
    assertEquals(Map.of("a", "x"), before);
  }
}
