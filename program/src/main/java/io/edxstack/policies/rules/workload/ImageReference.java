package io.edxstack.policies.rules.workload;

/**
 * The parts of a container image reference that the image rules judge.
 *
 * @param text   the reference as written
 * @param tag    the tag, or null when there is none
 * @param digest the digest ({@code sha256:...}), or null
 */
record ImageReference(String text, String tag, String digest) {

    static ImageReference parse(String text) {
        String rest = text;
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        // A colon before the last slash belongs to the registry's port (localhost:5000/...), not a tag.
        int colon = rest.lastIndexOf(':');
        String tag = colon > rest.lastIndexOf('/') ? rest.substring(colon + 1) : null;
        return new ImageReference(text, tag == null || tag.isEmpty() ? null : tag, digest);
    }
}
