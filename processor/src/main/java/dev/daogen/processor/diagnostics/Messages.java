package dev.daogen.processor.diagnostics;

import dev.daogen.schema.PluginResources;
import java.util.List;

/**
 * Every user-facing message of the processor. Each starts with a stable id in brackets ({@code [DaogenNoPrimaryKey]})
 * that can be grepped for and documented, and says what is wrong and how to fix it. Fixed messages are constants,
 * parameterised ones are methods; tests assert with the same constants and methods.
 */
public final class Messages {
  private Messages() {}

  /** The types a component may have, for {@link #unsupportedType}. */
  public static final String SUPPORTED_TYPES =
      "String, UUID, int/Integer, long/Long, double/Double, BigDecimal, boolean/Boolean, Instant, LocalDate, an enum,"
          + " List<X> or Set<X> of one of those scalars, a record that is not an @Entity, or Map<String, V> with V a"
          + " scalar, an enum or such a record";

  // ---- plugin ----------------------------------------------------------------------------------------------------

  public static String missingPlugin(String packageName, String record) {
    return "[DaogenMissingPlugin] @Entity " + record + " is in package " + quoted(packageName)
        + ", which has no @Plugin; every entity belongs to a plugin (its migrations and admin routes are versioned per"
        + " plugin): add package-info.java with @Plugin(name = \"...\", version = \"1.0.0\") to that package";
  }

  public static String pluginNameInvalid(String name) {
    return "[DaogenPluginNameInvalid] @Plugin name " + quoted(name)
        + " is not valid: use lower case letters, digits, '-' and '_', starting with a letter"
        + " (it must match [a-z][a-z0-9_-]*), e.g. \"key-auth\"";
  }

  public static String pluginVersionInvalid(String version) {
    return "[DaogenPluginVersionInvalid] @Plugin version " + quoted(version)
        + " is not a semantic version: write MAJOR.MINOR.PATCH with numbers only, e.g. \"1.0.0\"";
  }

  public static String duplicateEntityName(String name, String plugin, String otherRecord) {
    return "[DaogenDuplicateEntityName] plugin " + quoted(plugin) + " already has an entity named " + quoted(name)
        + " (" + otherRecord + "); entity names are table names and must be unique: set a different @Entity(name = ...)";
  }

  // ---- entity ----------------------------------------------------------------------------------------------------

  public static String entityNotRecord(String type) {
    return "[DaogenEntityNotRecord] @Entity applies to records only; declare " + type + " as `record " + type
        + "(...)`";
  }

  public static String genericRecord(String record) {
    return "[DaogenGenericRecord] " + record + " declares type parameters, which an entity or a nested record cannot"
        + " have (its columns need concrete types): remove the type parameters";
  }

  public static String noPrimaryKey(String record) {
    return "[DaogenNoPrimaryKey] @Entity " + record + " has no @PrimaryKey: annotate the identifying component(s), e.g."
        + " `@PrimaryKey @Auto UUID id`";
  }

  public static String entityNameInvalid(String name, String record, boolean defaulted) {
    return "[DaogenEntityNameInvalid] entity name " + quoted(name) + (defaulted ? " (derived from " + record + ")" : "")
        + " is not a valid table name: it must match [a-z][a-z0-9_]* and have at most 63 characters; set"
        + " @Entity(name = \"...\"), e.g. \"" + suggestion(name, false) + "\"";
  }

  public static String adminApiNameInvalid(String attribute, String value) {
    return "[DaogenAdminApiNameInvalid] @Entity(" + attribute + " = " + quoted(value) + ") is not a valid URL segment:"
        + " it must match [a-z][a-z0-9_-]*, e.g. \"" + suggestion(value, true) + "\"";
  }

  public static String endpointKeyMissing(String endpointKey, String record, List<String> components) {
    return "[DaogenEndpointKeyMissing] endpointKey " + quoted(endpointKey) + " names no component of " + record
        + "; use one of its @Unique components " + components;
  }

  public static String endpointKeyNotUnique(String endpointKey) {
    return "[DaogenEndpointKeyNotUnique] endpointKey " + quoted(endpointKey)
        + " must name a @Unique component (the admin API addresses one entity by it): annotate " + endpointKey
        + " with @Unique or choose another endpointKey";
  }

  public static String ttlReserved(String component) {
    return "[DaogenTtlReserved] component " + component + " maps to column \"ttl\", which @Entity(ttl = true) reserves"
        + " for the time to live: rename the component or set ttl = false";
  }

  public static String cacheKeyColumnReserved(String component) {
    return "[DaogenCacheKeyColumnReserved] component " + component + " maps to column \"cache_key\", which an entity"
        + " with a composite @CacheKey reserves for the stored cache key: rename the component";
  }

  public static String duplicateColumn(String column, String first, String second) {
    return "[DaogenDuplicateColumn] components " + first + " and " + second + " both map to column " + quoted(column)
        + ": rename one of them";
  }

  public static String checkUnknownComponent(String annotation, String name, String record, List<String> components) {
    return "[DaogenCheckUnknownComponent] @" + annotation + " names " + quoted(name) + ", which is not a component of "
        + record + "; use the Java component names " + components;
  }

  public static String checkTooFewComponents(String annotation) {
    return "[DaogenCheckTooFewComponents] @" + annotation + " relates components, so it needs at least two names,"
        + " e.g. @" + annotation + "({\"username\", \"customId\"})";
  }

  // ---- components ------------------------------------------------------------------------------------------------

  public static String unsupportedType(String component, String type) {
    return "[DaogenUnsupportedType] component " + component + " has type " + type
        + ", which daogen cannot store; supported types: " + SUPPORTED_TYPES;
  }

  public static String entityAsComponent(String component, String entity) {
    return "[DaogenEntityAsComponent] component " + component + " has the @Entity type " + entity
        + "; reference another entity with a foreign key instead: `@Foreign(" + entity + ".class)` on a component of"
        + " its primary key type";
  }

  public static String unresolvedType(String component, String type) {
    return "[DaogenUnresolvedType] the type " + type + " of component " + component
        + " cannot be resolved: fix the missing import or dependency";
  }

  public static String nestedRecordCycle(String path) {
    return "[DaogenNestedRecordCycle] nested records contain themselves (" + path + "), which a JSON column cannot"
        + " store: break the cycle, e.g. with a @Foreign key to an entity";
  }

  public static String keyNotScalar(String annotation, String component, String type) {
    return "[DaogenKeyNotScalar] @" + annotation + " on " + component + " needs a scalar or an enum (String, UUID,"
        + " int, long, double, BigDecimal, boolean, Instant, LocalDate), not " + type
        + ": remove @" + annotation + " or change the type";
  }

  public static String primaryKeyNullable(String component) {
    return "[DaogenPrimaryKeyNullable] primary key component " + component
        + " cannot be @Nullable: remove @Nullable (use @Auto to let the DAO fill it)";
  }

  public static String nullablePrimitive(String component, String primitive) {
    return "[DaogenNullablePrimitive] component " + component + " is @Nullable but its type " + primitive
        + " is primitive and cannot hold null: use the boxed type or remove @Nullable";
  }

  public static String cacheKeyNotUnique(String component) {
    return "[DaogenCacheKeyNotUnique] " + component + " is the only @CacheKey component, so it must be @Unique (a cache"
        + " key finds one entity): add @Unique, or add more @CacheKey components";
  }

  public static String autoUnsupported(String component, String type) {
    return "[DaogenAutoUnsupported] @Auto cannot fill " + component + " of type " + type
        + ": @Auto supports UUID (random), String (random), and Instant named createdAt or updatedAt (now);"
        + " remove @Auto or use @Default";
  }

  public static final String INDEXED_FOREIGN_KEY =
      "[DaogenIndexedForeignKey] a @Foreign component is indexed already, and has its pageFor…/eachFor… finders:"
          + " remove @Indexed";

  public static final String AUTO_WITH_DEFAULT =
      "[DaogenAutoWithDefault] a component cannot be both @Auto and @Default: keep one of them";

  public static String defaultInvalid(String literal, String type, String reason) {
    return "[DaogenDefaultInvalid] @Default(" + quoted(literal) + ") is not a valid " + type + ": " + reason;
  }

  public static String defaultOnJson(String component) {
    return "[DaogenDefaultOnJson] @Default is not supported on " + component
        + ", a nested record or map (stored as JSON): remove @Default and let writes provide the value";
  }

  // ---- foreign keys ----------------------------------------------------------------------------------------------

  public static String foreignNotEntity(String target) {
    return "[DaogenForeignNotEntity] @Foreign(" + target + ".class) must reference an @Entity record: annotate "
        + target + " with @Entity or reference an entity";
  }

  public static String foreignTypeMismatch(String component, String type, String parent, String keyType) {
    return "[DaogenForeignTypeMismatch] foreign key " + component + " has type " + type + " but the primary key of "
        + parent + " has type " + keyType + ": declare " + component + " as " + keyType;
  }

  public static String foreignCompositeKey(String parent, List<String> keys) {
    return "[DaogenForeignCompositeKey] " + parent + " has a composite primary key " + keys
        + ", and a @Foreign key to a composite key is not supported: give " + parent
        + " a single-component @PrimaryKey (e.g. @Auto UUID id) and keep the others @Unique";
  }

  public static String foreignParentWithoutKey(String parent) {
    return "[DaogenForeignParentWithoutKey] @Foreign target " + parent + " has no @PrimaryKey: give it one";
  }

  public static String onDeleteNullNotNullable(String component) {
    return "[DaogenOnDeleteNullNotNullable] onDelete = NULL sets " + component
        + " to null when the parent is deleted, but it is not @Nullable: mark it @Nullable or choose CASCADE or"
        + " RESTRICT";
  }

  public static String foreignKeyCycle(String cycle) {
    return "[DaogenForeignKeyCycle] foreign keys form a cycle (" + cycle + "), so the tables cannot be created in order:"
        + " remove one of the @Foreign keys";
  }

  public static String selfReferenceNotNullable(String component) {
    return "[DaogenSelfReferenceNotNullable] " + component + " references its own entity, so the first row could never"
        + " be inserted: mark it @Nullable";
  }

  // ---- Jakarta constraints ---------------------------------------------------------------------------------------

  public static String constraintNotApplicable(String constraint, String component, String type, String appliesTo) {
    return "[DaogenConstraintNotApplicable] @" + constraint + " does not apply to " + component + " of type " + type
        + "; it applies to " + appliesTo + ": remove it or change the type";
  }

  public static String patternInvalid(String regexp, String reason) {
    return "[DaogenPatternInvalid] @Pattern(regexp = " + quoted(regexp) + ") is not a valid regular expression: "
        + reason;
  }

  public static String sizeInvalid(long min, long max) {
    return "[DaogenSizeInvalid] @Size(min = " + min + ", max = " + max + ") is impossible: min and max must not be"
        + " negative, and min must not exceed max";
  }

  // ---- migrations --------------------------------------------------------------------------------------------------

  public static String schemaChangedWithoutVersionBump(String plugin, String version, String snapshot) {
    return "[DaogenSchemaChangedWithoutVersionBump] the schema of plugin " + quoted(plugin) + " differs from the"
        + " released snapshot " + snapshot + " of version " + version + ", so databases already at " + version
        + " would never get the change: raise @Plugin(version = ...) (e.g. to the next minor version); if " + version
        + " was never released, delete " + snapshot + " instead";
  }

  public static String pluginVersionBehindSnapshot(String plugin, String version, String latest) {
    return "[DaogenPluginVersionBehindSnapshot] plugin " + quoted(plugin) + " has version " + version + " but the"
        + " schema directory already has a snapshot of version " + latest + ": set @Plugin(version = ...) to " + latest
        + " or later";
  }

  public static String snapshotUnreadable(String path, String reason) {
    return "[DaogenSnapshotUnreadable] cannot read the schema snapshot " + path + ": " + reason
        + "; restore it from version control (snapshots are written by daogen and must not be edited)";
  }

  public static String migrationTypeChanged(String component, String column, String from, String to, String version) {
    return "[DaogenMigrationTypeChanged] column " + quoted(column) + " of " + component + " was " + from + " in version "
        + version + " and is " + to + " now; daogen cannot convert existing rows safely while the previous version"
        + " still runs: keep the type, or add a new component with the new type (and drop this one), copying the"
        + " values in a hand-written migration in src/main/resources/" + PluginResources.migrations("<plugin>");
  }

  public static String migrationRequiredColumn(String component, String version) {
    return "[DaogenMigrationRequiredColumn] component " + component + " is new since version " + version
        + " and required, but existing rows have no value for it: give it @Default(\"...\") (existing rows get the"
        + " default), or make it @Nullable in this version and required in a later one, after a hand-written"
        + " migration has filled it";
  }

  public static String migrationRenameHint(String component, String oldComponent, String version) {
    return "[DaogenMigrationRenameHint] component " + component + " is new and required, and component " + oldComponent
        + " of version " + version + " is gone: if you renamed " + oldComponent + ", add @RenamedFrom(\"" + oldComponent
        + "\") to " + component + "; otherwise give " + component + " a @Default(\"...\") or make it @Nullable";
  }

  public static String renamedFromUnknown(String component, String oldName, String version, List<String> components) {
    return "[DaogenRenamedFromUnknown] @RenamedFrom(" + quoted(oldName) + ") on " + component + " names no component of"
        + " the entity in version " + version + ": use the previous Java component name, one of " + components;
  }

  public static String migrationPrimaryKeyChanged(String record, String from, String to, String version) {
    return "[DaogenMigrationPrimaryKeyChanged] the primary key of " + record + " was (" + from + ") in version " + version
        + " and is (" + to + ") now; daogen cannot change a primary key while the previous version still runs: keep"
        + " the @PrimaryKey components, or create a new entity and move the rows in a hand-written migration";
  }

  // ---- stores ------------------------------------------------------------------------------------------------------

  public static String storesUnknown(String option, List<String> unknown, List<String> known) {
    return "[DaogenStoresUnknown] -Adaogen.stores=" + option + " names " + (unknown.size() == 1 ? "a store" : "stores")
        + " daogen does not know: " + String.join(", ", unknown.stream().map(Messages::quoted).toList())
        + "; the known stores are " + String.join(", ", known) + ", e.g. -Adaogen.stores=" + String.join(",", known);
  }

  public static String storesWithoutPostgres(String option) {
    return "[DaogenStoresWithoutPostgres] -Adaogen.stores=" + option + " leaves out postgres, which every plugin needs"
        + " for now (the runtime's migrations, admin API and cache run on PostgreSQL): add it, e.g."
        + " -Adaogen.stores=postgres," + option;
  }

  public static String cassandraVersionReserved(String component) {
    return "[DaogenCassandraVersionReserved] component " + component + " maps to column \"version\", which the"
        + " Cassandra store (-Adaogen.stores=...,cassandra) reserves for the version its conditional writes compare:"
        + " rename the component";
  }

  public static String cassandraClaimsTableClash(String name, String owner) {
    return "[DaogenCassandraClaimsTableClash] entity name " + quoted(name) + " is the Cassandra table that holds the"
        + " claims of the unique values of " + owner + " (-Adaogen.stores=...,cassandra): set a different @Entity(name"
        + " = ...)";
  }

  // ---- processor ---------------------------------------------------------------------------------------------------

  public static String internalError(String record, String stackTrace) {
    return "[DaogenInternalError] daogen failed on " + record + "; please report this with the stack trace:\n"
        + stackTrace;
  }

  private static String quoted(String s) {
    return "\"" + s + "\"";
  }

  private static String suggestion(String name, boolean dashes) {
    String s = name.toLowerCase(java.util.Locale.ROOT).replaceAll(dashes ? "[^a-z0-9_-]+" : "[^a-z0-9_]+", "_");
    s = s.replaceAll("^[^a-z]+", "");
    if (s.length() > 63) {
      s = s.substring(0, 63);
    }
    return s.isEmpty() ? "my_entity" : s;
  }
}
