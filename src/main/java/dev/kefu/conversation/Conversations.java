package dev.kefu.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.shared.Batches;
import dev.kefu.shared.Ids;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.StateConflict;

/**
 * The conversation state machine. Every transition is one conditional UPDATE ({@code ... WHERE state = ?}), so two
 * nodes racing for the same conversation cannot both win, and every transition is recorded with its instant.
 */
@Service
public class Conversations {

	private final JdbcClient jdbc;
	private final JdbcTemplate jdbcTemplate;
	private final Messages messages;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final ObjectProvider<CloseRules> closeRules;

	Conversations(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Messages messages, ApplicationEventPublisher events,
			Clock clock, ObjectProvider<CloseRules> closeRules) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.messages = messages;
		this.events = events;
		this.clock = clock;
		this.closeRules = closeRules;
	}

	/**
	 * Opens a queued conversation through a channel: {@code channel} is its provider id, {@code channelId} the
	 * instance. Callers route it; see the routing module's intake.
	 */
	@Transactional
	public Conversation open(UUID organizationId, UUID contactId, UUID groupId, String channel, UUID channelId) {
		return open(organizationId, contactId, groupId, channel, channelId, ConversationState.QUEUED);
	}

	/** Opens a conversation the virtual assistant serves first; see {@link #handOver}. */
	@Transactional
	public Conversation openWithAssistant(UUID organizationId, UUID contactId, UUID groupId, String channel,
			UUID channelId) {
		return open(organizationId, contactId, groupId, channel, channelId, ConversationState.BOT);
	}

	private Conversation open(UUID organizationId, UUID contactId, UUID groupId, String channel, UUID channelId,
			ConversationState state) {
		if (!channel.matches("[a-z][a-z0-9-]{1,31}")) {
			throw new RequestRejected("invalid-channel", "channel must be 2-32 lower-case letters, digits or '-'");
		}
		UUID id = Ids.newId();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO conversation (id, organization_id, contact_id, channel, channel_id, group_id, state, last_seq,
				                          created_at, queued_at, contact_read_seq, agent_read_seq)
				VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 0, 0)""")
			.params(id, organizationId, contactId, channel, channelId, groupId, state.name(), SqlTime.of(now),
					state == ConversationState.QUEUED ? SqlTime.of(now) : null)
			.update();
		record(organizationId, id, "opened", null, state, null, groupId, Participant.contact(contactId), null, now);
		events.publishEvent(new ConversationOpened(organizationId, id, contactId, groupId, channel, now));
		// What was just inserted, without reading it back: this runs for every new chat.
		return new Conversation(id, organizationId, contactId, channel, groupId, state, null, 0, now,
				state == ConversationState.QUEUED ? now : null, null, null, null, null, null, null, null, null, null, null,
				null, null, null, 0, 0, channelId);
	}

	/**
	 * Moves a conversation from the assistant to a group's queue, in the caller's transaction (routing queues it in
	 * the same one). The customer's wait for a person starts now; {@code reason} says why the assistant let go
	 * (asked for a person, could not answer, upset...). False if the assistant no longer serves it.
	 */
	public boolean handOver(UUID organizationId, UUID conversationId, UUID groupId, String reason) {
		Instant now = clock.instant();
		int updated = jdbc.sql("""
				UPDATE conversation SET state = 'QUEUED', group_id = ?, queued_at = ?, handed_over_at = ?,
				                        awaiting_reply_since = ?
				WHERE id = ? AND organization_id = ? AND state = 'BOT'""")
			.params(groupId, SqlTime.of(now), SqlTime.of(now), SqlTime.of(now), conversationId, organizationId)
			.update();
		if (updated == 0) {
			return false;
		}
		Conversation c = require(organizationId, conversationId);
		record(organizationId, conversationId, "handed-over", ConversationState.BOT, ConversationState.QUEUED, null,
				groupId, Participant.system(), reason, now);
		messages.appendSystem(c, SystemLine.handedOver());
		events.publishEvent(new ConversationHandedOver(organizationId, conversationId, c.contactId(), groupId, reason,
				now));
		return true;
	}

	/** A queued conversation for an agent, as routing planned it. */
	public record Handover(UUID conversationId, UUID agentId, String agentName) {
	}

	/**
	 * Gives queued conversations to agents, in the caller's transaction, with the same few statements however many
	 * there are: a burst of new chats is assigned in rounds, and on PostgreSQL every statement is a round trip. Each
	 * move is conditional on the conversation still being queued; those that are not (taken elsewhere, or the customer
	 * left) are left untouched and missing from the answer.
	 */
	public List<Conversation> assignAll(UUID organizationId, List<Handover> handovers) {
		if (handovers.isEmpty()) {
			return List.of();
		}
		Instant now = clock.instant();
		// last_seq + 1 is the sequence number of the "now serving you" line written below.
		int[] updated = jdbcTemplate.batchUpdate("""
				UPDATE conversation SET state = 'ASSIGNED', agent_id = ?, assigned_at = COALESCE(assigned_at, ?),
				                        last_seq = last_seq + 1
				WHERE id = ? AND organization_id = ? AND state = 'QUEUED'""", handovers.stream()
			.map(h -> new Object[] { h.agentId(), SqlTime.of(now), h.conversationId(), organizationId })
			.toList());
		Map<UUID, Handover> moved = new LinkedHashMap<>();
		for (int i = 0; i < handovers.size(); i++) {
			if (Batches.changedOne(updated[i])) {
				moved.put(handovers.get(i).conversationId(), handovers.get(i));
			}
		}
		if (moved.isEmpty()) {
			return List.of();
		}
		List<Conversation> assigned = findAll(organizationId, moved.keySet());
		jdbcTemplate.batchUpdate(TRANSITION, assigned.stream()
			.map(c -> transition(organizationId, c.id(), "assigned", ConversationState.QUEUED, ConversationState.ASSIGNED,
					c.agentId(), c.groupId(), Participant.system(), null, now))
			.toList());
		messages.appendSystemLines(assigned.stream()
			.map(c -> new Messages.SystemLineFor(c, SystemLine.nowServing(moved.get(c.id()).agentName())))
			.toList());
		assigned.forEach(c -> events.publishEvent(new ConversationAssigned(organizationId, c.id(), c.contactId(),
				c.groupId(), c.agentId(), moved.get(c.id()).agentName(), now)));
		return assigned;
	}

	/** Moves an assigned conversation from one agent to another; false if it is not assigned to {@code fromAgent}. */
	@Transactional
	public boolean transferToAgent(UUID organizationId, UUID conversationId, UUID fromAgentId, UUID toAgentId,
			String toAgentName, Participant actor, @Nullable String note) {
		Instant now = clock.instant();
		int updated = jdbc.sql("""
				UPDATE conversation SET agent_id = ?
				WHERE id = ? AND organization_id = ? AND state = 'ASSIGNED' AND agent_id = ?""")
			.params(toAgentId, conversationId, organizationId, fromAgentId)
			.update();
		if (updated == 0) {
			return false;
		}
		Conversation c = require(organizationId, conversationId);
		record(organizationId, conversationId, "transferred", ConversationState.ASSIGNED, ConversationState.ASSIGNED,
				toAgentId, c.groupId(), actor, note, now);
		messages.appendSystem(c, SystemLine.transferred(toAgentName));
		events.publishEvent(new ConversationTransferred(organizationId, conversationId, c.contactId(), c.groupId(),
				fromAgentId, toAgentId, toAgentName, note, now));
		return true;
	}

	/**
	 * Puts an assigned conversation back into a group's queue. It keeps its original queued time, so a customer who
	 * has already waited is not sent to the back of the line.
	 */
	@Transactional
	public boolean requeue(UUID organizationId, UUID conversationId, UUID fromAgentId, UUID groupId, Participant actor,
			String reason, @Nullable String note) {
		Instant now = clock.instant();
		int updated = jdbc.sql("""
				UPDATE conversation SET state = 'QUEUED', agent_id = NULL, group_id = ?
				WHERE id = ? AND organization_id = ? AND state = 'ASSIGNED' AND agent_id = ?""")
			.params(groupId, conversationId, organizationId, fromAgentId)
			.update();
		if (updated == 0) {
			return false;
		}
		Conversation c = require(organizationId, conversationId);
		record(organizationId, conversationId, reason.equals("transfer") ? "transferred" : "requeued",
				ConversationState.ASSIGNED, ConversationState.QUEUED, null, groupId, actor, note, now);
		messages.appendSystem(c, SystemLine.requeued());
		Instant queuedAt = c.queuedAt() == null ? now : c.queuedAt();
		events.publishEvent(new ConversationRequeued(organizationId, conversationId, c.contactId(), groupId,
				fromAgentId, reason, note, queuedAt, now));
		return true;
	}

	/**
	 * Ends an open conversation. A customer leaving a chat no agent has taken yet abandons it; anything else closes
	 * it.
	 */
	@Transactional
	public Conversation close(UUID organizationId, UUID conversationId, Participant actor, String reason) {
		return close(organizationId, conversationId, actor, reason, null);
	}

	/**
	 * Ends an open conversation with the disposition code the closer chose. A staff member's close must also satisfy
	 * the {@link CloseRules} (a group may require a disposition); the customer's never waits on them.
	 */
	@Transactional
	public Conversation close(UUID organizationId, UUID conversationId, Participant actor, String reason,
			@Nullable UUID dispositionId) {
		if (!reason.matches("[a-z][a-z0-9-]{1,31}")) {
			throw new RequestRejected("invalid-reason", "close reason must be a short lower-case code like resolved");
		}
		Conversation c = require(organizationId, conversationId);
		if (!c.state().isOpen()) {
			throw new StateConflict("conversation-closed", "conversation " + conversationId + " is already closed");
		}
		ConversationState to = c.state() == ConversationState.QUEUED && actor.type() == ParticipantType.CONTACT
				? ConversationState.ABANDONED : ConversationState.CLOSED;
		UUID staffId = actor.type() == ParticipantType.AGENT ? actor.id() : null;
		if (staffId != null) {
			closeRules.orderedStream().forEach(rules -> rules.closing(c, staffId, dispositionId));
		}
		Instant now = clock.instant();
		int updated = jdbc.sql("""
				UPDATE conversation SET state = ?, closed_at = ?, closed_by = ?, close_reason = ?,
				                        awaiting_reply_since = NULL
				WHERE id = ? AND organization_id = ? AND state = ?""")
			.params(to.name(), SqlTime.of(now), actor.type().name(), reason, conversationId, organizationId,
					c.state().name())
			.update();
		if (updated == 0) {
			// Changed under us (assigned or closed meanwhile): decide again on the fresh state.
			return close(organizationId, conversationId, actor, reason, dispositionId);
		}
		record(organizationId, conversationId, to == ConversationState.ABANDONED ? "abandoned" : "closed", c.state(), to,
				c.agentId(), c.groupId(), actor, reason, now);
		messages.appendSystem(c, SystemLine.closed());
		events.publishEvent(new ConversationClosed(organizationId, conversationId, c.contactId(), c.groupId(),
				c.agentId(), to, reason, staffId == null ? null : dispositionId, now));
		return require(organizationId, conversationId);
	}

	/** The agent's after-chat summary. Saving it ends after-chat work; it can be edited later. */
	@Transactional
	public Conversation saveSummary(UUID organizationId, UUID conversationId, UUID agentId, @Nullable String summary) {
		if (summary == null || summary.isBlank() || summary.length() > 4000) {
			throw new RequestRejected("invalid-summary", "summary must be 1-4000 characters");
		}
		Conversation c = require(organizationId, conversationId);
		Instant now = clock.instant();
		jdbc.sql("UPDATE conversation SET summary = ?, summary_at = COALESCE(summary_at, ?) WHERE id = ?")
			.params(summary.strip(), SqlTime.of(now), conversationId)
			.update();
		if (c.summaryAt() == null) {
			events.publishEvent(new SummarySaved(organizationId, conversationId, c.contactId(), agentId, now));
		}
		return require(organizationId, conversationId);
	}

	/** The customer's satisfaction rating; allowed once an agent has served them, changed until it is final. */
	@Transactional
	public Conversation rate(UUID organizationId, UUID conversationId, UUID contactId, int rating,
			@Nullable String comment) {
		if (rating < 1 || rating > 5) {
			throw new RequestRejected("invalid-rating", "rating must be 1 to 5");
		}
		if (comment != null && comment.length() > 2000) {
			throw new RequestRejected("invalid-comment", "comment must be at most 2000 characters");
		}
		Conversation c = require(organizationId, conversationId);
		if (!c.contactId().equals(contactId)) {
			throw new ResourceNotFound("conversation", conversationId);
		}
		if (c.assignedAt() == null) {
			throw new StateConflict("not-served", "only a conversation an agent has served can be rated");
		}
		Instant now = clock.instant();
		jdbc.sql("UPDATE conversation SET rating = ?, rating_comment = ?, rated_at = ? WHERE id = ?")
			.params(rating, comment == null || comment.isBlank() ? null : comment.strip(), SqlTime.of(now),
					conversationId)
			.update();
		events.publishEvent(new ConversationRated(organizationId, conversationId, contactId, c.agentId(), rating,
				comment, now));
		return require(organizationId, conversationId);
	}

	public Optional<Conversation> find(UUID organizationId, UUID conversationId) {
		return jdbc.sql("SELECT * FROM conversation WHERE id = ? AND organization_id = ?")
			.params(conversationId, organizationId)
			.query(ConversationRows::map)
			.optional();
	}

	/** Those of the given conversations that exist in the organization, in no particular order. */
	public List<Conversation> findAll(UUID organizationId, Collection<UUID> conversationIds) {
		if (conversationIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT * FROM conversation WHERE id IN (:ids) AND organization_id = :org")
			.param("ids", conversationIds)
			.param("org", organizationId)
			.query(ConversationRows::map)
			.list();
	}

	public Conversation require(UUID organizationId, UUID conversationId) {
		return find(organizationId, conversationId)
			.orElseThrow(() -> new ResourceNotFound("conversation", conversationId));
	}

	/** The contact's conversation that is still going, if any: a returning visitor resumes it. */
	public Optional<Conversation> openOf(UUID organizationId, UUID contactId) {
		return jdbc.sql("""
				SELECT * FROM conversation WHERE organization_id = ? AND contact_id = ?
				  AND state IN ('BOT', 'QUEUED', 'ASSIGNED')
				ORDER BY created_at DESC LIMIT 1""")
			.params(organizationId, contactId)
			.query(ConversationRows::map)
			.optional();
	}

	/**
	 * Ids of the organization's ended conversations (closed or abandoned), in id order after {@code after}: for
	 * read models that rebuild themselves page by page.
	 */
	public List<UUID> ended(UUID organizationId, @Nullable UUID after, int limit) {
		return jdbc.sql("""
				SELECT id FROM conversation WHERE organization_id = ? AND state IN ('CLOSED', 'ABANDONED') AND id > ?
				ORDER BY id LIMIT ?""")
			// The nil UUID sorts first on both databases (they compare UUIDs as unsigned bytes).
			.params(organizationId, after == null ? new UUID(0, 0) : after, limit)
			.query(UUID.class)
			.list();
	}

	/** A group's conversations still going (with the assistant, queued or assigned), the oldest first. */
	public List<Conversation> live(UUID organizationId, UUID groupId) {
		return jdbc.sql("""
				SELECT * FROM conversation WHERE organization_id = ? AND state IN ('BOT', 'QUEUED', 'ASSIGNED')
				  AND group_id = ?
				ORDER BY created_at""")
			.params(organizationId, groupId)
			.query(ConversationRows::map)
			.list();
	}

	/** An agent's open chats, the customer who has waited longest for a reply first. */
	public List<Conversation> assignedTo(UUID organizationId, UUID agentId) {
		return jdbc.sql("""
				SELECT * FROM conversation WHERE organization_id = ? AND agent_id = ? AND state = 'ASSIGNED'
				ORDER BY awaiting_reply_since ASC NULLS LAST, assigned_at ASC""")
			.params(organizationId, agentId)
			.query(ConversationRows::map)
			.list();
	}

	/** All conversations of a contact, newest first. */
	public List<Conversation> ofContact(UUID organizationId, UUID contactId, int limit) {
		return jdbc.sql("SELECT * FROM conversation WHERE organization_id = ? AND contact_id = ? ORDER BY created_at DESC LIMIT ?")
			.params(organizationId, contactId, limit)
			.query(ConversationRows::map)
			.list();
	}

	/** Past conversations whose messages contain the text (case-insensitive), newest first. */
	public List<Conversation> search(UUID organizationId, @Nullable UUID contactId, @Nullable String text, int limit) {
		if (text != null && text.length() > 200) {
			throw new RequestRejected("invalid-query", "search text must be at most 200 characters");
		}
		String pattern = text == null || text.isBlank() ? null
				: "%" + text.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return jdbc.sql("""
				SELECT * FROM conversation c
				WHERE c.organization_id = :org
				  AND (CAST(:contact AS UUID) IS NULL OR c.contact_id = :contact)
				  AND (CAST(:pattern AS VARCHAR) IS NULL OR EXISTS (
				        SELECT 1 FROM message m WHERE m.conversation_id = c.id AND LOWER(m.body) LIKE :pattern ESCAPE '\\'))
				ORDER BY c.created_at DESC LIMIT :limit""")
			.param("org", organizationId)
			.param("contact", contactId)
			.param("pattern", pattern)
			.param("limit", limit)
			.query(ConversationRows::map)
			.list();
	}

	public List<Transition> transitions(UUID organizationId, UUID conversationId) {
		return jdbc.sql("""
				SELECT * FROM conversation_transition WHERE conversation_id = ? AND organization_id = ? ORDER BY at, id""")
			.params(conversationId, organizationId)
			.query((rs, row) -> new Transition(rs.getString("kind"),
					rs.getString("from_state") == null ? null : ConversationState.valueOf(rs.getString("from_state")),
					ConversationState.valueOf(rs.getString("to_state")), rs.getObject("agent_id", UUID.class),
					rs.getObject("group_id", UUID.class),
					new Participant(ParticipantType.valueOf(rs.getString("actor_type")),
							rs.getObject("actor_id", UUID.class), null),
					rs.getString("note"), SqlTime.read(rs, "at")))
			.list();
	}

	private void record(UUID organizationId, UUID conversationId, String kind, @Nullable ConversationState from,
			ConversationState to, @Nullable UUID agentId, @Nullable UUID groupId, Participant actor,
			@Nullable String note, Instant at) {
		jdbc.sql(TRANSITION)
			.params(transition(organizationId, conversationId, kind, from, to, agentId, groupId, actor, note, at))
			.update();
	}

	private static final String TRANSITION = """
			INSERT INTO conversation_transition (id, conversation_id, organization_id, kind, from_state, to_state,
			                                     agent_id, group_id, actor_type, actor_id, note, at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private static Object[] transition(UUID organizationId, UUID conversationId, String kind,
			@Nullable ConversationState from, ConversationState to, @Nullable UUID agentId, @Nullable UUID groupId,
			Participant actor, @Nullable String note, Instant at) {
		return new Object[] { Ids.newId(), conversationId, organizationId, kind, from == null ? null : from.name(),
				to.name(), agentId, groupId, actor.type().name(), actor.id(), note, SqlTime.of(at) };
	}
}
