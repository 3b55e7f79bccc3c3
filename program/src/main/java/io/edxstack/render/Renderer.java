package io.edxstack.render;

import com.pulumi.core.Output;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import io.edxstack.config.RawConfig;
import io.edxstack.config.StackFiles;
import io.edxstack.config.StackInputs;
import io.edxstack.failover.PeerStack;
import io.edxstack.failover.PeerState;
import io.edxstack.program.EdxstackProgram;
import io.edxstack.state.ResourceState;

import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the stack program under the Pulumi SDK's own engine mocks, with the stack's config read from the
 * project files, and records what it registers. No cloud, no credentials and no Pulumi CLI are needed.
 */
public final class Renderer {
    /**
     * The SDK logs a failing program's stack trace before it hands the exception back; the exception becomes a
     * {@link RenderException} with a one-line message, so the log stays quiet (EDXSTACK_DEBUG shows it).
     */
    private static final Logger SDK_LOG = quietLogger();

    private Renderer() {
    }

    private static Logger quietLogger() {
        Logger logger = Logger.getLogger(Renderer.class.getName() + ".sdk");
        logger.setUseParentHandlers(System.getenv("EDXSTACK_DEBUG") != null);
        logger.setLevel(Level.WARNING);
        return logger;
    }

    /** Reads the stack's config from the project files and renders it. */
    public static DesiredState render(Path projectDir, String stackName) {
        return render(projectDir, stackName, RenderProgress.NONE);
    }

    /** As {@link #render(Path, String)}, telling {@code progress} about every registration. */
    public static DesiredState render(Path projectDir, String stackName, RenderProgress progress) {
        return render(projectDir, stackName, StackFiles.read(projectDir, stackName), progress);
    }

    /**
     * Validates the stack's inputs (a config error throws before the engine starts), runs the program,
     * and enforces the mandatory policies on what it registered, as {@code pulumi up} would.
     */
    public static DesiredState render(Path projectDir, String stack, RawConfig raw) {
        return render(projectDir, stack, raw, RenderProgress.NONE);
    }

    private static DesiredState render(Path projectDir, String stack, RawConfig raw, RenderProgress progress) {
        return render(projectDir, StackValidation.load(projectDir, stack, raw), raw, progress);
    }

    /** Renders inputs already validated ({@link StackValidation#load}) and enforces the mandatory policies. */
    public static DesiredState render(Path projectDir, StackInputs inputs, RawConfig raw, RenderProgress progress) {
        DesiredState state = record(projectDir, inputs, raw, PeerRoles.FROM_STACK_FILES, progress);
        StackValidation.enforcePolicies(projectDir, inputs, state);
        return state;
    }

    /** The desired state as the review receives it: validated inputs, policies left to the review to report. */
    public static DesiredState renderWithoutPolicyGate(Path projectDir, String stack) {
        return renderWithoutPolicyGate(projectDir, stack, RenderProgress.NONE);
    }

    /** As {@link #renderWithoutPolicyGate(Path, String)}, telling {@code progress} about every registration. */
    public static DesiredState renderWithoutPolicyGate(Path projectDir, String stack, RenderProgress progress) {
        RawConfig raw = StackFiles.read(projectDir, stack);
        return record(projectDir, StackValidation.load(projectDir, stack, raw), raw, PeerRoles.FROM_STACK_FILES, progress);
    }

    /** Where a rendered program reads the peer stack's role from. */
    public enum PeerRoles {
        /** The peer's stack file: what a reviewer sees in the change. */
        FROM_STACK_FILES,
        /**
         * Not at all: the policy gate's dry run, which the program's run under the real engine follows, and
         * that run reads the peer's recorded state itself.
         */
        NOT_CONSULTED
    }

    /**
     * Runs the program on validated inputs under the SDK's engine mocks and records every registration.
     * The SDK's engine is a JVM-wide singleton, so runs never overlap.
     */
    public static DesiredState record(Path projectDir, StackInputs inputs, RawConfig raw, PeerRoles peers) {
        return record(projectDir, inputs, raw, peers, RenderProgress.NONE);
    }

    /** As {@link #record(Path, StackInputs, RawConfig, PeerRoles)}, telling {@code progress} about every registration. */
    public static synchronized DesiredState record(Path projectDir, StackInputs inputs, RawConfig raw, PeerRoles peers,
                                                   RenderProgress progress) {
        String stack = inputs.config().stackName();
        RenderMocks mocks = new RenderMocks(projectDir, peers == PeerRoles.FROM_STACK_FILES);
        RecordingMonitor monitor = new RecordingMonitor(mocks, PulumiTestInternal.mockLog(SDK_LOG), progress,
                inputs.platforms().size());
        try {
            TestResult result = PulumiTestInternal.builder()
                    .options(TestOptions.builder().projectName(StackFiles.PROJECT_NAME).stackName(stack).preview(true).build())
                    .mocks(mocks)
                    .standardLogger(SDK_LOG)
                    .config(raw.values(), raw.secretKeys())
                    .monitorDecorator(ignored -> monitor)
                    .build()
                    .runTest(ctx -> EdxstackProgram.define(ctx, inputs, peers == PeerRoles.NOT_CONSULTED
                            ? config -> PeerState.notConsulted() : PeerStack::read));
            if (!result.exceptions().isEmpty()) {
                Throwable first = unwrap(result.exceptions().get(0));
                throw new RenderException("the program failed for stack " + stack + ": " + first.getMessage(), first);
            }
            if (!result.errors().isEmpty()) {
                throw new RenderException("the program logged errors for stack " + stack + ": " + result.errors(), null);
            }
            return new DesiredState(StackFiles.PROJECT_NAME, stack, inputs.config().role().configValue(),
                    monitor.recorded(), outputs(result.outputs()));
        } finally {
            PulumiTest.cleanup();
        }
    }

    /** The SDK wraps the program's own exception in its futures' exceptions, more or less deeply. */
    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static Map<String, Object> outputs(Map<String, Output<?>> outputs) {
        Map<String, Object> values = new TreeMap<>();
        outputs.forEach((name, output) -> {
            var data = PulumiTestInternal.extractOutputData(output);
            Object value = data.isSecret() ? ResourceState.SECRET : data.getValueNullable();
            values.put(name, value == null ? StructValues.UNKNOWN : value);
        });
        return values;
    }
}
