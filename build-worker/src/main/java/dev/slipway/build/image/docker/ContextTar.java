package dev.slipway.build.image.docker;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes a Docker build context: every file under a directory (modes and symbolic links kept,
 * {@code .git} skipped), plus generated files that replace any user file of the same name.
 * Entries are sorted and owned by root, so the tar depends only on the files.
 */
final class ContextTar {

    static final String GIT_DIRECTORY = ".git";

    private static final int PERMISSION_BITS = 07777;

    private final Path directory;
    private final Map<String, byte[]> generated;

    /**
     * @param directory the context's root
     * @param generated extra files by tar path, e.g. the generated Dockerfile
     */
    ContextTar(Path directory, Map<String, byte[]> generated) {
        this.directory = directory;
        this.generated = Map.copyOf(generated);
    }

    /** Writes the whole tar and finishes it; does not close {@code out}. */
    void writeTo(OutputStream out) throws IOException {
        var tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        writeDirectory(tar, directory, "");
        for (var entry : generated.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            var header = entry(entry.getKey());
            header.setSize(entry.getValue().length);
            tar.putArchiveEntry(header);
            tar.write(entry.getValue());
            tar.closeArchiveEntry();
        }
        tar.finish();
    }

    private void writeDirectory(TarArchiveOutputStream tar, Path dir, String prefix) throws IOException {
        List<Path> children;
        try (Stream<Path> list = Files.list(dir)) {
            children = list.sorted(Comparator.comparing(path -> path.getFileName().toString())).toList();
        }
        for (var child : children) {
            var name = prefix + child.getFileName();
            if (child.getFileName().toString().equals(GIT_DIRECTORY) || generated.containsKey(name)) {
                continue;
            }
            if (Files.isSymbolicLink(child)) {
                var entry = entry(name, TarConstants.LF_SYMLINK);
                entry.setLinkName(Files.readSymbolicLink(child).toString());
                putWithoutContent(tar, entry);
            } else if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                var entry = entry(name + "/");
                copyMetadata(child, entry);
                putWithoutContent(tar, entry);
                writeDirectory(tar, child, name + "/");
            } else if (Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)) {
                var entry = entry(name);
                entry.setSize(Files.size(child));
                copyMetadata(child, entry);
                tar.putArchiveEntry(entry);
                Files.copy(child, tar);
                tar.closeArchiveEntry();
            }
            // Sockets, pipes and devices cannot be part of an image's files; they are left out.
        }
    }

    private static TarArchiveEntry entry(String name) {
        return owned(new TarArchiveEntry(name));
    }

    private static TarArchiveEntry entry(String name, byte type) {
        return owned(new TarArchiveEntry(name, type));
    }

    /** Root-owned without names: COPY gives files to root anyway, and the builder's user must not leak in. */
    private static TarArchiveEntry owned(TarArchiveEntry entry) {
        entry.setIds(0, 0);
        entry.setNames("", "");
        return entry;
    }

    private static void putWithoutContent(TarArchiveOutputStream tar, TarArchiveEntry entry) throws IOException {
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    /** Permission bits (the executable bit above all) and modification time; the entry keeps its type bits. */
    private static void copyMetadata(Path path, TarArchiveEntry entry) throws IOException {
        entry.setModTime(Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS));
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                    .permissions();
        } catch (UnsupportedOperationException e) {
            return;
        }
        var all = PosixFilePermission.values();
        int bits = 0;
        for (var permission : all) {
            if (permissions.contains(permission)) {
                bits |= 1 << (all.length - 1 - permission.ordinal());
            }
        }
        entry.setMode(entry.getMode() & ~PERMISSION_BITS | bits);
    }
}
