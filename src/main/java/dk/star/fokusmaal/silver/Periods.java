package dk.star.fokusmaal.silver;

import static org.apache.spark.sql.functions.*;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.ReferenceTables;
import dk.star.fokusmaal.contract.Sources;
import dk.star.fokusmaal.reference.Benefit;
import dk.star.fokusmaal.rules.Months;
import java.sql.Date;
import java.time.YearMonth;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Benefit periods from the three benefit registers in one shape (silver {@code benefit_periods}):
 * {@code person_id, source, benefit_code, benefit_group, municipality_code, start_date, end_date,
 * unemployment_hours, in_integration_programme}. Only the in-scope benefits of SPEC §6.1 are kept
 * (fleksjob, førtidspension, seniorpension, efterløn and feriedagpenge are out).
 */
public final class Periods {
  private Periods() {}

  private static final String OPEN = "_open";

  /** The conformed columns, in order. */
  public static final Column[] COLUMNS = {
    col(Cols.PERSON_ID), col(Cols.SOURCE), col(Cols.BENEFIT_CODE), col(Cols.BENEFIT_GROUP),
    col(Cols.MUNICIPALITY_CODE), col(Cols.START_DATE), col(Cols.END_DATE),
    col(Cols.UNEMPLOYMENT_HOURS), col(Cols.IN_INTEGRATION_PROGRAMME)
  };

  /**
   * Conforms the three registers (corrections already resolved) and joins the benefit groups of
   * SPEC §6.1, keeping the in-scope benefits only.
   */
  public static Dataset<Row> conform(
      Dataset<Row> fleur, Dataset<Row> sygedagpenge, Dataset<Row> municipal) {
    Dataset<Row> f =
        fleur.select(
            col(Cols.PERSON_ID),
            lit(Sources.FLEUR).as(Cols.SOURCE),
            col(Cols.BENEFIT_CODE),
            col(Cols.MUNICIPALITY_CODE),
            col(Cols.PERIOD_START).as(Cols.START_DATE),
            col(Cols.PERIOD_END).as(Cols.END_DATE),
            col(Cols.UNEMPLOYMENT_HOURS),
            lit(false).as(Cols.IN_INTEGRATION_PROGRAMME));
    Dataset<Row> s =
        sygedagpenge.select(
            col(Cols.PERSON_ID),
            lit(Sources.KMD_SYGEDAGPENGE).as(Cols.SOURCE),
            lit(Benefit.SYGEDAGPENGE.code()).as(Cols.BENEFIT_CODE),
            col(Cols.MUNICIPALITY_CODE),
            col(Cols.START_DATE),
            col(Cols.END_DATE),
            lit(null).cast(DataTypes.DoubleType).as(Cols.UNEMPLOYMENT_HOURS),
            lit(false).as(Cols.IN_INTEGRATION_PROGRAMME));
    Dataset<Row> m =
        municipal.select(
            col(Cols.PERSON_ID),
            lit(Sources.MUNICIPAL_BENEFITS).as(Cols.SOURCE),
            col(Cols.BENEFIT_CODE),
            col(Cols.MUNICIPALITY_CODE),
            col(Cols.START_DATE),
            col(Cols.END_DATE),
            lit(null).cast(DataTypes.DoubleType).as(Cols.UNEMPLOYMENT_HOURS),
            // only meaningful for overgangsydelse; elsewhere it is not an exclusion
            coalesce(col(Cols.IN_INTEGRATION_PROGRAMME), lit(false)).as(Cols.IN_INTEGRATION_PROGRAMME));
    Dataset<Row> groups = ReferenceTables.inScopeBenefits(f.sparkSession());
    return f.unionByName(s)
        .unionByName(m)
        // inner join: keeps the in-scope benefits of their own register, adds the group
        .join(broadcast(groups), new String[] {Cols.BENEFIT_CODE, Cols.SOURCE})
        .select(COLUMNS);
  }

  /**
   * Open periods ({@code end_date} null) are in force through {@code lastDay}, the last day of the
   * last month built (SPEC §5.2); periods starting after it do not exist yet for this build.
   */
  public static Dataset<Row> closeOpen(Dataset<Row> periods, Date lastDay) {
    return periods
        .filter(col(Cols.START_DATE).leq(lit(lastDay)))
        .withColumn(Cols.END_DATE, coalesce(col(Cols.END_DATE), lit(lastDay)));
  }

  /**
   * {@code silver.benefit_periods}: the three registers conformed and every period assigned its
   * spell ({@link Spells#assign}), up to the data horizon {@code lastMonth}. An open period keeps
   * its null end date; for the spells it runs to the last day of {@code lastMonth}, which gives the
   * same spells as closing it at the last day of any month built up to then (a spell's later
   * periods cannot change the spell of an earlier one).
   */
  public static Dataset<Row> spelled(
      Dataset<Row> fleur, Dataset<Row> sygedagpenge, Dataset<Row> municipal, YearMonth lastMonth) {
    Dataset<Row> conformed = conform(fleur, sygedagpenge, municipal).withColumn(OPEN, col(Cols.END_DATE).isNull());
    return Spells.assign(closeOpen(conformed, Months.lastDay(lastMonth)))
        .withColumn(Cols.END_DATE, when(col(OPEN), lit(null).cast(DataTypes.DateType)).otherwise(col(Cols.END_DATE)))
        .drop(OPEN);
  }
}
