package dev.slipway.platform.service;

import dev.slipway.platform.system.InvalidRequestException;

import java.util.regex.Pattern;

/** Service names become host names ({@code <name>.<apps domain>}), so they follow DNS label rules. */
public final class ServiceName {

    public static final String RULE = "a service name has 2 to 40 characters: lower-case letters, digits "
            + "and hyphens, starting with a letter and not ending with a hyphen";
    private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9-]{0,38}[a-z0-9]");
    /** The console's page that creates services lives at {@code /services/new}, where this service's page would. */
    static final String RESERVED = "new";

    private ServiceName() {
    }

    /** @throws InvalidServiceNameException naming the rule, when {@code name} breaks it */
    public static String requireValid(String name) {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new InvalidServiceNameException(name);
        }
        if (name.equals(RESERVED)) {
            throw new InvalidRequestException("name", "'" + RESERVED + "' is reserved (the console creates services at "
                    + "/services/new); choose another service name");
        }
        return name;
    }

    /** A name that breaks the rule. */
    public static class InvalidServiceNameException extends InvalidRequestException {

        InvalidServiceNameException(String name) {
            super("name", "'" + (name == null ? "" : name) + "' is not a valid service name: " + RULE);
        }
    }
}
