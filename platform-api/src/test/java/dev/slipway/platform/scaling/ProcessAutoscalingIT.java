package dev.slipway.platform.scaling;

/** Autoscaling with apps run as local processes, each instance on its own port. */
class ProcessAutoscalingIT extends AutoscalingScenario {

    @Override
    String runtime() {
        return "process";
    }
}
