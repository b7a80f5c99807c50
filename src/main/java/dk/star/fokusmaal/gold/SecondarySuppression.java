package dk.star.fokusmaal.gold;

import dk.star.fokusmaal.contract.Cols;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Secondary suppression of one month's cells ({@link Shares#suppression}), settled on an
 * executor: every additive relation lies inside one month, and a month has a few thousand
 * memberships, so the rounds run over plain arrays instead of as a Spark job each.
 *
 * <p>Input rows, one per cell and relation it takes part in: the cell's key ({@link Shares#KEY}),
 * {@code population} (long), {@code suppressed} (primary) and the relation ({@link #RELATION}),
 * whether the cell is its total ({@link #TOTAL}) and its phase ({@link #PHASE}). Output: the key
 * and {@code suppressed}, one row per cell.
 *
 * <p>A round looks at every relation with exactly one hidden cell and a published one left; of
 * those of the lowest phase, each hides its smallest published cell — parts before the total,
 * then the lowest population, then the key (compared as UTF-8 bytes, as Spark orders strings).
 * Rounds repeat until no relation has exactly one hidden cell; each hides at least one cell.
 */
final class SecondarySuppression implements FlatMapGroupsFunction<String, Row, Row> {
  static final String RELATION = "_relation_id", TOTAL = "_is_total", PHASE = "_phase";

  /** The output's schema. */
  static final StructType SETTLED = new StructType()
      .add(Shares.KEY, DataTypes.StringType, false)
      .add(Cols.SUPPRESSED, DataTypes.BooleanType, false);

  @Override
  public Iterator<Row> call(String month, Iterator<Row> rows) {
    Map<String, Integer> cellOf = new HashMap<>();
    List<byte[]> keys = new ArrayList<>();
    List<Long> populations = new ArrayList<>();
    List<Boolean> primary = new ArrayList<>();
    Map<String, Integer> relationOf = new HashMap<>();
    List<Integer> phases = new ArrayList<>();
    List<List<int[]>> members = new ArrayList<>(); // per relation: {cell, total ? 1 : 0}
    while (rows.hasNext()) {
      Row r = rows.next();
      String key = r.getAs(Shares.KEY);
      Integer cell = cellOf.get(key);
      if (cell == null) {
        cell = keys.size();
        cellOf.put(key, cell);
        keys.add(key.getBytes(StandardCharsets.UTF_8));
        populations.add(((Number) r.getAs(Cols.POPULATION)).longValue());
        primary.add(r.<Boolean>getAs(Cols.SUPPRESSED));
      }
      String relation = r.getAs(RELATION);
      Integer rel = relationOf.get(relation);
      if (rel == null) {
        rel = phases.size();
        relationOf.put(relation, rel);
        phases.add(r.<Integer>getAs(PHASE));
        members.add(new ArrayList<>());
      }
      members.get(rel).add(new int[] {cell, r.<Boolean>getAs(TOTAL) ? 1 : 0});
    }
    boolean[] hidden = new boolean[keys.size()];
    for (int c = 0; c < hidden.length; c++) hidden[c] = primary.get(c);

    for (int round = 1; ; round++) {
      int firstPhase = Integer.MAX_VALUE;
      int[] pick = new int[phases.size()];
      for (int rel = 0; rel < phases.size(); rel++) {
        int hiddenN = 0;
        int best = -1, bestTotal = 0;
        for (int[] m : members.get(rel)) {
          if (hidden[m[0]]) {
            hiddenN++;
          } else if (best < 0 || before(m[1], m[0], bestTotal, best, populations, keys)) {
            best = m[0];
            bestTotal = m[1];
          }
        }
        pick[rel] = hiddenN == 1 ? best : -1;
        if (pick[rel] >= 0) firstPhase = Math.min(firstPhase, phases.get(rel));
      }
      if (firstPhase == Integer.MAX_VALUE) break;
      // Only the relations of the first phase that has any are settled in a round, so that a
      // national cell is not hidden for a recoverable municipal one that the municipal round is
      // about to hide anyway.
      if (round > 100_000) throw new IllegalStateException("secondary suppression of " + month + " did not settle");
      for (int rel = 0; rel < phases.size(); rel++) {
        if (pick[rel] >= 0 && phases.get(rel) == firstPhase) hidden[pick[rel]] = true;
      }
    }

    List<Row> out = new ArrayList<>(keys.size());
    for (int c = 0; c < hidden.length; c++) out.add(RowFactory.create(new String(keys.get(c), StandardCharsets.UTF_8), hidden[c]));
    return out.iterator();
  }

  /** Whether cell {@code a} (a total if {@code aTotal} is 1) is picked before cell {@code b}. */
  private static boolean before(int aTotal, int a, int bTotal, int b, List<Long> populations, List<byte[]> keys) {
    if (aTotal != bTotal) return aTotal < bTotal;
    int byPopulation = Long.compare(populations.get(a), populations.get(b));
    if (byPopulation != 0) return byPopulation < 0;
    return Arrays.compareUnsigned(keys.get(a), keys.get(b)) < 0;
  }
}
