package dk.star.fokusmaal.config;

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
    TreeMap<Integer, RuleSet> years = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files.sorted()::iterator) {
        Matcher m = YEAR_FILE.matcher(f.getFileName().toString());
        if (!m.matches()) continue;
        int year = Integer.parseInt(m.group(1));
        Properties p = read(f, true);
        overrides.forEach(
            (k, v) -> {
              if (k.matches("\\d{4}\\..*")) {
                if (Integer.parseInt(k.substring(0, 4)) == year) p.setProperty(k.substring(5), v);
              } else if (!isCommonKey(k)) {
                p.setProperty(k, v);
              }
            });
        years.put(year, parse(year, p, f));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    overrides.forEach(
        (k, v) -> {
          if (isCommonKey(k)) common.setProperty(k, v);
        });
    List<Period> covid = new ArrayList<>();
    for (String s : list(common.getProperty("covid.periods", ""))) {
      String[] ab = s.split("\\.\\.");
      if (ab.length != 2) throw new IllegalArgumentException("covid.periods: bad period " + s);
      covid.add(new Period(LocalDate.parse(ab[0].trim()), LocalDate.parse(ab[1].trim())));
    }
    return new Rules(
        years,
        covid,
        new BigDecimal(common.getProperty("fleur.hours_per_month", "160.33")),
        Integer.parseInt(common.getProperty("seniority.months", "12")),
        dir);
  }

  private static boolean isCommonKey(String k) {
    return k.startsWith("covid.") || k.startsWith("fleur.") || k.startsWith("seniority.");
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

  private static RuleSet parse(int year, Properties p, Path f) {
    try {
      List<YearMonth> exempt = new ArrayList<>();
      for (String s : list(p.getProperty("exempt_months", ""))) exempt.add(YearMonth.parse(s));
      return new RuleSet(
          year,
          need(p, "rule_version", f),
          Collections.unmodifiableSet(new LinkedHashSet<>(list(need(p, "conversations.counted_types", f)))),
          Integer.parseInt(need(p, "conversations.min_count", f)),
          Double.parseDouble(need(p, "conversations.threshold_pct", f)),
          GoalStatus.valueOf(need(p, "conversations.goal", f)),
          Collections.unmodifiableSet(new LinkedHashSet<>(list(need(p, "offers.counted_types", f)))),
          Collections.unmodifiableSet(new LinkedHashSet<>(list(need(p, "offers.counted_statuses", f)))),
          Double.parseDouble(need(p, "offers.min_hours", f)),
          Double.parseDouble(need(p, "offers.threshold_pct", f)),
          GoalStatus.valueOf(need(p, "offers.goal", f)),
          List.copyOf(exempt),
          Integer.parseInt(p.getProperty("suppression.min_population", "5").trim()),
          Boolean.parseBoolean(need(p, "supervision.decides", f)),
          p.getProperty("supervision.conversations_failed", "NONE").trim(),
          p.getProperty("supervision.offers_failed", "NONE").trim());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(f + ": " + e.getMessage(), e);
    }
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
}
