package dev.slipway.config;

import dev.slipway.config.YamlNode.Position;
import java.util.Optional;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.Parser;

/**
 * A SnakeYAML parser that remembers where the last event the composer looked at starts. The
 * composer's alias and nesting limits throw without a position, right after it takes the alias
 * that is one too many or looks at the node that is one level too deep; that event is the last
 * one handed out here, so its start is where the limit was crossed.
 */
final class TrackingParser implements Parser {

    private final Parser parser;
    private Event last;

    TrackingParser(Parser parser) {
        this.parser = parser;
    }

    /** Where the last event peeked at or taken starts; empty before the first. */
    Optional<Position> lastPosition() {
        return Optional.ofNullable(last).map(event -> YamlLoader.position(event.getStartMark()));
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        return parser.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
        return remember(parser.peekEvent());
    }

    @Override
    public Event getEvent() {
        return remember(parser.getEvent());
    }

    private Event remember(Event event) {
        if (event != null && event.getStartMark() != null) {
            last = event;
        }
        return event;
    }
}
