package dev.daogen.bench;

import java.util.List;
import java.util.UUID;

/** A keyset page of a peer's records, and the key to continue after (null on the last page). */
record PeerPage(List<?> data, UUID next) {
  /** A page of {@code size} from {@code size + 1} rows read (the extra row only says that more follow). */
  static <T> PeerPage of(List<T> rows, int size, java.util.function.Function<T, UUID> key) {
    boolean more = rows.size() > size;
    List<T> data = more ? rows.subList(0, size) : rows;
    return new PeerPage(data, more ? key.apply(data.get(size - 1)) : null);
  }
}
