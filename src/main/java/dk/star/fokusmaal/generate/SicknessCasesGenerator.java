package dk.star.fokusmaal.generate;

import static dk.star.fokusmaal.generate.BenefitTracks.SYGEDAGPENGE;
import static dk.star.fokusmaal.generate.Scratch.CASE;
import static dk.star.fokusmaal.generate.Scratch.CODE;
import static dk.star.fokusmaal.generate.Scratch.DUR;
import static dk.star.fokusmaal.generate.Scratch.EPISODE_END;
import static dk.star.fokusmaal.generate.Scratch.EPISODE_START;
import static dk.star.fokusmaal.generate.Scratch.FROM_DAY;
import static dk.star.fokusmaal.generate.Scratch.ID;
import static dk.star.fokusmaal.generate.Scratch.INDEX;
import static dk.star.fokusmaal.generate.Scratch.SICK_PARTIAL;
import static dk.star.fokusmaal.generate.Scratch.SLOT;
import static dk.star.fokusmaal.generate.Scratch.TO_DAY;
import static dk.star.fokusmaal.generate.Scratch.TRUE_END;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.Sources;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** kmd_sygedagpenge (SPEC §4.2): the municipalities' sickness-benefit cases. */
final class SicknessCasesGenerator extends SourceGenerator {
  SicknessCasesGenerator(Persons persons, Horizon horizon, Rng rng) {
    super(persons, horizon, rng);
  }

  /**
   * Sickness-benefit cases: one per sickness episode, one in five split in two by a short relapse
   * gap (the cases then join into one spell). Employees' first absence lies 30 days before the
   * municipality starts paying (the employer pays the first 30 days).
   */
  Dataset<Row> truth() {
    Dataset<Row> e = persons.episodes().filter(col(CODE).equalTo(SYGEDAGPENGE));
    Column id = id();
    Column slot = col(SLOT);
    Column s = col(EPISODE_START);
    Column end = col(EPISODE_END);
    Column split = u("case_split", id, slot).lt(0.2).and(col(DUR).geq(40));
    Column cut = plusDays(s, floor(col(DUR).multiply(Rng.uniform(u("case_cut", id, slot), 0.3, 0.7))));
    Column second = least(plusDays(cut, Rng.intIn(u("case_gap", id, slot), 3, 20)), end);
    Column one = array(struct(lit(0).as(INDEX), s.as(FROM_DAY), end.as(TO_DAY)));
    Column two =
        array(
            struct(lit(0).as(INDEX), s.as(FROM_DAY), plusDays(cut, -1).as(TO_DAY)),
            struct(lit(1).as(INDEX), second.as(FROM_DAY), end.as(TO_DAY)));
    String kase = CASE + ".";
    Dataset<Row> c =
        e.withColumn(CASE, explode(when(split, two).otherwise(one)))
            .withColumn(INDEX, col(kase + INDEX))
            .withColumn(Cols.START_DATE, col(kase + FROM_DAY))
            .withColumn(TRUE_END, col(kase + TO_DAY))
            .filter(col(Cols.START_DATE).leq(lit(horizon.end())));
    Column k = col(INDEX);
    Column employee = u("employee", id, slot).lt(0.65);
    Column firstAbsence =
        when(employee.and(k.equalTo(0)), plusDays(col(Cols.START_DATE), -30))
            .otherwise(date_add(col(Cols.START_DATE), lit(0).minus(Rng.intIn(u("absence", id, slot, k), 0, 3))));
    return c.select(
        col(ID), col(SLOT), k,
        rowId("SD", slot, k).as(Cols.CASE_ID),
        personId().as(Cols.PERSON_ID),
        muniCodeAt(col(Cols.START_DATE)).as(Cols.MUNICIPALITY_CODE),
        firstAbsence.as(Cols.FIRST_ABSENCE_DATE),
        col(Cols.START_DATE),
        col(TRUE_END),
        endOrNull(col(TRUE_END)).as(Cols.END_DATE),
        col(SICK_PARTIAL).as(Cols.PARTIAL));
  }

  /** Every delivery: end dates set later (3 % first a wrong one), 5 % of partial flags corrected. */
  @Override
  Dataset<Row> rows() {
    Column key = col(Cols.CASE_ID);
    Column wrong = u("wrong_end", key).lt(0.03);
    Column flip = u("wrong_partial", key).lt(0.05);
    int n = horizon.deliveries();
    Dataset<Row> v =
        versions(
            truth(),
            col(Cols.START_DATE),
            (k, cutoff, first) ->
                List.of(
                    endAsOf(k, cutoff, first, wrong, key),
                    when(flip.and(first.equalTo(lit(k))).and(lit(k < n)), not(col(Cols.PARTIAL)))
                        .otherwise(col(Cols.PARTIAL))),
            List.of(Cols.END_DATE, Cols.PARTIAL),
            key);
    return SyntheticRegisters.contract(v, Sources.KMD_SPEC);
  }
}
