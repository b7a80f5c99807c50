package dk.star.fokusmaal.generate;

import static dk.star.fokusmaal.generate.Scratch.ID;
import static dk.star.fokusmaal.generate.Scratch.PHEX;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import dk.star.fokusmaal.contract.Cols;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Base of the generator of one landing source: the shared persons stage, the time frame, the dice
 * and the helpers the sources have in common. {@link #rows()} gives every delivery's rows.
 */
abstract class SourceGenerator {
  final Persons persons;
  final Horizon horizon;
  final Rng rng;

  SourceGenerator(Persons persons, Horizon horizon, Rng rng) {
    this.persons = persons;
    this.horizon = horizon;
    this.rng = rng;
  }

  /** The rows of every delivery: the source's contract columns plus {@link SyntheticRegisters#DELIVERY}. */
  abstract Dataset<Row> rows();

  final Column u(String salt, Column... keys) {
    return rng.u(salt, keys);
  }

  static Column id() {
    return col(ID);
  }

  /** The person_id of the contract: P + the pseudonym. */
  static Column personId() {
    return concat(lit("P"), col(PHEX));
  }

  /** An identifier of a row cut from an episode: prefix, pseudonym and the parts, dash-separated. */
  static Column rowId(String prefix, Column... parts) {
    Column[] all = new Column[2 + 2 * parts.length];
    all[0] = lit(prefix);
    all[1] = col(PHEX);
    for (int i = 0; i < parts.length; i++) {
      all[2 + 2 * i] = lit("-");
      all[3 + 2 * i] = parts[i].cast(DataTypes.StringType);
    }
    return concat(all);
  }

  final Column muniAt(Column day) {
    return persons.muniAt(day);
  }

  final Column muniCodeAt(Column day) {
    return persons.muniCodeAt(day);
  }

  /** The end date as the registers finally know it: null while still running at the data set's end. */
  final Column endOrNull(Column trueEnd) {
    return when(trueEnd.leq(lit(horizon.end())), trueEnd);
  }

  /**
   * The end date as a delivery knows it: none while the period runs; for the {@code wrong} share
   * the first delivery after the end has a too early end date, corrected in the next one.
   */
  final Column endAsOf(int k, Column cutoff, Column first, Column wrong, Column key) {
    Column end = col(Cols.END_DATE);
    Column known = when(end.isNotNull().and(end.leq(cutoff)), end);
    Column early =
        wrong.and(first.equalTo(lit(k))).and(lit(k).lt(lit(horizon.deliveries())));
    Column wrongEnd =
        greatest(col(Cols.START_DATE), date_add(end, lit(0).minus(Rng.intIn(u("wrong_end_days", key), 1, 30))));
    return when(early.and(known.isNotNull()), wrongEnd).otherwise(known);
  }

  /** Spreads the rows over the deliveries with {@link Horizon#versions}, keyed for the reporting jitter. */
  final Dataset<Row> versions(
      Dataset<Row> df, Column visible, Horizon.StateAt state, List<String> stateNames, Column jitterKey) {
    return horizon.versions(
        df, visible, state, stateNames, jitterKey, rng, SyntheticRegisters.DELIVERY,
        Cols.REPORTED_AT);
  }

  /** Days from {@code from} to {@code to}, both included. */
  static Column days(Column from, Column to) {
    return datediff(to, from).plus(lit(1));
  }

  static Column plusDays(Column date, Column days) {
    return date_add(date, days.cast(DataTypes.IntegerType));
  }

  static Column plusDays(Column date, int days) {
    return date_add(date, days);
  }

  /** Rounded down to whole hundredths (hours as the registers state them). */
  static Column floor2(Column x) {
    return floor(x.multiply(lit(100))).divide(lit(100.0));
  }
}
