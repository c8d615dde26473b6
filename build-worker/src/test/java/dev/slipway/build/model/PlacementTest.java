package dev.slipway.build.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.config.ModelSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlacementTest {

    @Test
    void oneKeyLandsAtItsTarget() {
        var source = new ModelSource("s3://models/sentiment/model.pkl", "./weights/model.pkl");

        assertThat(Placement.of(source, List.of(object("sentiment/model.pkl"))))
                .extracting(Placement::target).containsExactly("weights/model.pkl");
    }

    @Test
    void objectsUnderAPrefixLandAtTheirRelativeKeys() {
        var source = new ModelSource("s3://models/sentiment/", "models/");

        var placements = Placement.of(source, List.of(object("sentiment/a.bin"), object("sentiment//b/./c.bin"),
                object("sentiment/v1..2/d.bin")));

        assertThat(placements).extracting(Placement::target)
                .containsExactly("models/a.bin", "models/b/c.bin", "models/v1..2/d.bin");
    }

    @Test
    void aKeyClimbingOutOfTheTargetIsRefused() {
        var source = new ModelSource("s3://models/sentiment/", "models");

        assertThatThrownBy(() -> Placement.of(source, List.of(object("sentiment/../../etc/passwd"))))
                .isInstanceOf(ModelFetchException.class)
                .hasMessageContaining("s3://models/sentiment/../../etc/passwd")
                .hasMessageContaining("rename the object");
    }

    @Test
    void aFileWhereAnotherObjectNeedsADirectoryCollides() {
        var placements = List.of(new Placement(object("a"), "models/tokenizer"),
                new Placement(object("b"), "models/tokenizer/vocab.txt"));

        assertThatThrownBy(() -> Placement.checkDistinct(placements))
                .isInstanceOf(ModelFetchException.class)
                .hasMessageContaining("models/tokenizer is a file but models/tokenizer/vocab.txt needs it to be a directory");
    }

    private static ObjectIdentity object(String key) {
        return new ObjectIdentity(ObjectIdentity.AWS, "models", key, Optional.empty(), "\"etag\"", 1);
    }
}
