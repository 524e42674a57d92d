package dev.kefu.contact;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.audit.AuditLog;
import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.StaffCaller;
import dev.kefu.shared.StateConflict;

/**
 * Erases a contact (right to erasure): in one transaction its profile and its tombstones' profiles are blanked and
 * {@link ContactErased} is published, so every module erases its own rows through the event publication registry.
 * The contact's row stays, empty, so conversations and report facts that name its id still resolve. The audit entry
 * names the contact by id only: recording the name would keep what was erased.
 */
@Service
class ContactErasure {

	static final String ERASED = "contact.erased";

	private final JdbcClient jdbc;
	private final Contacts contacts;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ContactErasure(JdbcClient jdbc, Contacts contacts, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.contacts = contacts;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	ContactErased erase(StaffCaller caller, UUID contactId, @Nullable String sourceAddress) {
		DataRights.requireErase(caller);
		UUID id = contacts.require(caller.organizationId(), contactId).id();
		Boolean held = jdbc.sql("SELECT legal_hold_at IS NOT NULL FROM contact WHERE organization_id = ? AND id = ? FOR UPDATE")
			.params(caller.organizationId(), id)
			.query(Boolean.class)
			.optional()
			.orElseThrow(() -> new ResourceNotFound("contact", contactId));
		if (held) {
			throw new StateConflict("contact-under-legal-hold",
					"contact " + id + " is under a legal hold; clear the hold before erasing it");
		}
		Instant now = clock.instant();
		List<UUID> ids = new ArrayList<>();
		ids.add(id);
		ids.addAll(jdbc.sql("SELECT id FROM contact WHERE organization_id = ? AND merged_into = ?")
			.params(caller.organizationId(), id)
			.query(UUID.class)
			.list());
		blank(caller.organizationId(), ids, now);
		ContactErased erased = new ContactErased(caller.organizationId(), id, List.copyOf(ids), now);
		events.publishEvent(erased);
		events.publishEvent(new ContactUpdated(caller.organizationId(), id, now));
		audit.record(caller, ERASED, "contact:" + id, ids.size() > 1 ? (ids.size() - 1) + " merged contacts too" : null,
				sourceAddress);
		return erased;
	}

	/** Blanks the profiles; also what the retention job does to a visitor gone longer than the organization keeps. */
	int blank(UUID organizationId, List<UUID> ids, Instant now) {
		int n = 0;
		for (UUID each : ids) {
			n += jdbc.sql("""
					UPDATE contact SET name = NULL, email = NULL, phone = NULL, attributes = '{}', external_id = NULL,
					  verified_at = NULL, erased_at = ?
					WHERE organization_id = ? AND id = ?""")
				.params(SqlTime.of(now), organizationId, each)
				.update();
		}
		return n;
	}
}
