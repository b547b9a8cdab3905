import java.lang.reflect.*;
import java.nio.file.*;
import java.util.*;
import java.util.stream.*;

public class GenStubs {
  public static void main(String[] a) throws Exception {
    Path dir = Path.of(a[0]);
    Files.createDirectories(dir);
    Class<?>[] types = {java.sql.Connection.class, java.sql.PreparedStatement.class, java.sql.ResultSet.class,
        java.sql.ResultSetMetaData.class, java.sql.DatabaseMetaData.class, java.sql.Array.class,
        java.sql.ParameterMetaData.class};
    for (Class<?> t : types) {
      StringBuilder s = new StringBuilder();
      String name = "Unsupported" + t.getSimpleName();
      s.append("package dev.daogen.bench.canned;\n\n");
      s.append("/**\n * Generated once (a stub per method of {@link ").append(t.getName())
          .append("}): every method fails with the method's name,\n * so that a canned driver implements only what the contenders call.\n */\n");
      s.append("@SuppressWarnings({\"deprecation\", \"RedundantThrows\"})\n");
      s.append("abstract class ").append(name).append(" implements ").append(t.getName()).append(" {\n");
      List<Method> ms = Arrays.stream(t.getMethods()).filter(m -> !m.isDefault() && !Modifier.isStatic(m.getModifiers()))
          .sorted(Comparator.comparing(Method::getName).thenComparing(m -> Arrays.toString(m.getParameterTypes())))
          .collect(Collectors.toList());
      Set<String> seen = new HashSet<>();
      for (Method m : ms) {
        String sig = m.getName() + Arrays.toString(m.getParameterTypes());
        if (!seen.add(sig)) continue;
        s.append("  @Override\n  public ");
        TypeVariable<Method>[] tps = m.getTypeParameters();
        if (tps.length > 0) {
          s.append("<").append(Arrays.stream(tps).map(TypeVariable::getName).collect(Collectors.joining(", "))).append("> ");
        }
        s.append(tn(m.getGenericReturnType())).append(' ').append(m.getName()).append('(');
        Type[] ps = m.getGenericParameterTypes();
        for (int i = 0; i < ps.length; i++) {
          if (i > 0) s.append(", ");
          String p = tn(ps[i]);
          if (m.isVarArgs() && i == ps.length - 1) p = p.substring(0, p.length() - 2) + "...";
          s.append(p).append(" a").append(i);
        }
        s.append(')');
        boolean sqlEx = Arrays.asList(m.getExceptionTypes()).contains(java.sql.SQLException.class);
        if (sqlEx) s.append(" throws java.sql.SQLException");
        s.append(" {\n    throw ");
        s.append(sqlEx ? "new java.sql.SQLFeatureNotSupportedException(\"" : "new UnsupportedOperationException(\"")
            .append(t.getSimpleName()).append('.').append(m.getName()).append("\");\n  }\n\n");
      }
      s.setLength(s.length() - 1);
      s.append("}\n");
      Files.writeString(dir.resolve(name + ".java"), s.toString());
    }
  }
  static String tn(Type t) { return t.getTypeName().replace("java.lang.", "").replace("$", "."); }
}
