package dev.kefu.conversation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

import dev.kefu.organization.StoredBytes;
import dev.kefu.organization.Tenants;
import dev.kefu.security.UrlSignatures;
import dev.kefu.shared.Ids;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.SqlTime;
import dev.kefu.storage.FileStorage;
import dev.kefu.storage.FileStore;

/**
 * Images and files sent in a conversation. Size and type are checked on the bytes as they stream in; a refused file
 * leaves nothing behind.
 */
@Service
public class Attachments implements StoredBytes {

	private static final Logger log = LoggerFactory.getLogger(Attachments.class);

	private static final int SNIFF_BYTES = 8192;

	private final JdbcClient jdbc;
	private final FileStore store;
	private final UrlSignatures signatures;
	private final Clock clock;
	private final long maxBytes;
	private final Tenants tenants;

	Attachments(JdbcClient jdbc, FileStorage storage, UrlSignatures signatures, Clock clock,
			@Value("${kefu.attachments.max-size:10MB}") DataSize maxSize, Tenants tenants) {
		this.tenants = tenants;
		this.jdbc = jdbc;
		this.store = storage.area("attachments");
		this.signatures = signatures;
		this.clock = clock;
		this.maxBytes = maxSize.toBytes();
	}

	/** A stored file's bytes and what to serve them as. */
	public record Download(String fileName, String contentType, long size, InputStream content) {
	}

	public AttachmentRef upload(UUID organizationId, UUID conversationId, Participant uploader, String fileName,
			String declaredType, InputStream content) throws IOException {
		String name = safeName(fileName);
		byte[] head = content.readNBytes(SNIFF_BYTES);
		String type = ContentSniffer.sniff(head, head.length, name)
			.orElseThrow(() -> new RequestRejected("unsupported-file-type",
					"only images (PNG, JPEG, GIF, WebP), PDF, Office documents, ZIP and plain text can be sent",
					HttpStatus.UNSUPPORTED_MEDIA_TYPE));
		if (!ContentSniffer.matches(declaredType, type)) {
			throw new RequestRejected("content-type-mismatch",
					"the file says it is " + declaredType + " but its content is " + type,
					HttpStatus.UNSUPPORTED_MEDIA_TYPE);
		}
		// The organization's storage limit: refused up front when full, and checked again on the real size.
		long used = of(organizationId);
		tenants.requireStorage(organizationId, used, head.length);
		UUID id = Ids.newId();
		String key = organizationId + "/" + conversationId + "/" + id;
		MessageDigest sha256 = sha256();
		LimitedInputStream counted = new LimitedInputStream(
				new DigestInputStream(new SequenceInputStream(new ByteArrayInputStream(head), content), sha256), maxBytes);
		store.put(key, counted);
		try {
			tenants.requireStorage(organizationId, used, counted.count());
		}
		catch (RuntimeException full) {
			store.delete(key);
			throw full;
		}
		jdbc.sql("""
				INSERT INTO attachment (id, organization_id, conversation_id, uploader_type, uploader_id, file_name,
				                        content_type, size_bytes, sha256, storage_key, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, organizationId, conversationId, uploader.type().name(), uploader.id(), name, type,
					counted.count(), HexFormat.of().formatHex(sha256.digest()), key, SqlTime.of(clock.instant()))
			.update();
		return sign(new AttachmentRef(id, name, type, counted.count(), ""));
	}

	/** Bytes of the organization's attachments, counted towards its storage limit. */
	@Override
	public long of(UUID organizationId) {
		return jdbc.sql("SELECT COALESCE(SUM(size_bytes), 0) FROM attachment WHERE organization_id = ?")
			.param(organizationId)
			.query(Long.class)
			.single();
	}

	/** The attachments a new message refers to; each must have been uploaded to the same conversation. */
	List<AttachmentRef> claim(UUID organizationId, UUID conversationId, List<UUID> ids) {
		List<AttachmentRef> refs = new ArrayList<>();
		for (UUID id : ids) {
			refs.add(jdbc.sql("""
					SELECT id, file_name, content_type, size_bytes FROM attachment
					WHERE id = ? AND organization_id = ? AND conversation_id = ?""")
				.params(id, organizationId, conversationId)
				.query((rs, row) -> new AttachmentRef(id, rs.getString("file_name"), rs.getString("content_type"),
						rs.getLong("size_bytes"), ""))
				.optional()
				.orElseThrow(() -> new RequestRejected("unknown-attachment",
						"attachment " + id + " was not uploaded to this conversation")));
		}
		return refs;
	}

	List<AttachmentRef> signed(List<AttachmentRef> refs) {
		return refs.stream().map(this::sign).toList();
	}

	/** Opens a file for a signed link; an expired or forged signature is the same as a missing file. */
	public Download download(UUID id, long expires, String signature) throws IOException {
		if (!signatures.verify(path(id), expires, signature)) {
			throw new ResourceNotFound("attachment", id);
		}
		return read(id, null);
	}

	/**
	 * Opens a file of the organization for a channel that sends it on (an e-mail's attachment): no signed link, the
	 * caller is the server itself.
	 */
	public Download open(UUID organizationId, UUID id) throws IOException {
		return read(id, organizationId);
	}

	private Download read(UUID id, @Nullable UUID organizationId) throws IOException {
		record Row(String name, String type, long size, String key, UUID organizationId) {
		}
		Row row = jdbc.sql("""
				SELECT file_name, content_type, size_bytes, storage_key, organization_id FROM attachment WHERE id = ?""")
			.param(id)
			.query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
					rs.getObject(5, UUID.class)))
			.optional()
			.filter(r -> organizationId == null || organizationId.equals(r.organizationId()))
			.orElseThrow(() -> new ResourceNotFound("attachment", id));
		try {
			return new Download(row.name(), row.type(), row.size(), store.open(row.key()));
		}
		catch (NoSuchFileException e) {
			// Recorded, but its bytes are not where this node looks: another node's data folder (filesystem storage
			// in a cluster) or a data folder that was not carried over.
			log.warn("attachment {} is recorded but its file is missing: {}", id, e.getMessage());
			throw new ResourceNotFound("attachment", id);
		}
	}

	/** A stored file of a conversation, as the contact's data export lists it. */
	record Stored(UUID id, UUID conversationId, String fileName, String contentType, long size, Instant createdAt) {
	}

	List<Stored> of(UUID organizationId, Collection<UUID> conversationIds) {
		List<Stored> stored = new ArrayList<>();
		for (UUID conversationId : conversationIds) {
			stored.addAll(jdbc.sql("""
					SELECT id, conversation_id, file_name, content_type, size_bytes, created_at FROM attachment
					WHERE organization_id = ? AND conversation_id = ? ORDER BY created_at""")
				.params(organizationId, conversationId)
				.query((rs, n) -> new Stored(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
						rs.getString(4), rs.getLong(5), SqlTime.read(rs, "created_at")))
				.list());
		}
		return stored;
	}

	/**
	 * Deletes the conversations' files and their rows (erasure, retention). The bytes go first: should the
	 * transaction then fail, the rows are found and deleted again when it is retried, and no file outlives its row.
	 */
	int removeAll(UUID organizationId, Collection<UUID> conversationIds) {
		int removed = 0;
		for (UUID conversationId : conversationIds) {
			List<String> keys = jdbc.sql("SELECT storage_key FROM attachment WHERE organization_id = ? AND conversation_id = ?")
				.params(organizationId, conversationId)
				.query(String.class)
				.list();
			for (String key : keys) {
				try {
					store.delete(key);
				}
				catch (IOException e) {
					throw new UncheckedIOException("could not delete attachment file " + key, e);
				}
			}
			removed += jdbc.sql("DELETE FROM attachment WHERE organization_id = ? AND conversation_id = ?")
				.params(organizationId, conversationId)
				.update();
		}
		return removed;
	}

	private AttachmentRef sign(AttachmentRef ref) {
		return new AttachmentRef(ref.id(), ref.name(), ref.contentType(), ref.size(), signatures.sign(path(ref.id())));
	}

	private static String path(UUID id) {
		return "/api/v1/attachments/" + id;
	}

	private static String safeName(String fileName) {
		String name = fileName == null ? "" : fileName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
		if (name.isEmpty()) {
			return "file";
		}
		return name.length() > 200 ? name.substring(name.length() - 200) : name;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Counts bytes and fails the upload as soon as the limit is passed, before the rest is read. */
	private static final class LimitedInputStream extends java.io.FilterInputStream {

		private final long limit;
		private long count;

		LimitedInputStream(InputStream in, long limit) {
			super(in);
			this.limit = limit;
		}

		long count() {
			return count;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				add(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				add(n);
			}
			return n;
		}

		private void add(long n) {
			count += n;
			if (count > limit) {
				throw new RequestRejected("file-too-large",
						"files may be at most " + DataSize.ofBytes(limit).toMegabytes() + " MB",
						HttpStatus.CONTENT_TOO_LARGE);
			}
		}
	}
}
