package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Routing by subdomain of the apps domain, custom domain, wildcard domain and path prefix. */
class PathRoutingIT {

    private final TestBackend web = TestBackend.start("web");
    private final TestBackend api = TestBackend.start("api");
    private final TestBackend tenants = TestBackend.start("tenants");
    private final TestBackend custom = TestBackend.start("custom");
    private final Router router = Router.start(RouterOptions.onPort(0));

    PathRoutingIT() {
        router.publish(RouteTable.of(List.of(
                Route.of("shop.localhost", web.address()),
                Route.of("shop.localhost", api.address()).withPathPrefix("/api").withService("shop-api"),
                Route.of("*.tenants.localhost", tenants.address()),
                Route.of("admin.tenants.localhost", web.address()),
                Route.of("www.shop.example", custom.address()))));
    }

    @AfterEach
    void stop() {
        router.close();
        web.close();
        api.close();
        tenants.close();
        custom.close();
    }

    @Test
    void routesAPathPrefixToItsOwnServiceAndTheRestToTheHostsRoot() throws Exception {
        assertThat(TestClient.get(router.port(), "shop.localhost", "/").body()).isEqualTo("web");
        assertThat(TestClient.get(router.port(), "shop.localhost", "/api").body()).isEqualTo("api");
        assertThat(TestClient.get(router.port(), "shop.localhost", "/api/orders?page=2").body()).isEqualTo("api");
        assertThat(TestClient.get(router.port(), "shop.localhost", "/apiary").body()).isEqualTo("web");
    }

    @Test
    void routesEverySubdomainOfAWildcardDomainUnlessAnExactHostIsRouted() throws Exception {
        assertThat(TestClient.get(router.port(), "acme.tenants.localhost").body()).isEqualTo("tenants");
        assertThat(TestClient.get(router.port(), "Globex.Tenants.Localhost:8000").body()).isEqualTo("tenants");
        assertThat(TestClient.get(router.port(), "admin.tenants.localhost").body()).isEqualTo("web");
        assertThat(TestClient.get(router.port(), "deep.acme.tenants.localhost").statusCode()).isEqualTo(404);
        assertThat(TestClient.get(router.port(), "tenants.localhost").statusCode()).isEqualTo(404);
    }

    @Test
    void routesACustomDomain() throws Exception {
        assertThat(TestClient.get(router.port(), "www.shop.example").body()).isEqualTo("custom");
    }

    @Test
    void namesTheHostAndPathWhenNoPrefixOfARoutedHostMatches() throws Exception {
        router.publish(RouteTable.of(List.of(Route.of("docs.localhost", web.address()).withPathPrefix("/docs"))));

        HttpResponse<String> response = TestClient.get(router.port(), "docs.localhost", "/blog?x=1");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("No service is routed at host 'docs.localhost' for path '/blog'.");
    }
}
