package dev.daogen.migrate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What {@code migrations reset} (and a forced bootstrap) drops, in one transaction. */
final class SchemaReset {
  private SchemaReset() {}

  /** Drops these tables, {@code schema_meta}, and the sync functions that renamed columns left behind. */
  static void drop(Connection c, List<String> tables) throws SQLException {
    List<String> all = new ArrayList<>(tables);
    all.add("schema_meta");
    c.setAutoCommit(false);
    try (Statement st = c.createStatement()) {
      for (String table : all) {
        st.execute("drop table if exists \"" + table.replace("\"", "\"\"") + "\" cascade");
      }
      // the sync functions of renamed columns (see @RenamedFrom) outlive their triggers' tables
      List<String> functions = new ArrayList<>();
      try (ResultSet rs = st.executeQuery("select proname from pg_proc where proname like '%\\_daogen\\_sync'"
          + " and pronamespace = current_schema()::regnamespace")) {
        while (rs.next()) {
          functions.add(rs.getString(1));
        }
      }
      for (String f : functions) {
        st.execute("drop function if exists \"" + f.replace("\"", "\"\"") + "\"() cascade");
      }
      c.commit();
    } catch (SQLException | RuntimeException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }
}
