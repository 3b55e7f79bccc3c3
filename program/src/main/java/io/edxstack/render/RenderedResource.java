package io.edxstack.render;

import io.edxstack.state.ResourceState;

import java.util.List;

/**
 * A registered resource with the options that do not show in its inputs but matter to a reviewer.
 *
 * @param state                   the resource as policies and diffs see it
 * @param custom                  false for component resources
 * @param version                 the provider plugin version the engine will load
 * @param additionalSecretOutputs outputs the engine must keep encrypted
 * @param dependsOn               explicit dependencies (URNs)
 */
public record RenderedResource(ResourceState state, boolean custom, String version,
                               List<String> additionalSecretOutputs, List<String> dependsOn) {
    public RenderedResource {
        additionalSecretOutputs = List.copyOf(additionalSecretOutputs);
        dependsOn = List.copyOf(dependsOn);
    }
}
