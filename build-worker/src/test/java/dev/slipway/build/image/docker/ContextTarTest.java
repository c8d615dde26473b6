package dev.slipway.build.image.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContextTarTest {

    @TempDir
    Path source;

    @Test
    void keepsExecutableBitsSymlinksAndLongNamesAndSkipsGit() throws Exception {
        var longName = "a-directory-name-that-is-quite-long/" + "x".repeat(120) + ".txt";
        write(longName, "long");
        write("run.sh", "#!/bin/sh\n");
        Files.setPosixFilePermissions(source.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-x---"));
        Files.createSymbolicLink(source.resolve("link"), Path.of("run.sh"));
        write(".git/HEAD", "ref: refs/heads/main\n");
        write("sub/.git", "gitdir: ../.git/modules/sub\n");

        var entries = read(ContextTar.of(source));

        assertThat(entries).containsKeys(longName, "run.sh", "link", "sub/", "a-directory-name-that-is-quite-long/");
        assertThat(entries.keySet()).noneMatch(name -> name.contains(".git"));
        assertThat(entries.get(longName).getSize()).isEqualTo(4);
        assertThat(entries.get("run.sh").getMode() & 07777).isEqualTo(0750);
        assertThat(entries.get("link").isSymbolicLink()).isTrue();
        assertThat(entries.get("link").getLinkName()).isEqualTo("run.sh");
        assertThat(entries.get("sub/").isDirectory()).isTrue();
        assertThat(entries.values()).allSatisfy(entry -> assertThat(entry.getLongUserId()).isZero());
    }

    @Test
    void extraFilesReplaceUserFilesOfTheSameName() throws Exception {
        write(".dockerignore", "user\n");
        write("app.py", "print()\n");

        var tar = ContextTar.of(source)
                .withFile(".dockerignore", "generated\n".getBytes(StandardCharsets.UTF_8))
                .withFile("Dockerfile", "FROM x\n".getBytes(StandardCharsets.UTF_8));

        assertThat(contents(tar)).containsEntry(".dockerignore", "generated\n")
                .containsEntry("Dockerfile", "FROM x\n")
                .containsEntry("app.py", "print()\n")
                .hasSize(3);
    }

    @Test
    void extraLinksAndCopiesGetTheDirectoriesTheTreeLacks(@TempDir Path cache) throws Exception {
        write("models/README", "models go here\n");
        var model = Files.writeString(cache.resolve("blob"), "weights");

        var tar = ContextTar.of(source)
                .withLink("models/nested/model.bin", "/opt/slipway/models/models/nested/model.bin")
                .withCopy("weights/w.bin", model);
        var entries = read(tar);

        assertThat(names(tar)).containsSubsequence("models/nested/", "models/nested/model.bin")
                .containsSubsequence("weights/", "weights/w.bin")
                .containsOnlyOnce("models/");
        assertThat(entries.get("models/nested/model.bin").getLinkName())
                .isEqualTo("/opt/slipway/models/models/nested/model.bin");
        assertThat(entries.get("weights/w.bin").getMode() & 07777).isEqualTo(0644);
        assertThat(contents(tar)).containsEntry("weights/w.bin", "weights");
    }

    @Test
    void theDigestIgnoresModificationTimesButNotContentModesOrLinks() throws Exception {
        write("app.py", "print(1)\n");
        var before = ContextTar.of(source).digest();

        Files.setLastModifiedTime(source.resolve("app.py"), FileTime.fromMillis(0));
        assertThat(ContextTar.of(source).digest()).isEqualTo(before);

        assertThat(ContextTar.of(source).withLink("model.bin", "/opt/x").digest()).isNotEqualTo(before);
        Files.setPosixFilePermissions(source.resolve("app.py"), PosixFilePermissions.fromString("rwxr-xr-x"));
        var executable = ContextTar.of(source).digest();
        assertThat(executable).isNotEqualTo(before);
        write("app.py", "print(2)\n");
        assertThat(ContextTar.of(source).digest()).isNotEqualTo(executable);
    }

    @Test
    void anEmptyTarHoldsOnlyItsExtras() throws Exception {
        var tar = ContextTar.empty().withFile("Dockerfile", "FROM scratch\n".getBytes(StandardCharsets.UTF_8));

        assertThat(names(tar)).containsExactly("Dockerfile");
    }

    private void write(String path, String content) throws Exception {
        var file = source.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static Map<String, String> contents(ContextTar tar) throws Exception {
        var contents = new LinkedHashMap<String, String>();
        try (var in = new TarArchiveInputStream(new ByteArrayInputStream(bytes(tar)))) {
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.isFile()) {
                    contents.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return contents;
    }

    private static List<String> names(ContextTar tar) throws Exception {
        var names = new ArrayList<String>();
        try (var in = new TarArchiveInputStream(new ByteArrayInputStream(bytes(tar)))) {
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    private static Map<String, TarArchiveEntry> read(ContextTar tar) throws Exception {
        var entries = new LinkedHashMap<String, TarArchiveEntry>();
        try (var in = new TarArchiveInputStream(new ByteArrayInputStream(bytes(tar)))) {
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), entry);
            }
        }
        return entries;
    }

    private static byte[] bytes(ContextTar tar) throws Exception {
        var out = new ByteArrayOutputStream();
        tar.writeTo(out);
        return out.toByteArray();
    }
}
