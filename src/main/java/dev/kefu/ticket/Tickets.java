package dev.kefu.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.kefu.privacy.Masked;
import dev.kefu.privacy.Masking;
import dev.kefu.shared.Ids;
import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.SqlTime;

/**
 * The ticket tables. Every read is scoped to an organization. Changes to one ticket happen under its row lock
 * ({@link #lock}), except taking an unassigned ticket, which is one conditional update so that two agents (on two
 * nodes) can never both get it.
 */
@Component
class Tickets {

	private final JdbcClient jdbc;

	private final Masking masking;

	Tickets(JdbcClient jdbc, Masking masking) {
		this.masking = masking;
		this.jdbc = jdbc;
	}

	/**
	 * Which tickets a staff list shows. {@code assignee} null means anyone's, {@code unassigned} only nobody's;
	 * {@code kind} null means both kinds.
	 */
	record Filter(Set<TicketState> states, @Nullable UUID assignee, boolean unassigned, @Nullable UUID groupId,
			@Nullable UUID contactId, int limit, int offset, @Nullable TicketKind kind) {
	}

	Optional<Ticket> find(UUID organizationId, UUID ticketId) {
		return jdbc.sql("SELECT * FROM ticket WHERE id = ? AND organization_id = ?")
			.params(ticketId, organizationId)
			.query(Tickets::map)
			.optional();
	}

	Ticket require(UUID organizationId, UUID ticketId) {
		return find(organizationId, ticketId).orElseThrow(() -> new ResourceNotFound("ticket", ticketId));
	}

	/** The ticket, locked until the caller's transaction ends, so that changes to it happen one after another. */
	Ticket lock(UUID organizationId, UUID ticketId) {
		return jdbc.sql("SELECT * FROM ticket WHERE id = ? AND organization_id = ? FOR UPDATE")
			.params(ticketId, organizationId)
			.query(Tickets::map)
			.optional()
			.orElseThrow(() -> new ResourceNotFound("ticket", ticketId));
	}

	Optional<Ticket> byClientId(UUID organizationId, UUID contactId, String clientMsgId) {
		return jdbc.sql("SELECT * FROM ticket WHERE organization_id = ? AND contact_id = ? AND client_msg_id = ?")
			.params(organizationId, contactId, clientMsgId)
			.query(Tickets::map)
			.optional();
	}

	/** A new ticket's subject (given, else the body's first line) as it may be stored: masked. */
	String subject(UUID organizationId, @Nullable String subject, String body) {
		return masking.mask(organizationId, Ticket.subjectOf(subject, body)).text();
	}

	void insert(Ticket ticket, String clientMsgId) {
		ContactDetails details = ticket.contactDetails();
		Callback callback = ticket.callback();
		jdbc.sql("""
				INSERT INTO ticket (id, organization_id, group_id, contact_id, client_msg_id, state, reason, assignee_id,
				                    contact_name, contact_email, contact_phone, subject, last_seq, created_at,
				                    updated_at, waiting_since, kind, callback_from, callback_until)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)""")
			.params(ticket.id(), ticket.organizationId(), ticket.groupId(), ticket.contactId(), clientMsgId,
					ticket.state().name(), ticket.reason().name(), ticket.assigneeId(), details.name(),
					details.email(), details.phone(), masking.mask(ticket.organizationId(), ticket.subject()).text(),
					SqlTime.of(ticket.createdAt()),
					SqlTime.of(ticket.updatedAt()), SqlTime.of(ticket.waitingSince()), ticket.kind().name(),
					SqlTime.of(callback == null ? null : callback.from()),
					SqlTime.of(callback == null ? null : callback.until()))
			.update();
	}

	/** Writes a ticket's state after a change decided under {@link #lock}. */
	void save(Ticket ticket) {
		Callback callback = ticket.callback();
		jdbc.sql("""
				UPDATE ticket SET state = ?, assignee_id = ?, waiting_since = ?, assigned_at = ?, first_answered_at = ?,
				                  answered_at = ?, closed_at = ?, closed_by = ?, close_note = ?, updated_at = ?,
				                  callback_attempts = ?, callback_outcome = ?, callback_note = ?
				WHERE id = ? AND organization_id = ?""")
			.params(ticket.state().name(), ticket.assigneeId(), SqlTime.of(ticket.waitingSince()),
					SqlTime.of(ticket.assignedAt()), SqlTime.of(ticket.firstAnsweredAt()),
					SqlTime.of(ticket.answeredAt()), SqlTime.of(ticket.closedAt()), ticket.closedBy(),
					ticket.closeNote(), SqlTime.of(ticket.updatedAt()), callback == null ? 0 : callback.attempts(),
					callback == null || callback.outcome() == null ? null : callback.outcome().name(),
					callback == null ? null : callback.note(), ticket.id(), ticket.organizationId())
			.update();
	}

	/**
	 * Gives an unassigned, not closed ticket to an agent. False, changing nothing, when someone has it already: the
	 * condition is checked by the database, so of two agents racing for it exactly one wins.
	 */
	boolean assignIfUnassigned(UUID organizationId, UUID ticketId, UUID agentId, Instant now) {
		return jdbc.sql("""
				UPDATE ticket SET assignee_id = ?, assigned_at = ?, updated_at = ?
				WHERE id = ? AND organization_id = ? AND assignee_id IS NULL AND state <> 'CLOSED'""")
			.params(agentId, SqlTime.of(now), SqlTime.of(now), ticketId, organizationId)
			.update() == 1;
	}

	/** Open tickets of the groups that nobody has, the longest waiting first. */
	List<UUID> waitingUnassigned(UUID organizationId, Collection<UUID> groupIds) {
		if (groupIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT id FROM ticket
				WHERE organization_id = :org AND group_id IN (:groups) AND state = 'OPEN' AND assignee_id IS NULL
				ORDER BY waiting_since, id""")
			.param("org", organizationId)
			.param("groups", groupIds)
			.query(UUID.class)
			.list();
	}

	/** How many tickets wait for each of these agents' answer; agents without any are absent. */
	Map<UUID, Integer> openCounts(UUID organizationId, Collection<UUID> agentIds) {
		if (agentIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("""
				SELECT assignee_id, COUNT(*) FROM ticket
				WHERE organization_id = :org AND assignee_id IN (:agents) AND state = 'OPEN'
				GROUP BY assignee_id""")
			.param("org", organizationId)
			.param("agents", agentIds)
			.query((rs, row) -> Map.entry(rs.getObject(1, UUID.class), rs.getInt(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/**
	 * A staff list: tickets waiting for an answer first, the one waiting longest at the top; then the others, most
	 * recently changed first.
	 */
	List<Ticket> search(UUID organizationId, Filter filter) {
		StringBuilder sql = new StringBuilder("SELECT * FROM ticket WHERE organization_id = :org AND state IN (:states)");
		if (filter.unassigned()) {
			sql.append(" AND assignee_id IS NULL");
		}
		else if (filter.assignee() != null) {
			sql.append(" AND assignee_id = :assignee");
		}
		if (filter.groupId() != null) {
			sql.append(" AND group_id = :group");
		}
		if (filter.contactId() != null) {
			sql.append(" AND contact_id = :contact");
		}
		if (filter.kind() != null) {
			sql.append(" AND kind = :kind");
		}
		sql.append(" ORDER BY CASE state WHEN 'OPEN' THEN 0 WHEN 'ANSWERED' THEN 1 ELSE 2 END, waiting_since,")
			.append(" updated_at DESC, id LIMIT :limit OFFSET :offset");
		JdbcClient.StatementSpec statement = jdbc.sql(sql.toString())
			.param("org", organizationId)
			.param("states", filter.states().stream().map(Enum::name).toList())
			.param("limit", filter.limit())
			.param("offset", filter.offset());
		if (filter.assignee() != null && !filter.unassigned()) {
			statement = statement.param("assignee", filter.assignee());
		}
		if (filter.groupId() != null) {
			statement = statement.param("group", filter.groupId());
		}
		if (filter.contactId() != null) {
			statement = statement.param("contact", filter.contactId());
		}
		if (filter.kind() != null) {
			statement = statement.param("kind", filter.kind().name());
		}
		return statement.query(Tickets::map).list();
	}

	/** A customer's own tickets, newest first. */
	List<Ticket> ofContact(UUID organizationId, UUID contactId, int limit) {
		return jdbc.sql("""
				SELECT * FROM ticket WHERE organization_id = ? AND contact_id = ?
				ORDER BY created_at DESC, id DESC LIMIT ?""")
			.params(organizationId, contactId, limit)
			.query(Tickets::map)
			.list();
	}

	/**
	 * Adds an entry at the end of a locked ticket's thread, with sensitive numbers masked (the ticket's subject, taken
	 * from the first line, is masked in {@link #insert}): the one place a left message, an answer or a reply is stored.
	 */
	TicketEntry append(Ticket ticket, String clientMsgId, TicketEntry.Author author, @Nullable UUID authorId,
			@Nullable String authorName, String clearBody, Instant now) {
		Masked masked = masking.mask(ticket.organizationId(), clearBody);
		String body = masked.text();
		jdbc.sql("UPDATE ticket SET last_seq = last_seq + 1 WHERE id = ?").param(ticket.id()).update();
		long seq = jdbc.sql("SELECT last_seq FROM ticket WHERE id = ?").param(ticket.id()).query(Long.class).single();
		TicketEntry entry = new TicketEntry(Ids.newId(), ticket.id(), seq, clientMsgId, author, authorId, authorName,
				body, now);
		jdbc.sql("""
				INSERT INTO ticket_entry (id, ticket_id, organization_id, seq, client_msg_id, author_type, author_id,
				                          author_name, body, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(entry.id(), ticket.id(), ticket.organizationId(), seq, clientMsgId, author.name(), authorId,
					authorName, body, SqlTime.of(now))
			.update();
		masking.keep(ticket.organizationId(), Masking.TICKET_ENTRY, entry.id(), ticket.id(), masked);
		return entry;
	}

	Optional<TicketEntry> entryByClientId(UUID ticketId, String clientMsgId) {
		return jdbc.sql("SELECT * FROM ticket_entry WHERE ticket_id = ? AND client_msg_id = ?")
			.params(ticketId, clientMsgId)
			.query(Tickets::mapEntry)
			.optional();
	}

	List<TicketEntry> thread(UUID ticketId) {
		return jdbc.sql("SELECT * FROM ticket_entry WHERE ticket_id = ? ORDER BY seq")
			.param(ticketId)
			.query(Tickets::mapEntry)
			.list();
	}

	/** The threads of several tickets in one read, each in order. */
	Map<UUID, List<TicketEntry>> threads(Collection<UUID> ticketIds) {
		if (ticketIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("SELECT * FROM ticket_entry WHERE ticket_id IN (:tickets) ORDER BY ticket_id, seq")
			.param("tickets", ticketIds)
			.query(Tickets::mapEntry)
			.list()
			.stream()
			.collect(Collectors.groupingBy(TicketEntry::ticketId, LinkedHashMap::new, Collectors.toList()));
	}

	private static Ticket map(ResultSet rs, int row) throws SQLException {
		TicketKind kind = TicketKind.valueOf(rs.getString("kind"));
		String outcome = rs.getString("callback_outcome");
		return new Ticket(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
				rs.getObject("group_id", UUID.class), rs.getObject("contact_id", UUID.class),
				TicketState.valueOf(rs.getString("state")), LeftBecause.valueOf(rs.getString("reason")),
				rs.getObject("assignee_id", UUID.class),
				new ContactDetails(rs.getString("contact_name"), rs.getString("contact_email"),
						rs.getString("contact_phone")),
				rs.getString("subject"), SqlTime.read(rs, "created_at"), SqlTime.read(rs, "updated_at"),
				SqlTime.read(rs, "waiting_since"), SqlTime.read(rs, "assigned_at"),
				SqlTime.read(rs, "first_answered_at"), SqlTime.read(rs, "answered_at"), SqlTime.read(rs, "closed_at"),
				rs.getObject("closed_by", UUID.class), rs.getString("close_note"), kind,
				kind == TicketKind.CALLBACK ? new Callback(SqlTime.read(rs, "callback_from"),
						SqlTime.read(rs, "callback_until"), rs.getInt("callback_attempts"),
						outcome == null ? null : CallbackOutcome.valueOf(outcome), rs.getString("callback_note"))
						: null);
	}

	private static TicketEntry mapEntry(ResultSet rs, int row) throws SQLException {
		return new TicketEntry(rs.getObject("id", UUID.class), rs.getObject("ticket_id", UUID.class),
				rs.getLong("seq"), rs.getString("client_msg_id"),
				TicketEntry.Author.valueOf(rs.getString("author_type")), rs.getObject("author_id", UUID.class),
				rs.getString("author_name"), rs.getString("body"), SqlTime.read(rs, "created_at"));
	}
}
