package dk.star.fokusmaal.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Order-insensitive whole-table comparison with failure messages that name the row (by its key
 * columns) and the column that differs. Doubles compare with a tolerance of 1e-9.
 */
public final class Frames {
  private Frames() {}

  public static final double TOLERANCE = 1e-9;

  /**
   * Asserts that {@code actual} has exactly the rows of {@code expected} (any order), comparing
   * the expected frame's columns. Rows are matched by {@code key}.
   */
  public static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual, String... key) {
    List<String> cols = Arrays.asList(expected.columns());
    List<String> missingCols = new ArrayList<>();
    for (String c : cols) if (!Arrays.asList(actual.columns()).contains(c)) missingCols.add(c);
    if (!missingCols.isEmpty()) fail("actual lacks columns " + missingCols + "; has " + Arrays.toString(actual.columns()));
    Map<String, Row> exp = byKey(expected.selectExpr(quoted(cols)).collectAsList(), expected.columns(), key);
    Map<String, Row> act = byKey(actual.selectExpr(quoted(cols)).collectAsList(), expected.columns(), key);
    List<String> problems = new ArrayList<>();
    for (var e : exp.entrySet()) {
      Row a = act.get(e.getKey());
      if (a == null) {
        problems.add("missing row " + e.getKey() + ": expected " + e.getValue());
        continue;
      }
      for (int i = 0; i < cols.size(); i++) {
        Object ev = e.getValue().get(i);
        Object av = a.get(i);
        if (!same(ev, av)) {
          problems.add("row " + e.getKey() + ", column " + cols.get(i) + ": expected " + ev + " but was " + av);
        }
      }
    }
    for (var a : act.entrySet()) {
      if (!exp.containsKey(a.getKey())) problems.add("unexpected row " + a.getKey() + ": " + a.getValue());
    }
    if (!problems.isEmpty()) {
      fail(problems.size() + " difference(s):\n  " + String.join("\n  ", problems));
    }
  }

  private static String[] quoted(List<String> cols) {
    return cols.stream().map(c -> "`" + c + "`").toArray(String[]::new);
  }

  private static Map<String, Row> byKey(List<Row> rows, String[] cols, String[] key) {
    List<Integer> idx = new ArrayList<>();
    List<String> colList = Arrays.asList(cols);
    if (key.length == 0) {
      for (int i = 0; i < cols.length; i++) idx.add(i);
    } else {
      for (String k : key) {
        int i = colList.indexOf(k);
        if (i < 0) throw new IllegalArgumentException("key column not in expected frame: " + k);
        idx.add(i);
      }
    }
    Map<String, Row> m = new LinkedHashMap<>();
    List<Row> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing(Row::toString));
    for (Row r : sorted) {
      StringBuilder sb = new StringBuilder("(");
      for (int j = 0; j < idx.size(); j++) {
        if (j > 0) sb.append(", ");
        sb.append(cols[idx.get(j)]).append('=').append(r.get(idx.get(j)));
      }
      String k = sb.append(')').toString();
      if (m.containsKey(k)) {
        int n = 2;
        while (m.containsKey(k + "#" + n)) n++;
        k = k + "#" + n;
      }
      m.put(k, r);
    }
    return m;
  }

  static boolean same(Object e, Object a) {
    if (e instanceof Number en && a instanceof Number an
        && (e instanceof Double || a instanceof Double || e instanceof Float || a instanceof Float)) {
      return Math.abs(en.doubleValue() - an.doubleValue()) <= TOLERANCE;
    }
    if (e instanceof Number en && a instanceof Number an) {
      return en.longValue() == an.longValue();
    }
    return Objects.equals(e, a);
  }
}
