package dk.star.fokusmaal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.star.fokusmaal.lake.Lake;
import dk.star.fokusmaal.pipeline.Settings;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the lake and the restricted zone end up, from the settings (no Spark needed). */
class CommonOptionsTest {
  private static Lake lake(Map<String, String> settings) {
    return new CommonOptions().lake(Settings.defaults(settings));
  }

  @Test
  void aBlankRestrictedSettingMeansTheLakesOwnFolderNeverTheWorkingFolder() {
    Lake l = lake(Map.of(Settings.LAKE, "/data/lake", Lake.RESTRICTED_SETTING, ""));
    assertEquals("/data/lake/restricted", l.restrictedRoot());
    assertEquals("/data/lake/restricted", lake(Map.of(Settings.LAKE, "/data/lake", Lake.RESTRICTED_SETTING, "  ")).restrictedRoot());
  }

  @Test
  void relativeLocalPathsAreMadeAbsoluteAndUrisStayAsGiven() {
    String cwd = Path.of("").toAbsolutePath().toString();
    Lake l = lake(Map.of(Settings.LAKE, "lake", Lake.RESTRICTED_SETTING, "secure/restricted"));
    assertEquals(cwd + "/lake", l.root());
    assertEquals(cwd + "/secure/restricted", l.restrictedRoot());
    Lake remote = lake(Map.of(Settings.LAKE, "hdfs://nn:8020/lake", Lake.RESTRICTED_SETTING, "hdfs://nn:8020/restricted"));
    assertEquals("hdfs://nn:8020/lake", remote.root());
    assertEquals("hdfs://nn:8020/restricted", remote.restrictedRoot());
  }
}
