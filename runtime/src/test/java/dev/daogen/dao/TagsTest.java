package dev.daogen.dao;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class TagsTest {
  private static DaoException invalid(Executable e, String message, String field) {
    DaoException ex = assertThrows(DaoException.class, e);
    assertEquals(ErrorCode.INVALID_OPTIONS, ex.code());
    assertEquals(message, ex.getMessage());
    assertEquals(Map.of("tags", field), ex.fields());
    return ex;
  }

  @Test
  void allAndAny() {
    Tags all = Tags.all("a", "b");
    assertTrue(all.matchAll());
    assertEquals(List.of("a", "b"), all.values());
    assertEquals("a,b", all.toString());
    Tags any = Tags.any("a", "b");
    assertFalse(any.matchAll());
    assertEquals("a/b", any.toString());
  }

  @Test
  void parsesKongsSyntax() {
    Tags all = Tags.parse("x,y,z");
    assertTrue(all.matchAll());
    assertEquals(List.of("x", "y", "z"), all.values());
    Tags any = Tags.parse("x/y");
    assertFalse(any.matchAll());
    assertEquals(List.of("x", "y"), any.values());
    Tags one = Tags.parse("only");
    assertTrue(one.matchAll());
    assertEquals(List.of("only"), one.values());
    assertEquals(List.of("a b", "é"), Tags.parse("a b,é").values());
  }

  @Test
  void atMostFiveTags() {
    assertEquals(5, Tags.parse("1,2,3,4,5").values().size());
    assertEquals(5, Tags.any("1", "2", "3", "4", "5").values().size());
    invalid(() -> Tags.parse("1,2,3,4,5,6"), "invalid option (tags: cannot query more than 5 tags)",
        "cannot query more than 5 tags");
    invalid(() -> Tags.parse("1/2/3/4/5/6"), "invalid option (tags: cannot query more than 5 tags)",
        "cannot query more than 5 tags");
    invalid(() -> Tags.all(), "invalid option (tags: cannot query more than 5 tags)",
        "cannot query more than 5 tags");
  }

  @Test
  void emptyTagsAreRefused() {
    invalid(() -> Tags.parse(""), "invalid option (tags: must not be empty)", "must not be empty");
    invalid(() -> Tags.parse("a,"), "invalid option (tags: must not be empty)", "must not be empty");
    invalid(() -> Tags.parse("a//b"), "invalid option (tags: must not be empty)", "must not be empty");
    invalid(() -> Tags.parse("/"), "invalid option (tags: must not be empty)", "must not be empty");
    invalid(() -> Tags.any("a", null), "invalid option (tags: must not be empty)", "must not be empty");
  }

  @Test
  void mixingSeparatorsIsRefused() {
    invalid(() -> Tags.parse("a,b/c"), "invalid option (tags: invalid filter: mixing ',' and '/' is not supported)",
        "invalid filter: mixing ',' and '/' is not supported");
  }

  @Test
  void valuesAreCopies() {
    String[] in = {"a", "b"};
    Tags tags = Tags.all(in);
    in[0] = "changed";
    assertEquals(List.of("a", "b"), tags.values());
    String[] out = tags.toArray();
    out[1] = "changed";
    assertArrayEquals(new String[] {"a", "b"}, tags.toArray());
  }
}
