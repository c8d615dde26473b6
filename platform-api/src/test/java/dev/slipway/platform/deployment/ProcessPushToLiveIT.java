package dev.slipway.platform.deployment;

/** The push-to-live path with apps run as local processes (no Docker needed). */
class ProcessPushToLiveIT extends PushToLiveScenario {

    @Override
    String runtime() {
        return "process";
    }
}
