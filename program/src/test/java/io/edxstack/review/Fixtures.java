package io.edxstack.review;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Paths of the hand-made preview, render and diff fixtures. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path preview(String name) {
        return resource("preview/" + name + ".json");
    }

    public static Path render(String name) {
        return resource("render/" + name + ".json");
    }

    /** A repository checkout: stack files and catalogue, as the review reads them. */
    public static Path repository() {
        return resource("render/repository/Pulumi.prod-primary.yaml").getParent();
    }

    private static Path resource(String name) {
        try {
            return Path.of(Fixtures.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException | NullPointerException missing) {
            throw new IllegalStateException("test resource " + name + " is missing", missing);
        }
    }
}
