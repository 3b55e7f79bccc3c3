package io.edxstack.program;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import io.edxstack.backup.schedule.BackupSchedule;
import io.edxstack.backup.schedule.BackupScheduleArgs;
import io.edxstack.backup.schedule.BackupStorage;
import io.edxstack.backup.schedule.DatabaseTargets;
import io.edxstack.cluster.ExistingCluster;
import io.edxstack.cluster.KubernetesCluster;
import io.edxstack.cluster.KubernetesPlugin;
import io.edxstack.cluster.MagnumCluster;
import io.edxstack.cluster.MagnumClusterArgs;
import io.edxstack.cluster.ReaderAccess;
import io.edxstack.config.ConfigException;
import io.edxstack.config.PlatformSpec;
import io.edxstack.config.RawConfig;
import io.edxstack.config.StackConfig;
import io.edxstack.config.StackConfig.ExistingClusterConfig;
import io.edxstack.config.StackConfig.MagnumClusterConfig;
import io.edxstack.config.StackInputs;
import io.edxstack.failover.PeerStack;
import io.edxstack.failover.PeerState;
import io.edxstack.failover.PlatformDns;
import io.edxstack.failover.SplitBrainGuard;
import io.edxstack.openstack.OpenStackProvider;
import io.edxstack.openstack.OpenStackProviderArgs;
import io.edxstack.platform.CertManager;
import io.edxstack.platform.Platform;
import io.edxstack.platform.PlatformArgs;
import io.edxstack.render.Renderer;
import io.edxstack.render.StackValidation;
import io.edxstack.storage.CinderStorage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The Pulumi program: validated inputs, then components, then resources. The same {@link #define} runs
 * under the Pulumi engine ({@code pulumi preview/up}) and under the SDK's mock engine ({@code render},
 * the tests), so what a reviewer sees rendered is what the engine is asked to do.
 */
public final class EdxstackProgram {
    private EdxstackProgram() {
    }

    /** Entry point when the Pulumi language host starts the jar. */
    public static void runUnderEngine() {
        Map<String, String> env = System.getenv();
        String stack = env.get("PULUMI_STACK");
        if (stack == null) {
            System.err.println("error: no Pulumi engine here (PULUMI_STACK is unset); run 'pulumi preview' or "
                    + "'pulumi up', or give a command such as 'render --stack prod-primary'");
            System.exit(2);
        }
        String root = env.getOrDefault("PULUMI_ROOT_DIRECTORY", "");
        Path projectDir = Path.of(root.isEmpty() ? "." : root);
        try {
            launch(projectDir, stack, RawConfig.fromEngineEnvironment(stack, env), Pulumi::run);
        } catch (ConfigException | PolicyViolationException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Validates the stack's inputs, then runs the program once under the SDK's engine mocks and enforces the
     * mandatory policies on what it would register, and only then hands the program to an engine (the real
     * one, or the SDK's mocks in tests): a config error or a mandatory violation registers nothing at all.
     */
    public static void launch(Path projectDir, String stack, RawConfig raw, Consumer<Consumer<Context>> engine) {
        StackInputs inputs = StackValidation.load(projectDir, stack, raw);
        var advisories = StackValidation.enforcePolicies(projectDir, inputs,
                Renderer.record(projectDir, inputs, raw, Renderer.PeerRoles.NOT_CONSULTED));
        engine.accept(ctx -> {
            advisories.forEach(v -> ctx.log().warn("advisory policy " + v.ruleId() + ": " + v.name() + ": " + v.message()));
            define(ctx, inputs);
        });
    }

    /** Registers the stack's resources from already validated inputs, reading the peer stack's role first. */
    public static void define(Context ctx, StackInputs inputs) {
        define(ctx, inputs, PeerStack::read);
    }

    /** Registers the stack's resources; {@code peer} says what is known of the peer stack's role. */
    public static void define(Context ctx, StackInputs inputs, Function<StackConfig, PeerState> peer) {
        StackConfig config = inputs.config();
        String stack = config.stackName();
        // Decided before any resource: a refused split brain registers nothing.
        SplitBrainGuard.check(config, peer.apply(config)).ifPresent(warning -> ctx.log().warn(warning));
        Optional<OpenStackProvider> openstack = config.cluster() instanceof MagnumClusterConfig
                ? Optional.of(openStackProvider(config)) : Optional.empty();
        var onOpenStack = ComponentResourceOptions.builder().providers(openstack.stream().map(p -> (ProviderResource) p).toList()).build();
        KubernetesCluster cluster = config.cluster() instanceof MagnumClusterConfig magnum
                ? new MagnumCluster(magnum.name(), new MagnumClusterArgs(magnum,
                        List.copyOf(inputs.catalogue().templates().values()), config.region()), onOpenStack)
                : new ExistingCluster(stack + "-cluster", stack, (ExistingClusterConfig) config.cluster(), null);
        var onCluster = ComponentResourceOptions.builder().providers(cluster.provider())
                .resourceTransformations(KubernetesPlugin.PIN).build();
        var storage = new CinderStorage(stack + "-storage", config.storage(), onCluster);
        var backupStorage = new BackupStorage(stack + "-backup", config.backup(), config.region(), onOpenStack);
        var certManager = new CertManager(stack + "-cert-manager", config, onCluster);
        // The drift job's identity: reads everything the stack manages, changes nothing.
        new ReaderAccess(stack + "-reader", config.workloads().certManager().install()
                ? Optional.of(CertManager.NAMESPACE) : Optional.empty(),
                ComponentResourceOptions.builder().providers(cluster.provider()).dependsOn(certManager)
                        .resourceTransformations(KubernetesPlugin.PIN).build());
        // Every platform's Open edX configuration is being rendered by the pinned Tutor since StackValidation.load
        // handed it the platforms (one Python process, cache misses only); each Platform waits for its own.
        List<Platform> platforms = new ArrayList<>();
        for (PlatformSpec spec : inputs.platforms()) {
            // Each platform's data services wait for the retain class, its Certificate for the issuer.
            var platform = new Platform(spec.name(), new PlatformArgs(spec, config, Optional.of(certManager.issuer()),
                    Optional.of(storage.retainClass())), onCluster);
            new BackupSchedule(spec.name() + "-backups", new BackupScheduleArgs(spec, config, platform.namespace(),
                    DatabaseTargets.of(spec), backupStorage, platform.secretsWritten()),
                    ComponentResourceOptions.builder().parent(platform).build());
            platforms.add(platform);
        }
        config.failover().dns().filter(dns -> config.isActive()).ifPresent(dns ->
                new PlatformDns(stack + "-dns", dns, config.region(), inputs.platforms(), onOpenStack));
        StackOutputs.export(ctx, config, cluster, storage, inputs.platforms(), platforms);
    }

    private static OpenStackProvider openStackProvider(StackConfig config) {
        var openstackArgs = OpenStackProviderArgs.builder().region(config.region());
        config.openstackCloud().ifPresent(openstackArgs::cloud);
        return new OpenStackProvider(config.stackName() + "-openstack", openstackArgs.build(),
                CustomResourceOptions.builder().build());
    }
}
