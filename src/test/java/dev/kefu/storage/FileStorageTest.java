package dev.kefu.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStorageTest {

	@TempDir
	Path dataDir;

	@Test
	void filesystemStorageKeepsEachAreaInItsFolderOfTheDataFolder() throws IOException {
		FileStorage storage = new FileStorage(List.of(new FileSystemStorage(dataDir)), new StorageProperties("filesystem"),
				"");

		storage.area("kb-images").put("picture-1", new ByteArrayInputStream(new byte[] { 7, 8 }));

		assertThat(Files.readAllBytes(dataDir.resolve("kb-images/picture-1"))).containsExactly(7, 8);
		try (InputStream in = storage.area("kb-images").open("picture-1")) {
			assertThat(in.readAllBytes()).containsExactly(7, 8);
		}
	}

	@Test
	void unknownStorageTypeStopsTheStartWithTheKnownOnes() {
		assertThatThrownBy(() -> new FileStorage(List.of(new FileSystemStorage(dataDir)), new StorageProperties("s3"), ""))
			.hasMessage("kefu.storage.type=s3 is not a storage back end; known: [filesystem]");
	}
}
