package dev.daogen.engine;

import dev.daogen.annotations.OnDelete;
import dev.daogen.db.Database;
import dev.daogen.db.PluginModule;
import dev.daogen.events.EntityEvent;
import dev.daogen.store.ForeignKey;
import java.util.ArrayList;
import java.util.List;

/**
 * The foreign keys of other entities (of every plugin) that point to one entity, and what deleting one of its rows
 * does to theirs: the rows a cascade deletes (recursively) and those {@code SET NULL} changes, collected before the
 * delete so that each gets its event. Found once, on the first delete.
 */
final class Cascades {
  private final Database db;
  private final String entity;
  private volatile List<Link<?>> links;

  Cascades(Database db, String entity) {
    this.db = db;
    this.entity = entity;
  }

  /** Another entity's foreign key to this one. */
  private record Link<C>(EntityDao<C, ?, ?> child, ForeignKey<C> key) {
    boolean emitsEvents() {
      return key.onDelete() != OnDelete.RESTRICT;
    }

    void collect(Object parentKey, List<EntityEvent<?>> events) {
      for (C row : child.store().lockChildren(key, parentKey)) {
        if (key.onDelete() == OnDelete.CASCADE) {
          child.cascades().collect(child.mapping().key(row)[0], events);
          events.add(child.event(EntityEvent.Operation.DELETE, row, null, true));
        } else {
          events.add(child.event(EntityEvent.Operation.UPDATE, key.cleared().apply(row), row, true));
        }
      }
    }
  }

  /** Whether deleting a row changes rows of other entities that publish events. */
  boolean emitsEvents() {
    return links().stream().anyMatch(Link::emitsEvents);
  }

  /** Collects the events of every row that deleting the row with primary key {@code parentKey} deletes or changes. */
  void collect(Object parentKey, List<EntityEvent<?>> events) {
    for (Link<?> link : links()) {
      if (link.emitsEvents()) {
        link.collect(parentKey, events);
      }
    }
  }

  /** Every entity that references this one (truncate empties them too). */
  List<EntityDao<?, ?, ?>> children() {
    return links().stream().<EntityDao<?, ?, ?>>map(Link::child).toList();
  }

  private List<Link<?>> links() {
    List<Link<?>> found = links;
    if (found == null) {
      List<Link<?>> out = new ArrayList<>();
      for (PluginModule plugin : db.plugins()) {
        for (Class<?> type : plugin.daos().keySet()) {
          addLinks((EntityDao<?, ?, ?>) db.dao(type), out);
        }
      }
      found = List.copyOf(out);
      links = found;
    }
    return found;
  }

  private <C> void addLinks(EntityDao<C, ?, ?> dao, List<Link<?>> out) {
    for (ForeignKey<C> key : dao.mapping().foreignKeys()) {
      if (key.parent().equals(entity)) {
        out.add(new Link<>(dao, key));
      }
    }
  }
}
