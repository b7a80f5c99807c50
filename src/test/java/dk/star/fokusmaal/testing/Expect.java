package dk.star.fokusmaal.testing;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Expected tables written as literals: a DDL schema and rows; ISO strings in date columns become dates. */
public final class Expect {
  private Expect() {}

  public static Dataset<Row> table(SparkSession spark, String ddl, Object[]... rows) {
    StructType schema = StructType.fromDDL(ddl);
    List<Row> out = new ArrayList<>();
    for (Object[] r : rows) {
      if (r.length != schema.size()) {
        throw new IllegalArgumentException("row has " + r.length + " values, schema " + schema.size());
      }
      Object[] v = r.clone();
      for (int i = 0; i < v.length; i++) {
        if (schema.fields()[i].dataType().equals(DataTypes.DateType) && v[i] instanceof String s) {
          v[i] = Date.valueOf(s.length() == 7 ? s + "-01" : s);
        }
      }
      out.add(RowFactory.create(v));
    }
    return spark.createDataFrame(out, schema);
  }

  public static Object[] row(Object... values) {
    return values;
  }
}
