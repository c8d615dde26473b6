package dev.slipway.config;

import static dev.slipway.config.ParserProblemsTest.problems;
import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.config.project.ProjectDetector;
import dev.slipway.config.project.ProjectFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Binary content and bytes that are not UTF-8 are errors at the first such character. */
class BinaryContentTest {

    private static final String MINIMAL = AppRunnerYamlParserTest.minimal();
    private static final String NOT_ALLOWED = "is not allowed; remove it, an apprunner.yaml is plain UTF-8 text";

    @TempDir
    Path dir;

    @Test
    void locatesTheFirstNulByte() {
        assertThat(problems(MINIMAL + "  env:\n    - name: A\n      value: ab\0c\0\n")).containsExactly(
                "apprunner.yaml:11:16: error: invalid YAML: character U+0000 (a NUL byte, as in binary files) "
                        + NOT_ALLOWED);
    }

    @Test
    void locatesControlCharactersNoncharactersAndHalfSurrogates() {
        assertThat(problems(MINIMAL + "x: \u001b[31m\n")).containsExactly("apprunner.yaml:9:4: error: invalid YAML: "
                + "character U+001B (a control character) " + NOT_ALLOWED);
        assertThat(problems("# \u00e9t\u00e9 \ud83d\ude00\n\u0085\u007f")).containsExactly("apprunner.yaml:3:1: "
                + "error: invalid YAML: character U+007F (a control character) " + NOT_ALLOWED);
        assertThat(problems(MINIMAL + "x: [a, \uffff]\n")).containsExactly("apprunner.yaml:9:8: error: invalid "
                + "YAML: character U+FFFF (a noncharacter) " + NOT_ALLOWED);
        // A JSON body of the validate endpoint can carry half a surrogate pair.
        assertThat(problems(MINIMAL + "x: \ud800\n")).containsExactly("apprunner.yaml:9:4: error: invalid YAML: "
                + "character U+D800 (half of a surrogate pair) " + NOT_ALLOWED);
    }

    @Test
    void locatesBytesThatAreNotUtf8InAProjectFile() throws IOException {
        var bytes = new ByteArrayOutputStream();
        bytes.writeBytes((MINIMAL + "  env:\n    - name: \u00c9T\u00c9\n      value: caf").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {(byte) 0xE9, '\n'}); // é in Latin-1: a lead byte without its continuation
        Files.write(dir.resolve("apprunner.yaml"), bytes.toByteArray());

        var found = ProjectDetector.detect(ProjectFiles.of(dir), "").problems();

        assertThat(found).map(ConfigProblem::format).containsExactly("apprunner.yaml:11:17: error: the file is not "
                + "UTF-8 text here: bytes that are not UTF-8 were read as U+FFFD; save the file as UTF-8");
    }

    @Test
    void countsLinesAndColumnsAsTheYamlParserDoes() {
        // CR LF, a lone CR, NEL, LINE SEPARATOR and a byte order mark, then an undefined alias there.
        var before = "\ufeffa: b\r\nc: d\re: f\u0085g: h\u2028\ud83d\ude00\u00e9: ";
        var syntaxError = problems(before + "*nope\n");
        var badCharacter = problems(before + "\0\n");

        assertThat(syntaxError).singleElement().asString().startsWith("apprunner.yaml:5:5: error: invalid YAML: "
                + "found undefined alias nope");
        assertThat(badCharacter).singleElement().asString().startsWith("apprunner.yaml:5:5: error: invalid YAML: "
                + "character U+0000");
    }
}
