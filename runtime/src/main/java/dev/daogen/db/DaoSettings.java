package dev.daogen.db;

/**
 * Settings of the DAOs of one {@link Database}.
 *
 * @param defaultPageSize the page size when none is given (Kong: 100)
 * @param maxPageSize the largest page size accepted (Kong: 1000)
 */
public record DaoSettings(int defaultPageSize, int maxPageSize) {
  /** Kong's defaults: 100, at most 1000. */
  public static final DaoSettings DEFAULTS = new DaoSettings(100, 1000);

  public DaoSettings {
    if (maxPageSize < 1 || defaultPageSize < 1 || defaultPageSize > maxPageSize) {
      throw new IllegalArgumentException("need 1 <= defaultPageSize <= maxPageSize");
    }
  }
}
