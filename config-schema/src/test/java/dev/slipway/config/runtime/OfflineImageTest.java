package dev.slipway.config.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.config.runtime.ManagedRuntime.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OfflineImageTest {

    private static final Path SCRIPT = Path.of("..", "deploy", "runtimes", "build-runtime-images.sh");
    private static final Path DOC = Path.of("..", "docs", "runtimes.md");

    @Test
    void everyLanguageButDotnetHasOneFallback() {
        for (var language : Language.values()) {
            var images = Arrays.stream(OfflineImage.values())
                    .filter(image -> image.language() == language && OfflineImage.fallbackFor(language).equals(Optional.of(image)));
            assertThat(images).as(language.name()).hasSize(language == Language.DOTNET ? 0 : 1);
        }
        assertThat(OfflineImage.fallbackFor(Language.CORRETTO)).contains(OfflineImage.JAVA);
        assertThat(OfflineImage.fallbackFor(Language.PYTHON)).contains(OfflineImage.PYTHON);
    }

    @Test
    void namesImagesAsTheBuildScriptDoes() throws IOException {
        var script = Files.readString(SCRIPT);
        for (var image : OfflineImage.values()) {
            assertThat(image.reference()).isEqualTo("slipway/runtime-" + image.scriptName() + ":bookworm");
            assertThat(script).as(image.name()).contains("[" + image.scriptName() + "]=\"");
            assertThat(OfflineImage.of(image.reference())).contains(image);
        }
        assertThat(OfflineImage.of("python:3.11")).isEmpty();
    }

    @Test
    void everyImageCarriesCurlAndGit() {
        assertThat(OfflineImage.values()).allSatisfy(image -> assertThat(image.tools()).endsWith("curl", "git"));
        assertThat(OfflineImage.GO.description())
                .isEqualTo("Go 1.23 from Debian bookworm-backports with go, gofmt, curl, git");
    }

    @Test
    void docsRuntimesListsEveryRuntimeWithItsOfflineImageAndWhetherItWarns() throws IOException {
        var doc = Files.readString(DOC);
        var catalog = RuntimeCatalog.defaults();
        for (var runtime : ManagedRuntime.values()) {
            var row = row(doc, "| `" + runtime.fileName() + "` | `" + runtime.officialImage() + "`");
            assertThat(row).as(runtime.fileName())
                    .contains(runtime.offlineImage().map(image -> "| `" + image + "` |").orElse("| — |"));
            var warns = runtime.offlineImage()
                    .flatMap(image -> catalog.differences(runtime.fileName(), Optional.empty(), image)).isPresent();
            assertThat(row.contains("(warning)")).as(runtime.fileName()).isEqualTo(warns);
        }
        for (var image : OfflineImage.values()) {
            assertThat(row(doc, "\n| `" + image.reference() + "` |")).as(image.name()).contains(image.builtOn());
        }
    }

    private static String row(String doc, String start) {
        assertThat(doc).contains(start);
        return doc.substring(doc.indexOf(start)).strip().lines().findFirst().orElseThrow();
    }
}
