package dev.slipway.platform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScaleTableTest {

    @Test
    void printsOneMarkdownLinePerRowAndADashWhereThereIsNoTarget() {
        var table = new ScaleTable();
        table.add("process", "cold start p50", ScaleTable.seconds(0.314), "< 0.5 s", "Knative ~1–2 s", true);
        table.report("process", "latency p99 before", ScaleTable.seconds(Double.NaN), "—");

        assertThat(table.format()).isEqualTo("""
                | runtime | measure | value | target | reference | met |
                |---|---|---:|---|---|---|
                | process | cold start p50 | 0.31 s | < 0.5 s | Knative ~1–2 s | yes |
                | process | latency p99 before | n/a | — | — | — |
                """);
        assertThat(table.allMet()).isTrue();
    }

    @Test
    void oneMissedTargetIsMissedForTheWholeTable() {
        var table = new ScaleTable();
        table.add("docker", "cold start p50", ScaleTable.seconds(1.2), "< 1.0 s", "—", false);
        table.report("docker", "cold start p95", ScaleTable.seconds(1.5), "—");

        assertThat(table.allMet()).isFalse();
        assertThat(table.format()).contains("| docker | cold start p50 | 1.20 s | < 1.0 s | — | NO |");
    }
}
