package io.edxstack.testing;

import io.edxstack.render.DesiredState;
import io.edxstack.render.Renderer;

/** Renders of this repository's two stacks, made on first use and shared by the tests that only read them. */
public final class RepositoryRender {
    private DesiredState primary;
    private DesiredState dr;

    RepositoryRender() {
    }

    public synchronized DesiredState primary() {
        if (primary == null) {
            primary = Renderer.render(TestProject.REPOSITORY, "prod-primary");
        }
        return primary;
    }

    public synchronized DesiredState dr() {
        if (dr == null) {
            dr = Renderer.render(TestProject.REPOSITORY, "prod-dr");
        }
        return dr;
    }
}
