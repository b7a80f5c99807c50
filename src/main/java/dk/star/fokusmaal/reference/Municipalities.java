package dk.star.fokusmaal.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The 98 municipalities of {@code reference/kommuner.csv} (SPEC §6.2), shipped as a resource. */
public final class Municipalities {
  private Municipalities() {}

  /** One municipality: its code, official name and region. */
  public record Municipality(int code, String name, int regionCode, String regionName) {}

  private static final Map<Integer, Municipality> BY_CODE = load();
  private static final Map<String, Municipality> BY_NAME = indexByName();

  private static Map<Integer, Municipality> load() {
    Map<Integer, Municipality> m = new LinkedHashMap<>();
    try (InputStream in = Municipalities.class.getResourceAsStream("/kommuner.csv");
        BufferedReader r =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line = r.readLine(); // header
      while ((line = r.readLine()) != null) {
        if (line.isBlank()) continue;
        String[] f = line.split(",", -1);
        Municipality k =
            new Municipality(
                Integer.parseInt(f[0].trim()), f[1].trim(), Integer.parseInt(f[2].trim()),
                f[3].trim());
        m.put(k.code(), k);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read kommuner.csv", e);
    }
    return Collections.unmodifiableMap(m);
  }

  /**
   * Names in documents vary ("Høje Taastrup", "Vesthimmerland", "Nordfyn", "Bornholms
   * Regionskommune"): fold case, accents, hyphens and the genitive/"kommune" suffixes.
   */
  static String normalise(String name) {
    String s = name.toLowerCase(Locale.ROOT).trim();
    s = s.replace("æ", "ae").replace("ø", "oe").replace("å", "aa");
    s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    s = s.replaceAll("[^a-z ]", " ").replaceAll("\\s+", " ").trim();
    s = s.replaceAll("\\b(regionskommune|kommune)\\b", "").trim();
    s = s.replace(" ", "");
    if (s.endsWith("s")) s = s.substring(0, s.length() - 1);
    return s;
  }

  private static Map<String, Municipality> indexByName() {
    Map<String, Municipality> m = new HashMap<>();
    for (Municipality k : BY_CODE.values()) m.put(normalise(k.name()), k);
    return m;
  }

  public static List<Municipality> all() {
    return new ArrayList<>(BY_CODE.values());
  }

  /** The 98 codes. */
  public static Set<Integer> codes() {
    return BY_CODE.keySet();
  }

  /** Looks a municipality up by any of the spellings used in documents. */
  public static Optional<Municipality> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(normalise(name)));
  }
}
