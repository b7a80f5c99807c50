package dk.star.fokusmaal.generate;

import static dk.star.fokusmaal.generate.BenefitTracks.FLEKSJOB;
import static dk.star.fokusmaal.generate.BenefitTracks.FOERTIDSPENSION;
import static dk.star.fokusmaal.generate.BenefitTracks.HJEMREJSEYDELSE;
import static dk.star.fokusmaal.generate.BenefitTracks.KONTANTHJAELP;
import static dk.star.fokusmaal.generate.BenefitTracks.OVERGANGSYDELSE;
import static dk.star.fokusmaal.generate.BenefitTracks.SELVFORSOERGELSESYDELSE;
import static dk.star.fokusmaal.generate.BenefitTracks.SENIORPENSION;
import static dk.star.fokusmaal.generate.BenefitTracks.UDDANNELSESHJAELP;
import static dk.star.fokusmaal.generate.Scratch.BASE_READINESS;
import static dk.star.fokusmaal.generate.Scratch.BOUNDS;
import static dk.star.fokusmaal.generate.Scratch.CODE;
import static dk.star.fokusmaal.generate.Scratch.DUR;
import static dk.star.fokusmaal.generate.Scratch.EPISODE_END;
import static dk.star.fokusmaal.generate.Scratch.EPISODE_START;
import static dk.star.fokusmaal.generate.Scratch.ID;
import static dk.star.fokusmaal.generate.Scratch.MOVE;
import static dk.star.fokusmaal.generate.Scratch.PROG_END;
import static dk.star.fokusmaal.generate.Scratch.PROG_MODE;
import static dk.star.fokusmaal.generate.Scratch.SEG;
import static dk.star.fokusmaal.generate.Scratch.SLOT;
import static dk.star.fokusmaal.generate.Scratch.TRUE_END;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_compact;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.contract.Sources;
import dk.star.fokusmaal.reference.Benefit;
import dk.star.fokusmaal.reference.BenefitRegister;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/** municipal_benefits (SPEC §4.3): the benefit periods the municipalities pay. */
final class MunicipalBenefitsGenerator extends SourceGenerator {
  // Readiness categories (visitation) of SPEC §4.3.
  static final String JOBPARAT = "JOBPARAT";
  static final String AKTIVITETSPARAT = "AKTIVITETSPARAT";
  static final String UDDANNELSESPARAT = "UDDANNELSESPARAT";

  /** At most this many re-visitation cuts per episode. */
  private static final int MAX_CUTS = 6;

  MunicipalBenefitsGenerator(Persons persons, Horizon horizon, Rng rng) {
    super(persons, horizon, rng);
  }

  /**
   * The municipal benefit periods as the registers finally know them: each episode of a municipal
   * benefit cut into periods at re-visitations (readiness may change), at a move (the paying
   * municipality changes) and, for overgangsydelse, when the integration programme ends; a quarter
   * of the cuts leave a short gap (less than a whole calendar month, so the spell continues).
   */
  Dataset<Row> truth() {
    Dataset<Row> e =
        persons.episodes().filter(col(CODE).isin(Benefit.codesOf(BenefitRegister.MUNICIPAL_BENEFITS).toArray()));
    Column id = id();
    Column slot = col(SLOT);
    Column d = col(DUR);
    Column s = col(EPISODE_START);
    Column nCuts =
        least(lit(MAX_CUTS), floor(d.divide(Rng.intIn(u("cut_len", id, slot), 150, 900)))).cast(DataTypes.IntegerType);
    List<Column> bounds = new ArrayList<>();
    bounds.add(s);
    for (int j = 1; j <= MAX_CUTS; j++) {
      Column frac =
          lit((double) j).plus(u("cut", id, slot, lit(j)).minus(lit(0.5)).multiply(lit(0.6)))
              .divide(nCuts.plus(lit(1)));
      bounds.add(when(lit(j).leq(nCuts), plusDays(s, floor(d.multiply(frac)))));
    }
    bounds.add(when(col(MOVE).gt(s).and(col(MOVE).leq(col(EPISODE_END))), col(MOVE)));
    Column um = u("programme", id, slot);
    Column progMode =
        when(col(CODE).notEqual(lit(OVERGANGSYDELSE)), lit(-1))
            .when(um.lt(0.30), lit(0)) // in the programme throughout
            .when(um.lt(0.55), lit(1)) // out of it throughout (more than 5 years in Denmark)
            .otherwise(lit(2)); // leaves the programme during the episode
    e = e.withColumn(PROG_MODE, progMode)
        .withColumn(
            PROG_END,
            when(col(PROG_MODE).equalTo(2),
                plusDays(s, floor(d.multiply(Rng.uniform(u("programme_end", id, slot), 0.2, 0.8))))));
    bounds.add(col(PROG_END));
    bounds.add(plusDays(col(EPISODE_END), 1));
    e = e.withColumn(BOUNDS, array_sort(array_distinct(array_compact(array(bounds.toArray(new Column[0]))))));
    Dataset<Row> seg =
        e.withColumn(SEG, explode(sequence(lit(0), size(col(BOUNDS)).minus(lit(2)))));
    Column k = col(SEG);
    Column segStart = col(BOUNDS).getItem(k);
    Column next = col(BOUNDS).getItem(k.plus(lit(1)));
    Column isLast = k.equalTo(size(col(BOUNDS)).minus(lit(2)));
    Column gap =
        when(
                not(isLast).and(u("seg_gap", id, slot, k).lt(0.25)),
                least(Rng.intIn(u("seg_gap_len", id, slot, k), 1, 27), datediff(next, segStart).minus(lit(1))))
            .otherwise(lit(0));
    seg = seg.withColumn(Cols.START_DATE, segStart)
        .withColumn(TRUE_END, date_add(next, lit(-1).minus(gap).cast(DataTypes.IntegerType)))
        .filter(col(Cols.START_DATE).leq(lit(horizon.end())));

    Column code = col(CODE);
    Column ur = u("readiness", id, slot);
    Column base =
        when(code.equalTo(KONTANTHJAELP), when(ur.lt(0.4), lit(JOBPARAT)).otherwise(lit(AKTIVITETSPARAT)))
            .when(code.equalTo(UDDANNELSESHJAELP), when(ur.lt(0.55), lit(UDDANNELSESPARAT)).otherwise(lit(AKTIVITETSPARAT)))
            .when(
                code.isin(SELVFORSOERGELSESYDELSE, HJEMREJSEYDELSE, OVERGANGSYDELSE),
                when(ur.lt(0.55), lit(JOBPARAT)).otherwise(lit(AKTIVITETSPARAT)));
    Column other =
        when(code.equalTo(UDDANNELSESHJAELP),
                when(col(BASE_READINESS).equalTo(UDDANNELSESPARAT), lit(AKTIVITETSPARAT)).otherwise(lit(UDDANNELSESPARAT)))
            .otherwise(when(col(BASE_READINESS).equalTo(JOBPARAT), lit(AKTIVITETSPARAT)).otherwise(lit(JOBPARAT)));
    Column us = u("readiness_seg", id, slot, k);
    // Re-visitation changes readiness on a quarter of the later periods; 3 % lack a visitation.
    Column readiness =
        when(col(BASE_READINESS).isNull(), lit(null).cast(DataTypes.StringType))
            .when(us.lt(0.03), lit(null).cast(DataTypes.StringType))
            .when(k.gt(0).and(us.gt(0.75)), other)
            .otherwise(col(BASE_READINESS));
    Column programme =
        when(col(PROG_MODE).equalTo(0), lit(true))
            .when(col(PROG_MODE).equalTo(1), lit(false))
            .when(col(PROG_MODE).equalTo(2), col(Cols.START_DATE).lt(col(PROG_END)))
            .when(code.isin(SELVFORSOERGELSESYDELSE, HJEMREJSEYDELSE), lit(true))
            .when(code.isin(FLEKSJOB, FOERTIDSPENSION, SENIORPENSION), lit(null).cast(DataTypes.BooleanType))
            .otherwise(lit(false));
    return seg.withColumn(BASE_READINESS, base)
        .select(
            col(ID), col(SLOT), k,
            rowId("YP", slot, k).as(Cols.PERIOD_ID),
            personId().as(Cols.PERSON_ID),
            muniCodeAt(col(Cols.START_DATE)).as(Cols.MUNICIPALITY_CODE),
            code.as(Cols.BENEFIT_CODE),
            readiness.as(Cols.READINESS),
            programme.as(Cols.IN_INTEGRATION_PROGRAMME),
            col(Cols.START_DATE),
            col(TRUE_END),
            endOrNull(col(TRUE_END)).as(Cols.END_DATE));
  }

  /** Every delivery: open periods get their end date in a later delivery; 3 % first a wrong one. */
  @Override
  Dataset<Row> rows() {
    Column key = col(Cols.PERIOD_ID);
    Column wrong = u("wrong_end", key).lt(0.03);
    Dataset<Row> v =
        versions(
            truth(),
            col(Cols.START_DATE),
            (k, cutoff, first) -> List.of(endAsOf(k, cutoff, first, wrong, key)),
            List.of(Cols.END_DATE),
            key);
    return SyntheticRegisters.contract(v, Sources.MUNICIPAL_SPEC);
  }
}
