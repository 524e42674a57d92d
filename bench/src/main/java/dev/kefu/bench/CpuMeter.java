package dev.kefu.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Who used the machine's cores during a phase: the server, this load generator, PostgreSQL (all its processes), and
 * the machine as a whole, from /proc. On a 2-core machine shared by all three this says why a figure stops growing.
 */
final class CpuMeter {

	/** Clock ticks per second of /proc's CPU times; 100 on every Linux this bench has met. */
	private static final double TICKS = 100.0;

	private final long serverPid;

	record Reading(long nanos, long server, long generator, long postgres, long machineBusy) {
	}

	CpuMeter(long serverPid) {
		this.serverPid = serverPid;
	}

	Reading read() throws IOException {
		return new Reading(System.nanoTime(), ticks(serverPid), ticks(ProcessHandle.current().pid()), postgres(),
				machineBusy());
	}

	Reading readUnchecked() {
		try {
			return read();
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	/** Cores used between two readings, as {@code cpu.<who>-cores} results. */
	void put(Results results, String prefix, Reading from, Reading to) {
		double seconds = (to.nanos() - from.nanos()) / 1e9;
		results.put(prefix + "cpu.server-cores", (to.server() - from.server()) / TICKS / seconds);
		results.put(prefix + "cpu.generator-cores", (to.generator() - from.generator()) / TICKS / seconds);
		results.put(prefix + "cpu.postgres-cores", (to.postgres() - from.postgres()) / TICKS / seconds);
		results.put(prefix + "cpu.machine-busy-cores", (to.machineBusy() - from.machineBusy()) / TICKS / seconds);
	}

	private static long ticks(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
			// The command name may hold spaces; the fields after it are fixed: utime and stime are 14 and 15.
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (IOException | RuntimeException gone) {
			return 0;
		}
	}

	private static long postgres() throws IOException {
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			return processes.filter(p -> p.getFileName().toString().matches("\\d+"))
				.filter(CpuMeter::isPostgres)
				.mapToLong(p -> ticks(Long.parseLong(p.getFileName().toString())))
				.sum();
		}
	}

	private static boolean isPostgres(Path process) {
		try {
			return Files.readString(process.resolve("comm")).strip().equals("postgres");
		}
		catch (IOException gone) {
			return false;
		}
	}

	/** All CPU time but idle and iowait, from the first line of /proc/stat. */
	private static long machineBusy() throws IOException {
		String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
		long busy = 0;
		for (int i = 1; i < f.length && i <= 8; i++) {
			if (i != 4 && i != 5) {
				busy += Long.parseLong(f[i]);
			}
		}
		return busy;
	}
}
