package dev.slipway.build.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.build.model.ModelObject;
import dev.slipway.build.model.ModelSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelLinksTest {

    @TempDir
    Path source;

    @Test
    void normalisesTargetsAndAllowsExistingDirectories() throws Exception {
        Files.createDirectories(source.resolve("models"));

        var targets = ModelLinks.targets(source, set(model("./models//a.bin"), model("b.bin")));

        assertThat(targets).containsOnlyKeys("models/a.bin", "b.bin");
    }

    @Test
    void aTargetTakenByAFileOfTheSourceFailsNamingThePath() throws Exception {
        Files.createDirectories(source.resolve("models"));
        Files.writeString(source.resolve("models/model.pkl"), "checked in by mistake");

        assertThatThrownBy(() -> ModelLinks.targets(source, set(model("models/model.pkl"))))
                .isInstanceOf(BuildFailedException.class)
                .hasMessageContaining("cannot be placed at models/model.pkl")
                .hasMessageContaining("the source already has a file models/model.pkl");
    }

    @Test
    void aTargetBelowAFileOrOnALinkOfTheSourceFails() throws Exception {
        Files.writeString(source.resolve("models"), "a file");
        Files.createSymbolicLink(source.resolve("link.bin"), Path.of("nowhere"));

        assertThatThrownBy(() -> ModelLinks.targets(source, set(model("models/a.bin"))))
                .isInstanceOf(BuildFailedException.class)
                .hasMessageContaining("the source has a file models where the model needs a directory");
        assertThatThrownBy(() -> ModelLinks.targets(source, set(model("link.bin"))))
                .isInstanceOf(BuildFailedException.class).hasMessageContaining("a link link.bin");
    }

    @Test
    void twoModelsCannotClaimOnePath() {
        assertThatThrownBy(() -> ModelLinks.targets(source, set(model("m/a.bin"), model("m/./a.bin"))))
                .isInstanceOf(BuildFailedException.class).hasMessageContaining("has the same target");
        assertThatThrownBy(() -> ModelLinks.targets(source, set(model("m"), model("m/a.bin"))))
                .isInstanceOf(BuildFailedException.class).hasMessageContaining("is placed at m");
    }

    private static ModelSet set(ModelObject... objects) {
        return new ModelSet(List.of(objects), 0);
    }

    private static ModelObject model(String target) {
        return new ModelObject("s3://bucket/" + target, "etag", "0".repeat(64), 1, Path.of("/cache/blob"), target);
    }
}
