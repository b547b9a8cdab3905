package dev.daogen.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ChecksTest {
  /** The errors one check records, as field → message (plus {@code @entity}). */
  private static Map<String, Object> errors(Consumer<FieldErrors> check) {
    FieldErrors errors = new FieldErrors();
    check.accept(errors);
    return errors.toMap();
  }

  private static Map<String, Object> none() {
    return Map.of();
  }

  @Test
  void required() {
    FieldErrors errors = new FieldErrors();
    assertFalse(Checks.required(errors, "name", null));
    assertTrue(Checks.required(errors, "tags", List.of()));
    assertTrue(Checks.required(errors, "other", ""));
    assertEquals(Map.of("name", "required field missing"), errors.toMap());
  }

  @Test
  void sizeOfStrings() {
    assertEquals(Map.of("s", "length must be at least 2"), errors(e -> Checks.size(e, "s", "a", 2, 4)));
    assertEquals(none(), errors(e -> Checks.size(e, "s", "ab", 2, 4)));
    assertEquals(none(), errors(e -> Checks.size(e, "s", "abcd", 2, 4)));
    assertEquals(Map.of("s", "length must be at most 4"), errors(e -> Checks.size(e, "s", "abcde", 2, 4)));
    assertEquals(none(), errors(e -> Checks.size(e, "s", (CharSequence) null, 2, 4)));
    assertEquals(Map.of("s", "length must be at least 1"), errors(e -> Checks.size(e, "s", "", 1, 4)));
  }

  @Test
  void sizeOfCollectionsAndMaps() {
    assertEquals(Map.of("l", "length must be at least 1"), errors(e -> Checks.size(e, "l", List.of(), 1, 2)));
    assertEquals(none(), errors(e -> Checks.size(e, "l", List.of(1, 2), 1, 2)));
    assertEquals(Map.of("l", "length must be at most 2"), errors(e -> Checks.size(e, "l", Set.of(1, 2, 3), 1, 2)));
    assertEquals(Map.of("m", "length must be at most 1"),
        errors(e -> Checks.size(e, "m", Map.of("a", 1, "b", 2), 0, 1)));
    assertEquals(none(), errors(e -> Checks.size(e, "m", Map.of(), 0, 1)));
    assertEquals(none(), errors(e -> Checks.size(e, "m", (Map<?, ?>) null, 1, 1)));
    assertEquals(none(), errors(e -> Checks.size(e, "l", (List<?>) null, 1, 1)));
  }

  @Test
  void minMaxAndPositiveOfEveryNumberType() {
    assertEquals(Map.of("n", "value must be at least 1"), errors(e -> Checks.min(e, "n", 0, 1)));
    assertEquals(none(), errors(e -> Checks.min(e, "n", 1, 1)));
    assertEquals(Map.of("n", "value must be at least 1"), errors(e -> Checks.min(e, "n", 0.999, 1)));
    assertEquals(Map.of("n", "value must be at least 1"), errors(e -> Checks.min(e, "n", new BigDecimal("0.99"), 1)));
    assertEquals(none(), errors(e -> Checks.min(e, "n", new BigDecimal("1.00"), 1)));
    assertEquals(Map.of("n", "value must be at least -5"), errors(e -> Checks.min(e, "n", -6L, -5)));
    assertEquals(none(), errors(e -> Checks.min(e, "n", null, 1)));

    assertEquals(Map.of("n", "value must be at most 10"), errors(e -> Checks.max(e, "n", 11, 10)));
    assertEquals(none(), errors(e -> Checks.max(e, "n", 10, 10)));
    assertEquals(Map.of("n", "value must be at most 10"), errors(e -> Checks.max(e, "n", 10.0001, 10)));
    assertEquals(Map.of("n", "value must be at most 10"),
        errors(e -> Checks.max(e, "n", new BigDecimal("10.000000000000000000001"), 10)));
    assertEquals(none(), errors(e -> Checks.max(e, "n", Long.MIN_VALUE, 10)));
    assertEquals(Map.of("n", "value must be at most 10"), errors(e -> Checks.max(e, "n", Long.MAX_VALUE, 10)));
    assertEquals(none(), errors(e -> Checks.max(e, "n", null, 10)));

    assertEquals(Map.of("n", "value must be greater than 0"), errors(e -> Checks.positive(e, "n", 0)));
    assertEquals(Map.of("n", "value must be greater than 0"), errors(e -> Checks.positive(e, "n", -1L)));
    assertEquals(Map.of("n", "value must be greater than 0"), errors(e -> Checks.positive(e, "n", 0.0)));
    assertEquals(Map.of("n", "value must be greater than 0"), errors(e -> Checks.positive(e, "n", BigDecimal.ZERO)));
    assertEquals(none(), errors(e -> Checks.positive(e, "n", 0.001)));
    assertEquals(none(), errors(e -> Checks.positive(e, "n", new BigDecimal("0.0001"))));
    assertEquals(none(), errors(e -> Checks.positive(e, "n", 1)));
    assertEquals(none(), errors(e -> Checks.positive(e, "n", null)));
  }

  @Test
  void patternMatchesTheWholeValue() {
    Pattern p = Pattern.compile("[a-z]+");
    assertEquals(none(), errors(e -> Checks.pattern(e, "s", "abc", p)));
    assertEquals(Map.of("s", "invalid value 'abc1': must match the pattern '[a-z]+'"),
        errors(e -> Checks.pattern(e, "s", "abc1", p)));
    assertEquals(Map.of("s", "invalid value '" + "1".repeat(61) + "...': must match the pattern '[a-z]+'"),
        errors(e -> Checks.pattern(e, "s", "1".repeat(100), p)));
    assertEquals(none(), errors(e -> Checks.pattern(e, "s", null, p)));
  }

  @Test
  void notBlank() {
    assertEquals(Map.of("s", "must not be blank"), errors(e -> Checks.notBlank(e, "s", "")));
    assertEquals(Map.of("s", "must not be blank"), errors(e -> Checks.notBlank(e, "s", " \t\n")));
    assertEquals(none(), errors(e -> Checks.notBlank(e, "s", " x ")));
    assertEquals(none(), errors(e -> Checks.notBlank(e, "s", null)));
  }

  @Test
  void email() {
    for (String ok : new String[] {"a@b.co", "first.last+tag@example.org", "x@sub.example.com"}) {
      assertEquals(none(), errors(e -> Checks.email(e, "mail", ok)), ok);
    }
    for (String bad : new String[] {"a@b", "a b@c.d", "@b.co", "a@@b.co", "a@b..co", "a@.b.co", "a@b.co.", ""}) {
      assertEquals(Map.of("mail", "invalid email address '" + bad + "'"), errors(e -> Checks.email(e, "mail", bad)),
          bad);
    }
    assertEquals(none(), errors(e -> Checks.email(e, "mail", null)));
  }

  @Test
  void emailCheckIsLinearOnHostileInput() {
    // a regex with a repeated group overflowed the stack on this
    String deep = "a@" + "b.".repeat(50_000) + "c";
    assertEquals(none(), errors(e -> Checks.email(e, "mail", deep)));
    String bad = "a@" + "b.".repeat(50_000);
    assertEquals(1, errors(e -> Checks.email(e, "mail", bad)).size());
    for (String no : new String[] {"@b.c", "a@b", "a@.b", "a@b..c", "a@b.", "a@b@c.d", "a b@c.d", "a@b.c\n", ""}) {
      assertEquals(1, errors(e -> Checks.email(e, "mail", no)).size(), no);
    }
  }


  @Test
  void isSetCountsEmptyValuesAsUnset() {
    assertFalse(Checks.isSet(null));
    assertFalse(Checks.isSet(""));
    assertFalse(Checks.isSet(new StringBuilder()));
    assertFalse(Checks.isSet(List.of()));
    assertFalse(Checks.isSet(Set.of()));
    assertFalse(Checks.isSet(Map.of()));
    assertTrue(Checks.isSet(" "));
    assertTrue(Checks.isSet(List.of("")));
    assertTrue(Checks.isSet(Map.of("a", "")));
    assertTrue(Checks.isSet(0));
    assertTrue(Checks.isSet(false));
  }

  private static final String NAMES = "'username', 'custom_id'";

  @Test
  void atLeastOneOf() {
    assertEquals(Map.of("@entity", List.of("at least one of these fields must be non-empty: " + NAMES)),
        errors(e -> Checks.atLeastOneOf(e, NAMES, null, "")));
    assertEquals(Map.of("@entity", List.of("at least one of these fields must be non-empty: " + NAMES)),
        errors(e -> Checks.atLeastOneOf(e, NAMES, List.of(), Map.of())));
    assertEquals(none(), errors(e -> Checks.atLeastOneOf(e, NAMES, "x", null)));
    assertEquals(none(), errors(e -> Checks.atLeastOneOf(e, NAMES, "x", "y")));
  }

  @Test
  void onlyOneOf() {
    String message = "exactly one of these fields must be non-empty: " + NAMES;
    assertEquals(Map.of("@entity", List.of(message)), errors(e -> Checks.onlyOneOf(e, NAMES, null, "")));
    assertEquals(none(), errors(e -> Checks.onlyOneOf(e, NAMES, "", "y")));
    assertEquals(Map.of("@entity", List.of(message)), errors(e -> Checks.onlyOneOf(e, NAMES, "x", "y")));
  }

  @Test
  void mutuallyRequired() {
    String message = "all or none of these fields must be set: " + NAMES;
    assertEquals(none(), errors(e -> Checks.mutuallyRequired(e, NAMES, null, "")));
    assertEquals(none(), errors(e -> Checks.mutuallyRequired(e, NAMES, "x", 1)));
    assertEquals(Map.of("@entity", List.of(message)), errors(e -> Checks.mutuallyRequired(e, NAMES, "x", List.of())));
    assertEquals(Map.of("@entity", List.of(message)), errors(e -> Checks.mutuallyRequired(e, NAMES, null, "y", "z")));
  }

  @Test
  void mutuallyExclusive() {
    String message = "only one or none of these fields must be set: " + NAMES;
    assertEquals(none(), errors(e -> Checks.mutuallyExclusive(e, NAMES, null, "")));
    assertEquals(none(), errors(e -> Checks.mutuallyExclusive(e, NAMES, "x", Map.of())));
    assertEquals(Map.of("@entity", List.of(message)), errors(e -> Checks.mutuallyExclusive(e, NAMES, "x", "y")));
  }

  @Test
  void abbreviate() {
    assertEquals("", Checks.abbreviate(""));
    assertEquals("a".repeat(64), Checks.abbreviate("a".repeat(64)));
    assertEquals("a".repeat(61) + "...", Checks.abbreviate("a".repeat(65)));
    assertEquals(64, Checks.abbreviate("b".repeat(1000)).length());
  }
}
