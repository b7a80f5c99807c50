package dk.star.fokusmaal.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;

/** The fork-free local file system reports what Hadoop's own reports, and is what Spark gets. */
class LocalFilesTest {
  private static Configuration conf() {
    Configuration c = new Configuration();
    LocalFiles.CONF.forEach(c::set);
    c.setBoolean("fs.file.impl.disable.cache", true);
    return c;
  }

  @Test
  void statusPermissionsAndLinksAreHadoopsOwn() throws Exception {
    java.nio.file.Path dir = Files.createTempDirectory("fokusmaal-localfiles");
    java.nio.file.Path file = Files.writeString(dir.resolve("a.txt"), "hello");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
    java.nio.file.Path link = Files.createSymbolicLink(dir.resolve("link"), file);

    FileSystem fs = FileSystem.get(dir.toUri(), conf());
    assertTrue(fs instanceof LocalFiles.FileSystem, fs.getClass().getName());
    RawLocalFileSystem hadoops = new RawLocalFileSystem();
    hadoops.initialize(dir.toUri(), new Configuration());

    for (java.nio.file.Path p : new java.nio.file.Path[] {dir, file}) {
      FileStatus ours = fs.getFileStatus(new Path(p.toUri()));
      FileStatus theirs = hadoops.getFileStatus(new Path(p.toUri()));
      assertEquals(theirs.getPath(), ours.getPath(), p + ": path");
      assertEquals(theirs.isDirectory(), ours.isDirectory(), p + ": directory");
      assertEquals(theirs.getLen(), ours.getLen(), p + ": length");
      assertEquals(theirs.getModificationTime(), ours.getModificationTime(), p + ": modified");
      assertEquals(theirs.getPermission(), ours.getPermission(), p + ": permission");
      assertEquals(theirs.getOwner(), ours.getOwner(), p + ": owner");
      assertEquals(theirs.getGroup(), ours.getGroup(), p + ": group");
    }
    assertEquals(new FsPermission((short) 0640), fs.getFileStatus(new Path(file.toUri())).getPermission());
    assertEquals(2, fs.listStatus(new Path(dir.toUri())).length);

    fs.setPermission(new Path(file.toUri()), new FsPermission((short) 0600));
    assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
    assertEquals(EnumSet.copyOf(PosixFilePermissions.fromString("rwxr-x--x")),
        LocalFiles.posix(LocalFiles.permission(PosixFilePermissions.fromString("rwxr-x--x"))));

    // A symbolic link still goes to Hadoop's own code; a regular file is not a link.
    RawLocalFileSystem raw = (RawLocalFileSystem) ((LocalFiles.FileSystem) fs).getRaw();
    assertFalse(raw.getFileLinkStatus(new Path(file.toUri())).isSymlink());
    assertEquals(hadoops.getFileLinkStatus(new Path(link.toString())).isSymlink(),
        raw.getFileLinkStatus(new Path(link.toString())).isSymlink());

    assertThrows(FileNotFoundException.class, () -> fs.getFileStatus(new Path(dir.resolve("none").toUri())));
    assertThrows(FileNotFoundException.class, () -> fs.setPermission(new Path(dir.resolve("none").toUri()), FsPermission.getDefault()));

    // FileContext (how Delta's log store commits: write a temporary file, rename without overwrite)
    FileContext fc = FileContext.getFileContext(dir.toUri(), conf());
    assertTrue(fc.getDefaultFileSystem() instanceof LocalFiles.Fs, fc.getDefaultFileSystem().getClass().getName());
    Path tmp = new Path(dir.resolve(".0.json.tmp").toUri());
    try (var out = fc.create(tmp, EnumSet.of(org.apache.hadoop.fs.CreateFlag.CREATE))) {
      out.writeBytes("{}");
    }
    fc.rename(tmp, new Path(dir.resolve("0.json").toUri()), Options.Rename.NONE);
    assertEquals("{}", Files.readString(dir.resolve("0.json")));
    Path again = new Path(dir.resolve(".0.json.tmp2").toUri());
    try (var out = fc.create(again, EnumSet.of(org.apache.hadoop.fs.CreateFlag.CREATE))) {
      out.writeBytes("{\"other\":1}");
    }
    assertThrows(org.apache.hadoop.fs.FileAlreadyExistsException.class,
        () -> fc.rename(again, new Path(dir.resolve("0.json").toUri()), Options.Rename.NONE));
  }
}
