package dev.kefu.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.shared.Ids;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.SqlTime;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Creates, finds and updates contacts, always within one organization. */
@Service
public class Contacts {

	static final int MAX_ATTRIBUTES = 50;

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	Contacts(JdbcClient jdbc, JsonMapper json, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	@Transactional
	public Contact create(UUID organizationId) {
		UUID id = Ids.newId();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO contact (id, organization_id, attributes, created_at, last_seen_at)
				VALUES (?, ?, '{}', ?, ?)""")
			.params(id, organizationId, SqlTime.of(now), SqlTime.of(now))
			.update();
		return require(organizationId, id);
	}

	/**
	 * The contact the host site vouched for as {@code externalId}, made on its first visit: the same contact, with its
	 * history, on every device. Only call this with an identity that has been verified. Not one transaction: on
	 * PostgreSQL a lost race on the unique index would spoil it for the read that follows.
	 */
	Contact verified(UUID organizationId, String externalId) {
		Optional<Contact> known = findVerified(organizationId, externalId);
		if (known.isPresent()) {
			touch(organizationId, known.get().id());
			return known.get();
		}
		UUID id = Ids.newId();
		Instant now = clock.instant();
		try {
			jdbc.sql("""
					INSERT INTO contact (id, organization_id, attributes, created_at, last_seen_at, external_id,
					  verified_at)
					VALUES (?, ?, '{}', ?, ?, ?, ?)""")
				.params(id, organizationId, SqlTime.of(now), SqlTime.of(now), externalId, SqlTime.of(now))
				.update();
		}
		catch (DuplicateKeyException sameUserOnTwoDevicesAtOnce) {
			return findVerified(organizationId, externalId).orElseThrow();
		}
		return require(organizationId, id);
	}

	private Optional<Contact> findVerified(UUID organizationId, String externalId) {
		return jdbc.sql("SELECT * FROM contact WHERE organization_id = ? AND external_id = ?")
			.params(organizationId, externalId)
			.query(this::map)
			.optional();
	}

	/**
	 * The contact, or the survivor it was merged into: every link to a merged contact reaches the survivor. A merge
	 * repoints the tombstones that named the contact it ends, so one step is enough.
	 */
	public Optional<Contact> find(UUID organizationId, UUID contactId) {
		return jdbc.sql("""
				SELECT * FROM contact WHERE organization_id = :org AND id = COALESCE(
				  (SELECT merged_into FROM contact WHERE id = :id AND organization_id = :org), :id)""")
			.param("org", organizationId)
			.param("id", contactId)
			.query(this::map)
			.optional();
	}

	public Contact require(UUID organizationId, UUID contactId) {
		return find(organizationId, contactId).orElseThrow(() -> new ResourceNotFound("contact", contactId));
	}

	@Transactional
	public Contact update(UUID organizationId, UUID contactId, ContactProfile profile) {
		Contact contact = require(organizationId, contactId);
		Map<String, String> attributes = new LinkedHashMap<>(contact.attributes());
		if (profile.attributes() != null) {
			profile.attributes().forEach((key, value) -> {
				if (value == null || value.isEmpty()) {
					attributes.remove(key);
				}
				else {
					attributes.put(key, value);
				}
			});
		}
		String name = pick(profile.name(), contact.name(), 200, "name");
		String email = pick(profile.email(), contact.email(), 320, "email");
		String phone = pick(profile.phone(), contact.phone(), 50, "phone");
		validate(email, phone, attributes);
		// A merged contact's id reaches its survivor, and the survivor is what changes.
		jdbc.sql("UPDATE contact SET name = ?, email = ?, phone = ?, attributes = ? WHERE id = ? AND organization_id = ?")
			.params(name, email, phone, json.writeValueAsString(attributes), contact.id(), organizationId)
			.update();
		events.publishEvent(new ContactUpdated(organizationId, contact.id(), clock.instant()));
		return require(organizationId, contact.id());
	}

	public void touch(UUID organizationId, UUID contactId) {
		jdbc.sql("UPDATE contact SET last_seen_at = ? WHERE id = ? AND organization_id = ?")
			.params(SqlTime.of(clock.instant()), contactId, organizationId)
			.update();
	}

	private static String pick(String given, String current, int maxLength, String field) {
		String value = given == null ? current : given.strip();
		if (value != null && value.length() > maxLength) {
			throw new RequestRejected("invalid-" + field, field + " must be at most " + maxLength + " characters");
		}
		return value == null || value.isEmpty() ? null : value;
	}

	private static void validate(String email, String phone, Map<String, String> attributes) {
		if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			throw new RequestRejected("invalid-email", "not an e-mail address: " + email);
		}
		if (phone != null && !phone.matches("[+0-9 ()-]{3,50}")) {
			throw new RequestRejected("invalid-phone", "not a phone number: " + phone);
		}
		if (attributes.size() > MAX_ATTRIBUTES) {
			throw new RequestRejected("too-many-attributes", "at most " + MAX_ATTRIBUTES + " custom attributes");
		}
		attributes.forEach((key, value) -> {
			if (!key.matches("[A-Za-z][A-Za-z0-9_.-]{0,63}") || value.length() > 500) {
				throw new RequestRejected("invalid-attribute",
						"attribute keys are letters, digits, _ . - (max 64) and values at most 500 characters");
			}
		});
	}

	Contact map(ResultSet rs, int row) throws SQLException {
		return new Contact(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
				rs.getString("name"), rs.getString("email"), rs.getString("phone"),
				json.readValue(rs.getString("attributes"), new TypeReference<Map<String, String>>() {
				}), SqlTime.read(rs, "created_at"), SqlTime.read(rs, "last_seen_at"), rs.getString("external_id"),
				rs.getObject("verified_at") != null);
	}
}
