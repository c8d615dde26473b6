package dev.slipway.build.image.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
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

        var entries = read(new ContextTar(source, Map.of()));

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
    void generatedFilesReplaceUserFilesOfTheSameName() throws Exception {
        write(".dockerignore", "user\n");
        write("app.py", "print()\n");

        var tar = new ContextTar(source, Map.of(
                ".dockerignore", "generated\n".getBytes(StandardCharsets.UTF_8),
                ".slipway.Dockerfile", "FROM x\n".getBytes(StandardCharsets.UTF_8)));
        var contents = new LinkedHashMap<String, String>();
        try (var in = new TarArchiveInputStream(new ByteArrayInputStream(bytes(tar)))) {
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                contents.merge(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8), (a, b) -> a + b);
            }
        }

        assertThat(contents).containsEntry(".dockerignore", "generated\n")
                .containsEntry(".slipway.Dockerfile", "FROM x\n")
                .containsEntry("app.py", "print()\n")
                .hasSize(3);
    }

    private void write(String path, String content) throws Exception {
        var file = source.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
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
