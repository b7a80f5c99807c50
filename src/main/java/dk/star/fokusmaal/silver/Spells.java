package dk.star.fokusmaal.silver;

import static org.apache.spark.sql.functions.*;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.reference.Benefit;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Benefit spells (ydelsesforløb, SPEC §5.2): periods of the same benefit for the same person form
 * one spell until a whole calendar month passes without that benefit. A period starting on
 * {@code s} continues the spell whose periods so far end on {@code e} (the latest end) unless
 * {@code s} is on or after the first day of the second month after the month of {@code e}.
 *
 * <p>A change of benefit starts a new spell, with one exception: selvforsørgelses-, hjemrejse- or
 * overgangsydelse followed by kontanthjælp or uddannelseshjælp without a whole calendar month
 * between them continues the integration spell. A change of municipality does not start a spell.
 */
public final class Spells {
  private Spells() {}

  // Scratch columns of this class, dropped before a frame leaves it.
  private static final String PREV_MAX_END = "_prev_max_end", NEW_SPELL = "_new_spell",
      ISLAND = "_island", OWN_SPELL = "_own_spell", OWN_START = "_own_start", OWN_END = "_own_end";

  /**
   * The first day on which a period no longer continues a spell whose periods end on {@code e}:
   * the first day of the second month after the month of {@code e} (e = 31 January → 1 March).
   */
  public static Column breakDay(Column e) {
    return add_months(trunc(e, "MM"), 2);
  }

  /**
   * Adds {@code spell_id} and {@code spell_start} to each conformed period (end dates closed, see
   * {@link Periods#closeOpen}).
   */
  public static Dataset<Row> assign(Dataset<Row> periods) {
    WindowSpec byBenefit =
        Window.partitionBy(col(Cols.PERSON_ID), col(Cols.BENEFIT_CODE))
            .orderBy(col(Cols.START_DATE), col(Cols.END_DATE));
    // Gaps and islands per person and benefit: the latest end of all earlier periods decides.
    Dataset<Row> islands =
        periods
            .withColumn(
                PREV_MAX_END,
                max(col(Cols.END_DATE)).over(byBenefit.rowsBetween(Window.unboundedPreceding(), -1)))
            .withColumn(
                NEW_SPELL,
                when(col(PREV_MAX_END).isNull(), 1)
                    .when(col(Cols.START_DATE).geq(breakDay(col(PREV_MAX_END))), 1)
                    .otherwise(0))
            .withColumn(
                ISLAND,
                sum(col(NEW_SPELL)).over(byBenefit.rowsBetween(Window.unboundedPreceding(), 0)))
            .withColumn(
                OWN_SPELL,
                concat_ws("|", col(Cols.PERSON_ID), col(Cols.BENEFIT_CODE), col(ISLAND).cast("string")))
            .drop(PREV_MAX_END, NEW_SPELL, ISLAND);

    WindowSpec bySpell = Window.partitionBy(col(OWN_SPELL));
    Dataset<Row> withBounds =
        islands
            .withColumn(OWN_START, min(col(Cols.START_DATE)).over(bySpell))
            .withColumn(OWN_END, max(col(Cols.END_DATE)).over(bySpell));

    // The integration exception: a kontanthjælp/uddannelseshjælp spell that starts while an
    // integration-benefit spell runs, or before a whole calendar month has passed after it,
    // continues that spell (the latest-starting one if several qualify).
    Dataset<Row> spells =
        withBounds
            .select(col(Cols.PERSON_ID), col(Cols.BENEFIT_CODE), col(OWN_SPELL), col(OWN_START), col(OWN_END))
            .distinct();
    Dataset<Row> integration =
        spells
            .filter(col(Cols.BENEFIT_CODE).isin((Object[]) Benefit.codes(Benefit.INTEGRATION)))
            .select(
                col(Cols.PERSON_ID).as("i_person"),
                col(OWN_SPELL).as("i_spell"),
                col(OWN_START).as("i_start"),
                col(OWN_END).as("i_end"));
    Dataset<Row> continuing =
        spells
            .filter(col(Cols.BENEFIT_CODE).isin((Object[]) Benefit.codes(Benefit.CONTINUING_AFTER_INTEGRATION)))
            .join(
                integration,
                col(Cols.PERSON_ID).equalTo(col("i_person"))
                    .and(col("i_start").leq(col(OWN_START)))
                    .and(col(OWN_START).lt(breakDay(col("i_end")))))
            .withColumn(
                "_pick",
                row_number()
                    .over(
                        Window.partitionBy(col(OWN_SPELL))
                            .orderBy(col("i_start").desc(), col("i_spell"))))
            .filter(col("_pick").equalTo(1))
            .select(col(OWN_SPELL).as("c_spell"), col("i_spell"), col("i_start"));

    return withBounds
        .join(continuing, col(OWN_SPELL).equalTo(col("c_spell")), "left")
        .withColumn(Cols.SPELL_ID, coalesce(col("i_spell"), col(OWN_SPELL)))
        .withColumn(Cols.SPELL_START, coalesce(col("i_start"), col(OWN_START)))
        .drop(OWN_SPELL, OWN_START, OWN_END, "c_spell", "i_spell", "i_start");
  }
}
