package dk.star.fokusmaal.testing;

import dk.star.fokusmaal.rules.Rules;
import java.nio.file.Path;
import java.util.Map;

/**
 * The tests' own rules folder ({@code src/test/resources/rules}): the rules of SPEC §7 as they
 * stood when the tests were written, so that editing {@code conf/rules} (as SPEC §7 invites) does
 * not break them. {@code RulesConfTest} checks that the shipped {@code conf/rules} match SPEC §7.
 */
public final class TestRules {
  private TestRules() {}

  public static final Path DIR = Path.of("src/test/resources/rules");

  public static final Rules RULES = Rules.load(DIR);

  /** The test rules with {@code --rule} overrides. */
  public static Rules with(Map<String, String> overrides) {
    return Rules.load(DIR, overrides);
  }
}
