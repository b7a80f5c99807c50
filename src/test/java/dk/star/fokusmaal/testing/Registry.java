package dk.star.fokusmaal.testing;

import dk.star.fokusmaal.contract.Sources;
import dk.star.fokusmaal.reference.Fleur;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * Literal register rows in the exact landing schemas of SPEC §4, for scenario tests:
 * {@code Registry.municipal().period("p1", "anna", 101, "KONTANTHJAELP", false, "2021-01-01",
 * null).frame(spark)}.
 */
public final class Registry {
  private Registry() {}

  public static final Timestamp REPORTED = Timestamp.valueOf("2024-01-01 00:00:00");

  public static Date d(String iso) {
    return iso == null ? null : Date.valueOf(iso);
  }

  /** Rows of one source, in its contract schema. */
  public abstract static class Rows<T extends Rows<T>> {
    private final String source;
    private final List<Row> rows = new ArrayList<>();

    Rows(String source) {
      this.source = source;
    }

    @SuppressWarnings("unchecked")
    public T add(Object... values) {
      rows.add(RowFactory.create(values));
      return (T) this;
    }

    public Dataset<Row> frame(SparkSession spark) {
      return spark.createDataFrame(rows, Sources.spec(source).schema().asNullable());
    }
  }

  public static final class Fleur extends Rows<Fleur> {
    Fleur() { super(Sources.FLEUR); }

    public Fleur period(String person, int muni, String code, String start, String end, double hours) {
      return add(person, muni, code, d(start), d(end), hours, REPORTED);
    }
  }

  public static final class Kmd extends Rows<Kmd> {
    Kmd() { super(Sources.KMD_SYGEDAGPENGE); }

    public Kmd sickCase(String caseId, String person, int muni, String start, String end) {
      return add(caseId, person, muni, d(start), d(start), d(end), false, REPORTED);
    }
  }

  public static final class Municipal extends Rows<Municipal> {
    Municipal() { super(Sources.MUNICIPAL_BENEFITS); }

    public Municipal period(String id, String person, int muni, String code, Boolean inProgramme, String start, String end) {
      return add(id, person, muni, code, null, inProgramme, d(start), d(end), REPORTED);
    }
  }

  public static final class Tass extends Rows<Tass> {
    Tass() { super(Sources.TASS_CONVERSATIONS); }

    public Tass conversation(String id, String person, String date, String type, String status) {
      return add(id, person, 101, d(date), type, "FREMMOEDE", status, REPORTED);
    }
  }

  public static final class Offers extends Rows<Offers> {
    Offers() { super(Sources.PLANDATA_OFFERS); }

    public Offers offer(String id, String person, String type, String start, String end, String status) {
      return add(id, person, 101, type, d(start), d(end), status, REPORTED);
    }
  }

  public static final class Pay extends Rows<Pay> {
    Pay() { super(Sources.EINDKOMST); }

    public Pay report(String person, String employer, String start, String end, double hours, String type) {
      return add(person, employer, d(start), d(end), hours, type, REPORTED);
    }

    public Pay report(String person, String employer, String start, String end, double hours, String type, Timestamp reportedAt) {
      return add(person, employer, d(start), d(end), hours, type, reportedAt);
    }
  }

  public static Fleur fleur() { return new Fleur(); }
  public static Kmd kmd() { return new Kmd(); }
  public static Municipal municipal() { return new Municipal(); }
  public static Tass tass() { return new Tass(); }
  public static Offers offers() { return new Offers(); }
  public static Pay pay() { return new Pay(); }
}
