package dev.daogen.engine;

import dev.daogen.dao.DaoException;
import dev.daogen.dao.ErrorCode;
import dev.daogen.dao.Page;
import dev.daogen.store.EntityStore;
import dev.daogen.store.Filter;
import dev.daogen.store.Slice;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Kong's paging rules over a store: sizes 1..max (default when null), the store's opaque offset token, and lazy
 * streams that read one page at a time (constant memory, no connection held between pages).
 *
 * @param <E> the entity
 */
final class Paging<E> {
  private final EntityStore<E> store;
  private final int defaultSize;
  private final int maxSize;

  Paging(EntityStore<E> store, int defaultSize, int maxSize) {
    this.store = store;
    this.defaultSize = defaultSize;
    this.maxSize = maxSize;
  }

  Page<E> page(Filter filter, Object[] args, Integer size, String offset) {
    Slice<E> slice = store.page(filter, args, size(size), offset);
    return new Page<>(slice.rows(), slice.next());
  }

  Stream<E> each(Filter filter, Object[] args, Integer batchSize) {
    int limit = size(batchSize);
    Iterator<E> iterator = new Iterator<>() {
      private Iterator<E> current = List.<E>of().iterator();
      private String token;
      private boolean exhausted;

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && !exhausted) {
          Slice<E> slice = store.page(filter, args, limit, token);
          current = slice.rows().iterator();
          token = slice.next();
          exhausted = token == null;
        }
        return current.hasNext();
      }

      @Override
      public E next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  private int size(Integer size) {
    if (size == null) {
      return defaultSize;
    }
    if (size < 1 || size > maxSize) {
      throw new DaoException(ErrorCode.INVALID_SIZE, "size must be an integer between 1 and " + maxSize,
          Map.of("size", "must be an integer between 1 and " + maxSize));
    }
    return size;
  }
}
