package dev.slipway.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouteStateFileTest {

    @TempDir
    Path directory;

    @Test
    void readsBackWhatItWrote() throws Exception {
        RouteTable table = RouteTable.of(List.of(
                new Route("hello.localhost", List.of(new Target("127.0.0.1:9001", 90), new Target("127.0.0.1:9002", 10))),
                new Route("empty.localhost", List.of())));
        Path file = directory.resolve("state/routes.json");

        RouteStateFile.write(file, table);

        assertThat(RouteStateFile.read(file)).isEqualTo(table);
        assertThat(Files.list(file.getParent())).containsExactly(file);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
    }

    @Test
    void readsBackEveryOptionalRouteField() throws Exception {
        RouteTable table = RouteTable.of(List.of(
                Route.of("*.apps.example.com", "127.0.0.1:9001"),
                Route.of("shop.example.com", "127.0.0.1:9002").withPathPrefix("/api").withService("shop-api")
                        .withRequestTimeout(Duration.ofHours(2)).withMaxBodySize(1024L),
                Route.of("shop.example.com", "127.0.0.1:9003").withRequestTimeout(Duration.ofMillis(1500))));
        Path file = directory.resolve("routes.json");

        RouteStateFile.write(file, table);

        assertThat(RouteStateFile.read(file)).isEqualTo(table);
        assertThat(Files.readString(file)).contains("\"pathPrefix\" : \"/api\"").contains("\"requestTimeout\" : \"2h\"")
                .contains("\"requestTimeout\" : \"1500ms\"").contains("\"maxBodySize\" : 1024")
                .contains("\"service\" : \"shop-api\"").doesNotContain("\"service\" : \"shop.example.com\"");
    }

    @Test
    void readsARequestTimeoutGivenInSeconds() throws Exception {
        RouteTable table = RouteStateFile.parse("{\"routes\":[{\"host\":\"a\",\"requestTimeout\":600,\"targets\":[]}]}", "r.json");

        assertThat(table.routes().get(0).requestTimeout()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void reportsInvalidOptionalFieldsAtTheirValues() {
        assertThatThrownBy(() -> RouteStateFile.parse(
                "{\"routes\": [{\"host\": \"a\", \"pathPrefix\": \"api\", \"targets\": []}]}", "r.json"))
                .hasMessage("r.json:1:41: Path prefix 'api' must start with '/', e.g. /api");
        assertThatThrownBy(() -> RouteStateFile.parse(
                "{\"routes\": [{\"host\": \"a\", \"requestTimeout\": \"2 days\", \"targets\": []}]}", "r.json"))
                .hasMessageStartingWith("r.json:1:45: '2 days' is not a duration");
        assertThatThrownBy(() -> RouteStateFile.parse(
                "{\"routes\": [{\"host\": \"a\", \"requestTimeout\": \"25h\", \"targets\": []}]}", "r.json"))
                .hasMessage("r.json:1:45: 'requestTimeout' must be more than 0 and at most 24h");
        assertThatThrownBy(() -> RouteStateFile.parse(
                "{\"routes\": [{\"host\": \"a\", \"maxBodySize\": -1, \"targets\": []}]}", "r.json"))
                .hasMessage("r.json:1:42: 'maxBodySize' must be 0 or more bytes");
        assertThatThrownBy(() -> RouteStateFile.parse(
                "{\"routes\": [{\"host\": \"a\", \"pathPrefix\": \"/x\", \"targets\": []},\n"
                        + "{\"host\": \"a\", \"pathPrefix\": \"/x/\", \"targets\": []}]}", "r.json"))
                .hasMessage("r.json:2:10: host 'a' with path prefix '/x' is routed twice; merge its targets into one route");
    }

    @Test
    void readsTheMinimalShapeAndDefaultsTheWeight() throws Exception {
        RouteTable table = RouteStateFile.parse(
                "{\"routes\":[{\"host\":\"Hello.localhost\",\"targets\":[{\"address\":\"127.0.0.1:9001\"}]}]}", "inline");

        assertThat(table.lookup("hello.localhost")).hasValue(
                new Route("hello.localhost", List.of(new Target("127.0.0.1:9001", Target.FULL_WEIGHT))));
    }

    @Test
    void reportsWhereTheJsonIsBroken() {
        assertThatThrownBy(() -> RouteStateFile.parse("{\"routes\": [\n  {\"host\": \"a\",,}\n]}", "routes.json"))
                .isInstanceOfSatisfying(InvalidRouteStateException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(16);
                    assertThat(e.getMessage()).startsWith("routes.json:2:16: invalid JSON: ");
                });
    }

    @Test
    void reportsATruncatedFileWithoutParserNoise() {
        assertThatThrownBy(() -> RouteStateFile.parse("{\"routes\": [", "routes.json"))
                .isInstanceOf(InvalidRouteStateException.class)
                .hasMessage("routes.json:1:13: invalid JSON: Unexpected end-of-input: expected close marker for Array");
    }

    @Test
    void reportsAnUnknownFieldAtItsPlace() {
        assertThatThrownBy(() -> RouteStateFile.parse("{\"routes\": [{\"host\": \"a\", \"tragets\": []}]}", "routes.json"))
                .isInstanceOf(InvalidRouteStateException.class)
                .hasMessage("routes.json:1:27: unknown field 'tragets' in a route; a route has " + RouteStateParser.ROUTE_FIELDS);
    }

    @Test
    void reportsAnInvalidTargetAddressAtItsValue() {
        assertThatThrownBy(() -> RouteStateFile.parse(
                "{\"routes\": [{\"host\": \"a\",\n \"targets\": [{\"address\": \"127.0.0.1\"}]}]}", "routes.json"))
                .isInstanceOf(InvalidRouteStateException.class)
                .hasMessageStartingWith("routes.json:2:26: Target address '127.0.0.1' is invalid");
    }

    @Test
    void reportsAHostRoutedTwice() {
        assertThatThrownBy(() -> RouteStateFile.parse(
                "{\"routes\": [{\"host\": \"a\", \"targets\": []},\n{\"host\": \"A\", \"targets\": []}]}", "routes.json"))
                .isInstanceOf(InvalidRouteStateException.class)
                .hasMessage("routes.json:2:10: host 'a' is routed twice; merge its targets into one route");
    }

    @Test
    void requiresTheRoutesField() {
        assertThatThrownBy(() -> RouteStateFile.parse("{}", "routes.json"))
                .isInstanceOf(InvalidRouteStateException.class)
                .hasMessage("routes.json:1:1: missing 'routes'; write {\"routes\": []} for no routes");
    }

    @Test
    void rejectsANegativeWeight() {
        assertThatThrownBy(() -> RouteStateFile.parse(
                "{\"routes\": [{\"host\": \"a\", \"targets\": [{\"address\": \"127.0.0.1:1\", \"weight\": -5}]}]}", "r.json"))
                .isInstanceOf(InvalidRouteStateException.class)
                .hasMessageContaining("has weight -5");
    }

    @Test
    void readsBackAdmissionSettingsAndLeavesOutTheirDefaults() throws Exception {
        RouteTable table = RouteTable.of(List.of(
                Route.of("hello.localhost", "127.0.0.1:9001").withAdmission(new Admission(100, 200,
                        Duration.ofSeconds(30), true, "Service hello is paused; resume it to serve requests again")),
                Route.of("busy.localhost", "127.0.0.1:9002").withAdmission(Admission.NONE.withConcurrencyLimit(4)),
                Route.of("plain.localhost", "127.0.0.1:9003")));
        Path file = directory.resolve("routes.json");

        RouteStateFile.write(file, table);

        assertThat(RouteStateFile.read(file)).isEqualTo(table);
        String json = Files.readString(file);
        assertThat(json).contains("\"concurrencyLimit\" : 100").contains("\"queueDepth\" : 200")
                .contains("\"queueTimeout\" : \"30s\"").contains("\"holdWhileEmpty\" : true")
                .contains("\"unavailableMessage\" : \"Service hello is paused; resume it to serve requests again\"")
                .contains("\"concurrencyLimit\" : 4");
        assertThat(json.split("\"admission\"", -1)).as("routes without settings have no admission field").hasSize(3);
        assertThat(json).doesNotContain("\"queueDepth\" : 0").doesNotContain("holdWhileEmpty\" : false");
    }

    @Test
    void readsAnAdmissionObjectWithSomeFields() throws Exception {
        RouteTable table = RouteStateFile.parse("{\"routes\":[{\"host\":\"a\",\"targets\":[],"
                + "\"admission\":{\"queueDepth\":5,\"queueTimeout\":90,\"holdWhileEmpty\":true}}]}", "r.json");

        assertThat(table.routes().get(0).admission())
                .isEqualTo(new Admission(null, 5, Duration.ofSeconds(90), true, null));
    }

    @Test
    void reportsInvalidAdmissionFieldsAtTheirValues() {
        assertThatThrownBy(() -> RouteStateFile.parse(
                "{\"routes\": [{\"host\": \"a\", \"admission\": {\"queueDept\": 5}, \"targets\": []}]}", "r.json"))
                .hasMessage("r.json:1:41: unknown field 'queueDept' in 'admission'; it has " + AdmissionJson.FIELDS);
        assertThatThrownBy(() -> RouteStateFile.parse(
                "{\"routes\": [{\"host\": \"a\", \"admission\": {\"concurrencyLimit\": 0}, \"targets\": []}]}", "r.json"))
                .hasMessage("r.json:1:61: 'concurrencyLimit' must be 1 to 2147483647");
        assertThatThrownBy(() -> RouteStateFile.parse(
                "{\"routes\": [{\"host\": \"a\", \"admission\": {\"queueTimeout\": \"2h\"}, \"targets\": []}]}", "r.json"))
                .hasMessage("r.json:1:57: 'queueTimeout' must be more than 0 and at most 1h");
        assertThatThrownBy(() -> RouteStateFile.parse(
                "{\"routes\": [{\"host\": \"a\", \"admission\": {\"holdWhileEmpty\": \"yes\"}, \"targets\": []}]}", "r.json"))
                .hasMessage("r.json:1:59: 'holdWhileEmpty' must be true or false");
        assertThatThrownBy(() -> RouteStateFile.parse(
                "{\"routes\": [{\"host\": \"a\", \"admission\": 3, \"targets\": []}]}", "r.json"))
                .hasMessageStartingWith("r.json:1:40: 'admission' must be an object");
        assertThatThrownBy(() -> RouteStateFile.parse(
                "{\"routes\": [{\"host\": \"a\", \"admission\": {\"queueDepth\": 1, \"queueDepth\": 2}, \"targets\": []}]}",
                "r.json"))
                .hasMessage("r.json:1:58: 'queueDepth' appears twice");
    }
}
