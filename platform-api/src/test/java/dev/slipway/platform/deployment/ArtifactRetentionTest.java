package dev.slipway.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArtifactRetentionTest {

    @Test
    void queuedDeploymentsNeverTakeThePlaceOfSuccessfulOnes() {
        var newestFirst = new ArrayList<Deployment>();
        for (int number = 9; number >= 6; number--) {
            newestFirst.add(deployment(number, DeploymentStatus.PENDING));
        }
        newestFirst.add(deployment(5, DeploymentStatus.IN_PROGRESS));
        newestFirst.add(deployment(4, DeploymentStatus.FAILED));
        newestFirst.add(deployment(3, DeploymentStatus.SUCCEEDED));
        newestFirst.add(deployment(2, DeploymentStatus.ROLLBACK_SUCCEEDED));
        newestFirst.add(deployment(1, DeploymentStatus.SUCCEEDED));

        var kept = ArtifactRetention.kept(Optional.of("d3"), newestFirst, 2);

        assertThat(kept.keySet()).containsExactlyInAnyOrder("d3", "d9", "d8", "d7", "d6", "d5", "d2");
    }

    @Test
    void theActiveDeploymentStaysEvenWhenOlderThanTheKeptOnes() {
        var newestFirst = List.of(deployment(3, DeploymentStatus.SUCCEEDED), deployment(2, DeploymentStatus.SUCCEEDED),
                deployment(1, DeploymentStatus.SUCCEEDED));

        assertThat(ArtifactRetention.kept(Optional.of("d1"), newestFirst, 1).keySet()).containsExactlyInAnyOrder("d1",
                "d3");
    }

    private static Deployment deployment(int number, DeploymentStatus status) {
        return new Deployment("d" + number, 1, number, DeploymentTrigger.GIT_PUSH, status, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), List.of(), Map.of(), Instant.EPOCH, Optional.empty(),
                Optional.empty());
    }
}
