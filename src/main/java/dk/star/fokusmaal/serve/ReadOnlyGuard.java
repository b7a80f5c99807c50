package dk.star.fokusmaal.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.SubqueryExpression;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.command.SetCommand;
import org.apache.spark.sql.execution.datasources.HadoopFsRelation;
import org.apache.spark.sql.execution.datasources.LogicalRelation;
import org.apache.spark.sql.execution.datasources.v2.DataSourceV2Relation;
import scala.Option;
import scala.Tuple2;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction1;
import scala.runtime.BoxedUnit;

/**
 * The check rule of the serving session (installed by {@link ReadOnlyExtension}): after Spark has
 * analysed a plan, and before anything runs, it refuses
 *
 * <ul>
 *   <li>every write and DDL (any command but a few that only describe: SHOW, DESCRIBE, SET, USE,
 *       EXPLAIN, DESCRIBE HISTORY);
 *   <li>every relation that is not a served table read by its name: a path read ({@code
 *       delta.`…`}, {@code parquet.`…`}, {@code spark.read.load(path)}), another catalog, a
 *       streaming source;
 *   <li>{@code reflect()}/{@code java_method()} (typed lambdas and UDFs a client sends are refused
 *       before planning, by {@link ConnectGuard}: Delta's own plans use typed operations and UDFs).
 * </ul>
 *
 * Delta reads a served table's transaction log with plans of its own while it resolves the table
 * (json and checkpoint files under {@code <table>/_delta_log}); those relations are allowed, and a
 * plan that reads nothing but them is Delta's own and is not checked further.
 *
 * <p>The rule is passive until {@link #arm} is called: the serving session itself registers the
 * tables first (CREATE TABLE … LOCATION), then arms the guard, then opens the endpoint.
 */
public final class ReadOnlyGuard extends AbstractFunction1<LogicalPlan, BoxedUnit> {

  /** Why a client's plan was refused; the message reaches the client. */
  public static final class Refused extends SecurityException {
    Refused(String message) {
      super("fokusmaal serve is read-only and serves only its tables by name: " + message);
    }
  }

  /** What is served: catalog names and table folders (qualified, no trailing slash). */
  record Served(Set<String> names, List<String> folders) {}

  private static volatile Served served;

  /** Arms the guard for every session of this JVM. */
  public static void arm(Map<String, String> tables, Configuration hadoop) {
    List<String> folders = new ArrayList<>();
    for (String p : tables.values()) folders.add(qualify(p, hadoop));
    Set<String> names =
        tables.keySet().stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    served = new Served(names, List.copyOf(folders));
  }

  /** Disarms the guard (tests in one JVM). */
  static void disarm() {
    served = null;
  }

  private static String qualify(String path, Configuration hadoop) {
    try {
      Path p = new Path(path);
      String q = p.getFileSystem(hadoop).makeQualified(p).toString();
      return q.endsWith("/") ? q.substring(0, q.length() - 1) : q;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Commands that only describe what is served (class simple names, v1 and v2 forms). */
  static final Set<String> READ_ONLY_COMMANDS =
      Set.of(
          "ShowTables", "ShowTablesCommand", "ShowTablesExtended", "ShowNamespaces",
          "ShowNamespacesCommand", "ShowColumns", "ShowColumnsCommand", "DescribeRelation",
          "DescribeTableCommand", "DescribeColumn", "DescribeColumnCommand", "DescribeNamespace",
          "DescribeDatabaseCommand", "ShowTableProperties", "ShowTablePropertiesCommand",
          "ShowViews", "ShowViewsCommand", "ShowFunctions", "ShowFunctionsCommand",
          "DescribeFunction", "DescribeFunctionCommand", "SetCommand", "SetCatalogAndNamespace",
          "SetNamespaceCommand", "ShowCurrentNamespace", "ShowCurrentNamespaceCommand",
          "ShowCatalogs", "ShowCatalogsCommand", "ExplainCommand", "DescribeQueryCommand",
          "DescribeDeltaHistory", "DescribeDeltaHistoryCommand", "DescribeDeltaDetailCommand",
          "ShowPartitions", "ShowPartitionsCommand", "ShowCreateTable", "ShowCreateTableCommand");

  @Override
  public BoxedUnit apply(LogicalPlan plan) {
    Served s = served;
    if (s != null) check(plan, s);
    return BoxedUnit.UNIT;
  }

  static void check(LogicalPlan plan, Served s) {
    List<LogicalPlan> leaves = new ArrayList<>();
    List<LogicalPlan> nodes = new ArrayList<>();
    collect(plan, nodes, leaves);
    boolean deltaLogOnly = !leaves.isEmpty();
    for (LogicalPlan leaf : leaves) {
      Access a = access(leaf, s);
      if (a == Access.REFUSED) throw new Refused("cannot read " + describe(leaf));
      if (a != Access.DELTA_LOG) deltaLogOnly = false;
    }
    if (deltaLogOnly) return; // Delta resolving a served table: its own plans, its own functions
    for (LogicalPlan n : nodes) {
      String kind = n.getClass().getSimpleName();
      if (n instanceof Command) {
        if (!READ_ONLY_COMMANDS.contains(kind)) throw new Refused("no writes or DDL (" + kind + ")");
        if (n instanceof SetCommand set) checkSet(set);
      }
      for (Expression e : CollectionConverters.asJava(n.expressions())) checkExpression(e);
    }
  }

  /** All nodes of the plan and of its subqueries, and their leaves. */
  private static void collect(LogicalPlan p, List<LogicalPlan> nodes, List<LogicalPlan> leaves) {
    nodes.add(p);
    List<LogicalPlan> children = CollectionConverters.asJava(p.children());
    if (children.isEmpty()) leaves.add(p);
    for (LogicalPlan c : children) collect(c, nodes, leaves);
    for (Expression e : CollectionConverters.asJava(p.expressions())) collectSubqueries(e, nodes, leaves);
  }

  private static void collectSubqueries(Expression e, List<LogicalPlan> nodes, List<LogicalPlan> leaves) {
    if (e instanceof SubqueryExpression sq) collect(sq.plan(), nodes, leaves);
    for (Expression c : CollectionConverters.asJava(e.children())) collectSubqueries(c, nodes, leaves);
  }

  private static void checkExpression(Expression e) {
    String kind = e.getClass().getSimpleName();
    // UDFs are not checked here: Delta's own plans use Scala UDFs; the ones a client sends are
    // refused before planning by ConnectGuard, and SQL cannot define one (CREATE FUNCTION is DDL).
    if (kind.equals("CallMethodViaReflection") || kind.equals("TryReflect")) {
      throw new Refused("no reflect()/java_method()");
    }
    for (Expression c : CollectionConverters.asJava(e.children())) checkExpression(c);
  }

  /** SET may change the session's SQL settings, but not define catalogs. */
  private static void checkSet(SetCommand set) {
    Option<Tuple2<String, Option<String>>> kv = set.kv();
    if (kv.isDefined() && kv.get()._2().isDefined()
        && kv.get()._1().toLowerCase(Locale.ROOT).startsWith("spark.sql.catalog")) {
      throw new Refused("no catalogs defined by a client (SET " + kv.get()._1() + ")");
    }
  }

  private enum Access { SERVED, DELTA_LOG, NO_DATA, REFUSED }

  private static Access access(LogicalPlan leaf, Served s) {
    if (leaf instanceof LogicalRelation lr) {
      Option<CatalogTable> t = lr.catalogTable();
      if (t.isDefined() && s.names().contains(name(t.get()))) return Access.SERVED;
      if (lr.relation() instanceof HadoopFsRelation fs && inDeltaLogs(fs, s)) return Access.DELTA_LOG;
      return Access.REFUSED;
    }
    if (leaf instanceof DataSourceV2Relation v2) {
      if (v2.identifier().isDefined() && v2.catalog().isDefined()
          && v2.catalog().get().name().equals("spark_catalog")) {
        String[] ns = v2.identifier().get().namespace();
        if (ns.length == 1 && s.names().contains((ns[0] + "." + v2.identifier().get().name()).toLowerCase(Locale.ROOT))) {
          return Access.SERVED;
        }
      }
      return Access.REFUSED;
    }
    String kind = leaf.getClass().getSimpleName();
    // Rows the query itself holds, or the result of a (checked) command: no data is read.
    if (Set.of("LocalRelation", "OneRowRelation", "Range", "CommandResult", "EmptyRelation",
            "InMemoryRelation", "LogicalRDD", "ExternalRDD", "ResolvedHint").contains(kind)) {
      return Access.NO_DATA;
    }
    // A command's target (ResolvedIdentifier, ResolvedTable, ResolvedNamespace): the command is checked.
    if (leaf instanceof Command || kind.startsWith("Resolved")) return Access.NO_DATA;
    return Access.REFUSED;
  }

  private static String name(CatalogTable t) {
    String db = t.identifier().database().isDefined() ? t.identifier().database().get() : "default";
    return (db + "." + t.identifier().table()).toLowerCase(Locale.ROOT);
  }

  private static boolean inDeltaLogs(HadoopFsRelation fs, Served s) {
    List<Path> roots = CollectionConverters.asJava(fs.location().rootPaths());
    if (roots.isEmpty()) return false;
    for (Path r : roots) {
      String p = r.toString();
      boolean inLog = false;
      for (String folder : s.folders()) {
        String log = folder + "/_delta_log";
        if (p.equals(log) || p.startsWith(log + "/")) inLog = true;
      }
      if (!inLog) return false;
    }
    return true;
  }

  private static String describe(LogicalPlan leaf) {
    if (leaf instanceof LogicalRelation lr) {
      if (lr.catalogTable().isDefined()) return "table " + name(lr.catalogTable().get());
      if (lr.relation() instanceof HadoopFsRelation fs) {
        return "a path (" + CollectionConverters.asJava(fs.location().rootPaths()).stream().limit(1)
            .map(Path::toString).findFirst().orElse("?") + ")";
      }
    }
    if (leaf instanceof DataSourceV2Relation v2) return "table " + v2.name();
    return leaf.getClass().getSimpleName();
  }
}
