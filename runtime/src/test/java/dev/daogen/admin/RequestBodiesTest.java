package dev.daogen.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class RequestBodiesTest {
  private static final String JSON = "application/json";
  private static final String FORM = "application/x-www-form-urlencoded";

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, Object> json(String body) {
    return RequestBodies.parse(JSON, bytes(body));
  }

  private static void refused(int status, String message, Executable e) {
    BadRequest bad = assertThrows(BadRequest.class, e);
    assertEquals(status, bad.status());
    assertEquals(message, bad.getMessage());
  }

  private static void cannotParseJson(String body) {
    refused(400, "Cannot parse JSON body", () -> json(body));
  }

  // ---- JSON ----------------------------------------------------------------------------------------------

  @Test
  void jsonObjectBecomesATree() {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("s", "x");
    expected.put("i", 1);
    expected.put("l", 9_000_000_000L);
    expected.put("big", new BigInteger("123456789012345678901234567890"));
    expected.put("d", new BigDecimal("1.50"));
    expected.put("t", true);
    expected.put("f", false);
    expected.put("n", null);
    expected.put("list", Arrays.asList(1, "a", null, List.of()));
    expected.put("obj", Map.of("id", "abc"));
    Map<String, Object> tree = json("{\"s\":\"x\",\"i\":1,\"l\":9000000000,\"big\":123456789012345678901234567890,"
        + "\"d\":1.50,\"t\":true,\"f\":false,\"n\":null,\"list\":[1,\"a\",null,[]],\"obj\":{\"id\":\"abc\"}}");
    assertEquals(expected, tree);
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(tree.keySet()));
  }

  @Test
  void jsonMustBeOneObject() {
    cannotParseJson("[]");
    cannotParseJson("\"x\"");
    cannotParseJson("1");
    cannotParseJson("null");
    cannotParseJson("{}{}");
    cannotParseJson("{} x");
    cannotParseJson("{} []");
    cannotParseJson("{");
    cannotParseJson("{\"a\":}");
    cannotParseJson("{'a':1}");
    cannotParseJson("{\"a\":1,}");
    cannotParseJson("{\"a\":NaN}");
    assertEquals(Map.of(), json("  {}  \n"));
  }

  @Test
  void duplicateKeysAreRefused() {
    cannotParseJson("{\"a\":1,\"a\":2}");
    cannotParseJson("{\"o\":{\"a\":1,\"a\":1}}");
    assertEquals(Map.of("a", Map.of("a", 1)), json("{\"a\":{\"a\":1}}"));
  }

  @Test
  void nestingIsBounded() {
    String ok = "{\"a\":".repeat(31) + "{}" + "}".repeat(31);
    Map<String, Object> tree = json(ok);
    assertTrue(tree.containsKey("a"));
    String tooDeep = "{\"a\":".repeat(32) + "{}" + "}".repeat(32);
    cannotParseJson(tooDeep);
    cannotParseJson("{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}");
  }

  @Test
  void invalidUtf8IsRefused() {
    byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'};
    refused(400, "Cannot parse JSON body", () -> RequestBodies.parse(JSON, body));
    byte[] overlong = {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
    refused(400, "Cannot parse JSON body", () -> RequestBodies.parse(JSON, overlong));
    assertEquals(Map.of("a", "é😀"), json("{\"a\":\"é😀\"}"));
    assertEquals(Map.of("a", "é"), json("{\"a\":\"\\u00e9\"}"));
  }

  @Test
  void contentTypes() {
    assertEquals(Map.of("a", 1), RequestBodies.parse("application/json; charset=utf-8", bytes("{\"a\":1}")));
    assertEquals(Map.of("a", 1), RequestBodies.parse("Application/JSON", bytes("{\"a\":1}")));
    // no content type: JSON
    assertEquals(Map.of("a", 1), RequestBodies.parse(null, bytes("{\"a\":1}")));
    assertEquals(Map.of("a", "1"), RequestBodies.parse(FORM + "; charset=UTF-8", bytes("a=1")));
    for (String other : new String[] {"text/plain", "multipart/form-data; boundary=x", "application/xml"}) {
      refused(415, "Unsupported Content-Type: use application/json or application/x-www-form-urlencoded",
          () -> RequestBodies.parse(other, bytes("{}")));
    }
    assertTrue(RequestBodies.isForm("APPLICATION/X-WWW-FORM-URLENCODED"));
    assertEquals(false, RequestBodies.isForm(JSON));
    assertEquals(false, RequestBodies.isForm(null));
  }

  @Test
  void emptyBodies() {
    assertEquals(Map.of(), RequestBodies.parse(null, new byte[0]));
    assertEquals(Map.of(), RequestBodies.parse("", new byte[0]));
    assertEquals(Map.of(), RequestBodies.parse(FORM, new byte[0]));
    refused(400, "Cannot parse JSON body", () -> RequestBodies.parse(JSON, new byte[0]));
    refused(415, "Unsupported Content-Type: use application/json or application/x-www-form-urlencoded",
        () -> RequestBodies.parse("text/plain", new byte[0]));
  }

  // ---- forms ---------------------------------------------------------------------------------------------

  @Test
  void formFieldsAreStrings() {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("name", "a b+c");
    expected.put("n", "1");
    expected.put("flag", "");
    expected.put("e", "");
    expected.put("k=", "v=w");
    assertEquals(expected, RequestBodies.form("name=a+b%2Bc&n=1&flag&e=&k%3D=v=w"));
    assertEquals(Map.of(), RequestBodies.form(""));
    assertEquals(Map.of("a", "1"), RequestBodies.form("&&a=1&"));
    assertEquals(Map.of("é", "😀"), RequestBodies.form("%C3%A9=%F0%9F%98%80"));
    assertEquals(Map.of("é😀 x", "é+😀"), RequestBodies.form("é😀+x=é%2b😀"));
  }

  @Test
  void repeatedAndBracketedKeysMakeLists() {
    Map<String, Object> form = RequestBodies.form("tags=a&tags=b&tags=c&one[]=x&single=s");
    assertEquals(List.of("a", "b", "c"), form.get("tags"));
    assertInstanceOf(RequestBodies.FormList.class, form.get("tags"));
    assertEquals(List.of("x"), form.get("one"));
    assertInstanceOf(RequestBodies.FormList.class, form.get("one"));
    assertEquals("s", form.get("single"));
    assertEquals(List.of("a", "b"), RequestBodies.form("t[]=a&t=b").get("t"));
    assertEquals(List.of("a", "b"), RequestBodies.form("t=a&t[]=b").get("t"));
    assertEquals(List.of("a", "b"), RequestBodies.form("t%5B%5D=a&t%5B%5D=b").get("t"));
  }

  @Test
  void dottedKeysMakeRecords() {
    Map<String, Object> form = RequestBodies.form("consumer.id=123&config.limits.second=5&config.tags[]=x&name=n");
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("consumer", Map.of("id", "123"));
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("limits", Map.of("second", "5"));
    config.put("tags", List.of("x"));
    expected.put("config", config);
    expected.put("name", "n");
    assertEquals(expected, form);
  }

  @Test
  void conflictingKeysAreRefused() {
    refused(400, "Cannot parse form body: 'a.b' conflicts with another field",
        () -> RequestBodies.form("a=1&a.b=2"));
    refused(400, "Cannot parse form body: 'a.b' conflicts with another field",
        () -> RequestBodies.form("a[]=1&a.b=2"));
    refused(400, "Cannot parse form body: 'a' conflicts with another field",
        () -> RequestBodies.form("a.b=2&a=1"));
    refused(400, "Cannot parse form body: 'a' conflicts with another field",
        () -> RequestBodies.form("a.b=2&a[]=1"));
    refused(400, "Cannot parse form body: 'a.b' conflicts with another field",
        () -> RequestBodies.form("a.b.c=2&a.b=1"));
    refused(400, "Cannot parse form body: 'a.b.c' conflicts with another field",
        () -> RequestBodies.form("a.b=1&a.b.c=2"));
  }

  @Test
  void badPercentEncodingIsRefused() {
    String[] bodies = {"a=%zz", "a=%", "a=%4", "%g0=1", "a=%-1", "a=%E9", "a=%C0%AF", "a=%FF", "%ED%A0%80=1"};
    for (String body : bodies) {
      refused(400, "Cannot parse form body: bad percent-encoding", () -> RequestBodies.form(body));
    }
  }

  @Test
  void invalidUtf8FormIsRefused() {
    byte[] body = {'a', '=', (byte) 0xFF};
    refused(400, "Cannot parse form body", () -> RequestBodies.parse(FORM, body));
  }

  @Test
  void formListsAreMutableLists() {
    List<Object> list = new ArrayList<>(List.of("x"));
    RequestBodies.FormList formList = new RequestBodies.FormList();
    formList.add("x");
    assertEquals(list, formList);
  }
}
