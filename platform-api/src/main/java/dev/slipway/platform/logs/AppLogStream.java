package dev.slipway.platform.logs;

import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's application log as server-sent events, for the REST API and the console alike: {@code line}
 * events (an {@link AppLogLine} as JSON, the event id its {@code seq}) until the client leaves.
 */
@Component
public class AppLogStream {

    private final AppLogs logs;
    private final EventStreams streams;
    private final JsonMapper json;

    AppLogStream(AppLogs logs, EventStreams streams, JsonMapper json) {
        this.logs = logs;
        this.streams = streams;
        this.json = json;
    }

    /**
     * @param instance    only this instance's lines, or null
     * @param since       only lines from then on (a time or a duration such as {@code 10m}), or null
     * @param tail        only the last this many earlier lines, or null
     * @param lastEventId resume after this line ({@code Last-Event-ID}), or null
     * @throws dev.slipway.platform.system.InvalidRequestException when a filter cannot be read
     */
    public ResponseEntity<ResponseBodyEmitter> follow(String service, String instance, String since, String tail,
                                                      String lastEventId) {
        var filter = AppLogQuery.filter(instance, since, tail, lastEventId, Instant.now());
        var stream = streams.open();
        try {
            stream.onClose(logs.follow(service, filter, follower(stream))::close);
        } catch (RuntimeException e) {
            stream.complete();
            throw e;
        }
        return stream.response();
    }

    private LogFollower<AppLogLine> follower(EventStream stream) {
        return new LogFollower<>() {
            @Override
            public void line(AppLogLine line) {
                stream.send(Long.toString(line.seq()), "line", json.writeValueAsString(line));
            }

            @Override
            public void droppedBehind() {
                stream.droppedBehind(FollowerQueue.CAPACITY);
            }

            @Override
            public void ended() {
                stream.complete();
            }
        };
    }
}
