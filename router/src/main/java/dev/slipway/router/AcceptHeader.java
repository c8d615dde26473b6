package dev.slipway.router;

import java.util.Locale;

/** Reads an Accept header just far enough to tell whether a client prefers an HTML page to JSON. */
final class AcceptHeader {

    private AcceptHeader() {
    }

    /**
     * True when {@code accept} ranks {@code text/html} strictly above {@code application/problem+json} and
     * {@code application/json}, as browsers do. Each media type takes the quality of the most specific range
     * that matches it; a missing header prefers neither, so JSON wins.
     */
    static boolean prefersHtml(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        double html = quality(accept, "text", "html");
        double json = Math.max(quality(accept, "application", "problem+json"), quality(accept, "application", "json"));
        return html > json;
    }

    private static double quality(String accept, String type, String subtype) {
        int bestSpecificity = -1;
        double bestQuality = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String mediaRange = parts[0].strip().toLowerCase(Locale.ROOT);
            int specificity = specificity(mediaRange, type, subtype);
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                bestQuality = qualityParameter(parts);
            }
        }
        return bestSpecificity < 0 ? 0 : bestQuality;
    }

    /** 2 for an exact match, 1 for {@code type/*}, 0 for {@code * /*}, -1 for no match. */
    private static int specificity(String mediaRange, String type, String subtype) {
        if (mediaRange.equals("*/*") || mediaRange.equals("*")) {
            return 0;
        }
        if (mediaRange.equals(type + "/*")) {
            return 1;
        }
        return mediaRange.equals(type + "/" + subtype) ? 2 : -1;
    }

    private static double qualityParameter(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.length() > 2 && (parameter.charAt(0) == 'q' || parameter.charAt(0) == 'Q')
                    && parameter.charAt(1) == '=') {
                try {
                    return Double.parseDouble(parameter.substring(2).strip());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
