package dev.kefu.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What a durable commit costs on H2 (docs/decisions/0007-durable-acks-on-h2.md): Kefu's message transaction (bump
 * the conversation's {@code last_seq}, read it, insert the message; the tables and keys of V4__conversation.sql)
 * against an H2 file database, one mode after the other in the same run, each on a fresh file:
 * <ul>
 * <li>{@code delay500}: H2's default, the background writer stores commits every 500 ms (Kefu until issue #11);</li>
 * <li>{@code delay0}: {@code WRITE_DELAY=0}, every commit written to the file before it returns (Kefu now);</li>
 * <li>{@code fsync}: as {@code delay0}, plus {@code CHECKPOINT SYNC} (an fsync) after every commit.</li>
 * </ul>
 * With {@code --threads} writers at once (Kefu's pool); reports messages/s, commit latency, and the file's size at
 * the end (before close, which compacts), since {@code WRITE_DELAY=0} also stops H2's background housekeeping.
 */
final class CommitCost {

	private static final String MESSAGE = "a message of about the usual length, number ";

	private CommitCost() {
	}

	static void run(Args args, Results results) throws Exception {
		int count = args.getInt("messages", 20_000);
		int warmup = args.getInt("messages-warmup", 3_000);
		for (String threads : args.get("threads", "1,8").split(",")) {
			for (String mode : args.get("modes", "delay500,delay0,fsync").split(",")) {
				int n = mode.equals("fsync") ? Math.min(count, args.getInt("fsync-messages", 3_000)) : count;
				measure(mode, Integer.parseInt(threads.strip()), warmup, n, results);
			}
		}
	}

	private static void measure(String mode, int threads, int warmup, int count, Results results) throws Exception {
		Path dir = Files.createTempDirectory("kefu-commit-cost");
		String url = "jdbc:h2:file:" + dir.resolve("kefu") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
				+ (mode.equals("delay500") ? "" : ";WRITE_DELAY=0");
		try (Connection keeper = DriverManager.getConnection(url, "sa", "")) {
			List<UUID> conversations = schema(keeper, 256);
			run(url, mode, threads, conversations, warmup, null);
			Recorder recorder = Latency.recorder();
			long start = System.nanoTime();
			run(url, mode, threads, conversations, count, recorder);
			double seconds = (System.nanoTime() - start) / 1e9;
			Histogram latency = recorder.getIntervalHistogram();
			String key = "h2-commit." + mode + ".t" + threads;
			results.put(key + ".per-second", count / seconds);
			results.put(key + ".us-per-message", seconds * 1e6 / count);
			Latency.put(results, key + ".latency", latency);
			results.put(key + ".file-mb", Files.size(dir.resolve("kefu.mv.db")) / 1e6);
			results.put(key + ".messages-in-file", warmup + count);
			System.out.printf("%-9s threads=%d  %8.0f msg/s  %7.1f us/msg  p50 %.3f ms  p99 %.3f ms  file %.1f MB%n", mode,
					threads, count / seconds, seconds * 1e6 / count, latency.getValueAtPercentile(50) / 1e6,
					latency.getValueAtPercentile(99) / 1e6, Files.size(dir.resolve("kefu.mv.db")) / 1e6);
		}
		finally {
			try (Stream<Path> files = Files.walk(dir)) {
				files.sorted(Comparator.reverseOrder()).forEach(CommitCost::delete);
			}
		}
	}

	private static List<UUID> schema(Connection db, int conversations) throws SQLException {
		try (Statement ddl = db.createStatement()) {
			ddl.execute("""
					CREATE TABLE conversation (id UUID PRIMARY KEY, organization_id UUID NOT NULL, state VARCHAR(16) NOT NULL,
					last_seq BIGINT NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL,
					last_message_at TIMESTAMP WITH TIME ZONE, last_message_preview VARCHAR(200))""");
			ddl.execute("CREATE INDEX conversation_state ON conversation (organization_id, state, created_at)");
			ddl.execute("""
					CREATE TABLE message (id UUID PRIMARY KEY, conversation_id UUID NOT NULL REFERENCES conversation (id),
					organization_id UUID NOT NULL, seq BIGINT NOT NULL, client_msg_id VARCHAR(64) NOT NULL,
					sender_type VARCHAR(16) NOT NULL, body VARCHAR(10000) NOT NULL,
					created_at TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT message_seq UNIQUE (conversation_id, seq),
					CONSTRAINT message_client_id UNIQUE (conversation_id, client_msg_id))""");
		}
		List<UUID> ids = new ArrayList<>();
		try (PreparedStatement insert = db.prepareStatement(
				"INSERT INTO conversation (id, organization_id, state, last_seq, created_at) VALUES (?, ?, 'ASSIGNED', 0, ?)")) {
			UUID organization = UUID.randomUUID();
			for (int i = 0; i < conversations; i++) {
				UUID id = UUID.randomUUID();
				insert.setObject(1, id);
				insert.setObject(2, organization);
				insert.setTimestamp(3, new Timestamp(System.currentTimeMillis()));
				insert.executeUpdate();
				ids.add(id);
			}
		}
		return ids;
	}

	/** {@code count} message transactions shared by {@code threads} writers, each on its own connection. */
	private static void run(String url, String mode, int threads, List<UUID> conversations, int count,
			Recorder recorder) throws Exception {
		AtomicLong next = new AtomicLong();
		List<Thread> writers = new ArrayList<>();
		List<Exception> failures = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			writers.add(Thread.ofPlatform().start(() -> {
				try (Connection db = DriverManager.getConnection(url, "sa", "")) {
					write(db, mode, conversations, next, count, recorder);
				}
				catch (Exception e) {
					synchronized (failures) {
						failures.add(e);
					}
				}
			}));
		}
		for (Thread writer : writers) {
			writer.join();
		}
		if (!failures.isEmpty()) {
			throw failures.getFirst();
		}
	}

	private static void write(Connection db, String mode, List<UUID> conversations, AtomicLong next, int count,
			Recorder recorder) throws SQLException {
		db.setAutoCommit(false);
		try (PreparedStatement bump = db.prepareStatement(
				"UPDATE conversation SET last_seq = last_seq + 1, last_message_at = ?, last_message_preview = ? WHERE id = ?");
				PreparedStatement seq = db.prepareStatement("SELECT last_seq FROM conversation WHERE id = ?");
				PreparedStatement insert = db.prepareStatement("""
						INSERT INTO message (id, conversation_id, organization_id, seq, client_msg_id, sender_type, body,
						created_at) VALUES (?, ?, ?, ?, ?, 'CONTACT', ?, ?)""");
				Statement sync = db.createStatement()) {
			for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
				long t0 = System.nanoTime();
				UUID conversation = conversations.get((int) (i % conversations.size()));
				Timestamp now = new Timestamp(System.currentTimeMillis());
				bump.setTimestamp(1, now);
				bump.setString(2, MESSAGE + i);
				bump.setObject(3, conversation);
				bump.executeUpdate();
				seq.setObject(1, conversation);
				long allocated;
				try (ResultSet rs = seq.executeQuery()) {
					rs.next();
					allocated = rs.getLong(1);
				}
				insert.setObject(1, UUID.randomUUID());
				insert.setObject(2, conversation);
				insert.setObject(3, conversation);
				insert.setLong(4, allocated);
				insert.setString(5, UUID.randomUUID().toString());
				insert.setString(6, MESSAGE + i);
				insert.setTimestamp(7, now);
				insert.executeUpdate();
				db.commit();
				if (mode.equals("fsync")) {
					sync.execute("CHECKPOINT SYNC");
				}
				if (recorder != null) {
					Latency.record(recorder, System.nanoTime() - t0);
				}
			}
		}
	}

	private static void delete(Path path) {
		try {
			Files.delete(path);
		}
		catch (IOException e) {
			// a scratch file; the temp folder is cleaned anyway
		}
	}
}
