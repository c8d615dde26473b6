package dev.slipway.platform.bench;

import dev.slipway.build.image.docker.DockerClients;
import java.util.List;

/** The runtimes a benchmark measures: the process runtime, and Docker when its daemon answers. */
final class BenchRuntimes {

    private BenchRuntimes() {
    }

    static List<String> available() {
        if (DockerClients.isAvailable()) {
            return List.of("process", "docker");
        }
        System.out.println("No Docker daemon answers: measuring the process runtime only.");
        return List.of("process");
    }
}
