package io.edxstack.policies.rules.workload;

import io.edxstack.policies.Level;
import io.edxstack.policies.RuleParameters;
import io.edxstack.policies.kube.Container;
import io.edxstack.policies.kube.Workload;
import java.util.List;
import java.util.Optional;

/** A moving tag makes the two regions (and a restart) run different code from the same commit. */
public final class ImagePinnedRule extends ContainerRule {

    @Override
    public String id() {
        return "image-pinned";
    }

    @Override
    public Level defaultLevel() {
        return Level.MANDATORY;
    }

    @Override
    public String summary() {
        return "Every image has an explicit tag other than latest, or a digest";
    }

    @Override
    public boolean guardsSecurity() {
        return true;
    }

    @Override
    List<String> containerFields() {
        return List.of("image");
    }

    @Override
    Optional<String> problem(Workload workload, Container container, RuleParameters parameters) {
        String image = container.image();
        if (image == null || image.isBlank()) {
            return Optional.of("names no image; set the image with a pinned tag");
        }
        ImageReference reference = ImageReference.parse(image);
        if (reference.digest() != null) {
            return Optional.empty();
        }
        if (reference.tag() == null) {
            return Optional.of("image '" + image + "' has no tag; pin a release tag such as :redwood.3 or a digest");
        }
        if (reference.tag().equals("latest")) {
            return Optional.of("image '" + image + "' uses the moving tag 'latest'; pin a release tag or a digest");
        }
        return Optional.empty();
    }
}
