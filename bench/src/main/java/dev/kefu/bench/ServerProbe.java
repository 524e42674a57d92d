package dev.kefu.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks into a server process from outside, as an operator would: heap in use right after a full GC (jcmd), and the
 * number of OS threads (/proc). Virtual threads do not show up as OS threads, which is the point of counting them.
 */
final class ServerProbe {

	private static final Pattern USED = Pattern.compile("heap\\s+total.*?used (\\d+)K");

	private final long pid;
	private final String jcmd;

	ServerProbe(long pid, String jcmd) {
		this.pid = pid;
		this.jcmd = jcmd;
	}

	long pid() {
		return pid;
	}

	/** Bytes of heap in use after two full collections (the second catches what the first only made collectable). */
	long heapAfterGc() throws IOException, InterruptedException {
		jcmd("GC.run");
		Thread.sleep(500);
		jcmd("GC.run");
		String info = jcmd("GC.heap_info");
		Matcher m = USED.matcher(info);
		if (!m.find()) {
			throw new IllegalStateException("cannot read heap use from: " + info);
		}
		return Long.parseLong(m.group(1)) * 1024;
	}

	int threads() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
			if (line.startsWith("Threads:")) {
				return Integer.parseInt(line.substring(8).strip());
			}
		}
		throw new IllegalStateException("no thread count for " + pid);
	}

	long openFiles() throws IOException {
		try (var fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
			return fds.count();
		}
	}

	private String jcmd(String command) throws IOException, InterruptedException {
		Process p = new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes());
		if (p.waitFor() != 0) {
			throw new IllegalStateException("jcmd " + command + " failed: " + out);
		}
		return out;
	}
}
