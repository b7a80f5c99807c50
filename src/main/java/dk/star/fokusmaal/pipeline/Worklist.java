package dk.star.fokusmaal.pipeline;

import static org.apache.spark.sql.functions.*;

import dk.star.fokusmaal.contract.Cols;
import dk.star.fokusmaal.lake.DeltaIO;
import dk.star.fokusmaal.lake.TableSpec;
import dk.star.fokusmaal.lake.Tables;
import dk.star.fokusmaal.reference.Municipalities;
import dk.star.fokusmaal.rules.Months;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructField;

/**
 * One job centre's worklist as a CSV file ({@code worklist --municipality CODE --month YYYY-MM
 * --out FILE}): the rows of {@code restricted.followup_persons} of that month and municipality —
 * never another municipality's — in priority order, with Danish column headers (or the table's own
 * column names). The file is created readable by its owner only.
 */
public final class Worklist {
  private Worklist() {}

  /** The column headers of the Danish list, by the table's column names. */
  public static final Map<String, String> DANISH = new LinkedHashMap<>();

  static {
    DANISH.put(Cols.MONTH, "Måned");
    DANISH.put(Cols.MUNICIPALITY_CODE, "Kommunekode");
    DANISH.put(Cols.PRIORITY, "Prioritet");
    DANISH.put(Cols.PERSON_ID, "Borger (pseudonym)");
    DANISH.put(Cols.BENEFIT_CODE, "Ydelse");
    DANISH.put(Cols.BENEFIT_GROUP, "Ydelsesgruppe");
    DANISH.put(Cols.IN_POPULATION, "I målgruppen nu");
    DANISH.put(Cols.COUNTS_FROM, "Tæller med fra");
    DANISH.put(Cols.SENIORITY_MONTHS, "Anciennitet (måneder)");
    DANISH.put(Cols.PASSIVE_CONVERSATIONS_FLAG, "Passiv for samtaler nu");
    DANISH.put(Cols.PASSIVE_OFFERS_FLAG, "Passiv for tilbud nu");
    DANISH.put(Cols.CONVERSATIONS_12M, "Samtaler i 12 måneder");
    DANISH.put(Cols.CONVERSATIONS_NEEDED_1, "Manglende samtaler ved næste månedsskifte");
    DANISH.put(Cols.CONVERSATIONS_NEEDED_2, "Manglende samtaler om 2 måneder");
    DANISH.put(Cols.CONVERSATIONS_NEEDED_3, "Manglende samtaler om 3 måneder");
    DANISH.put(Cols.CONVERSATION_DUE_DATES, "Samtaler senest");
    DANISH.put(Cols.HAS_OFFER_12M, "Tilbud i 12 måneder");
    DANISH.put(Cols.OFFER_DROPS_OUT, "Seneste tilbud falder ud");
    DANISH.put(Cols.ORDINARY_HOURS_12M, "Ordinære timer i 12 måneder");
    DANISH.put(Cols.HOURS_BELOW_THRESHOLD_FROM, "Timer under grænsen fra");
    DANISH.put(Cols.OFFER_DUE, "Tilbud senest");
    DANISH.put(Cols.NEXT_DUE, "Næste frist");
    DANISH.put(Cols.RUN_ID, "Kørsel");
  }

  public enum Lang { da, en }

  /**
   * Writes the list; an unknown municipality code, or a month whose list was never built, is a
   * {@link UsageError}.
   *
   * @return the number of persons on the list
   */
  public static long write(JobContext ctx, int municipality, YearMonth month, String out, Lang lang) {
    if (!Municipalities.codes().contains(municipality)) {
      throw new UsageError("unknown municipality code " + municipality + " (reference/kommuner.csv has the 98 codes)");
    }
    TableSpec spec = Tables.FOLLOWUP_PERSONS;
    String path = spec.path(ctx.lake());
    if (!DeltaIO.exists(ctx.spark(), path)) {
      throw new UsageError("no worklist has been built in " + ctx.lake().restrictedRoot() + " (run build first)");
    }
    Dataset<Row> table = DeltaIO.read(ctx.spark(), path);
    if (table.filter(col(Cols.MONTH).equalTo(lit(Months.date(month)))).isEmpty()) {
      throw new UsageError("month " + month + " is not built (no worklist for it; run build --from " + month + " --to " + month + ")");
    }
    Dataset<Row> rows =
        table.filter(col(Cols.MONTH).equalTo(lit(Months.date(month))).and(col(Cols.MUNICIPALITY_CODE).equalTo(municipality)));
    List<Column> cols = new ArrayList<>();
    for (StructField f : table.schema().fields()) {
      if (!spec.columnNames().contains(f.name())) continue;
      Column c = col(f.name());
      // a list of dates reads as "2024-07-31; 2024-08-31" in a spreadsheet
      if (f.dataType() instanceof ArrayType) c = concat_ws("; ", c.cast("array<string>"));
      cols.add(c.as(lang == Lang.da ? DANISH.getOrDefault(f.name(), f.name()) : f.name()));
    }
    Dataset<Row> csv = rows.orderBy(col(Cols.PRIORITY)).select(cols.toArray(Column[]::new)).coalesce(1);
    String tmp = out + ".tmp-" + System.nanoTime();
    csv.write().option("header", "true").option("encoding", "UTF-8").csv(tmp);
    try {
      Path dir = new Path(tmp);
      FileSystem fs = dir.getFileSystem(ctx.spark().sparkContext().hadoopConfiguration());
      Path part = null;
      for (FileStatus s : fs.listStatus(dir)) {
        if (s.getPath().getName().startsWith("part-")) part = s.getPath();
      }
      Path target = new Path(out);
      if (fs.exists(target)) fs.delete(target, false);
      if (part == null) {
        fs.create(target).close();
      } else if (!fs.rename(part, target)) {
        throw new IOException("cannot move " + part + " to " + target);
      }
      fs.setPermission(target, DeltaIO.OWNER_ONLY_FILE);
      fs.delete(dir, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
    }
    return rows.count();
  }
}
