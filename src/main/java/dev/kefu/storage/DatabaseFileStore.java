package dev.kefu.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files as rows of 256 KiB parts, written in one transaction (so a refused or broken upload leaves no row) and read
 * one part at a time (so neither side holds a whole file in memory, nor a connection while the client downloads).
 * A key the database does not have is looked for in this node's data folder, where it was stored before the switch
 * to database storage.
 */
class DatabaseFileStore implements FileStore {

	static final int PART_BYTES = 256 * 1024;

	private final String area;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final FileSystemFileStore earlierFiles;

	DatabaseFileStore(String area, JdbcClient jdbc, TransactionTemplate transactions, FileSystemFileStore earlierFiles) {
		this.area = area;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.earlierFiles = earlierFiles;
	}

	@Override
	public void put(String key, InputStream content) throws IOException {
		try {
			transactions.executeWithoutResult(status -> {
				jdbc.sql("DELETE FROM stored_file_part WHERE area = ? AND file_key = ?").params(area, key).update();
				int part = 0;
				byte[] bytes;
				do {
					bytes = readPart(content);
					if (part == 0 || bytes.length > 0) {
						jdbc.sql("INSERT INTO stored_file_part (area, file_key, part, content) VALUES (?, ?, ?, ?)")
							.params(area, key, part, bytes)
							.update();
					}
					part++;
				}
				while (bytes.length == PART_BYTES);
			});
		}
		catch (UncheckedIOException e) {
			throw e.getCause();
		}
	}

	@Override
	public InputStream open(String key) throws IOException {
		Optional<byte[]> first = part(key, 0);
		if (first.isPresent()) {
			return new Parts(key, first.get());
		}
		try {
			return earlierFiles.open(key);
		}
		catch (NoSuchFileException e) {
			throw new NoSuchFileException(area + "/" + key, null, "not in the database nor in this node's data folder");
		}
	}

	/** The rows, and a copy left in this node's data folder from before the switch to database storage. */
	@Override
	public void delete(String key) throws IOException {
		jdbc.sql("DELETE FROM stored_file_part WHERE area = ? AND file_key = ?").params(area, key).update();
		earlierFiles.delete(key);
	}

	private Optional<byte[]> part(String key, int part) {
		return jdbc.sql("SELECT content FROM stored_file_part WHERE area = ? AND file_key = ? AND part = ?")
			.params(area, key, part)
			.query((rs, row) -> rs.getBytes(1))
			.optional();
	}

	private static byte[] readPart(InputStream content) {
		try {
			return content.readNBytes(PART_BYTES);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** A stored file read part by part; a part shorter than {@link #PART_BYTES} is the last one. */
	private final class Parts extends InputStream {

		private final String key;
		private byte[] current;
		private int index;
		private int position;

		Parts(String key, byte[] first) {
			this.key = key;
			this.current = first;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (length == 0) {
				return 0;
			}
			if (position == current.length && !advance()) {
				return -1;
			}
			int n = Math.min(length, current.length - position);
			System.arraycopy(current, position, buffer, offset, n);
			position += n;
			return n;
		}

		@Override
		public int available() {
			return current.length - position;
		}

		private boolean advance() throws IOException {
			if (current.length < PART_BYTES) {
				return false;
			}
			Optional<byte[]> next = part(key, index + 1);
			if (next.isEmpty()) {
				return false;
			}
			index++;
			current = next.get();
			position = 0;
			return current.length > 0;
		}
	}
}
