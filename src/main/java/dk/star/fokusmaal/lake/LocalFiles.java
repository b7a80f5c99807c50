package dk.star.fokusmaal.lake;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFs;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FsServerDefaults;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.local.LocalConfigKeys;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system without a process per call. Without libhadoop.so (never on Maven
 * Central, so never here) {@link RawLocalFileSystem} runs {@code chmod} for every file or folder it
 * creates with a mode, {@code readlink} for every {@code getFileLinkStatus} (each rename through
 * FileContext, which is how Delta commits: eight per commit) and {@code ls -ld} for every
 * permission it reports. A small ingest started ~600 processes, ~10 ms each. This file system
 * does the same through {@code java.nio.file}. A symbolic link's status and setting a sticky bit
 * still go to Hadoop's own code; a status never reports a sticky bit (nio cannot read it, and no
 * table folder has one).
 *
 * <p>Used for {@code file:} when Spark runs locally ({@link #CONF}); a cluster's lake is on its own
 * distributed file system.
 */
public final class LocalFiles {
  private LocalFiles() {}

  /** The Hadoop settings that make {@code file:} paths use these classes. */
  public static final Map<String, String> CONF =
      Map.of(
          "fs.file.impl", FileSystem.class.getName(),
          "fs.AbstractFileSystem.file.impl", Fs.class.getName());

  /** {@link #CONF} as Spark settings ({@code spark.hadoop.*}). */
  public static final Map<String, String> SPARK_CONF =
      CONF.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(e -> "spark.hadoop." + e.getKey(), Map.Entry::getValue));

  /** {@code FileSystem.get(file:…)}: the checksummed local file system over {@link Raw}. */
  public static final class FileSystem extends LocalFileSystem {
    public FileSystem() {
      super(new Raw());
    }
  }

  /** {@code FileContext} on {@code file:} (Delta's log store renames through it). */
  public static final class Fs extends ChecksumFs {
    Fs(URI uri, Configuration conf) throws IOException, URISyntaxException {
      super(new RawFs(uri, conf));
    }
  }

  /** What Hadoop's {@code RawLocalFs} is, over {@link Raw}. */
  static final class RawFs extends DelegateToFileSystem {
    RawFs(URI uri, Configuration conf) throws IOException, URISyntaxException {
      super(uri, new Raw(), conf, "file", false);
    }

    @Override
    public int getUriDefaultPort() {
      return -1;
    }

    @Override
    public FsServerDefaults getServerDefaults(Path f) throws IOException {
      return LocalConfigKeys.getServerDefaults();
    }

    @Override
    @SuppressWarnings("deprecation")
    public FsServerDefaults getServerDefaults() throws IOException {
      return LocalConfigKeys.getServerDefaults();
    }

    @Override
    public boolean isValidName(String src) {
      return true;
    }
  }

  /** The raw local file system with status, link status and permissions from java.nio. */
  public static class Raw extends RawLocalFileSystem {
    @Override
    public FileStatus getFileStatus(Path p) throws IOException {
      File f = pathToFile(p);
      PosixFileAttributes a;
      try {
        a = Files.readAttributes(f.toPath(), PosixFileAttributes.class);
      } catch (NoSuchFileException e) {
        throw new FileNotFoundException("File " + p + " does not exist");
      } catch (UnsupportedOperationException e) {
        return super.getFileStatus(p);
      }
      return new FileStatus(
          a.size(), a.isDirectory(), 1, getDefaultBlockSize(p), a.lastModifiedTime().toMillis(),
          a.lastAccessTime().toMillis(), permission(a.permissions()), a.owner().getName(), a.group().getName(),
          new Path(f.getPath()).makeQualified(getUri(), getWorkingDirectory()));
    }

    @Override
    public FileStatus getFileLinkStatus(Path p) throws IOException {
      if (Files.isSymbolicLink(pathToFile(p).toPath())) return super.getFileLinkStatus(p);
      return getFileStatus(p);
    }

    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
      if (permission.getStickyBit()) {
        super.setPermission(p, permission);
        return;
      }
      try {
        Files.setPosixFilePermissions(pathToFile(p).toPath(), posix(permission));
      } catch (NoSuchFileException e) {
        throw new FileNotFoundException("File " + p + " does not exist");
      } catch (UnsupportedOperationException e) {
        super.setPermission(p, permission);
      }
    }
  }

  // PosixFilePermission's constants run from OWNER_READ (0400) to OTHERS_EXECUTE (0001).
  private static final PosixFilePermission[] BITS = PosixFilePermission.values();

  static FsPermission permission(Set<PosixFilePermission> set) {
    int mode = 0;
    for (PosixFilePermission p : set) mode |= 1 << (BITS.length - 1 - p.ordinal());
    return new FsPermission((short) mode);
  }

  static Set<PosixFilePermission> posix(FsPermission permission) {
    int mode = permission.toShort();
    Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
    for (PosixFilePermission p : BITS) {
      if ((mode & (1 << (BITS.length - 1 - p.ordinal()))) != 0) set.add(p);
    }
    return set;
  }
}
