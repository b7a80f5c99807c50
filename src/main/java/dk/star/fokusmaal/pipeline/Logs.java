package dk.star.fokusmaal.pipeline;

import dk.star.fokusmaal.lake.Lake;
import java.net.URI;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.builder.api.AppenderComponentBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;

/**
 * Where Spark's and Delta's own log lines go. The console shows the jobs' progress lines; the
 * libraries' warnings (plan strings, "trivially true equals predicate", broadcast sizes) go to a
 * file under the lake's {@code meta/logs/} — or, for a lake on HDFS or S3, under {@code ./logs/} —
 * unless {@code --verbose} asks for them on the console too.
 */
public final class Logs {
  private Logs() {}

  /**
   * Sends the libraries' log to a new file for this job and returns it.
   *
   * @param verbose also print them on the console (stderr)
   */
  public static Path toFile(Lake lake, String job, boolean verbose) {
    String name = job + "-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").format(ZonedDateTime.now(ZoneOffset.UTC)) + ".log";
    Path dir = localDir(lake);
    Path file = dir.resolve(name);
    ConfigurationBuilder<BuiltConfiguration> b = ConfigurationBuilderFactory.newConfigurationBuilder();
    b.setStatusLevel(Level.ERROR);
    b.add(b.newAppender("file", "File")
        .addAttribute("fileName", file.toString())
        .addAttribute("append", true)
        .add(b.newLayout("PatternLayout").addAttribute("pattern", "%d{HH:mm:ss} %p %c{1}: %m%n")));
    var root = b.newRootLogger(Level.WARN).add(b.newAppenderRef("file"));
    if (verbose) {
      AppenderComponentBuilder console =
          b.newAppender("console", "Console")
              .addAttribute("target", ConsoleAppender.Target.SYSTEM_ERR)
              .add(b.newLayout("PatternLayout").addAttribute("pattern", "%d{HH:mm:ss} %p %c{1}: %m%n"));
      b.add(console);
      root.add(b.newAppenderRef("console"));
    }
    b.add(root);
    Configurator.reconfigure(b.build());
    return file;
  }

  /** The lake's meta/logs when the lake is a local folder, else ./logs. */
  static Path localDir(Lake lake) {
    String root = lake.root();
    URI u = URI.create(root.replace(" ", "%20"));
    if (u.getScheme() == null) return Path.of(root, Lake.META, "logs");
    if ("file".equals(u.getScheme())) return Path.of(u).resolve(Lake.META).resolve("logs");
    return Path.of("logs");
  }
}
