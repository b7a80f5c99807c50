package dk.star.fokusmaal.contract;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The contract of one landing source (SPEC §4): its columns and types, its key, and what a valid
 * row looks like. Ingest validates every source generically from this description.
 *
 * @param name folder name under {@code landing/} and table name in bronze/quarantine
 * @param schema contract columns; {@code nullable=false} means a null is a contract violation
 * @param key the columns that identify a row; corrections replace by key and latest reported_at
 * @param codes columns restricted to a fixed set of codes
 * @param dateRanges (start, end) column pairs where end must not be before start; end may be null
 *     when the column is nullable (an open period)
 * @param nonNegative numeric columns that must be ≥ 0
 */
public record SourceSpec(
    String name,
    StructType schema,
    List<String> key,
    Map<String, Set<String>> codes,
    List<String[]> dateRanges,
    List<String> nonNegative) {

  public boolean hasMunicipality() {
    return List.of(schema.fieldNames()).contains(Cols.MUNICIPALITY_CODE);
  }

  public List<String> requiredColumns() {
    return List.of(schema.fieldNames());
  }

  public StructField field(String name) {
    return schema.apply(name);
  }
}
