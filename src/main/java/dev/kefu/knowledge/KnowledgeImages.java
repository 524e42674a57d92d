package dev.kefu.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.kefu.shared.Ids;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.StaffCaller;

/**
 * Pictures for articles. Only PNG, JPEG, GIF and WebP, recognised by their first bytes whatever the file claims to
 * be, so nothing else can be served from the help center's address. The bytes live in the data folder.
 */
@Service
class KnowledgeImages {

	static final int MAX_BYTES = 5 * 1024 * 1024;

	private final JdbcClient jdbc;
	private final Path folder;
	private final Clock clock;

	KnowledgeImages(JdbcClient jdbc, @Value("${kefu.data-dir}") Path dataDir, Clock clock) {
		this.jdbc = jdbc;
		this.folder = dataDir.resolve("kb-images");
		this.clock = clock;
	}

	record Stored(UUID id, String url, String markdown) {
	}

	record Image(String contentType, Path file) {
	}

	Stored upload(StaffCaller caller, String fileName, InputStream content) throws IOException {
		byte[] bytes = content.readNBytes(MAX_BYTES + 1);
		if (bytes.length > MAX_BYTES) {
			throw new RequestRejected("file-too-large", "a picture may be at most " + MAX_BYTES / (1024 * 1024) + " MB");
		}
		String type = imageType(bytes).orElseThrow(() -> new RequestRejected("unsupported-file-type",
				"only PNG, JPEG, GIF and WebP pictures can go into articles"));
		UUID id = Ids.newId();
		Files.createDirectories(folder);
		Files.write(folder.resolve(id.toString()), bytes);
		String name = fileName.isBlank() ? "picture" : fileName.replaceAll("[\\[\\]()\\n\\r]", "");
		jdbc.sql("""
				INSERT INTO kb_image (id, organization_id, file_name, content_type, size_bytes, created_at, created_by)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, caller.organizationId(), name.length() > 255 ? name.substring(0, 255) : name, type, bytes.length,
					SqlTime.of(clock.instant()), caller.userId())
			.update();
		String url = "/api/v1/help/images/" + id;
		return new Stored(id, url, "![" + name + "](" + url + ")");
	}

	Image require(UUID id) {
		String type = jdbc.sql("SELECT content_type FROM kb_image WHERE id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new ResourceNotFound("picture", id));
		Path file = folder.resolve(id.toString());
		if (!Files.exists(file)) {
			throw new ResourceNotFound("picture", id);
		}
		return new Image(type, file);
	}

	static Optional<String> imageType(byte[] b) {
		if (starts(b, 0x89, 'P', 'N', 'G')) {
			return Optional.of("image/png");
		}
		if (starts(b, 0xFF, 0xD8, 0xFF)) {
			return Optional.of("image/jpeg");
		}
		if (starts(b, 'G', 'I', 'F', '8')) {
			return Optional.of("image/gif");
		}
		if (starts(b, 'R', 'I', 'F', 'F') && b.length >= 12 && new String(Arrays.copyOfRange(b, 8, 12)).equals("WEBP")) {
			return Optional.of("image/webp");
		}
		return Optional.empty();
	}

	private static boolean starts(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}
}
