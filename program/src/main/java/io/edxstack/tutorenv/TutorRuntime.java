package io.edxstack.tutorenv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The pinned Tutor, installed on first use into a virtualenv of its own: pyenv's Python 3.11 (never the
 * system's), {@code pip install --require-hashes} of {@code tutor/requirements.lock}, under the cache directory
 * in a folder named by the hash of the lock file. A new pin is a new folder; an unchanged one is reused, so only
 * the first run on a machine (or after an upgrade) reaches PyPI. The render script sits beside it, named by its
 * own hash.
 *
 * <p>Python: {@code EDXSTACK_PYTHON} if set, else the newest {@code 3.11.x} of {@code $PYENV_ROOT} (default
 * {@code ~/.pyenv}). Cache: {@code EDXSTACK_CACHE_DIR}, else {@code $XDG_CACHE_HOME/edxstack}, else
 * {@code ~/.cache/edxstack}.
 */
public final class TutorRuntime {
    static final String LOCK = "requirements.lock";
    static final String SCRIPT = "render.py";
    private static final String READY = ".edxstack-ready";
    private static final int INSTALL_TIMEOUT_MINUTES = 20;

    private static volatile TutorRuntime shared;

    private final Path venv;
    private final Path script;
    private final String key;

    private TutorRuntime(Path venv, Path script, String key) {
        this.venv = venv;
        this.script = script;
        this.key = key;
    }

    /** The runtime of this jar's pin, installed if needed (once per JVM and per machine). */
    public static TutorRuntime shared() {
        TutorRuntime runtime = shared;
        if (runtime == null) {
            synchronized (TutorRuntime.class) {
                if (shared == null) {
                    shared = install(cacheDir());
                }
                runtime = shared;
            }
        }
        return runtime;
    }

    /** Hash of the lock file and the render script: what a cached render was made with. */
    public String key() {
        return key;
    }

    Path python() {
        return venv.resolve("bin").resolve("python");
    }

    Path script() {
        return script;
    }

    public static Path cacheDir() {
        String explicit = System.getenv("EDXSTACK_CACHE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("edxstack");
    }

    /** Whether this jar's pin is installed already: finding out installs nothing. */
    static boolean isInstalled() {
        return shared != null || Files.exists(venv(cacheDir(), resource(LOCK)).resolve(READY));
    }

    private static Path venv(Path cacheDir, byte[] lock) {
        return cacheDir.resolve("tutor-" + sha256(lock).substring(0, 16));
    }

    static TutorRuntime install(Path cacheDir) {
        byte[] lock = resource(LOCK);
        byte[] script = resource(SCRIPT);
        String key = sha256(lock, script).substring(0, 16);
        Path venv = venv(cacheDir, lock);
        if (!Files.exists(venv.resolve(READY))) {
            createVenv(cacheDir, venv, lock);
        }
        Path scriptFile = venv.resolve("render-" + sha256(script).substring(0, 16) + ".py");
        try {
            if (!Files.exists(scriptFile)) {
                Path scratch = Files.createTempFile(venv, "render-", ".tmp");
                Files.write(scratch, script);
                Files.move(scratch, scriptFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new TutorException("cannot write Tutor's render script into " + venv + ": " + e.getMessage(), e);
        }
        return new TutorRuntime(venv, scriptFile, key);
    }

    private static void createVenv(Path cacheDir, Path venv, byte[] lock) {
        Path python = python311();
        try {
            Files.createDirectories(cacheDir);
            Path scratch = Files.createTempDirectory(cacheDir, venv.getFileName() + ".installing-");
            try {
                run(List.of(python.toString(), "-m", "venv", scratch.toString()), "create the Tutor virtualenv");
                Files.write(scratch.resolve(LOCK), lock);
                run(List.of(scratch.resolve("bin/python").toString(), "-m", "pip", "install", "--quiet",
                        "--disable-pip-version-check", "--no-input", "--require-hashes", "--no-deps",
                        "-r", scratch.resolve(LOCK).toString()), "install the pinned Tutor (tutor/requirements.lock)");
                Files.writeString(scratch.resolve(READY), "ready\n");
                try {
                    // Moved after creation: bin/python and `python -m` still find the venv (pyvenv.cfg sits
                    // beside bin/); only console scripts keep the scratch path, and edxstack runs none.
                    Files.move(scratch, venv, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                    deleteTree(scratch); // another process installed the same pin meanwhile: use its copy
                } catch (IOException e) {
                    if (!Files.exists(venv.resolve(READY))) {
                        throw e;
                    }
                    deleteTree(scratch);
                }
            } catch (RuntimeException | IOException e) {
                deleteTree(scratch);
                throw e;
            }
        } catch (IOException e) {
            throw new TutorException("cannot install the pinned Tutor under " + cacheDir + ": " + e.getMessage(), e);
        }
    }

    /** pyenv's newest 3.11, or EDXSTACK_PYTHON: Tutor's dependencies are locked for Python 3.11. */
    static Path python311() {
        String explicit = System.getenv("EDXSTACK_PYTHON");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String root = Optional.ofNullable(System.getenv("PYENV_ROOT")).filter(s -> !s.isBlank())
                .orElse(Path.of(System.getProperty("user.home"), ".pyenv").toString());
        Path versions = Path.of(root, "versions");
        try (Stream<Path> entries = Files.isDirectory(versions) ? Files.list(versions) : Stream.empty()) {
            return entries.filter(p -> p.getFileName().toString().matches("3\\.11\\.\\d+"))
                    .filter(p -> Files.isExecutable(p.resolve("bin/python3.11")))
                    .max(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().substring(5))))
                    .map(p -> p.resolve("bin/python3.11"))
                    .orElseThrow(() -> new TutorException("no Python 3.11 under " + versions
                            + ", perhaps run `pyenv install 3.11` or set EDXSTACK_PYTHON to a Python 3.11"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(List<String> command, String what) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out;
        try (InputStream in = process.getInputStream()) {
            out = in.readAllBytes();
        }
        try {
            if (!process.waitFor(INSTALL_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new TutorException("cannot " + what + ": no end after " + INSTALL_TIMEOUT_MINUTES + " minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new TutorException("interrupted while trying to " + what, e);
        }
        if (process.exitValue() != 0) {
            List<String> lines = new String(out, StandardCharsets.UTF_8).lines().toList();
            throw new TutorException("cannot " + what + " (exit " + process.exitValue() + "): "
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()))
                    + "\nperhaps PyPI is unreachable from this machine");
        }
    }

    static byte[] resource(String name) {
        try (InputStream in = TutorRuntime.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + name + " (from tutor/), perhaps rebuild it with mvn package");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(Integer.toString(part.length).getBytes(StandardCharsets.US_ASCII));
                digest.update((byte) 0);
                digest.update(part);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> paths = new ArrayList<>(walk.toList());
            paths.sort(Comparator.reverseOrder());
            for (Path path : paths) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // A left-over scratch folder is harmless: its name never matches a ready runtime.
        }
    }
}
