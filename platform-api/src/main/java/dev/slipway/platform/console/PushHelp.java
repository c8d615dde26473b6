package dev.slipway.platform.console;

import dev.slipway.platform.service.Service;

/**
 * What a {@code git-push} service's user types to deploy: add Slipway as a remote, push the branch that deploys.
 * Shown by the fragment {@code console/push-help :: push-help(help)}, which shows nothing for null.
 *
 * @param gitUrl where to push
 * @param branch the branch that deploys
 */
public record PushHelp(String gitUrl, String branch) {

    /** The name the commands give Slipway's remote. */
    public static final String REMOTE = "slipway";

    /** The help for the service whose page's header this is; null when it is not deployed by pushing. */
    public static PushHelp of(ServiceHeader header, Service service) {
        return header.gitUrl() == null ? null : new PushHelp(header.gitUrl(), service.source().branch());
    }

    public String remoteCommand() {
        return "git remote add " + REMOTE + " " + gitUrl;
    }

    public String pushCommand() {
        return "git push " + REMOTE + " " + branch;
    }

    /** For a local branch of another name. */
    public String pushOtherBranchCommand() {
        return "git push " + REMOTE + " HEAD:" + branch;
    }
}
