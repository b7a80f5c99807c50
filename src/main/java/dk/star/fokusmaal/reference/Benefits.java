package dk.star.fokusmaal.reference;

import static dk.star.fokusmaal.schema.Sources.FLEUR;
import static dk.star.fokusmaal.schema.Sources.KMD_SYGEDAGPENGE;
import static dk.star.fokusmaal.schema.Sources.MUNICIPAL_BENEFITS;

import dk.star.fokusmaal.schema.Cols;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The benefits of SPEC §6.1 and their groups. */
public final class Benefits {
  private Benefits() {}

  public static final String A_DAGPENGE_MV = "A_DAGPENGE_MV";
  public static final String SYGEDAGPENGE_MV = "SYGEDAGPENGE_MV";
  public static final String KONTANTHJAELP_MV = "KONTANTHJAELP_MV";

  public static final String SYGEDAGPENGE = "SYGEDAGPENGE";
  public static final String OVERGANGSYDELSE = "OVERGANGSYDELSE";

  /**
   * The integration benefits after which kontanthjælp or uddannelseshjælp, without a whole
   * calendar month between, continues the same spell (SPEC §5.2).
   */
  public static final Set<String> INTEGRATION_BENEFITS =
      Set.of("SELVFORSOERGELSESYDELSE", "HJEMREJSEYDELSE", OVERGANGSYDELSE);

  /** The benefits that continue a spell of an {@link #INTEGRATION_BENEFITS} benefit. */
  public static final Set<String> CONTINUING_AFTER_INTEGRATION =
      Set.of("KONTANTHJAELP", "UDDANNELSESHJAELP");

  public static final List<Benefit> ALL =
      List.of(
          new Benefit("A_DAGPENGE", FLEUR, A_DAGPENGE_MV),
          new Benefit("KONTANTYDELSE", FLEUR, A_DAGPENGE_MV),
          new Benefit("ARBEJDSMARKEDSYDELSE", FLEUR, A_DAGPENGE_MV),
          new Benefit("EFTERLOEN", FLEUR, null),
          new Benefit("FERIEDAGPENGE", FLEUR, null),
          new Benefit(SYGEDAGPENGE, KMD_SYGEDAGPENGE, SYGEDAGPENGE_MV),
          new Benefit("JOBAFKLARINGSFORLOEB", MUNICIPAL_BENEFITS, SYGEDAGPENGE_MV),
          new Benefit("KONTANTHJAELP", MUNICIPAL_BENEFITS, KONTANTHJAELP_MV),
          new Benefit("UDDANNELSESHJAELP", MUNICIPAL_BENEFITS, KONTANTHJAELP_MV),
          new Benefit("SELVFORSOERGELSESYDELSE", MUNICIPAL_BENEFITS, KONTANTHJAELP_MV),
          new Benefit("HJEMREJSEYDELSE", MUNICIPAL_BENEFITS, KONTANTHJAELP_MV),
          new Benefit(OVERGANGSYDELSE, MUNICIPAL_BENEFITS, KONTANTHJAELP_MV),
          new Benefit("REVALIDERING", MUNICIPAL_BENEFITS, KONTANTHJAELP_MV),
          new Benefit("FORREVALIDERING", MUNICIPAL_BENEFITS, KONTANTHJAELP_MV),
          new Benefit("LEDIGHEDSYDELSE", MUNICIPAL_BENEFITS, KONTANTHJAELP_MV),
          new Benefit("RESSOURCEFORLOEB", MUNICIPAL_BENEFITS, KONTANTHJAELP_MV),
          new Benefit("FLEKSJOB", MUNICIPAL_BENEFITS, null),
          new Benefit("FOERTIDSPENSION", MUNICIPAL_BENEFITS, null),
          new Benefit("SENIORPENSION", MUNICIPAL_BENEFITS, null));

  public static final StructType SCHEMA =
      DataTypes.createStructType(
          List.of(
              DataTypes.createStructField(Cols.BENEFIT_CODE, DataTypes.StringType, false),
              DataTypes.createStructField(Cols.SOURCE, DataTypes.StringType, false),
              DataTypes.createStructField(Cols.BENEFIT_GROUP, DataTypes.StringType, true)));

  /** The in-scope benefits (those with a group) as a small table: benefit_code, source, benefit_group. */
  public static Dataset<Row> inScope(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (Benefit b : ALL) {
      if (b.inScope()) rows.add(RowFactory.create(b.code(), b.source(), b.group()));
    }
    return spark.createDataFrame(rows, SCHEMA);
  }
}
