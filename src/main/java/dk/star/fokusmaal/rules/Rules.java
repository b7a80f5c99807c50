package dk.star.fokusmaal.rules;

import dk.star.fokusmaal.reference.Codes.ConversationType;
import dk.star.fokusmaal.reference.Codes.OfferStatus;
import dk.star.fokusmaal.reference.Codes.OfferType;
import dk.star.fokusmaal.reference.Codes;
import dk.star.fokusmaal.reference.Fleur;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * All rules, read from a rules folder ({@code conf/rules}): one {@code <year>.properties} per
 * measurement year from which the rules change, and {@code common.properties} for what holds in
 * every year. A year without a file takes the latest earlier file (2024's rules hold for 2025);
 * a year before the first file takes the first. Editing a file and rerunning is all a rule change
 * needs.
 */
public final class Rules {
  private static final Pattern YEAR_FILE = Pattern.compile("(\\d{4})\\.properties");

  /** A closed date interval, e.g. a COVID-19 period. */
  public record Period(LocalDate start, LocalDate end) {}

  private final TreeMap<Integer, RuleSet> byYear;
  private final List<Period> covidPeriods;
  private final BigDecimal fleurHoursPerMonth;
  private final int seniorityMonths;
  private final Path source;
  private String contentHash = "";

  private Rules(
      TreeMap<Integer, RuleSet> byYear,
      List<Period> covidPeriods,
      BigDecimal fleurHoursPerMonth,
      int seniorityMonths,
      Path source) {
    if (byYear.isEmpty()) throw new IllegalArgumentException("no <year>.properties in " + source);
    this.byYear = byYear;
    this.covidPeriods = List.copyOf(covidPeriods);
    this.fleurHoursPerMonth = fleurHoursPerMonth;
    this.seniorityMonths = seniorityMonths;
    this.source = source;
  }

  public static Rules load(Path dir) {
    return load(dir, Map.of());
  }

  /**
   * Reads a rules folder. {@code overrides} are {@code key=value} pairs applied on top of every
   * year's file (for sensitivity analyses: {@code offers.min_hours=150}); a key may also be
   * prefixed with a year ({@code 2022.offers.min_hours=150}) to change that year only.
   */
  public static Rules load(Path dir, Map<String, String> overrides) {
    if (!Files.isDirectory(dir)) throw new IllegalArgumentException("rules folder not found: " + dir);
    Properties common = read(dir.resolve("common.properties"), false);
    TreeMap<Integer, Properties> files = new TreeMap<>();
    TreeMap<Integer, Path> paths = new TreeMap<>();
    try (Stream<Path> listed = Files.list(dir)) {
      for (Path f : (Iterable<Path>) listed.sorted()::iterator) {
        Matcher m = YEAR_FILE.matcher(f.getFileName().toString());
        if (!m.matches()) continue;
        files.put(Integer.parseInt(m.group(1)), read(f, true));
        paths.put(Integer.parseInt(m.group(1)), f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    if (files.isEmpty()) throw new IllegalArgumentException("no <year>.properties in " + dir);
    // Every-year overrides first, so that the copies made for year overrides below carry them.
    TreeMap<Integer, Map<String, String>> byYearOverrides = new TreeMap<>();
    for (Map.Entry<String, String> o : overrides.entrySet()) {
      String k = o.getKey();
      Matcher y = YEAR_KEY.matcher(k);
      if (COMMON_KEYS.contains(k)) {
        common.setProperty(k, o.getValue());
      } else if (YEAR_KEYS.contains(k)) {
        files.values().forEach(p -> p.setProperty(k, o.getValue()));
      } else if (y.matches() && YEAR_KEYS.contains(y.group(2))) {
        byYearOverrides.computeIfAbsent(Integer.parseInt(y.group(1)), x -> new TreeMap<>()).put(y.group(2), o.getValue());
      } else {
        throw new IllegalArgumentException(
            "unknown rule " + k + ": expected one of " + new TreeSet<>(YEAR_KEYS)
                + " (optionally prefixed by a year, e.g. 2022.offers.min_hours) or " + new TreeSet<>(COMMON_KEYS));
      }
    }
    // Latest year first: a year without a file of its own gets a copy of the rules it would take
    // (the latest earlier file), and the year after it a copy without the override, so that the
    // override changes that year only.
    for (int year : byYearOverrides.descendingKeySet()) {
      if (!files.containsKey(year)) {
        Map.Entry<Integer, Properties> floor = files.floorEntry(year);
        if (floor == null) floor = files.firstEntry();
        if (!files.containsKey(year + 1)) {
          files.put(year + 1, copy(floor.getValue()));
          paths.put(year + 1, paths.get(floor.getKey()));
        }
        files.put(year, copy(floor.getValue()));
        paths.put(year, paths.get(floor.getKey()));
      }
      byYearOverrides.get(year).forEach(files.get(year)::setProperty);
    }
    TreeMap<Integer, RuleSet> years = new TreeMap<>();
    files.forEach((year, p) -> years.put(year, parse(year, p, paths.get(year))));
    for (String k : common.stringPropertyNames()) {
      if (!COMMON_KEYS.contains(k)) throw new IllegalArgumentException(dir.resolve("common.properties") + ": unknown rules key " + k);
    }
    List<Period> covid = new ArrayList<>();
    for (String s : list(common.getProperty("covid.periods", ""))) {
      String[] ab = s.split("\\.\\.");
      if (ab.length != 2) throw new IllegalArgumentException("covid.periods: bad period " + s);
      covid.add(new Period(LocalDate.parse(ab[0].trim()), LocalDate.parse(ab[1].trim())));
    }
    Rules rules = new Rules(
        years,
        covid,
        new BigDecimal(common.getProperty("fleur.hours_per_month", String.valueOf(Fleur.FULL_TIME_MONTH_HOURS)).trim()),
        Integer.parseInt(common.getProperty("seniority.months", "12").trim()),
        dir);
    rules.contentHash = hash(dir, overrides);
    return rules;
  }

  private static String hash(Path dir, Map<String, String> overrides) {
    try (Stream<Path> listed = Files.list(dir)) {
      java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
      for (Path f : (Iterable<Path>) listed.filter(Files::isRegularFile).sorted()::iterator) {
        md.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        md.update(Files.readAllBytes(f));
      }
      new TreeMap<>(overrides).forEach((k, v) -> md.update((k + "=" + v + "\n").getBytes(StandardCharsets.UTF_8)));
      return java.util.HexFormat.of().formatHex(md.digest()).substring(0, 16);
    } catch (IOException | java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot hash the rules folder " + dir, e);
    }
  }

  /** The keys of {@code common.properties}: what holds in every year. */
  public static final Set<String> COMMON_KEYS = Set.of("covid.periods", "fleur.hours_per_month", "seniority.months");

  private static final Pattern YEAR_KEY = Pattern.compile("(\\d{4})\\.(.+)");

  private static Properties copy(Properties p) {
    Properties c = new Properties();
    c.putAll(p);
    return c;
  }

  private static Properties read(Path f, boolean required) {
    Properties p = new Properties();
    if (!Files.exists(f)) {
      if (required) throw new IllegalArgumentException("rules file not found: " + f);
      return p;
    }
    try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f, e);
    }
    return p;
  }

  private static List<String> list(String v) {
    if (v == null || v.isBlank()) return List.of();
    return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static String need(Properties p, String key, Path f) {
    String v = p.getProperty(key);
    if (v == null || v.isBlank()) throw new IllegalArgumentException(f + ": missing key " + key);
    return v.trim();
  }

  /** The lowest {@code suppression.min_population} allowed (SPEC §8: no cell of 1–2 persons is ever published). */
  public static final int MIN_SUPPRESSION = 3;

  /** The keys a year's file may hold; any other key (a typing error in a file or a --rule) fails. */
  public static final Set<String> YEAR_KEYS =
      Set.of(
          "rule_version", "conversations.counted_types", "conversations.min_count",
          "conversations.threshold_pct", "conversations.goal", "offers.counted_types",
          "offers.counted_statuses", "offers.min_hours", "offers.threshold_pct", "offers.goal",
          "exempt_months", "suppression.min_population", "supervision.decides",
          "supervision.conversations_failed", "supervision.offers_failed");

  private static RuleSet parse(int year, Properties p, Path f) {
    try {
      for (String k : p.stringPropertyNames()) {
        if (!YEAR_KEYS.contains(k)) throw new IllegalArgumentException("unknown rules key " + k);
      }
      List<YearMonth> exempt = new ArrayList<>();
      for (String s : list(p.getProperty("exempt_months", ""))) exempt.add(YearMonth.parse(s));
      Map<String, String> values = new TreeMap<>();
      for (String k : p.stringPropertyNames()) values.put(k, p.getProperty(k).trim());
      int suppressBelow = Integer.parseInt(p.getProperty("suppression.min_population", "5").trim());
      // Disclosure control: a published cell of one or two persons identifies them; no file or
      // --rule may open that.
      if (suppressBelow < MIN_SUPPRESSION) {
        throw new IllegalArgumentException(
            "suppression.min_population=" + suppressBelow + " is below " + MIN_SUPPRESSION
                + ": cells of 1 or 2 persons are always suppressed");
      }
      return new RuleSet(
          year,
          need(p, "rule_version", f),
          codes(p, "conversations.counted_types", ConversationType.class, f),
          Integer.parseInt(need(p, "conversations.min_count", f)),
          Double.parseDouble(need(p, "conversations.threshold_pct", f)),
          GoalStatus.valueOf(need(p, "conversations.goal", f)),
          codes(p, "offers.counted_types", OfferType.class, f),
          codes(p, "offers.counted_statuses", OfferStatus.class, f),
          Double.parseDouble(need(p, "offers.min_hours", f)),
          Double.parseDouble(need(p, "offers.threshold_pct", f)),
          GoalStatus.valueOf(need(p, "offers.goal", f)),
          List.copyOf(exempt),
          suppressBelow,
          Boolean.parseBoolean(need(p, "supervision.decides", f)),
          status(p.getProperty("supervision.conversations_failed", "NONE").trim()),
          status(p.getProperty("supervision.offers_failed", "NONE").trim()),
          Collections.unmodifiableMap(values));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(f + ": " + e.getMessage(), e);
    }
  }

  /** A list of codes that must all be codes of the contract (a misspelt type would count nothing). */
  private static Set<String> codes(Properties p, String key, Class<? extends Enum<?>> known, Path f) {
    Set<String> out = new LinkedHashSet<>(list(need(p, key, f)));
    for (String c : out) {
      if (!Codes.of(known).contains(c)) {
        throw new IllegalArgumentException(key + ": unknown code " + c + ", expected some of " + new TreeSet<>(Codes.of(known)));
      }
    }
    return Collections.unmodifiableSet(out);
  }

  private static SupervisionStatus status(String s) {
    try {
      return SupervisionStatus.valueOf(s);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown supervision status '" + s + "', expected one of " + Arrays.toString(SupervisionStatus.values()));
    }
  }

  /**
   * A rule's value in words for the years of the rules files, for column comments that must not
   * freeze a value a {@code --rule} changes: {@code "4"} when every year has it, else {@code "225
   * in 2019-2023, 100 from 2024"}.
   */
  public String describe(String key) {
    List<String> parts = new ArrayList<>();
    List<Integer> years = new ArrayList<>(byYear.keySet());
    int i = 0;
    while (i < years.size()) {
      String v = byYear.get(years.get(i)).value(key);
      int j = i;
      while (j + 1 < years.size() && byYear.get(years.get(j + 1)).value(key).equals(v)) j++;
      parts.add(v + (j + 1 == years.size() ? (i == 0 ? "" : " from " + years.get(i))
          : " in " + (i == j ? years.get(i) : years.get(i) + "-" + years.get(j))));
      i = j + 1;
    }
    return String.join(", ", parts);
  }

  /** The rules of measurement year {@code year}. */
  public RuleSet forYear(int year) {
    Map.Entry<Integer, RuleSet> e = byYear.floorEntry(year);
    return e != null ? e.getValue() : byYear.firstEntry().getValue();
  }

  public RuleSet forMonth(YearMonth month) {
    return forYear(month.getYear());
  }

  /** Whether {@code month} is left out of the 12-month averages (by the rules of its own year). */
  public boolean isExempt(YearMonth month) {
    return forMonth(month).exemptMonths().contains(month);
  }

  public List<Period> covidPeriods() {
    return covidPeriods;
  }

  /** Hours in one full-time month of unemployment (160.33). */
  public BigDecimal fleurHoursPerMonth() {
    return fleurHoursPerMonth;
  }

  /** Seniority that puts a spell in the population (12 months). */
  public int seniorityMonths() {
    return seniorityMonths;
  }

  /** Accumulated FLEUR hours that make 12 months: 12 × 160.33 = 1923.96, exactly. */
  public BigDecimal fleurSeniorityHours() {
    return fleurHoursPerMonth.multiply(BigDecimal.valueOf(seniorityMonths));
  }

  /** The distinct rule versions used by the measurement months {@code from … to}, joined by '+'. */
  public String versions(YearMonth from, YearMonth to) {
    Set<String> v = new TreeSet<>();
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) v.add(forMonth(m).ruleVersion());
    return String.join("+", v);
  }

  public Path source() {
    return source;
  }

  /**
   * A hash of the rules folder's content (every file's name and bytes) and the overrides applied,
   * for the run log: two runs with the same hash ran under the same rules.
   */
  public String contentHash() {
    return contentHash;
  }
}
