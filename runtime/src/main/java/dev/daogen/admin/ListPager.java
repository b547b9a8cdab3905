package dev.daogen.admin;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.daogen.dao.Page;
import dev.daogen.db.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * List responses ({@code GET /A}, {@code GET /P/{key}/N}): the {@code size} parameter, reading the page in slices
 * within {@link AdminOptions#listBudgetBytes}, and the {@code offset} and {@code next} link of a page that is not
 * the last. Remembers per entity the largest row it has written, to size a list's first slice.
 */
final class ListPager {
  /** Rows read before the page is sized when nothing is known of the entity's rows yet. */
  private static final int FIRST_SLICE = 10;

  private final Database db;
  private final int listBudgetBytes;
  /** Per entity: the most JSON bytes one of its rows has taken in a list here, to size a list's first slice. */
  private final ConcurrentHashMap<String, Integer> rowBytes = new ConcurrentHashMap<>();

  ListPager(Database db, int listBudgetBytes) {
    this.db = db;
    this.listBudgetBytes = listBudgetBytes;
  }

  /** Reads one slice of a list: {@code size} rows after {@code offset}. */
  @FunctionalInterface
  interface PageSource<E> {
    Page<E> read(Integer size, String offset);
  }

  /**
   * A list response, read in slices so that its size is bounded whatever the rows weigh: a first small slice
   * measures the rows, the next ones (growing at most tenfold) fill the rest of the budget, and once
   * {@link AdminOptions#listBudgetBytes} are written the page ends early, with {@code offset} and {@code next} where it
   * stopped (as any page that is not the last). The first slice is sized by the largest rows seen so far (see
   * {@link #firstSlice}), so a page of ordinary rows costs one query; rows that grew since (written elsewhere) are
   * measured by that slice and bound the rest.
   * {@code next} repeats the request's path ({@code segments}).
   */
  <E> AdminResponse page(EntityAdmin<E, ?, ?> a, PageSource<E> source, List<String> segments, AdminRequest req) {
    Integer size = size(req);
    int requested = size == null ? db.settings().defaultPageSize() : size;
    if (requested < 1 || requested > db.settings().maxPageSize()) {
      source.read(size, req.param("offset"));
      throw new IllegalStateException("the DAO accepted size " + size);
    }
    try (JsonOutput out = JsonOutput.open()) {
      JsonGenerator g = out.generator();
      g.writeStartObject();
      g.writeArrayFieldStart("data");
      String offset = req.param("offset");
      int written = 0;
      long perRow = 1;
      int slice = firstSlice(a, requested);
      while (true) {
        int before = out.size();
        Page<E> page = source.read(slice, offset);
        a.writeAll(g, page.data());
        written += page.data().size();
        offset = page.offset();
        perRow = Math.max(perRow, (out.size() - before) / Math.max(1, page.data().size()));
        observeRowBytes(a, perRow);
        int left = requested - written;
        long budgetLeft = listBudgetBytes - out.size();
        if (offset == null || left == 0 || budgetLeft <= 0) {
          break;
        }
        // the heaviest rows seen so far size the next slice, which grows at most tenfold (rows further on may be
        // heavier than the ones measured)
        slice = (int) Math.max(1, Math.min(Math.min(left, budgetLeft / perRow), 10L * slice));
      }
      g.writeEndArray();
      if (offset != null) {
        g.writeStringField("offset", offset);
        g.writeStringField("next", next(segments, offset, req));
      } else {
        g.writeNullField("next");
      }
      g.writeEndObject();
      return new AdminResponse(200, out.finish(), Map.of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The first slice of a list: {@link #FIRST_SLICE} rows while nothing is known of the entity's rows; then as many
   * rows as a quarter of the budget holds at the largest row size seen so far (so that a page of ordinary rows
   * costs one query), never fewer than {@link #FIRST_SLICE}.
   */
  private int firstSlice(EntityAdmin<?, ?, ?> a, int requested) {
    Integer seen = rowBytes.get(a.schema().name());
    long rows = seen == null ? FIRST_SLICE : Math.max(FIRST_SLICE, listBudgetBytes / 4L / Math.max(1, seen));
    return (int) Math.min(requested, rows);
  }

  private void observeRowBytes(EntityAdmin<?, ?, ?> a, long bytes) {
    int b = (int) Math.min(Integer.MAX_VALUE, bytes);
    rowBytes.merge(a.schema().name(), b, Math::max);
  }

  /**
   * The {@code size} parameter: null when absent, -1 when it is not a decimal integer, {@link Integer#MAX_VALUE}
   * when out of range (the DAO refuses both with its own message).
   */
  private static Integer size(AdminRequest req) {
    String size = req.param("size");
    if (size == null) {
      return null;
    }
    // ASCII digits only: Integer.valueOf would take other scripts' digits, and trim() would drop control characters
    String digits = size.strip();
    if (!digits.matches("-?[0-9]+")) {
      return -1;
    }
    try {
      return Integer.valueOf(digits);
    } catch (NumberFormatException e) {
      // out of range: the DAO's own message
      return Integer.MAX_VALUE;
    }
  }

  private static String next(List<String> segments, String offset, AdminRequest req) {
    StringBuilder next = new StringBuilder();
    for (String segment : segments) {
      next.append('/').append(AdminPaths.encodeSegment(segment));
    }
    next.append("?offset=").append(AdminPaths.encode(offset));
    if (req.param("size") != null) {
      next.append("&size=").append(AdminPaths.encode(req.param("size")));
    }
    if (req.param("tags") != null) {
      next.append("&tags=").append(AdminPaths.encode(req.param("tags")));
    }
    return next.toString();
  }
}
