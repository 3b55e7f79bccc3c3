package io.edxstack.render;

import com.pulumi.core.internal.Urn;
import com.pulumi.deployment.Deployment;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import io.edxstack.state.ResourceState;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The SDK's mock monitor, recording each registration request as the engine would receive it: inputs on
 * the wire, parent, provider reference, protection and plugin version (which the {@link Mocks} never see).
 */
final class RecordingMonitor extends MockMonitor {
    private final List<RenderedResource> recorded = Collections.synchronizedList(new ArrayList<>());
    private final RenderProgress progress;
    private final int platformsTotal;
    private int platformsStarted;

    RecordingMonitor(Mocks mocks, com.pulumi.Log log, RenderProgress progress, int platformsTotal) {
        super(mocks, log);
        this.progress = progress;
        this.platformsTotal = platformsTotal;
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource, RegisterResourceRequest request) {
        var deployment = Deployment.getInstance();
        String parent = request.getParent().isEmpty() ? null : request.getParent();
        String urn = Urn.create(deployment.getStackName(), deployment.getProjectName(),
                Optional.ofNullable(parent), request.getType(), request.getName());
        var state = new ResourceState(engineForm(urn), request.getType(), request.getName(), engineForm(parent),
                request.getProvider().isEmpty() ? null : engineForm(request.getProvider()),
                request.getProtect(), StructValues.toMap(request.getObject()));
        recorded.add(new RenderedResource(state, request.getCustom(), request.getVersion(),
                request.getAdditionalSecretOutputsList(),
                request.getDependenciesList().stream().map(RecordingMonitor::engineForm).sorted().toList()));
        report(request);
        return super.registerResourceAsync(resource, request);
    }

    private synchronized void report(RegisterResourceRequest request) {
        boolean platform = request.getType().equals(io.edxstack.platform.Platform.TYPE);
        if (platform) {
            platformsStarted++;
        }
        progress.registered(platformsStarted, platformsTotal, platform ? request.getName() : null, recorded.size());
    }

    /**
     * The mock engine puts the root stack's type into its children's URNs; the real engine leaves it out.
     * Rendered URNs take the real form, so they match {@code pulumi preview} and the stack's state.
     */
    static String engineForm(String urn) {
        return urn == null ? null : urn.replace("::" + ROOT_STACK_TYPE + "$", "::");
    }

    private static final String ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

    List<RenderedResource> recorded() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }
}
