package dev.daogen.sample.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.daogen.sample.AdminTestSupport;
import dev.daogen.sample.ConsumerDao;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code GET|DELETE /cache/{key}} and {@code DELETE /cache}: what this node caches, and dropping it. */
class AdminCacheHttpTest extends AdminHttpTestBase {

  @Test
  @SuppressWarnings("unchecked")
  void cachedEntitiesAndMissesAreShownAndDropped() {
    ConsumerDao consumers = AdminTestSupport.database().dao(ConsumerDao.class);
    AdminTestSupport.database().cache().purge();
    Map<String, Object> bob = http.json("POST", "/consumers", "{\"username\": \"cached-bob\"}").expect(201).obj();
    UUID id = UUID.fromString((String) bob.get("id"));
    String key = "consumers:" + id;

    http.get("/cache/" + key).expect(404);
    consumers.selectCached(id);
    Map<String, Object> cached = http.get("/cache/" + key).expect(200).obj();
    assertEquals(key, cached.get("key"));
    assertEquals("cached-bob", ((Map<String, Object>) cached.get("value")).get("username"));

    http.delete("/cache/" + key).expect(204);
    http.get("/cache/" + key).expect(404);

    UUID nobody = UUID.randomUUID();
    consumers.selectCached(nobody);
    Map<String, Object> miss = http.get("/cache/consumers:" + nobody).expect(200).obj();
    assertTrue(miss.containsKey("value"));
    assertNull(miss.get("value"), "a cached miss");

    http.delete("/cache").expect(204);
    http.get("/cache/consumers:" + nobody).expect(404);
    http.send("POST", "/cache/" + key, null, null, Map.of()).expect(405);
  }
}
