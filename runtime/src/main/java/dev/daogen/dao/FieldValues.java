package dev.daogen.dao;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The values of a generated draft ({@code EDraft}) or patch ({@code EPatch}): one slot per record component, each
 * either not set or set (possibly to null), plus the time to live of ttl entities. Generated subclasses add the typed
 * setters and getters.
 *
 * @param <T> the generated subclass
 */
public abstract class FieldValues<T extends FieldValues<T>> {
  private final Object[] values;
  private final boolean[] set;
  private final Supplier<T> factory;
  private Duration ttl;
  private boolean ttlSet;

  /**
   * @param components the record's component count
   * @param factory makes an empty instance of the subclass (for {@link #copy()})
   */
  protected FieldValues(int components, Supplier<T> factory) {
    this.values = new Object[components];
    this.set = new boolean[components];
    this.factory = factory;
  }

  @SuppressWarnings("unchecked")
  private T self() {
    return (T) this;
  }

  /** Sets component {@code index}. */
  protected final T set(int index, Object value) {
    values[index] = value;
    set[index] = true;
    return self();
  }

  /** The value of component {@code index} (null when not set). */
  @SuppressWarnings("unchecked")
  protected final <V> V get(int index) {
    return (V) values[index];
  }

  /** Whether component {@code index} is set (possibly to null). */
  protected final boolean has(int index) {
    return set[index];
  }

  /** Sets the time to live (ttl entities; null or zero: never expires). */
  protected final T setTtl(Duration ttl) {
    this.ttl = ttl;
    this.ttlSet = true;
    return self();
  }

  /** The time to live, or null. For the runtime; generated ttl entities expose it as {@code ttl()}. */
  public final Duration timeToLive() {
    return ttl;
  }

  /** Whether a time to live is set. For the runtime; generated ttl entities expose it as {@code hasTtl()}. */
  public final boolean hasTimeToLive() {
    return ttlSet;
  }

  /**
   * Sets component {@code index} to a value of its type. For the runtime (the admin API's JSON binding); users call
   * the generated typed setters.
   */
  public final T setComponent(int index, Object value) {
    return set(index, value);
  }

  /** Sets the time to live. For the runtime; generated ttl entities expose it as {@code ttl(Duration)}. */
  public final T setTimeToLive(Duration ttl) {
    return setTtl(ttl);
  }

  /** Whether nothing is set (no component, no time to live). */
  public final boolean isEmpty() {
    for (boolean b : set) {
      if (b) {
        return false;
      }
    }
    return !ttlSet;
  }

  /** An independent copy. */
  public final T copy() {
    T target = factory.get();
    FieldValues<T> t = target;
    System.arraycopy(values, 0, t.values, 0, values.length);
    System.arraycopy(set, 0, t.set, 0, set.length);
    t.ttl = ttl;
    t.ttlSet = ttlSet;
    return target;
  }

  /**
   * A copy with components {@code indexes} set to {@code values} (the runtime fills the lookup values of an upsert
   * this way).
   */
  public final T copyWith(int[] indexes, Object[] values) {
    T copy = copy();
    for (int i = 0; i < indexes.length; i++) {
      copy.set(indexes[i], values[i]);
    }
    return copy;
  }
}
