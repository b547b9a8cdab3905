package dev.daogen.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.daogen.dao.ErrorCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The package-visible helpers of {@link AdminApi} and {@link JettyAdminServer} that need no database. */
class AdminPathsTest {
  @Test
  void segmentsSplitAndDecode() {
    assertEquals(List.of(), AdminApi.segments("/"));
    assertEquals(List.of("services"), AdminApi.segments("/services"));
    assertEquals(List.of("services"), AdminApi.segments("/services/"));
    // one trailing slash is dropped, so "//" is the root
    assertEquals(List.of(), AdminApi.segments("//"));
    assertEquals(List.of("services", "my service", "routes"), AdminApi.segments("/services/my%20service/routes"));
    assertEquals(List.of("a/b"), AdminApi.segments("/a%2Fb"));
    assertEquals(List.of("a/b"), AdminApi.segments("/a%2fb"));
    assertEquals(List.of("é"), AdminApi.segments("/%C3%A9"));
    // in a path '+' is a plus, not a space
    assertEquals(List.of("a+b"), AdminApi.segments("/a+b"));
    assertEquals(List.of("a+b c"), AdminApi.segments("/a%2Bb%20c"));
    // encoded dots are a name, not a step
    assertEquals(List.of("..."), AdminApi.segments("/..."));
    assertEquals(List.of(".x"), AdminApi.segments("/.x"));
  }

  @Test
  void pathsThatCannotNameAnything() {
    assertNull(AdminApi.segments(null));
    assertNull(AdminApi.segments(""));
    assertNull(AdminApi.segments("services"));
    assertNull(AdminApi.segments("/a//b"));
    assertNull(AdminApi.segments("//a"));
    assertNull(AdminApi.segments("/a//"));
    assertNull(AdminApi.segments("/.."));
    assertNull(AdminApi.segments("/a/../b"));
    assertNull(AdminApi.segments("/a/."));
    assertNull(AdminApi.segments("/%2E%2E"));
    assertNull(AdminApi.segments("/%2e"));
  }

  @Test
  void segmentsThatAreNotPercentEncodedUtf8AreRefused() {
    for (String path : new String[] {"/a%zz", "/a%", "/consumers/%C0%AF", "/consumers/%FF", "/%ED%A0%80", "/a/%E9"}) {
      BadRequest e = assertThrows(BadRequest.class, () -> AdminApi.segments(path), path);
      assertEquals(400, e.status());
      assertEquals(AdminApi.INVALID_PATH, e.getMessage());
    }
    assertEquals(List.of("consumers", "é", "a+b", "a/b"), AdminApi.segments("/consumers/%C3%A9/a+b/a%2Fb"));
  }

  @Test
  void kongsStatusPerErrorCode() {
    assertEquals(409, AdminApi.status(ErrorCode.UNIQUE_VIOLATION));
    assertEquals(404, AdminApi.status(ErrorCode.NOT_FOUND));
    assertEquals(500, AdminApi.status(ErrorCode.DATABASE_ERROR));
    assertEquals(405, AdminApi.status(ErrorCode.OPERATION_UNSUPPORTED));
    for (ErrorCode code : List.of(ErrorCode.INVALID_PRIMARY_KEY, ErrorCode.SCHEMA_VIOLATION,
        ErrorCode.PRIMARY_KEY_VIOLATION, ErrorCode.FOREIGN_KEY_VIOLATION, ErrorCode.INVALID_OFFSET,
        ErrorCode.INVALID_SIZE, ErrorCode.INVALID_UNIQUE, ErrorCode.INVALID_OPTIONS,
        ErrorCode.FOREIGN_KEYS_UNRESOLVED)) {
      assertEquals(400, AdminApi.status(code), code.name());
    }
  }

  @Test
  void queryParameters() {
    assertEquals(Map.of(), AdminRequest.query(null));
    assertEquals(Map.of(), AdminRequest.query(""));
    Map<String, List<String>> q = AdminRequest.query("size=10&tags=a,b&tags=c&offset=x%2By+z&flag&&=v&e=");
    assertEquals(List.of("size", "tags", "offset", "flag", "", "e"), List.copyOf(q.keySet()));
    assertEquals(List.of("10"), q.get("size"));
    assertEquals(List.of("a,b", "c"), q.get("tags"));
    // a query string is form-encoded: '+' is a space
    assertEquals(List.of("x+y z"), q.get("offset"));
    assertEquals(List.of(""), q.get("flag"));
    assertEquals(List.of("v"), q.get(""));
    assertEquals(List.of(""), q.get("e"));
    assertEquals(List.of("a=b"), AdminRequest.query("k=a=b").get("k"));
    assertEquals(List.of("é"), AdminRequest.query("%C3%A9=%C3%A9").get("é"));
  }

  @Test
  void malformedQueryParametersAreRefused() {
    for (String query : new String[] {"size=%zz&tags=a", "tags=a&bad%=1", "offset=%", "offset=%FF", "o=%C0%AF"}) {
      BadRequest e = assertThrows(BadRequest.class, () -> AdminRequest.query(query), query);
      assertEquals(400, e.status());
      assertEquals(AdminRequest.INVALID_QUERY, e.getMessage());
    }
  }
}
