package dk.star.fokusmaal.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.star.fokusmaal.reference.Municipalities.Municipality;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC §6.2: a lookup by name accepts the spellings documents use. */
class MunicipalitiesTest {

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource({
    // the spellings of SPEC §6.2 (kommuner.csv: Høje-Taastrup, Vesthimmerlands, Nordfyns, Bornholm)
    "Høje Taastrup, 169",
    "Vesthimmerland, 820",
    "Nordfyn, 480",
    "Bornholms Regionskommune, 400",
    // and the official names themselves
    "Høje-Taastrup, 169",
    "Vesthimmerlands, 820",
    "Nordfyns, 480",
    "Bornholm, 400",
    "København, 101",
    "Aarhus, 751",
  })
  void byNameAcceptsTheSpellingsOfDocuments(String name, int code) {
    Optional<Municipality> found = Municipalities.byName(name);
    assertTrue(found.isPresent(), "no municipality found for \"" + name + "\"");
    assertEquals(code, found.get().code(), "code of \"" + name + "\"");
  }

  @ParameterizedTest(name = "\"{0}\" is no municipality")
  @CsvSource({"Atlantis", "Taastrup Nord", "''"})
  void byNameFindsNothingForOtherNames(String name) {
    assertTrue(Municipalities.byName(name).isEmpty(), "\"" + name + "\" found " + Municipalities.byName(name));
  }
}
