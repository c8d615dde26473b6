package dev.slipway.platform.instance;

/** Control plane and router crashes with apps run as local processes. */
class ProcessControlPlaneRestartIT extends ControlPlaneRestartScenario {

    @Override
    String runtime() {
        return "process";
    }
}
