package io.edxstack.tutorenv;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Renders platforms with the pinned Tutor, off the program's thread: {@link #prefetch} hands every platform to the
 * background at once, and {@link #render} waits only for the platform it needs. In the background, each platform is
 * taken from the disk cache ({@link TutorCache}, keyed by the Tutor pin and the platform's Tutor config) or, for
 * all cache misses together, from ONE Python process ({@link TutorProcess}), which {@link #startEarly} may have
 * started already. Results stay in memory for the JVM's life, so an unchanged platform is rendered once.
 */
public final class TutorRenderer {
    /** Every platform asked for in this JVM, by its canonical request: rendered, or being rendered. */
    private static final Map<String, CompletableFuture<TutorEnvironment>> RESULTS = new ConcurrentHashMap<>();
    /** A Python process started before its request was known. */
    private static final AtomicReference<CompletableFuture<TutorProcess>> SPARE = new AtomicReference<>();
    private static final AtomicBoolean STARTED_EARLY = new AtomicBoolean();

    private TutorRenderer() {
    }

    /**
     * Starts Tutor's Python now, if Tutor is installed, so that its start and imports overlap the loading of the
     * stack and the SDK's start. Once per JVM (the first render's; a command renders once), so that later renders,
     * mostly served from memory, start no process they do not need. Without a cache miss the process is ended
     * unused.
     */
    public static void startEarly() {
        if (!STARTED_EARLY.compareAndSet(false, true) || !TutorRuntime.isInstalled()) {
            return;
        }
        CompletableFuture<TutorProcess> spare = new CompletableFuture<>();
        SPARE.set(spare);
        TutorProcess.daemon("tutor-start", () -> {
            try {
                spare.complete(TutorProcess.start(TutorRuntime.shared()));
            } catch (RuntimeException e) {
                spare.completeExceptionally(e); // reported if and when a platform needs rendering
            }
        });
    }

    /** Starts rendering every platform not rendered yet, in the background, and returns at once. */
    public static void prefetch(List<TutorRequest> requests) {
        submit(requests);
    }

    /** Each request's environment (in the order given), waiting for those still being rendered. */
    public static Map<String, TutorEnvironment> render(List<TutorRequest> requests) {
        Map<String, CompletableFuture<TutorEnvironment>> futures = submit(requests);
        Map<String, TutorEnvironment> out = new LinkedHashMap<>();
        futures.forEach((name, future) -> out.put(name, join(future)));
        return out;
    }

    public static TutorEnvironment render(TutorRequest request) {
        return render(List.of(request)).get(request.name());
    }

    /** Renders the requests in order in one new Python process, with no cache: for tests of the process itself. */
    public static Map<String, TutorEnvironment> renderUncached(List<TutorRequest> requests) {
        Map<String, TutorEnvironment> rendered = new ConcurrentHashMap<>();
        CompletableFuture<Void> done = TutorProcess.start(TutorRuntime.shared())
                .render(requests, (request, environment) -> rendered.put(request.name(), environment));
        join(done);
        return rendered;
    }

    private static Map<String, CompletableFuture<TutorEnvironment>> submit(List<TutorRequest> requests) {
        Map<String, CompletableFuture<TutorEnvironment>> futures = new LinkedHashMap<>();
        List<Pending> mine = new ArrayList<>();
        for (TutorRequest request : requests) {
            String canonical = TutorCache.canonical(request);
            CompletableFuture<TutorEnvironment> created = new CompletableFuture<>();
            CompletableFuture<TutorEnvironment> known = RESULTS.putIfAbsent(canonical, created);
            if (known == null) {
                // A failure is not kept: the next render of the same platform tries again.
                created.whenComplete((environment, error) -> {
                    if (error != null) {
                        RESULTS.remove(canonical, created);
                    }
                });
                mine.add(new Pending(request, canonical, created));
            }
            futures.put(request.name(), known == null ? created : known);
        }
        if (!mine.isEmpty()) {
            TutorProcess.daemon("tutor-render", () -> load(mine));
        }
        return futures;
    }

    private record Pending(TutorRequest request, String canonical, CompletableFuture<TutorEnvironment> result) {
    }

    /** From the disk cache, else from Python: on a background thread. */
    private static void load(List<Pending> pending) {
        try {
            TutorRuntime runtime = TutorRuntime.shared();
            TutorCache cache = TutorCache.inCacheDir();
            Map<String, Pending> misses = new LinkedHashMap<>();
            Map<String, String> keys = new LinkedHashMap<>();
            for (Pending p : pending) {
                String key = TutorCache.key(runtime.key(), p.canonical());
                cache.read(key).ifPresentOrElse(p.result()::complete, () -> {
                    misses.put(p.request().name(), p);
                    keys.put(p.request().name(), key);
                });
            }
            CompletableFuture<TutorProcess> spare = SPARE.getAndSet(null);
            if (misses.isEmpty()) {
                if (spare != null) {
                    spare.thenAccept(TutorProcess::discard);
                }
                return;
            }
            // A spare that failed to start is started again here, where its failure is reported.
            TutorProcess process = spare != null ? spare.exceptionally(e -> null).join() : null;
            if (process == null || !process.isAlive() || process.runtime() != runtime) {
                process = TutorProcess.start(runtime);
            }
            process.render(misses.values().stream().map(Pending::request).toList(), (request, environment) -> {
                cache.write(keys.get(request.name()), environment);
                misses.get(request.name()).result().complete(environment);
            }).whenComplete((ok, error) -> {
                if (error != null) {
                    misses.values().forEach(p -> p.result().completeExceptionally(error));
                }
            });
        } catch (Throwable e) { // every waiting platform learns of it, none waits forever
            pending.forEach(p -> p.result().completeExceptionally(e));
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TutorException tutor) {
                // Thrown again on this thread: the message is Tutor's, the stack trace the caller's.
                throw new TutorException(tutor.getMessage(), tutor);
            }
            throw new TutorException("Tutor's render failed: " + cause, cause);
        }
    }
}
