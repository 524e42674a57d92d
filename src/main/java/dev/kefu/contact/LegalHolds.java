package dev.kefu.contact;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

import dev.kefu.audit.AuditLog;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.StaffCaller;

/**
 * Legal holds on contacts (a dispute, a regulator's request): a held contact's conversations, left messages and
 * profile are skipped by the retention job, and erasing it is refused. Admins and supervisors set and clear them,
 * with a reason; both are audited.
 */
@Service
public class LegalHolds {

	static final String SET = "contact.legal-hold-set";
	static final String CLEARED = "contact.legal-hold-cleared";

	private final JdbcClient jdbc;
	private final Contacts contacts;
	private final AuditLog audit;
	private final Clock clock;

	LegalHolds(JdbcClient jdbc, Contacts contacts, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.contacts = contacts;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The organization's held contacts, with the tombstones merged into them (their rows moved to the survivor, but a
	 * move still pending must not let them go).
	 */
	public Set<UUID> heldContacts(UUID organizationId) {
		return new HashSet<>(jdbc.sql("""
				SELECT id FROM contact WHERE organization_id = :org AND (legal_hold_at IS NOT NULL OR merged_into IN (
				  SELECT id FROM contact WHERE organization_id = :org AND legal_hold_at IS NOT NULL))""")
			.param("org", organizationId)
			.query(UUID.class)
			.list());
	}

	public Optional<LegalHold> of(UUID organizationId, UUID contactId) {
		UUID id = contacts.require(organizationId, contactId).id();
		return jdbc.sql("""
				SELECT legal_hold_reason, legal_hold_by, legal_hold_at FROM contact
				WHERE organization_id = ? AND id = ? AND legal_hold_at IS NOT NULL""")
			.params(organizationId, id)
			.query((rs, n) -> new LegalHold(id, rs.getString(1), rs.getObject(2, UUID.class),
					SqlTime.read(rs, "legal_hold_at")))
			.optional();
	}

	@Transactional
	public LegalHold set(StaffCaller caller, UUID contactId, @Nullable String reason, @Nullable String sourceAddress) {
		DataRights.requireLegalHold(caller);
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty() || why.length() > 500) {
			throw new RequestRejected("invalid-reason", "a legal hold needs a reason of 1-500 characters");
		}
		UUID id = contacts.require(caller.organizationId(), contactId).id();
		jdbc.sql("""
				UPDATE contact SET legal_hold_reason = ?, legal_hold_by = ?, legal_hold_at = ?
				WHERE organization_id = ? AND id = ?""")
			.params(why, caller.userId(), SqlTime.of(clock.instant()), caller.organizationId(), id)
			.update();
		audit.record(caller, SET, "contact:" + id, why, sourceAddress);
		return of(caller.organizationId(), id).orElseThrow();
	}

	@Transactional
	public void clear(StaffCaller caller, UUID contactId, @Nullable String sourceAddress) {
		DataRights.requireLegalHold(caller);
		UUID id = contacts.require(caller.organizationId(), contactId).id();
		int cleared = jdbc.sql("""
				UPDATE contact SET legal_hold_reason = NULL, legal_hold_by = NULL, legal_hold_at = NULL
				WHERE organization_id = ? AND id = ? AND legal_hold_at IS NOT NULL""")
			.params(caller.organizationId(), id)
			.update();
		if (cleared > 0) {
			audit.record(caller, CLEARED, "contact:" + id, null, sourceAddress);
		}
	}
}
