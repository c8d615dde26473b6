package dev.slipway.platform.instance;

/** Instance supervision with apps run as local processes. */
class ProcessInstanceSupervisionIT extends InstanceSupervisionScenario {

    @Override
    String runtime() {
        return "process";
    }

    @Override
    void killFromOutside(String processGroup) throws Exception {
        new ProcessBuilder("kill", "-KILL", "--", "-" + processGroup).inheritIO().start().waitFor();
    }
}
