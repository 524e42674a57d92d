package dev.kefu.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.audit.AuditLog;
import dev.kefu.shared.Permission;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.StaffCaller;
import dev.kefu.shared.StateConflict;
import tools.jackson.databind.json.JsonMapper;

/**
 * Merges two contacts that are one customer. The survivor keeps its own fields and gains those it lacks from the
 * other (custom attributes too, its own winning); the other becomes a tombstone naming the survivor and keeps its
 * fields as they were, so nothing stored is lost. Other modules move their rows on {@link ContactsMerged}.
 * <p>
 * Supervisors and admins merge, not agents: a merge rewrites whose history is whose and cannot be undone.
 */
@Service
class ContactMerge {

	static final String MERGED = "contact.merged";

	/** A contact row as it is stored, tombstone or not. */
	private record Row(Contact contact, @Nullable UUID mergedInto) {
	}

	private final JdbcClient jdbc;
	private final Contacts contacts;
	private final JsonMapper json;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ContactMerge(JdbcClient jdbc, Contacts contacts, JsonMapper json, AuditLog audit, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.contacts = contacts;
		this.json = json;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	Contact merge(StaffCaller caller, UUID survivorId, UUID mergedId, @Nullable String sourceAddress) {
		caller.require(Permission.CONTACT_MERGE);
		if (survivorId.equals(mergedId)) {
			throw new RequestRejected("merge-with-itself", "a contact cannot be merged with itself");
		}
		Map<UUID, Row> rows = lock(caller.organizationId(), survivorId, mergedId);
		Row survivor = live(rows, survivorId);
		Row merged = live(rows, mergedId);
		Contact keep = survivor.contact();
		Contact gone = merged.contact();
		if (keep.externalId() != null && gone.externalId() != null) {
			// Two user ids the host site vouched for are two of its accounts: one person cannot be both.
			throw new StateConflict("verified-identities-differ", "both contacts are verified by the host site, as "
					+ keep.externalId() + " and " + gone.externalId() + "; they are two customers");
		}
		Instant now = clock.instant();
		boolean takesIdentity = keep.externalId() == null && gone.externalId() != null;
		if (takesIdentity) {
			// The user id is unique per organization: it leaves the tombstone before the survivor takes it.
			jdbc.sql("UPDATE contact SET external_id = NULL WHERE id = ? AND organization_id = ?")
				.params(mergedId, caller.organizationId())
				.update();
		}
		jdbc.sql("""
				UPDATE contact SET name = ?, email = ?, phone = ?, attributes = ?, created_at = ?, last_seen_at = ?,
				  external_id = ?, verified_at = COALESCE(verified_at, (SELECT verified_at FROM contact WHERE id = ?))
				WHERE id = ? AND organization_id = ?""")
			.params(either(keep.name(), gone.name()), either(keep.email(), gone.email()),
					either(keep.phone(), gone.phone()), json.writeValueAsString(attributes(keep, gone)),
					SqlTime.of(earlier(keep.createdAt(), gone.createdAt())),
					SqlTime.of(later(keep.lastSeenAt(), gone.lastSeenAt())),
					takesIdentity ? gone.externalId() : keep.externalId(), takesIdentity ? mergedId : survivorId,
					survivorId, caller.organizationId())
			.update();
		// Tombstones that named the merged contact now name the survivor: a link is always one step from it.
		jdbc.sql("UPDATE contact SET merged_into = ?, merged_at = ? WHERE organization_id = ? AND (id = ? OR merged_into = ?)")
			.params(survivorId, SqlTime.of(now), caller.organizationId(), mergedId, mergedId)
			.update();
		events.publishEvent(new ContactsMerged(caller.organizationId(), survivorId, mergedId, now));
		events.publishEvent(new ContactUpdated(caller.organizationId(), survivorId, now));
		audit.record(caller, MERGED, "contact:" + survivorId, "merged " + gone.label() + " (" + mergedId + ")"
				+ (takesIdentity ? ", verified as " + gone.externalId() : "") + " into " + keep.label(),
				sourceAddress);
		return contacts.require(caller.organizationId(), survivorId);
	}

	/** Both rows, locked in id order so two merges of the same pair at once cannot deadlock. */
	private Map<UUID, Row> lock(UUID organizationId, UUID first, UUID second) {
		Map<UUID, Row> rows = new LinkedHashMap<>();
		jdbc.sql("SELECT * FROM contact WHERE organization_id = ? AND id IN (?, ?) ORDER BY id FOR UPDATE")
			.params(organizationId, first, second)
			.query(this::row)
			.list()
			.forEach(row -> rows.put(row.contact().id(), row));
		return rows;
	}

	private static Row live(Map<UUID, Row> rows, UUID id) {
		Row row = rows.get(id);
		if (row == null) {
			throw new ResourceNotFound("contact", id);
		}
		if (row.mergedInto() != null) {
			throw new StateConflict("contact-merged", "contact " + id + " was already merged into " + row.mergedInto());
		}
		return row;
	}

	/**
	 * The survivor's attributes, then the other's it lacks, while they fit: at most {@value Contacts#MAX_ATTRIBUTES}
	 * and the column's 8000 characters. What does not fit stays on the tombstone.
	 */
	private Map<String, String> attributes(Contact keep, Contact gone) {
		Map<String, String> merged = new LinkedHashMap<>(keep.attributes());
		List<Map.Entry<String, String>> missing = gone.attributes().entrySet().stream()
			.filter(e -> !merged.containsKey(e.getKey()))
			.sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
			.toList();
		for (Map.Entry<String, String> entry : missing) {
			if (merged.size() >= Contacts.MAX_ATTRIBUTES) {
				break;
			}
			merged.put(entry.getKey(), entry.getValue());
			if (json.writeValueAsString(merged).length() > 8000) {
				merged.remove(entry.getKey());
			}
		}
		return merged;
	}

	private static @Nullable String either(@Nullable String kept, @Nullable String other) {
		return kept != null && !kept.isBlank() ? kept : other;
	}

	private static Instant earlier(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private Row row(ResultSet rs, int n) throws SQLException {
		return new Row(contacts.map(rs, n), rs.getObject("merged_into", UUID.class));
	}
}
