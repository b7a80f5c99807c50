package dk.star.fokusmaal.contract;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import dk.star.fokusmaal.reference.Benefit;
import dk.star.fokusmaal.reference.Municipalities.Municipality;
import dk.star.fokusmaal.reference.Municipalities;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The reference data of SPEC §6 as small Spark tables, to broadcast into joins. */
public final class ReferenceTables {
  private ReferenceTables() {}

  public static final StructType BENEFITS_SCHEMA =
      new StructType()
          .add(Cols.BENEFIT_CODE, DataTypes.StringType, false)
          .add(Cols.SOURCE, DataTypes.StringType, false)
          .add(Cols.BENEFIT_GROUP, DataTypes.StringType, true);

  public static final StructType MUNICIPALITIES_SCHEMA =
      new StructType()
          .add(Cols.MUNICIPALITY_CODE, DataTypes.IntegerType, false)
          .add(Cols.MUNICIPALITY_NAME, DataTypes.StringType, false)
          .add(Cols.REGION_CODE, DataTypes.IntegerType, false)
          .add(Cols.REGION_NAME, DataTypes.StringType, false);

  /** The in-scope benefits of SPEC §6.1 (those with a group): benefit_code, source, benefit_group. */
  public static Dataset<Row> inScopeBenefits(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (Benefit b : Benefit.values()) {
      if (b.inScope()) rows.add(RowFactory.create(b.code(), b.register().source(), b.group().name()));
    }
    return spark.createDataFrame(rows, BENEFITS_SCHEMA);
  }

  /** The 98 municipalities: municipality_code, municipality_name, region_code, region_name. */
  public static Dataset<Row> municipalities(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (Municipality k : Municipalities.all()) {
      rows.add(RowFactory.create(k.code(), k.name(), k.regionCode(), k.regionName()));
    }
    return spark.createDataFrame(rows, MUNICIPALITIES_SCHEMA);
  }

  /**
   * {@code df} with the named reference columns ({@link Cols#MUNICIPALITY_NAME}, {@link
   * Cols#REGION_NAME}) of its {@code municipality_code}; null where the code is null (a national
   * row). The one place where names join the figures.
   */
  public static Dataset<Row> withNames(Dataset<Row> df, String... columns) {
    String code = "_names_code";
    List<Column> ref = new ArrayList<>(List.of(col(Cols.MUNICIPALITY_CODE).as(code)));
    Arrays.stream(columns).forEach(c -> ref.add(col(c)));
    Dataset<Row> names = municipalities(df.sparkSession()).select(ref.toArray(Column[]::new));
    return df.join(broadcast(names), df.col(Cols.MUNICIPALITY_CODE).equalTo(names.col(code)), "left")
        .drop(code);
  }
}
