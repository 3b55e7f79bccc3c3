package io.edxstack.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.protobuf.Empty;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.deployment.internal.InlineDeploymentSettings;
import com.pulumi.internal.PulumiInternal;
import com.pulumi.resources.StackOptions;
import com.sun.management.OperatingSystemMXBean;
import io.edxstack.config.ConfigException;
import io.edxstack.config.RawConfig;
import io.edxstack.program.EdxstackProgram;
import io.edxstack.program.PolicyViolationException;
import io.edxstack.program.SdkExecutor;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.stub.StreamObserver;
import pulumirpc.CallbackOuterClass.Callback;
import pulumirpc.CallbackOuterClass.CallbackInvokeRequest;
import pulumirpc.CallbackOuterClass.CallbackInvokeResponse;
import pulumirpc.CallbacksGrpc;
import pulumirpc.Language.GetRequiredPackagesRequest;
import pulumirpc.Language.GetRequiredPackagesResponse;
import pulumirpc.Language.RunRequest;
import pulumirpc.Language.RunResponse;
import pulumirpc.LanguageRuntimeGrpc;
import pulumirpc.Plugin.PluginInfo;
import pulumirpc.Resource.TransformRequest;
import pulumirpc.Resource.TransformResponse;
import pulumirpc.ResourceMonitorGrpc;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The language host the Pulumi CLI talks to ({@code pulumi preview --client=ADDRESS}): it runs the program in this
 * JVM the way the jar runs it under {@code pulumi-language-java}: config from the engine, then
 * {@link EdxstackProgram#launch} (validation and policy gate before a single resource), then the SDK's engine
 * connection. It is the Java Automation API's inline host (com.pulumi:pulumi 1.36.1) plus one engine-side stack
 * transform: every Kubernetes object gets the provider's {@code pulumi.com/skipAwait} annotation, because no
 * controller, scheduler or kubelet runs here, so Deployments, StatefulSets, Jobs and Services would never
 * become ready. The program itself is unchanged; the annotation shows in the previews' inputs.
 *
 * <p>The engine benchmark runs it in a JVM of its own per CLI command ({@link #main}), as {@code pulumi-language-java}
 * starts the jar per command, and reads from its standard output when the run started, when the policy gate let it
 * through and when it ended, with this JVM's CPU time at each point, and the calls and time of the transform.
 */
public final class ProgramHost implements AutoCloseable {
    static final String SKIP_AWAIT = "pulumi.com/skipAwait";
    private static final String TRANSFORM_TOKEN = "skip-await";

    private final Path projectDir;
    private final Server server;
    private final Timeline timeline = new Timeline();

    private ProgramHost(Path projectDir) {
        this.projectDir = projectDir;
        try {
            this.server = ServerBuilder.forPort(0).maxInboundMessageSize(400 * 1024 * 1024)
                    .addService(new Runtime()).addService(new SkipAwait()).build().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ProgramHost start(Path projectDir) {
        return new ProgramHost(projectDir);
    }

    /**
     * {@code ProgramHost PROJECT_DIR}: serves one CLI command, in a JVM started like the jar (the SDK's executor pinned
     * first). Prints {@code address ADDRESS} once listening, then {@link Timeline} events; exits when stdin closes.
     */
    public static void main(String[] args) throws IOException {
        SdkExecutor.pinBeforeFirstUse();
        try (ProgramHost host = start(Path.of(args[0]))) {
            host.timeline.out = System.out;
            System.out.println("address " + host.address());
            System.out.flush();
            System.in.transferTo(OutputStream.nullOutputStream());
        }
        // The SDK may leave threads behind; the command is over.
        System.exit(0);
    }

    /** The {@code --client} address of the CLI's preview and up. */
    public String address() {
        return "127.0.0.1:" + server.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }

    private final class Runtime extends LanguageRuntimeGrpc.LanguageRuntimeImplBase {
        @Override
        public void getRequiredPackages(GetRequiredPackagesRequest request, StreamObserver<GetRequiredPackagesResponse> response) {
            response.onNext(GetRequiredPackagesResponse.getDefaultInstance());
            response.onCompleted();
        }

        @Override
        public void getPluginInfo(Empty request, StreamObserver<PluginInfo> response) {
            response.onNext(PluginInfo.newBuilder().setVersion("1.36.1").build());
            response.onCompleted();
        }

        @Override
        public void run(RunRequest request, StreamObserver<RunResponse> response) {
            RunResponse result;
            timeline.event("run-start");
            try {
                RawConfig raw = RawConfig.fromEngineEnvironment(request.getStack(), engineEnvironment(request));
                int[] exitCode = {0};
                EdxstackProgram.launch(projectDir, request.getStack(), raw, program -> {
                    timeline.event("gate-done");
                    registerSkipAwait(request.getMonitorAddress());
                    var settings = InlineDeploymentSettings.builder()
                            .engineAddr(request.getArgsCount() > 0 ? request.getArgs(0) : "")
                            .monitorAddr(request.getMonitorAddress())
                            .config(ImmutableMap.copyOf(request.getConfigMap()))
                            .configSecretKeys(ImmutableSet.copyOf(request.getConfigSecretKeysList()))
                            .organization(request.getOrganization())
                            .project(request.getProject())
                            .stack(request.getStack())
                            .isDryRun(request.getDryRun())
                            .build();
                    exitCode[0] = PulumiInternal.fromInline(settings, StackOptions.Empty).runAsync(program).join();
                });
                // A non-zero exit means the SDK has already reported the error to the engine.
                result = exitCode[0] == 0 ? RunResponse.getDefaultInstance() : RunResponse.newBuilder().setBail(true).build();
            } catch (ConfigException | PolicyViolationException e) {
                // What the jar prints before exiting 1 under pulumi-language-java.
                result = RunResponse.newBuilder().setError("error: " + e.getMessage()).build();
            } catch (RuntimeException e) {
                result = RunResponse.newBuilder().setError("program failed: " + e).build();
            }
            timeline.event("run-end");
            timeline.transforms();
            response.onNext(result);
            response.onCompleted();
        }
    }

    /**
     * What the benchmark reads: {@code EVENT EPOCH_MICROS CPU_NANOS} per event, then
     * {@code transform CALLS NANOS} (the engine-side transform's handling time in this JVM).
     */
    private static final class Timeline {
        private final AtomicLong transformCalls = new AtomicLong();
        private final AtomicLong transformNanos = new AtomicLong();
        private volatile PrintStream out;

        void event(String name) {
            if (out != null) {
                var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
                Instant now = Instant.now();
                out.println(name + " " + (now.getEpochSecond() * 1_000_000 + now.getNano() / 1000) + " " + os.getProcessCpuTime());
                out.flush();
            }
        }

        void transforms() {
            if (out != null) {
                out.println("transform " + transformCalls.get() + " " + transformNanos.get());
                out.flush();
            }
        }
    }

    /** PULUMI_CONFIG and PULUMI_CONFIG_SECRET_KEYS as pulumi-language-java sets them from the same request. */
    private static Map<String, String> engineEnvironment(RunRequest request) {
        ObjectMapper json = new ObjectMapper();
        try {
            return Map.of("PULUMI_CONFIG", json.writeValueAsString(request.getConfigMap()),
                    "PULUMI_CONFIG_SECRET_KEYS", json.writeValueAsString(request.getConfigSecretKeysList()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void registerSkipAwait(String monitorAddress) {
        ManagedChannel channel = ManagedChannelBuilder.forTarget(monitorAddress).usePlaintext().build();
        try {
            ResourceMonitorGrpc.newBlockingStub(channel).registerStackTransform(
                    Callback.newBuilder().setTarget(address()).setToken(TRANSFORM_TOKEN).build());
        } finally {
            channel.shutdownNow();
            try {
                channel.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private final class SkipAwait extends CallbacksGrpc.CallbacksImplBase {
        @Override
        public void invoke(CallbackInvokeRequest request, StreamObserver<CallbackInvokeResponse> response) {
            long start = System.nanoTime();
            try {
                TransformRequest transform = TransformRequest.parseFrom(request.getRequest());
                Struct properties = transform.getType().startsWith("kubernetes:") && transform.getCustom()
                        ? withSkipAwait(transform.getProperties()) : transform.getProperties();
                TransformResponse result = TransformResponse.newBuilder().setProperties(properties)
                        .setOptions(transform.getOptions()).build();
                response.onNext(CallbackInvokeResponse.newBuilder().setResponse(result.toByteString()).build());
                response.onCompleted();
            } catch (InvalidProtocolBufferException e) {
                response.onError(e);
            } finally {
                timeline.transformCalls.incrementAndGet();
                timeline.transformNanos.addAndGet(System.nanoTime() - start);
            }
        }

        private static Struct withSkipAwait(Struct properties) {
            Value metadata = properties.getFieldsMap().get("metadata");
            if (metadata == null || !metadata.hasStructValue()) {
                return properties;
            }
            Struct.Builder meta = metadata.getStructValue().toBuilder();
            Value annotations = meta.getFieldsMap().get("annotations");
            Struct.Builder merged = annotations != null && annotations.hasStructValue()
                    ? annotations.getStructValue().toBuilder() : Struct.newBuilder();
            merged.putFields(SKIP_AWAIT, Value.newBuilder().setStringValue("true").build());
            meta.putFields("annotations", Value.newBuilder().setStructValue(merged).build());
            return properties.toBuilder().putFields("metadata", Value.newBuilder().setStructValue(meta).build()).build();
        }
    }
}
