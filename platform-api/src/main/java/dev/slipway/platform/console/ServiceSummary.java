package dev.slipway.platform.console;

import dev.slipway.platform.service.ServiceStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One line of the services overview.
 *
 * @param lastDeployment the newest deployment, whatever its outcome
 * @param healthy        healthy instances of the active deployment
 * @param instances      instances of the active deployment that are not stopped
 * @param requests       requests per minute over the last hour, oldest first (60 values)
 */
public record ServiceSummary(String name, ServiceStatus status, String statusReason, String url,
                      Optional<LastDeployment> lastDeployment, int healthy, int instances, List<Long> requests) {

    static final int SPARKLINE_WIDTH = 120;
    static final int SPARKLINE_HEIGHT = 24;

    /** The requests sparkline's polyline points. */
    public String sparkline() {
        return ConsoleFormat.sparkline(requests, SPARKLINE_WIDTH, SPARKLINE_HEIGHT);
    }

    /** What a screen reader says of the sparkline. */
    public String requestsLabel() {
        return ConsoleFormat.total(requests) + " requests in the last hour";
    }

    /** The newest deployment as the overview shows it. */
    public record LastDeployment(String id, int number, String status, String commit, String message, Instant createdAt) {

        /** The commit's short id, as git prints it. */
        public String shortCommit() {
            return ConsoleFormat.shortCommit(commit);
        }

        public String age() {
            return ConsoleFormat.age(createdAt);
        }
    }
}
