package dev.kefu.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The database back end on its own, on an in-memory H2 with the storage migration applied. */
class DatabaseFileStoreTest {

	static final int PART = DatabaseFileStore.PART_BYTES;

	@TempDir
	Path dataDir;

	JdbcClient jdbc;
	DatabaseFileStore store;

	@BeforeEach
	void emptyDatabase() throws IOException {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
		jdbc = JdbcClient.create(dataSource);
		jdbc.sql(new ClassPathResource("db/migration/V16__file_storage.sql").getContentAsString(
				java.nio.charset.StandardCharsets.UTF_8)).update();
		store = new DatabaseFileStore("attachments", jdbc,
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
				new FileSystemFileStore(dataDir.resolve("attachments")));
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, PART - 1, PART, PART + 1, 3 * PART, 3 * PART + 7 })
	void readsBackExactlyWhatWasStoredWhateverItsSize(int size) throws IOException {
		byte[] content = bytes(size);

		store.put("org/conv/file", new ByteArrayInputStream(content));

		try (InputStream in = store.open("org/conv/file")) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
		assertThat(parts()).isEqualTo(Math.max(1, (size + PART - 1) / PART));
	}

	@Test
	void uploadThatFailsHalfwayLeavesNothingBehind() {
		InputStream refusedAfterTwoParts = new FilterInputStream(new ByteArrayInputStream(bytes(5 * PART))) {
			int read;

			@Override
			public int read(byte[] b, int off, int len) throws IOException {
				if (read >= 2 * PART) {
					throw new IllegalStateException("file-too-large");
				}
				int n = super.read(b, off, len);
				read += Math.max(n, 0);
				return n;
			}
		};

		assertThatThrownBy(() -> store.put("org/conv/big", refusedAfterTwoParts)).hasMessage("file-too-large");
		assertThat(parts()).isZero();
		assertThatThrownBy(() -> store.open("org/conv/big")).isInstanceOf(NoSuchFileException.class);
	}

	@Test
	void storingUnderAKeyAgainReplacesTheWholeFile() throws IOException {
		store.put("k", new ByteArrayInputStream(bytes(3 * PART)));
		store.put("k", new ByteArrayInputStream(new byte[] { 1, 2, 3 }));

		try (InputStream in = store.open("k")) {
			assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
		}
		assertThat(parts()).isEqualTo(1);
	}

	@Test
	void fileStoredInTheDataFolderBeforeTheSwitchIsStillRead() throws IOException {
		Path earlier = dataDir.resolve("attachments/org/conv/old");
		Files.createDirectories(earlier.getParent());
		Files.write(earlier, new byte[] { 4, 5, 6 });

		try (InputStream in = store.open("org/conv/old")) {
			assertThat(in.readAllBytes()).containsExactly(4, 5, 6);
		}
		assertThatThrownBy(() -> store.open("org/conv/never")).isInstanceOf(NoSuchFileException.class);
		assertThatThrownBy(() -> store.open("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void deleteRemovesEveryPartAndTheDataFolderCopyAndMayBeRepeated() throws IOException {
		store.put("org/conv/big", new ByteArrayInputStream(bytes(2 * PART + 1)));
		store.put("org/conv/kept", new ByteArrayInputStream(bytes(10)));
		Path earlier = dataDir.resolve("attachments/org/conv/big");
		Files.createDirectories(earlier.getParent());
		Files.write(earlier, new byte[] { 1, 2, 3 });

		store.delete("org/conv/big");
		store.delete("org/conv/big");

		assertThatThrownBy(() -> store.open("org/conv/big")).isInstanceOf(NoSuchFileException.class);
		assertThat(Files.exists(earlier)).isFalse();
		assertThat(parts()).isEqualTo(1);
		try (InputStream in = store.open("org/conv/kept")) {
			assertThat(in.readAllBytes()).hasSize(10);
		}
	}

	private int parts() {
		return jdbc.sql("SELECT COUNT(*) FROM stored_file_part").query(Integer.class).single();
	}

	private static byte[] bytes(int size) {
		byte[] bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		return bytes;
	}
}
