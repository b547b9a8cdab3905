package dev.daogen.admin;

import dev.daogen.dao.DaoException;
import dev.daogen.dao.ErrorCode;
import dev.daogen.internal.FieldErrors;
import dev.daogen.schema.FieldSchema;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Request bodies bound to an entity's drafts (insert, upsert, validate) and patches (update): the body parsed by
 * its content type ({@link RequestBodies}), converted by the generated {@link EntityAdmin}, with every field error
 * of one body in one response.
 */
final class BodyBinder {
  private BodyBinder() {}

  /**
   * The draft a body describes. When some values do not even have the right type, the entity's own validation
   * still runs on the rest, so that one response lists every error.
   */
  static <D> D draft(EntityAdmin<?, D, ?> a, AdminRequest req) {
    return draft(a, req, UnaryOperator.identity());
  }

  /** The draft a body describes, completed (e.g. with the parent of a nested route) before it is validated. */
  static <D> D draft(EntityAdmin<?, D, ?> a, AdminRequest req, UnaryOperator<D> complete) {
    return draft(a, req, complete, null);
  }

  /**
   * The draft a body describes, completed before it is validated; {@code fromPath} names a field the path supplies,
   * so that its absence from the body is no error.
   */
  static <D> D draft(EntityAdmin<?, D, ?> a, AdminRequest req, UnaryOperator<D> complete, String fromPath) {
    FieldErrors errors = new FieldErrors();
    Map<String, Object> body = RequestBodies.parse(req.contentType(), req.body());
    D draft = complete.apply(a.draft(body, RequestBodies.isForm(req.contentType()), errors));
    indexedLengths(a, body, errors);
    if (!errors.isEmpty()) {
      Map<String, Object> all = new LinkedHashMap<>(errors.toMap());
      try {
        a.validate(draft);
      } catch (DaoException e) {
        if (e.code() == ErrorCode.SCHEMA_VIOLATION) {
          e.fields().forEach((field, error) -> {
            if (!field.equals(fromPath)) {
              all.putIfAbsent(field, error);
            }
          });
        }
      }
      throw FieldErrors.schemaViolation(all);
    }
    return draft;
  }

  static <P> P patch(EntityAdmin<?, ?, P> a, AdminRequest req) {
    FieldErrors errors = new FieldErrors();
    Map<String, Object> body = RequestBodies.parse(req.contentType(), req.body());
    P patch = a.patch(body, RequestBodies.isForm(req.contentType()), errors);
    indexedLengths(a, body, errors);
    errors.throwIfAny();
    return patch;
  }

  /**
   * Strings bound for an index longer than it can hold: a field error, as for any other bad value (the database
   * would refuse the row with an error the client could do nothing with).
   */
  private static void indexedLengths(EntityAdmin<?, ?, ?> a, Map<String, Object> body, FieldErrors errors) {
    for (FieldSchema<?> f : a.schema().fields()) {
      int max = a.schema().maxIndexedLength(f);
      if (max >= 0 && body.get(f.jsonName()) instanceof String s && s.length() > max && !errors.has(f.jsonName())) {
        errors.add(f.jsonName(), "length must be at most " + max);
      }
    }
  }
}
