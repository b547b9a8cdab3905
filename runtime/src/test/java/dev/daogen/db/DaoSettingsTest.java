package dev.daogen.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DaoSettingsTest {
  @Test
  void kongsDefaults() {
    assertEquals(100, DaoSettings.DEFAULTS.defaultPageSize());
    assertEquals(1000, DaoSettings.DEFAULTS.maxPageSize());
  }

  @Test
  void acceptsBoundaries() {
    assertEquals(1, new DaoSettings(1, 1).defaultPageSize());
    assertEquals(5, new DaoSettings(5, 5).maxPageSize());
  }

  @Test
  void refusesInconsistentSizes() {
    int[][] bad = {{0, 10}, {-1, 10}, {1, 0}, {11, 10}, {0, 0}, {2, 1}};
    for (int[] b : bad) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> new DaoSettings(b[0], b[1]), b[0] + "," + b[1]);
      assertEquals("need 1 <= defaultPageSize <= maxPageSize", e.getMessage());
    }
  }
}
