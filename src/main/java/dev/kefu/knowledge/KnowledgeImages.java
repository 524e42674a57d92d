package dev.kefu.knowledge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.kefu.shared.Ids;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.StaffCaller;
import dev.kefu.shared.Text;
import dev.kefu.storage.FileStorage;
import dev.kefu.storage.FileStore;

/**
 * Pictures for articles. Only PNG, JPEG, GIF and WebP, recognised by their first bytes whatever the file claims to
 * be, so nothing else can be served from the help center's address. The bytes live in the {@code kb-images} area of
 * the file storage.
 */
@Service
class KnowledgeImages {

	static final int MAX_BYTES = 5 * 1024 * 1024;

	private final JdbcClient jdbc;
	private final FileStore store;
	private final Clock clock;

	KnowledgeImages(JdbcClient jdbc, FileStorage storage, Clock clock) {
		this.jdbc = jdbc;
		this.store = storage.area("kb-images");
		this.clock = clock;
	}

	record Stored(UUID id, String url, String markdown) {
	}

	record Image(String contentType, long size, InputStream content) {
	}

	Stored upload(StaffCaller caller, String fileName, InputStream content) throws IOException {
		byte[] bytes = content.readNBytes(MAX_BYTES + 1);
		if (bytes.length > MAX_BYTES) {
			throw new RequestRejected("file-too-large", "a picture may be at most " + MAX_BYTES / (1024 * 1024) + " MB");
		}
		String type = imageType(bytes).orElseThrow(() -> new RequestRejected("unsupported-file-type",
				"only PNG, JPEG, GIF and WebP pictures can go into articles"));
		UUID id = Ids.newId();
		store.put(id.toString(), new ByteArrayInputStream(bytes));
		String name = fileName.isBlank() ? "picture" : fileName.replaceAll("[\\[\\]()\\n\\r]", "");
		jdbc.sql("""
				INSERT INTO kb_image (id, organization_id, file_name, content_type, size_bytes, created_at, created_by)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, caller.organizationId(), Text.cut(name, 255), type, bytes.length,
					SqlTime.of(clock.instant()), caller.userId())
			.update();
		String url = "/api/v1/help/images/" + id;
		return new Stored(id, url, "![" + name + "](" + url + ")");
	}

	Image require(UUID id) throws IOException {
		record Row(String type, long size) {
		}
		Row row = jdbc.sql("SELECT content_type, size_bytes FROM kb_image WHERE id = ?")
			.param(id)
			.query((rs, n) -> new Row(rs.getString(1), rs.getLong(2)))
			.optional()
			.orElseThrow(() -> new ResourceNotFound("picture", id));
		try {
			return new Image(row.type(), row.size(), store.open(id.toString()));
		}
		catch (NoSuchFileException e) {
			throw new ResourceNotFound("picture", id);
		}
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
