package dev.slipway.build.image.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.config.runtime.RuntimeCatalog;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BaseImageMessagesTest {

    private static final String JAVA = "slipway/runtime-java17:bookworm";
    private final BaseImageMessages messages = new BaseImageMessages(RuntimeCatalog.defaults());

    @Test
    void warnsWhenAnOfflineImageLacksTheRuntimesVersion() {
        assertThat(messages.using(BaseImages.Role.BUILD, JAVA, "corretto11", Optional.empty())).isEqualTo(
                "warning: using base image " + JAVA + " for runtime corretto11: built on OpenJDK 17 from Debian"
                        + " bookworm; no Java (Amazon Corretto) 11 image here; choose another in runtimes.properties");
        assertThat(messages.using(BaseImages.Role.RUN, "slipway/runtime-nodejs18:bookworm", "nodejs20",
                Optional.empty())).startsWith("warning: using run image slipway/runtime-nodejs18:bookworm for runtime"
                        + " nodejs20: built on Node.js 18 from Debian bookworm; no Node.js 20 image here");
    }

    @Test
    void saysOnlyWhichImageWhenItProvidesTheVersion() {
        assertThat(messages.using(BaseImages.Role.BUILD, JAVA, "corretto17", Optional.empty()))
                .isEqualTo("using base image " + JAVA + " for runtime corretto17");
        assertThat(messages.using(BaseImages.Role.BUILD, "amazoncorretto:11", "corretto11", Optional.empty()))
                .isEqualTo("using base image amazoncorretto:11 for runtime corretto11");
    }

    @Test
    void saysWhereAMissingCommandWasLookedForAndWhatTheImageCarries() {
        assertThat(messages.notFoundIn(BaseImages.Role.BUILD, JAVA)).isEqualTo("in base image " + JAVA
                + " (OpenJDK 17 from Debian bookworm with java, javac, mvn (Maven 3.8), gradle (Gradle 4.4), curl,"
                + " git); install it in pre-build or choose another base image in runtimes.properties");
        assertThat(messages.notFoundIn(BaseImages.Role.RUN, "registry.local/app:1")).isEqualTo("in run image "
                + "registry.local/app:1; install it in an earlier pre-run command (only /app is carried over from the"
                + " build image) or choose another run image in runtimes.properties");
    }

    @Test
    void namesTheOfflineImageToBuildWhenNoImageIsThere() {
        var candidates = RuntimeCatalog.defaults().lookup("go1").orElseThrow().candidates();

        assertThat(BaseImageMessages.remedy("go1", candidates)).isEqualTo("Run `make runtimes` to build Slipway's"
                + " offline image slipway/runtime-go:bookworm (Go 1.23 from Debian bookworm-backports), or set other"
                + " images for go1 in runtimes.properties.");
    }

    @Test
    void saysThatDotnetHasNoOfflineImageAndOffersTheOfflineImageToAnOverride() {
        assertThat(BaseImageMessages.remedy("dotnet6", List.of("mcr.microsoft.com/dotnet/sdk:6.0"))).isEqualTo(
                "Slipway has no offline image for .NET, which Debian does not package; load one of these images into"
                        + " Docker (docker load) or set other images for dotnet6 in runtimes.properties.");
        var overridden = RuntimeCatalog.defaults().withOverrides(Map.of("go1", "registry.local/go:1"));
        assertThat(BaseImageMessages.remedy("go1", overridden.lookup("go1").orElseThrow().candidates())).isEqualTo(
                "Load one of these images into Docker (docker load), or add Slipway's offline image"
                        + " slipway/runtime-go:bookworm (`make runtimes` builds it) to go1 in runtimes.properties.");
    }
}
