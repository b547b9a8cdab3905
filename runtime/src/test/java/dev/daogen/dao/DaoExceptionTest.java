package dev.daogen.dao;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DaoExceptionTest {
  @Test
  void errorCodesAreKongs() {
    Map<ErrorCode, String> expected = new LinkedHashMap<>();
    expected.put(ErrorCode.INVALID_PRIMARY_KEY, "1 invalid primary key");
    expected.put(ErrorCode.SCHEMA_VIOLATION, "2 schema violation");
    expected.put(ErrorCode.PRIMARY_KEY_VIOLATION, "3 primary key violation");
    expected.put(ErrorCode.FOREIGN_KEY_VIOLATION, "4 foreign key violation");
    expected.put(ErrorCode.UNIQUE_VIOLATION, "5 unique constraint violation");
    expected.put(ErrorCode.NOT_FOUND, "6 not found");
    expected.put(ErrorCode.INVALID_OFFSET, "7 invalid offset");
    expected.put(ErrorCode.DATABASE_ERROR, "8 database error");
    expected.put(ErrorCode.INVALID_SIZE, "9 invalid size");
    expected.put(ErrorCode.INVALID_UNIQUE, "10 invalid unique");
    expected.put(ErrorCode.INVALID_OPTIONS, "11 invalid options");
    expected.put(ErrorCode.OPERATION_UNSUPPORTED, "12 operation unsupported");
    expected.put(ErrorCode.FOREIGN_KEYS_UNRESOLVED, "13 foreign keys unresolved");
    assertEquals(expected.size(), ErrorCode.values().length);
    for (ErrorCode code : ErrorCode.values()) {
      assertEquals(expected.get(code), code.code() + " " + code.errorName());
    }
  }

  @Test
  void carriesCodeMessageFieldsAndCause() {
    RuntimeException cause = new RuntimeException("sql");
    Map<String, Object> fields = new HashMap<>();
    fields.put("name", "already exists with value 'x'");
    DaoException e = new DaoException(ErrorCode.UNIQUE_VIOLATION, "UNIQUE violation detected on '{name=\"x\"}'",
        fields, cause);
    assertEquals(ErrorCode.UNIQUE_VIOLATION, e.code());
    assertEquals("UNIQUE violation detected on '{name=\"x\"}'", e.getMessage());
    assertSame(cause, e.getCause());
    fields.put("other", "later");
    assertEquals(Map.of("name", "already exists with value 'x'"), e.fields());
    assertThrows(UnsupportedOperationException.class, () -> e.fields().put("x", "y"));
  }

  @Test
  void fieldsDefaultToEmpty() {
    DaoException e = new DaoException(ErrorCode.NOT_FOUND, "not found");
    assertEquals(Map.of(), e.fields());
    assertNull(e.getCause());
    assertEquals(Map.of("a", "b"), new DaoException(ErrorCode.SCHEMA_VIOLATION, "m", Map.of("a", "b")).fields());
  }
}
