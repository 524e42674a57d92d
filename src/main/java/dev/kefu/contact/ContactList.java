package dev.kefu.contact;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.kefu.shared.RequestRejected;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The contacts list of the desk's CRM view: an organization's contacts, newest activity first, found by a piece of
 * their name, e-mail, phone (with or without its spaces and dashes), the host site's user id, or their exact id.
 * Merged contacts are left out: their survivor stands for them.
 */
@Component
class ContactList {

	static final int MAX_QUERY = 200;
	static final int MAX_SIZE = 100;

	/** One page of contacts; {@code hasMore} when a next page has at least one. */
	@Schema(name = "ContactPage")
	record Page(List<Contact> items, int page, int size, boolean hasMore) {
	}

	private final JdbcClient jdbc;
	private final Contacts contacts;

	ContactList(JdbcClient jdbc, Contacts contacts) {
		this.jdbc = jdbc;
		this.contacts = contacts;
	}

	Page search(UUID organizationId, @Nullable String query, int page, int size) {
		if (page < 0 || page > 10_000) {
			throw new RequestRejected("invalid-page", "page must be 0 to 10000");
		}
		if (size < 1 || size > MAX_SIZE) {
			throw new RequestRejected("invalid-size", "size must be 1 to " + MAX_SIZE);
		}
		String q = query == null ? "" : query.strip();
		if (q.length() > MAX_QUERY) {
			throw new RequestRejected("invalid-query", "q must be at most " + MAX_QUERY + " characters");
		}
		List<Contact> found = jdbc.sql("""
				SELECT * FROM contact
				WHERE organization_id = :org AND merged_into IS NULL
				  AND (CAST(:pattern AS VARCHAR) IS NULL
				       OR LOWER(name) LIKE :pattern ESCAPE '\\' OR LOWER(email) LIKE :pattern ESCAPE '\\'
				       OR LOWER(external_id) LIKE :pattern ESCAPE '\\' OR phone LIKE :pattern ESCAPE '\\'
				       OR (CAST(:digits AS VARCHAR) IS NOT NULL
				           AND REPLACE(REPLACE(REPLACE(REPLACE(phone, ' ', ''), '-', ''), '(', ''), ')', '') LIKE :digits)
				       OR id = CAST(:id AS UUID))
				ORDER BY last_seen_at DESC, id DESC LIMIT :limit OFFSET :offset""")
			.param("org", organizationId)
			.param("pattern", q.isEmpty() ? null : "%" + escaped(q.toLowerCase()) + "%")
			.param("digits", digits(q))
			.param("id", uuid(q))
			.param("limit", size + 1)
			.param("offset", (long) page * size)
			.query(contacts::map)
			.list();
		return new Page(found.stream().limit(size).toList(), page, size, found.size() > size);
	}

	private static String escaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/** A phone number as typed, without its spacing: "138 0013-8000" finds "+86 13800138000" and the reverse. */
	private static @Nullable String digits(String q) {
		if (!q.matches("[+0-9 ()-]+")) {
			return null;
		}
		String digits = q.replaceAll("[\\s()-]", "");
		return digits.length() < 3 ? null : "%" + digits + "%";
	}

	private static @Nullable UUID uuid(String q) {
		try {
			return q.length() == 36 ? UUID.fromString(q) : null;
		}
		catch (IllegalArgumentException notAnId) {
			return null;
		}
	}
}
