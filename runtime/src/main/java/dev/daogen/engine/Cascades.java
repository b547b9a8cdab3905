package dev.daogen.engine;

import dev.daogen.annotations.OnDelete;
import dev.daogen.db.Database;
import dev.daogen.db.PluginModule;
import dev.daogen.events.EntityEvent;
import dev.daogen.store.ForeignKey;
import dev.daogen.store.Lookup;
import dev.daogen.store.support.StoreErrors;
import java.util.ArrayList;
import java.util.List;

/**
 * The foreign keys of other entities (of every plugin) that point to one entity, and what deleting one of its rows
 * does to theirs: the rows a cascade deletes (recursively) and those {@code SET NULL} changes, collected before the
 * delete so that each gets its event; on stores that do not enforce foreign keys, also done here. Found once, on the
 * first delete.
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

    /** The engine's {@code ON DELETE}, for stores that do not enforce foreign keys: see {@link Cascades#apply}. */
    void plan(String parent, Object parentKey, List<EntityEvent<?>> events, List<Runnable> writes) {
      List<C> rows = child.store().lockChildren(key, parentKey);
      if (rows.isEmpty()) {
        return;
      }
      Lookup childKey = child.mapping().primaryKey();
      switch (key.onDelete()) {
        case RESTRICT -> throw StoreErrors.referencedBy(parent, child.schema().name(), null);
        case CASCADE -> {
          for (C row : rows) {
            Object[] values = child.mapping().key(row);
            child.cascades().plan(values[0], events, writes);
            events.add(child.event(EntityEvent.Operation.DELETE, row, null, true));
            writes.add(() -> child.store().delete(childKey, values));
          }
        }
        default -> {
          for (C row : rows) {
            C cleared = key.cleared().apply(row);
            events.add(child.event(EntityEvent.Operation.UPDATE, cleared, row, true));
            writes.add(() -> child.store().update(childKey, child.mapping().key(row), key.cleared(), false, null));
          }
        }
      }
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

  /**
   * What deleting the row with primary key {@code parentKey} does to the rows that reference it, done by the engine
   * for stores that do not enforce foreign keys (Cassandra), as the database does it on PostgreSQL: refuses with
   * Kong's {@code @referenced_by} error when a {@code RESTRICT} child exists, before anything changes; then deletes
   * the {@code CASCADE} children (theirs first) and clears the {@code SET NULL} ones, adding an event for each. Not
   * atomic: such a store has no transactions.
   */
  void apply(Object parentKey, List<EntityEvent<?>> events) {
    List<Runnable> writes = new ArrayList<>();
    plan(parentKey, events, writes);
    writes.forEach(Runnable::run);
  }

  private void plan(Object parentKey, List<EntityEvent<?>> events, List<Runnable> writes) {
    for (Link<?> link : links()) {
      link.plan(entity, parentKey, events, writes);
    }
  }

  /**
   * The DAO of another entity by name (a foreign key's parent); found once. For the engine's foreign key checks.
   *
   * @throws IllegalStateException when no plugin on the class path has that entity
   */
  EntityDao<?, ?, ?> dao(String name) {
    for (PluginModule plugin : db.plugins()) {
      for (Class<?> type : plugin.daos().keySet()) {
        EntityDao<?, ?, ?> dao = (EntityDao<?, ?, ?>) db.dao(type);
        if (dao.schema().name().equals(name)) {
          return dao;
        }
      }
    }
    throw new IllegalStateException("no plugin on the class path has the entity " + name);
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
