package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RouteIndexTest {

    private final Route app = Route.of("app.example.com", "127.0.0.1:1");
    private final Route api = Route.of("app.example.com", "127.0.0.1:2").withPathPrefix("/api");
    private final Route apiV2 = Route.of("app.example.com", "127.0.0.1:3").withPathPrefix("/api/v2/");
    private final Route anySubdomain = Route.of("*.example.com", "127.0.0.1:4");
    private final Route docsOnly = Route.of("docs.example.org", "127.0.0.1:5").withPathPrefix("/docs");
    private final RouteIndex<Route> index = RouteIndex.build(List.of(app, api, apiV2, anySubdomain, docsOnly),
            Function.identity());

    @Test
    void prefersTheLongestMatchingPathPrefix() {
        assertThat(index.find("app.example.com", "/")).isSameAs(app);
        assertThat(index.find("app.example.com", "/apix")).isSameAs(app);
        assertThat(index.find("app.example.com", "/api")).isSameAs(api);
        assertThat(index.find("app.example.com", "/api/items?limit=3")).isSameAs(api);
        assertThat(index.find("app.example.com", "/api?x=1")).isSameAs(api);
        assertThat(index.find("app.example.com", "/api/v2")).isSameAs(apiV2);
        assertThat(index.find("app.example.com", "/api/v2/models/7")).isSameAs(apiV2);
        assertThat(index.find("app.example.com", "/api/v20")).isSameAs(api);
        assertThat(index.find("app.example.com", "http://app.example.com/api/x")).isSameAs(api);
        assertThat(index.find("app.example.com", "*")).isSameAs(app);
    }

    @Test
    void matchesAWildcardOneLabelDeepAndPrefersAnExactHost() {
        assertThat(index.find("APP.example.com:8000", "/")).isSameAs(app);
        assertThat(index.find("other.example.com", "/api")).isSameAs(anySubdomain);
        assertThat(index.find("Other.Example.COM.", "/")).isSameAs(anySubdomain);
        assertThat(index.find("a.b.example.com", "/")).isNull();
        assertThat(index.find("example.com", "/")).isNull();
        assertThat(index.find(".example.com", "/")).isNull();
    }

    @Test
    void findsNothingWhereNoPrefixMatches() {
        assertThat(index.find("docs.example.org", "/docs/intro")).isSameAs(docsOnly);
        assertThat(index.find("docs.example.org", "/")).isNull();
        assertThat(index.hasHost("docs.example.org")).isTrue();
        assertThat(index.find("nobody.example.net", "/")).isNull();
        assertThat(index.hasHost("nobody.example.net")).isFalse();
        assertThat(index.find("", "/")).isNull();
        assertThat(index.find(" : ", "/")).isNull();
    }

    @Test
    void rejectsTheSameHostAndPrefixTwice() {
        assertThatThrownBy(() -> RouteIndex.build(List.of(api, Route.of("APP.example.com", "127.0.0.1:9")
                .withPathPrefix("/api/")), Function.identity()))
                .hasMessage("Host 'app.example.com' with path prefix '/api' is routed twice; merge its targets into one route");
    }

    @Test
    void looksUpWithoutAllocating() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        String host = "Other.Example.com:8000";
        String target = "/api/v2/models?x=1";
        for (int i = 0; i < 20_000; i++) {
            index.find(host, target);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        int found = 0;
        for (int i = 0; i < 100_000; i++) {
            found += index.find(host, target) == anySubdomain ? 1 : 0;
            found += index.find("app.example.com", target) == apiV2 ? 1 : 0;
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(found).isEqualTo(200_000);
        assertThat(allocated).as("bytes allocated by 200000 lookups").isLessThan(10_000);
    }
}
