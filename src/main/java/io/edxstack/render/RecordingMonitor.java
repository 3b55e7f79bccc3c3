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

    RecordingMonitor(Mocks mocks, com.pulumi.Log log) {
        super(mocks, log);
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource, RegisterResourceRequest request) {
        var deployment = Deployment.getInstance();
        String parent = request.getParent().isEmpty() ? null : request.getParent();
        String urn = Urn.create(deployment.getStackName(), deployment.getProjectName(),
                Optional.ofNullable(parent), request.getType(), request.getName());
        var state = new ResourceState(urn, request.getType(), request.getName(), parent,
                request.getProvider().isEmpty() ? null : request.getProvider(),
                request.getProtect(), StructValues.toMap(request.getObject()));
        recorded.add(new RenderedResource(state, request.getCustom(), request.getVersion(),
                request.getAdditionalSecretOutputsList(), request.getDependenciesList()));
        return super.registerResourceAsync(resource, request);
    }

    List<RenderedResource> recorded() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }
}
