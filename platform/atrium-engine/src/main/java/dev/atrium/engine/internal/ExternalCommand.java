package dev.atrium.engine.internal;

import dev.atrium.sdk.RunCancelledException;
import dev.atrium.sdk.SkillTimeoutException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external program (tesseract, ffmpeg) with a time limit and kills it, children included, when the
 * limit passes or the calling thread is interrupted.
 */
public final class ExternalCommand {

    private static final int STDERR_LIMIT = 4000;

    private ExternalCommand() {
    }

    /**
     * The outcome of a finished command.
     *
     * @param exitCode the process's exit code
     * @param stdout what it printed, as UTF-8
     * @param stderr the end of its error output, as UTF-8
     */
    public record Result(int exitCode, String stdout, String stderr) {

        /** Whether the exit code is zero. */
        public boolean ok() {
            return exitCode == 0;
        }
    }

    /**
     * Runs the command in {@code workDir} and waits for it.
     *
     * @param command program and arguments
     * @param env variables added to the inherited environment
     * @param workDir working folder; stdout and stderr are written to files in it, so a chatty process can
     *     never block on a full pipe and no reader threads are needed
     * @param timeout how long the process may run
     * @throws SkillTimeoutException if it runs longer; the process is killed
     * @throws RunCancelledException if the calling thread is interrupted; the process is killed
     * @throws UncheckedIOException if the program cannot be started
     */
    public static Result run(List<String> command, Map<String, String> env, Path workDir, Duration timeout) {
        Path out = workDir.resolve("cmd.stdout");
        Path err = workDir.resolve("cmd.stderr");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new SkillTimeoutException(Path.of(command.get(0)).getFileName() + " did not finish within "
                        + timeout.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new RunCancelledException();
        }
        return new Result(process.exitValue(), read(out, Integer.MAX_VALUE), read(err, STDERR_LIMIT));
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String read(Path file, int limit) {
        try {
            if (!Files.exists(file)) {
                return "";
            }
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.length() <= limit ? text : text.substring(text.length() - limit);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
