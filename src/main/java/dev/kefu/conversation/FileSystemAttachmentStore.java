package dev.kefu.conversation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Attachments as files below {@code <data-dir>/attachments}; writes go to a temp file first, then move. */
class FileSystemAttachmentStore implements AttachmentStore {

	private final Path root;

	FileSystemAttachmentStore(Path root) {
		this.root = root;
	}

	@Override
	public void put(String key, InputStream content) throws IOException {
		Path target = resolve(key);
		Files.createDirectories(target.getParent());
		Path temp = Files.createTempFile(target.getParent(), "upload", ".tmp");
		try {
			Files.copy(content, temp, StandardCopyOption.REPLACE_EXISTING);
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	@Override
	public InputStream open(String key) throws IOException {
		return Files.newInputStream(resolve(key));
	}

	private Path resolve(String key) {
		Path path = root.resolve(key).normalize();
		if (!path.startsWith(root)) {
			throw new IllegalArgumentException("storage key escapes the store: " + key);
		}
		return path;
	}

	@Configuration(proxyBeanMethods = false)
	static class Defaults {

		@Bean
		@ConditionalOnMissingBean
		AttachmentStore attachmentStore(@Value("${kefu.data-dir}") String dataDir) {
			return new FileSystemAttachmentStore(Path.of(dataDir, "attachments").toAbsolutePath().normalize());
		}
	}
}
