package dev.slipway.platform.gitpush;

import dev.slipway.platform.deployment.Deployment;
import dev.slipway.platform.deployment.DeploymentListener;
import dev.slipway.platform.deployment.DeploymentPhase;
import org.eclipse.jgit.transport.ReceivePack;

/**
 * Streams a deployment into the output of {@code git push}, where git shows each line as
 * {@code remote: …}. Lines are flushed as they come, so the user watches the build live.
 */
final class PushOutput implements DeploymentListener {

    private static final String STEP = "-----> ";
    private static final String DETAIL = "       ";

    private final ReceivePack pack;

    PushOutput(ReceivePack pack) {
        this.pack = pack;
    }

    /** A headline: a step of the deployment. */
    synchronized void step(String message) {
        send(STEP + message);
    }

    /** A detail under the current step. */
    synchronized void detail(String message) {
        send(DETAIL + message);
    }

    @Override
    public void phase(Deployment deployment, DeploymentPhase phase) {
        step(capitalised(phase.words()));
    }

    @Override
    public void output(String phase, String line) {
        detail(line);
    }

    @Override
    public void note(String message) {
        detail(message);
    }

    private void send(String line) {
        for (var part : line.split("\r?\n", -1)) {
            pack.sendMessage(part);
        }
        try {
            pack.getMessageOutputStream().flush();
        } catch (java.io.IOException e) {
            // The client went away; the deployment goes on and its outcome is in the API.
        }
    }

    private static String capitalised(String words) {
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
