package dk.star.fokusmaal.lake;

import static org.apache.spark.sql.functions.col;

import dk.star.fokusmaal.rules.Rules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;

/**
 * One Delta table of the lake: its zone and name, the column it is partitioned by (null for none)
 * and its columns in order, each with a comment. A comment may depend on the rules in force (a
 * threshold a {@code --rule} changes), so it is resolved when the table is written.
 */
public record TableSpec(String zone, String name, String partitionColumn, List<ColumnSpec> columns) {

  /** A column and its comment, in the domain's words, given the rules in force. */
  public record ColumnSpec(String name, Function<Rules, String> comment) {}

  public TableSpec {
    columns = List.copyOf(columns);
  }

  /** {@code zone.name}, as the catalog and the run log name the table. */
  public String qualifiedName() {
    return zone + "." + name;
  }

  public String path(Lake lake) {
    return lake.table(zone, name);
  }

  public List<String> columnNames() {
    return columns.stream().map(ColumnSpec::name).toList();
  }

  /** The columns in order, as a select list. */
  public Column[] select() {
    return columns.stream().map(c -> col(c.name())).toArray(Column[]::new);
  }

  /** The columns without {@code exclude} (e.g. the run id a writer adds), as a select list. */
  public Column[] selectWithout(String exclude) {
    return columns.stream().filter(c -> !c.name().equals(exclude)).map(c -> col(c.name())).toArray(Column[]::new);
  }

  /** Every column's comment under {@code rules}. */
  public Map<String, String> comments(Rules rules) {
    Map<String, String> m = new LinkedHashMap<>();
    for (ColumnSpec c : columns) m.put(c.name(), c.comment().apply(rules));
    return m;
  }

  /**
   * {@code df} as this table holds it: exactly its columns, in order, each with its comment.
   *
   * @throws IllegalArgumentException naming the columns when {@code df} lacks one or has another
   */
  public Dataset<Row> conform(Dataset<Row> df, Rules rules) {
    List<String> have = Arrays.asList(df.columns());
    List<String> missing = new ArrayList<>(columnNames());
    missing.removeAll(have);
    List<String> extra = new ArrayList<>(have);
    extra.removeAll(columnNames());
    if (!missing.isEmpty() || !extra.isEmpty()) {
      throw new IllegalArgumentException(
          qualifiedName() + ": rows lack columns " + missing + " or have others " + extra);
    }
    List<Column> out = new ArrayList<>();
    for (ColumnSpec c : columns) {
      Metadata md =
          new MetadataBuilder()
              .withMetadata(df.schema().apply(c.name()).metadata())
              .putString("comment", c.comment().apply(rules))
              .build();
      out.add(df.col(c.name()).as(c.name(), md));
    }
    return df.select(out.toArray(new Column[0]));
  }

  /** {@link #conform(Dataset, Rules)} for a table whose comments name no rule (the meta tables). */
  public Dataset<Row> conform(Dataset<Row> df) {
    return conform(df, null);
  }

  /** Builds a spec column by column. */
  public static final class Builder {
    private final String zone;
    private final String name;
    private final String partitionColumn;
    private final List<ColumnSpec> columns = new ArrayList<>();

    public Builder(String zone, String name, String partitionColumn) {
      this.zone = zone;
      this.name = name;
      this.partitionColumn = partitionColumn;
    }

    public Builder col(String column, String comment) {
      return col(column, r -> comment);
    }

    public Builder col(String column, Function<Rules, String> comment) {
      columns.add(new ColumnSpec(column, comment));
      return this;
    }

    public TableSpec build() {
      return new TableSpec(zone, name, partitionColumn, columns);
    }
  }
}
