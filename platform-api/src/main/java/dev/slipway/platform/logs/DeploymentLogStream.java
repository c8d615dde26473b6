package dev.slipway.platform.logs;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A deployment's log as server-sent events, for the REST API and the console alike: {@code line} events (a
 * {@link LogLine} as JSON, the event id its {@code seq}) live until the deployment ends, then one {@code end}
 * event ({@code {"status": …}}).
 */
@Component
public class DeploymentLogStream {

    private final DeploymentLogs logs;
    private final EventStreams streams;
    private final JsonMapper json;

    DeploymentLogStream(DeploymentLogs logs, EventStreams streams, JsonMapper json) {
        this.logs = logs;
        this.streams = streams;
        this.json = json;
    }

    /**
     * @param after      the last line the client has ({@code Last-Event-ID}), 0 for all
     * @param finalStatus the deployment's status once its log ended
     */
    public ResponseEntity<ResponseBodyEmitter> follow(String deploymentId, long after, Supplier<String> finalStatus) {
        var stream = streams.open();
        var queue = new FollowerQueue<>(FollowerQueue.CAPACITY, streams.delivery(), new LogFollower<LogLine>() {
            @Override
            public void line(LogLine line) {
                if (line.seq() > after) {
                    stream.send(Long.toString(line.seq()), "line", json.writeValueAsString(line));
                }
            }

            @Override
            public void droppedBehind() {
                stream.droppedBehind(FollowerQueue.CAPACITY);
            }

            @Override
            public void ended() {
                stream.send(null, "end", "{\"status\":\"" + finalStatus.get() + "\"}");
                stream.complete();
            }
        });
        Consumer<LogLine> follower = queue::offer;
        stream.onClose(() -> {
            queue.close();
            logs.unfollow(deploymentId, follower);
        });
        try {
            queue.start(logs.follow(deploymentId, follower, queue::end));
        } catch (RuntimeException e) {
            stream.complete();
            throw e;
        }
        return stream.response();
    }
}
