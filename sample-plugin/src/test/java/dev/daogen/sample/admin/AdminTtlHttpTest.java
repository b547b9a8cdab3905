package dev.daogen.sample.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code ttl} of ttl entities over HTTP: set by bodies, shown as the seconds left, also in lists. */
class AdminTtlHttpTest extends AdminHttpTestBase {

  @Test
  void aTtlInTheBodyIsShownAsTheSecondsLeft_inItemsAndLists() {
    http.json("POST", "/consumers", "{\"username\": \"ttl-owner\"}").expect(201);
    Map<String, Object> lasting = http.json("POST", "/consumers/ttl-owner/key-auth", "{}").expect(201).obj();
    Map<String, Object> expiring =
        http.json("POST", "/consumers/ttl-owner/key-auth", "{\"ttl\": 3600}").expect(201).obj();
    assertNull(lasting.get("ttl"));
    long left = ((Number) expiring.get("ttl")).longValue();
    assertTrue(left > 3500 && left <= 3600, "ttl " + left);

    List<Map<String, Object>> listed = http.get("/key-auths").expect(200).data();
    assertEquals(2, listed.size());
    for (Map<String, Object> key : listed) {
      Object ttl = key.get("ttl");
      if (key.get("id").equals(expiring.get("id"))) {
        assertTrue(((Number) ttl).longValue() > 3500, "listed ttl " + ttl);
      } else {
        assertNull(ttl);
      }
    }

    Map<String, Object> cleared = http.json("PATCH", "/key-auths/" + expiring.get("id"), "{\"ttl\": 0}")
        .expect(200).obj();
    assertNull(cleared.get("ttl"));
    http.json("PATCH", "/key-auths/" + expiring.get("id"), "{\"ttl\": -5}").expect(400);
  }
}
