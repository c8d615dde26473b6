package dev.slipway.platform.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class DeploymentLogTest {

    @TempDir
    Path directory;

    @Test
    void outputBeyondTheSizeLimitIsDroppedAfterOneLineSayingSoWhileSlipwaysOwnLinesAreKept() throws Exception {
        var file = directory.resolve("d1.jsonl");
        var json = JsonMapper.builder().build();
        var followed = new CopyOnWriteArrayList<LogLine>();
        try (var log = new DeploymentLog(file, json, 2_000)) {
            log.follow(followed::add, () -> { }, List::of);
            for (int i = 0; i < 1_000; i++) {
                log.write("build", "stdout", "line " + i + " " + "x".repeat(40));
            }
            log.write("deployment", DeploymentLog.SYSTEM, "Deployment 1 succeeded");
        }

        var stored = Files.readAllLines(file).stream().map(l -> json.readValue(l, LogLine.class)).toList();
        assertThat(Files.size(file)).as("bytes on disk").isLessThan(4_000);
        assertThat(stored).filteredOn(l -> l.text().startsWith("further output is not kept")).singleElement()
                .satisfies(l -> assertThat(l.text()).contains("reached 2.0 KiB (SLIPWAY_DEPLOYMENT_LOG_SIZE)"));
        assertThat(stored.get(stored.size() - 1).text()).isEqualTo("Deployment 1 succeeded");
        assertThat(stored).extracting(LogLine::seq).as("numbered without gaps").isSorted().doesNotHaveDuplicates();
        assertThat(followed).extracting(LogLine::text).as("followers get what is stored, no more")
                .containsExactlyElementsOf(stored.stream().map(LogLine::text).toList());
    }
}
