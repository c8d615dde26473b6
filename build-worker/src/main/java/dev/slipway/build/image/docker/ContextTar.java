package dev.slipway.build.image.docker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * A tar of a directory tree (modes and symbolic links kept, {@code .git} skipped) plus extra
 * entries: generated files, copies of files from elsewhere, and symbolic links. An extra replaces
 * a file of the tree with the same name. Entries are sorted and owned by root, so the tar depends
 * only on the files; {@link #digest()} ignores modification times as well.
 */
final class ContextTar {

    static final String GIT_DIRECTORY = ".git";

    /** The modification time of extra entries, and of every entry when digesting. */
    static final FileTime FIXED_TIME = FileTime.fromMillis(946_684_800_000L);
    private static final int PERMISSION_BITS = 07777;
    private static final int FILE_MODE = 0644;
    private static final int DIRECTORY_MODE = 0755;

    /** What an extra entry holds. */
    private sealed interface Extra permits Content, Copy, Link {
    }

    private record Content(byte[] bytes) implements Extra {
    }

    private record Copy(Path file) implements Extra {
    }

    private record Link(String target) implements Extra {
    }

    private final Optional<Path> directory;
    private final Map<String, Extra> extras;

    private ContextTar(Optional<Path> directory, Map<String, Extra> extras) {
        this.directory = directory;
        this.extras = new TreeMap<>(extras);
    }

    /** Every file under {@code directory}. */
    static ContextTar of(Path directory) {
        return new ContextTar(Optional.of(directory), Map.of());
    }

    /** A tar with extra entries only. */
    static ContextTar empty() {
        return new ContextTar(Optional.empty(), Map.of());
    }

    /** A copy with a generated file at {@code name}. */
    ContextTar withFile(String name, byte[] content) {
        return with(name, new Content(content.clone()));
    }

    /** A copy with the content of {@code file} at {@code name} (read when the tar is written). */
    ContextTar withCopy(String name, Path file) {
        return with(name, new Copy(file));
    }

    /** A copy with a symbolic link at {@code name} pointing to {@code target}. */
    ContextTar withLink(String name, String target) {
        return with(name, new Link(target));
    }

    /** Writes the whole tar and finishes it; does not close {@code out}. */
    void writeTo(OutputStream out) throws IOException {
        write(out, false);
    }

    /**
     * A sha256 over the tar with every modification time fixed: equal for equal names, types,
     * permissions, contents and link targets, wherever and whenever the files were checked out.
     */
    String digest() {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            try (var out = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
                write(out, true);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + directory.map(Path::toString).orElse("the context"), e);
        }
    }

    private ContextTar with(String name, Extra extra) {
        var copy = new TreeMap<>(extras);
        copy.put(name, extra);
        return new ContextTar(directory, copy);
    }

    private void write(OutputStream out, boolean fixedTimes) throws IOException {
        var tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        if (directory.isPresent()) {
            writeDirectory(tar, directory.get(), "", fixedTimes);
        }
        var created = new HashSet<String>();
        for (var entry : extras.entrySet()) {
            writeMissingParents(tar, entry.getKey(), created);
            writeExtra(tar, entry.getKey(), entry.getValue());
        }
        tar.finish();
    }

    private void writeDirectory(TarArchiveOutputStream tar, Path dir, String prefix, boolean fixedTimes)
            throws IOException {
        List<Path> children;
        try (Stream<Path> list = Files.list(dir)) {
            children = list.sorted(Comparator.comparing(path -> path.getFileName().toString())).toList();
        }
        for (var child : children) {
            var name = prefix + child.getFileName();
            if (child.getFileName().toString().equals(GIT_DIRECTORY) || extras.containsKey(name)) {
                continue;
            }
            if (Files.isSymbolicLink(child)) {
                var entry = entry(name, TarConstants.LF_SYMLINK);
                entry.setLinkName(Files.readSymbolicLink(child).toString());
                entry.setModTime(FIXED_TIME);
                putWithoutContent(tar, entry);
            } else if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                var entry = entry(name + "/");
                copyMetadata(child, entry, fixedTimes);
                putWithoutContent(tar, entry);
                writeDirectory(tar, child, name + "/", fixedTimes);
            } else if (Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)) {
                var entry = entry(name);
                entry.setSize(Files.size(child));
                copyMetadata(child, entry, fixedTimes);
                tar.putArchiveEntry(entry);
                Files.copy(child, tar);
                tar.closeArchiveEntry();
            }
            // Sockets, pipes and devices cannot be part of an image's files; they are left out.
        }
    }

    /** Directories an extra needs that the tree does not have, so they get a mode of their own. */
    private void writeMissingParents(TarArchiveOutputStream tar, String name, Set<String> created)
            throws IOException {
        for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
            var parent = name.substring(0, slash);
            var inTree = directory.map(root -> Files.isDirectory(root.resolve(parent), LinkOption.NOFOLLOW_LINKS))
                    .orElse(false);
            if (!inTree && created.add(parent)) {
                var entry = entry(parent + "/");
                entry.setMode(TarArchiveEntry.DEFAULT_DIR_MODE & ~PERMISSION_BITS | DIRECTORY_MODE);
                entry.setModTime(FIXED_TIME);
                putWithoutContent(tar, entry);
            }
        }
    }

    private static void writeExtra(TarArchiveOutputStream tar, String name, Extra extra) throws IOException {
        if (extra instanceof Link link) {
            var entry = entry(name, TarConstants.LF_SYMLINK);
            entry.setLinkName(link.target());
            entry.setModTime(FIXED_TIME);
            putWithoutContent(tar, entry);
        } else if (extra instanceof Content content) {
            tar.putArchiveEntry(file(name, content.bytes().length));
            tar.write(content.bytes());
            tar.closeArchiveEntry();
        } else if (extra instanceof Copy copy) {
            tar.putArchiveEntry(file(name, Files.size(copy.file())));
            Files.copy(copy.file(), tar);
            tar.closeArchiveEntry();
        }
    }

    private static TarArchiveEntry file(String name, long size) {
        var entry = entry(name);
        entry.setSize(size);
        entry.setMode(entry.getMode() & ~PERMISSION_BITS | FILE_MODE);
        entry.setModTime(FIXED_TIME);
        return entry;
    }

    private static TarArchiveEntry entry(String name) {
        return owned(new TarArchiveEntry(name));
    }

    private static TarArchiveEntry entry(String name, byte type) {
        return owned(new TarArchiveEntry(name, type));
    }

    /** Root-owned without names: the builder's own user must not leak into images. */
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
    private static void copyMetadata(Path path, TarArchiveEntry entry, boolean fixedTime) throws IOException {
        entry.setModTime(fixedTime ? FIXED_TIME : Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS));
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
