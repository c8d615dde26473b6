package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RouteTableTest {

    private final Route hello = Route.of("hello.localhost", "127.0.0.1:9001");
    private final RouteTable table = RouteTable.of(List.of(hello, Route.of("[::1]", "[::1]:9002")));

    @Test
    void looksUpHostsIgnoringCasePortAndTrailingDot() {
        assertThat(table.lookup("hello.localhost")).hasValue(hello);
        assertThat(table.lookup("HELLO.localhost:8000")).hasValue(hello);
        assertThat(table.lookup(" hello.localhost. ")).hasValue(hello);
        assertThat(table.lookup("[::1]:8000")).map(Route::host).hasValue("[::1]");
    }

    @Test
    void findsNothingForUnknownHostsOrInTheEmptyTable() {
        assertThat(table.lookup("other.localhost")).isEmpty();
        assertThat(table.lookup("")).isEmpty();
        assertThat(RouteTable.EMPTY.lookup("hello.localhost")).isEmpty();
    }

    @Test
    void listsEveryTargetAddressWhateverItsWeight() {
        RouteTable weighted = RouteTable.of(List.of(new Route("a", List.of(
                new Target("127.0.0.1:1", 0), new Target("127.0.0.1:2", 5)))));

        assertThat(weighted.addresses()).containsExactlyInAnyOrder("127.0.0.1:1", "127.0.0.1:2");
    }

    @Test
    void rejectsAHostRoutedTwice() {
        assertThatThrownBy(() -> RouteTable.of(List.of(hello, Route.of("Hello.Localhost", "127.0.0.1:9002"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Host 'hello.localhost' is routed twice; merge its targets into one route");
    }

    @Test
    void storesRouteHostsInLowerCaseAndRejectsPorts() {
        assertThat(Route.of("Hello.LOCALHOST", "127.0.0.1:1").host()).isEqualTo("hello.localhost");
        assertThatThrownBy(() -> Route.of("hello.localhost:8000", "127.0.0.1:1"))
                .hasMessageContaining("includes a port");
        assertThatThrownBy(() -> Route.of(" ", "127.0.0.1:1")).hasMessageContaining("blank");
        assertThatThrownBy(() -> Route.of("a b", "127.0.0.1:1")).hasMessageContaining("contains ' '");
    }

    @Test
    void looksUpByPathAndWildcardHost() {
        Route api = Route.of("hello.localhost", "127.0.0.1:9003").withPathPrefix("/api");
        Route tenants = Route.of("*.tenants.localhost", "127.0.0.1:9004");
        RouteTable withPaths = RouteTable.of(List.of(hello, api, tenants));

        assertThat(withPaths.lookup("hello.localhost", "/api/x")).hasValue(api);
        assertThat(withPaths.lookup("hello.localhost", "/apix")).hasValue(hello);
        assertThat(withPaths.lookup("acme.tenants.localhost")).hasValue(tenants);
        assertThat(withPaths.lookup("tenants.localhost")).isEmpty();
    }

    @Test
    void validatesWildcardHostsPathPrefixesAndLimits() {
        assertThat(Route.of("*.Example.com", "127.0.0.1:1").wildcard()).isTrue();
        assertThatThrownBy(() -> Route.of("*.", "127.0.0.1:1")).hasMessageContaining("no domain after '*.'");
        assertThatThrownBy(() -> Route.of("a.*.com", "127.0.0.1:1")).hasMessageContaining("contains '*'");
        assertThatThrownBy(() -> Route.of("*", "127.0.0.1:1")).hasMessageContaining("contains '*'");
        assertThat(Route.of("a", "127.0.0.1:1").withPathPrefix("/api//").pathPrefix()).isEqualTo("/api");
        assertThatThrownBy(() -> Route.of("a", "127.0.0.1:1").withPathPrefix("/a?b")).hasMessageContaining("contains '?'");
        assertThatThrownBy(() -> Route.of("a", "127.0.0.1:1").withRequestTimeout(java.time.Duration.ofHours(25)))
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> Route.of("a", "127.0.0.1:1").withMaxBodySize(-1L)).hasMessageContaining("negative");
        assertThat(Route.of("a", "127.0.0.1:1").service()).isEqualTo("a");
        assertThat(Route.of("a", "127.0.0.1:1").withService("svc").service()).isEqualTo("svc");
    }

    @Test
    void rejectsTargetAddressesWithoutAUsablePort() {
        assertThatThrownBy(() -> Target.of("127.0.0.1")).hasMessageContaining("it needs host:port");
        assertThatThrownBy(() -> Target.of("127.0.0.1:http")).hasMessageContaining("the port is not a number");
        assertThatThrownBy(() -> Target.of("127.0.0.1:0")).hasMessageContaining("between 1 and 65535");
        assertThatThrownBy(() -> Target.of("::1:80")).hasMessageContaining("in brackets");
        assertThatThrownBy(() -> new Target("127.0.0.1:80", -1)).hasMessageContaining("weight -1");
        assertThat(TargetAddress.parse("[::1]:80")).isEqualTo(new TargetAddress("::1", 80));
    }
}
