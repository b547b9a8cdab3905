package dev.daogen.bench.canned;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What one SQL text asks of the canned {@code consumers} table, parsed once per distinct text. */
final class Shape {
  enum Kind {
    SELECT, SELECT_FOR_UPDATE, SELECT_CONFLICTS, PAGE, COUNT, INSERT, INSERT_IF_ABSENT, UPDATE, NOTIFY, OTHER
  }

  private static final Pattern PREDICATE = Pattern.compile(
      "(?<![a-z0-9_])(?:[a-z0-9_]+\\.)?(id|username|custom_id) ?(=|>) ?(?:cast ?\\( ?)?\\?");
  private static final Pattern LIMIT = Pattern.compile(" (?:limit|fetch (?:next|first)) (\\?|\\d+)");

  final String sql;
  final Kind kind;
  final int paramCount;
  /** Canned column of each predicate ({@code id}, {@code username} or {@code custom_id}), and its parameter. */
  final int[] predicateColumn;
  final int[] predicateParam;
  final boolean greaterThan;
  /** The row limit: a parameter index, or -1 and {@link #limitLiteral} (Integer.MAX_VALUE if none). */
  final int limitParam;
  final int limitLiteral;
  /** Canned column and label of each result column. */
  final int[] resultColumns;
  final String[] labels;
  /** Inserts: the parameter of the {@code id} column. */
  final int idParam;

  private Shape(String sql, Kind kind, int paramCount, int[] predicateColumn, int[] predicateParam,
      boolean greaterThan, int limitParam, int limitLiteral, int[] resultColumns, String[] labels, int idParam) {
    this.sql = sql;
    this.kind = kind;
    this.paramCount = paramCount;
    this.predicateColumn = predicateColumn;
    this.predicateParam = predicateParam;
    this.greaterThan = greaterThan;
    this.limitParam = limitParam;
    this.limitLiteral = limitLiteral;
    this.resultColumns = resultColumns;
    this.labels = labels;
    this.idParam = idParam;
  }

  static Shape parse(String sql) throws SQLException {
    String l = sql.trim().toLowerCase(Locale.ROOT).replace("\"", "").replace('`', ' ').replaceAll("\\s+", " ");
    int params = count(l, l.length());
    if (l.startsWith("select") && l.contains("pg_notify")) {
      return simple(sql, Kind.NOTIFY, params);
    }
    if (l.startsWith("select")) {
      int from = l.indexOf(" from ");
      if (from < 0) {
        throw new SQLException("canned driver: no FROM in " + sql);
      }
      String list = l.substring("select".length(), from).trim();
      if (list.startsWith("count(")) {
        return new Shape(sql, Kind.COUNT, params, new int[0], new int[0], false, -1, Integer.MAX_VALUE,
            new int[] {-1}, new String[] {"count"}, -1);
      }
      List<String> items = splitTop(list);
      int[] cols = new int[items.size()];
      String[] labels = new String[items.size()];
      for (int i = 0; i < cols.length; i++) {
        String item = items.get(i).trim();
        int as = item.indexOf(" as ");
        String expr = as < 0 ? item : item.substring(0, as).trim();
        String name = expr.substring(expr.lastIndexOf('.') + 1).trim();
        cols[i] = column(name, sql);
        labels[i] = as < 0 ? name : item.substring(as + 4).trim();
      }
      Where where = where(l, from);
      boolean forUpdate = l.contains(" for update") || l.contains(" for no key update");
      Matcher lm = LIMIT.matcher(l);
      int limitParam = -1;
      int limitLiteral = Integer.MAX_VALUE;
      if (lm.find()) {
        if (lm.group(1).equals("?")) {
          limitParam = count(l, lm.start(1));
        } else {
          limitLiteral = Integer.parseInt(lm.group(1));
        }
      }
      Kind kind;
      if (where.columns.length > 1) {
        kind = Kind.SELECT_CONFLICTS;
      } else if (where.greaterThan || where.columns.length == 0) {
        kind = Kind.PAGE;
      } else {
        kind = forUpdate ? Kind.SELECT_FOR_UPDATE : Kind.SELECT;
      }
      return new Shape(sql, kind, params, where.columns, where.params, where.greaterThan, limitParam, limitLiteral,
          cols, labels, -1);
    }
    if (l.startsWith("insert into ")) {
      int open = l.indexOf('(');
      int close = l.indexOf(')', open);
      if (open < 0 || close < 0 || l.contains(" returning ") || l.contains(" do update")) {
        throw new SQLException("canned driver: unsupported insert " + sql);
      }
      List<String> names = splitTop(l.substring(open + 1, close));
      int idParam = -1;
      for (int i = 0; i < names.size(); i++) {
        if (names.get(i).trim().equals("id")) {
          idParam = i;
        }
      }
      Kind kind = l.contains(" on conflict do nothing") ? Kind.INSERT_IF_ABSENT : Kind.INSERT;
      return new Shape(sql, kind, params, new int[0], new int[0], false, -1, 0, new int[0], new String[0], idParam);
    }
    if (l.startsWith("update ")) {
      if (l.contains(" returning ")) {
        throw new SQLException("canned driver: unsupported update " + sql);
      }
      Where where = where(l, 0);
      if (where.columns.length != 1 || where.columns[0] != CannedDb.ID) {
        throw new SQLException("canned driver: update by primary key only: " + sql);
      }
      return new Shape(sql, Kind.UPDATE, params, where.columns, where.params, false, -1, 0, new int[0],
          new String[0], -1);
    }
    if (l.startsWith("set ") || l.startsWith("listen ") || l.startsWith("show ") || l.startsWith("begin")
        || l.startsWith("commit") || l.startsWith("rollback")) {
      return simple(sql, Kind.OTHER, params);
    }
    throw new SQLException("canned driver: unsupported statement " + sql);
  }

  private static Shape simple(String sql, Kind kind, int params) {
    return new Shape(sql, kind, params, new int[0], new int[0], false, -1, 0, new int[0], new String[0], -1);
  }

  private record Where(int[] columns, int[] params, boolean greaterThan) {}

  private static Where where(String l, int from) {
    int w = l.indexOf(" where ", from);
    if (w < 0) {
      return new Where(new int[0], new int[0], false);
    }
    int end = l.length();
    for (String stop : new String[] {" order by ", " for update", " for no key update", " limit ", " fetch ",
        " returning ", " offset "}) {
      int i = l.indexOf(stop, w);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    Matcher m = PREDICATE.matcher(l);
    m.region(w, end);
    List<int[]> found = new ArrayList<>();
    boolean gt = false;
    while (m.find()) {
      int q = l.indexOf('?', m.start(2));
      found.add(new int[] {column(m.group(1), l), count(l, q)});
      gt |= m.group(2).equals(">");
    }
    int[] cols = new int[found.size()];
    int[] params = new int[found.size()];
    for (int i = 0; i < cols.length; i++) {
      cols[i] = found.get(i)[0];
      params[i] = found.get(i)[1];
    }
    return new Where(cols, params, gt);
  }

  private static int column(String name, String sql) {
    for (int i = 0; i < CannedDb.COLUMN_NAMES.length; i++) {
      if (CannedDb.COLUMN_NAMES[i].equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("canned driver: unknown column '" + name + "' in " + sql);
  }

  /** The number of {@code ?} before {@code end}. */
  private static int count(String l, int end) {
    int n = 0;
    for (int i = 0; i < end; i++) {
      if (l.charAt(i) == '?') {
        n++;
      }
    }
    return n;
  }

  private static List<String> splitTop(String list) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < list.length(); i++) {
      char c = list.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        out.add(list.substring(start, i));
        start = i + 1;
      }
    }
    out.add(list.substring(start));
    return out;
  }
}
