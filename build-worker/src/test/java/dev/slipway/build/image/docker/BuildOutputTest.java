package dev.slipway.build.image.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.build.RecordingLog;
import dev.slipway.build.RecordingLog.Line;
import dev.slipway.build.image.BuildLog;
import dev.slipway.build.image.BuildPhase;
import dev.slipway.build.image.SecretMask;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildOutputTest {

    private static final List<BuildStep> STEPS = List.of(
            BuildStep.of(BuildPhase.BASE),
            BuildStep.running(BuildPhase.PRE_BUILD, "./prepare"),
            BuildStep.running(BuildPhase.BUILD, "make"),
            BuildStep.of(BuildPhase.IMAGE));
    private static final StepResolver RESOLVER = (number, instruction) -> STEPS.get(number - 1);

    private final RecordingLog log = new RecordingLog();
    private final BuildOutput output = new BuildOutput(RESOLVER, log, SecretMask.NONE, 3);

    @Test
    void passesOnLinesOnlyOnceTheirEndArrives() {
        output.accept("Step 1/4 : FROM base");
        output.accept("\n");
        output.accept(" ---> 5481ac8234f3\nhel");
        assertThat(log.texts()).containsExactly("Step 1/4 : FROM base", " ---> 5481ac8234f3");

        output.accept("lo\r\nwor");
        output.accept("ld");
        output.finish();

        assertThat(log.texts()).containsExactly("Step 1/4 : FROM base", " ---> 5481ac8234f3", "hello", "world");
    }

    @Test
    void eachStepLineSwitchesToItsPhase() {
        output.accept("Step 1/4 : FROM base\n ---> abc\n");
        output.accept("Step 2/4 : RUN [\"sh\", \"-c\", \"./prepare\"]\npreparing\n");
        output.accept("Step 3/4 : RUN [\"sh\", \"-c\", \"make\"]\ncompiling\n");
        output.accept("Step 4/4 : CMD [\"sh\", \"-c\", \"./serve\"]\nSuccessfully built 0123456789ab\n");

        assertThat(log.lines()).contains(
                new Line("base", " ---> abc"),
                new Line("pre-build", "Step 2/4 : RUN [\"sh\", \"-c\", \"./prepare\"]"),
                new Line("pre-build", "preparing"),
                new Line("build", "compiling"),
                new Line("image", "Successfully built 0123456789ab"));
        assertThat(output.step().command()).isEmpty();
    }

    @Test
    void keepsTheLastLinesOfTheRunningCommandWithoutBuilderLines() {
        output.accept("Step 2/4 : RUN [\"sh\", \"-c\", \"./prepare\"]\nnot this step\n");
        output.accept("Step 3/4 : RUN [\"sh\", \"-c\", \"make\"]\n ---> Running in 33f642ab26cf\n");
        output.accept("one\ntwo\nthree\nfour\nRemoving intermediate container 33f642ab26cf\n");

        assertThat(output.step().command()).contains("make");
        assertThat(output.instruction()).isEqualTo("RUN [\"sh\", \"-c\", \"make\"]");
        assertThat(output.recentLines()).containsExactly("two", "three", "four");
    }

    @Test
    void stripsTerminalColoursThatMarkStandardError() {
        output.accept("Step 3/4 : RUN make\n");
        output.accept("\u001b[91mmake: *** No rule\n\u001b[0m");
        output.accept("next\n");
        output.finish();

        assertThat(log.texts()).containsExactly("Step 3/4 : RUN make", "make: *** No rule", "next");
    }

    @Test
    void commandOutputIsStdoutAndTheBuildersOwnLinesAreSystem() {
        output.accept("Step 3/4 : RUN [\"sh\", \"-c\", \"make\"]\n ---> Running in 33f642ab26cf\ncompiling\n");
        output.accept("Step 4/4 : CMD [\"./serve\"]\n ---> 0123456789ab\n");

        assertThat(log.lines(BuildLog.Stream.STDOUT)).containsExactly(new Line("build", "compiling"));
        assertThat(log.lines(BuildLog.Stream.SYSTEM)).extracting(Line::text).containsExactly(
                "Step 3/4 : RUN [\"sh\", \"-c\", \"make\"]", " ---> Running in 33f642ab26cf",
                "Step 4/4 : CMD [\"./serve\"]", " ---> 0123456789ab");
    }

    @Test
    void aConstantResolverPutsEveryStepInOnePhase() {
        var assembly = new BuildOutput(StepResolver.constant(BuildPhase.IMAGE), log, SecretMask.NONE, 3);

        assembly.accept("Step 1/2 : FROM sha256:abc\nStep 2/2 : LABEL a=\"b\"\n");

        assertThat(log.lines()).extracting(Line::phase).containsOnly("image");
    }

    @Test
    void stepsOfAUserDockerfileAreClassifiedByInstruction() {
        var user = new BuildOutput(StepResolver.forUserDockerfile(), log, SecretMask.NONE, 3);

        user.accept("Step 1/3 : FROM python:3.11\nStep 2/3 : RUN pip install -r requirements.txt\n");
        assertThat(user.step()).isEqualTo(BuildStep.running(BuildPhase.BUILD, "pip install -r requirements.txt"));
        user.accept("Step 3/3 : EXPOSE 9000\n");

        assertThat(log.lines()).extracting(Line::phase).containsExactly("base", "build", "image");
    }

    @Test
    void secretsAreMaskedInTheLogAndInTheLinesKeptForAFailureMessage() {
        var user = new BuildOutput(StepResolver.forUserDockerfile(), log, new SecretMask(List.of("s3cr3t-pass")), 3);

        user.accept("Step 1/2 : FROM python:3.11\nStep 2/2 : RUN pip install x\n");
        user.accept("ProxyError: http://alice:s3cr3t-pass@proxy:3128 refused the connection\n");

        assertThat(log.lines(BuildLog.Stream.STDOUT)).extracting(Line::text)
                .containsExactly("ProxyError: http://alice:****@proxy:3128 refused the connection");
        assertThat(user.recentLines()).containsExactly("ProxyError: http://alice:****@proxy:3128 refused the connection");
    }

    @Test
    void readsTheExitCodeFromTheDaemonsError() {
        assertThat(ContextBuild.exitCode("The command 'sh -c make' returned a non-zero code: 2")).contains(2);
        assertThat(ContextBuild.exitCode("COPY failed: file not found")).isEmpty();
    }
}
