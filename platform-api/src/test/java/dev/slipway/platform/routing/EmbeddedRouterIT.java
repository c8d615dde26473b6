package dev.slipway.platform.routing;

import dev.slipway.platform.system.SlipwayProperties;
import java.net.UnknownHostException;
import java.nio.file.Path;

/** The router inside Slipway's process, on a free port. */
class EmbeddedRouterIT extends RouteTablePublisherContract {

    @Override
    protected RouteTablePublisher open(Path directory) {
        try {
            return new EmbeddedRouter(new SlipwayProperties.Router(SlipwayProperties.RouterMode.EMBEDDED, 0,
                    "127.0.0.1", 0, 256, ""), directory);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
