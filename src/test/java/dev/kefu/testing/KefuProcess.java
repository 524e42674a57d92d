package dev.kefu.testing;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Kefu in a JVM of its own, on the embedded default (an H2 file database in {@code dataDir}) with the demo
 * organization: a server that can be killed as an operating system kills a process, and started again on the same
 * data. Its output goes to {@code kefu-<port>.log} in the data folder.
 */
public final class KefuProcess implements AutoCloseable {

	private final Process process;
	private final Api api;

	private KefuProcess(Process process, int port) {
		this.process = process;
		this.api = new Api(port);
	}

	/** Starts Kefu on a free port and returns once the demo organization takes visitors. */
	public static KefuProcess start(Path dataDir) {
		int port = freePort();
		// C1 only and the serial collector: a quicker start on a busy machine; this server is killed, not measured.
		List<String> command = List.of(java(), "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
				applicationClassPath(), "dev.kefu.KefuApplication", "--server.port=" + port, "--kefu.data-dir=" + dataDir,
				"--kefu.demo.enabled=true", "--spring.main.banner-mode=off");
		try {
			Files.createDirectories(dataDir);
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(dataDir.resolve("kefu-" + port + ".log").toFile())
				.start();
			KefuProcess kefu = new KefuProcess(process, port);
			kefu.awaitDemoOrganization();
			return kefu;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public Api api() {
		return api;
	}

	public int port() {
		return api.port();
	}

	/** SIGKILL, as {@code kill -9}: no shutdown hook, no close of the database, nothing flushed on the way out. */
	public void kill() {
		process.destroyForcibly();
		await().atMost(Duration.ofSeconds(10)).until(() -> !process.isAlive());
	}

	@Override
	public void close() {
		kill();
	}

	private void awaitDemoOrganization() {
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(250))
			.ignoreExceptions()
			.failFast("Kefu exited; see its log in the data folder", () -> !process.isAlive())
			.until(() -> api.call("POST", "/api/v1/visitor/sessions", null, "{\"organization\":\"demo\"}")
				.status() / 100 == 2);
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/**
	 * The main classes and the runtime libraries, without the test classes (their resources must not configure the
	 * server). Surefire may run the tests from a manifest-only jar, and then names the real class path in
	 * {@code surefire.test.class.path}.
	 */
	private static String applicationClassPath() {
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		return Arrays.stream(classPath.split(File.pathSeparator))
			.filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes" + File.separator))
			.collect(Collectors.joining(File.pathSeparator));
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
