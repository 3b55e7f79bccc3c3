package io.edxstack.render;

import com.pulumi.core.Output;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import io.edxstack.config.RawConfig;
import io.edxstack.config.StackFiles;
import io.edxstack.program.EdxstackProgram;
import io.edxstack.state.ResourceState;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the stack program under the Pulumi SDK's own engine mocks, with the stack's config read from the
 * project files, and records what it registers. No cloud, no credentials and no Pulumi CLI are needed.
 */
public final class Renderer {
    private Renderer() {
    }

    /** Reads the stack's config from the project files and renders it. */
    public static DesiredState render(Path projectDir, String stackName) {
        return render(projectDir, stackName, StackFiles.read(projectDir, stackName));
    }

    /**
     * Renders through the same launch path as {@code pulumi up}: a config error throws before the engine
     * starts. The SDK's engine is a JVM-wide singleton, so renders never overlap.
     */
    public static synchronized DesiredState render(Path projectDir, String stack, RawConfig raw) {
        RenderMocks mocks = new RenderMocks(projectDir);
        RecordingMonitor monitor = new RecordingMonitor(mocks, PulumiTestInternal.mockLog());
        TestResult[] result = new TestResult[1];
        try {
            EdxstackProgram.launch(projectDir, stack, raw, program -> result[0] = PulumiTestInternal.builder()
                    .options(TestOptions.builder().projectName(StackFiles.PROJECT_NAME).stackName(stack).preview(true).build())
                    .mocks(mocks)
                    .config(raw.values(), raw.secretKeys())
                    .monitorDecorator(ignored -> monitor)
                    .build()
                    .runTest(program));
            if (!result[0].exceptions().isEmpty()) {
                Throwable first = unwrap(result[0].exceptions().get(0));
                throw new RenderException("the program failed for stack " + stack + ": " + first.getMessage(), first);
            }
            if (!result[0].errors().isEmpty()) {
                throw new RenderException("the program logged errors for stack " + stack + ": " + result[0].errors(), null);
            }
            String role = String.valueOf(PulumiTestInternal.extractOutputData(result[0].output("role")).getValueNullable());
            return new DesiredState(StackFiles.PROJECT_NAME, stack, role, monitor.recorded(), outputs(result[0].outputs()));
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
