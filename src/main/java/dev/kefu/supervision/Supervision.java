package dev.kefu.supervision;

import java.time.Clock;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.conversation.Conversation;
import dev.kefu.conversation.Conversations;
import dev.kefu.conversation.Note;
import dev.kefu.conversation.Notes;
import dev.kefu.organization.StaffMember;
import dev.kefu.organization.StaffMembers;
import dev.kefu.realtime.ConversationWatched;
import dev.kefu.routing.Transfers;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.StaffCaller;

/**
 * A supervisor's moves on a live chat of a group they supervise, each written to the audit trail in the same
 * transaction as the move itself (a watch as it starts).
 */
@Service
class Supervision {

	private final SupervisedGroups supervised;
	private final Conversations conversations;
	private final Notes notes;
	private final Transfers transfers;
	private final AuditTrail audit;
	private final StaffMembers staff;
	private final Clock clock;

	Supervision(SupervisedGroups supervised, Conversations conversations, Notes notes, Transfers transfers,
			AuditTrail audit, StaffMembers staff, Clock clock) {
		this.supervised = supervised;
		this.conversations = conversations;
		this.notes = notes;
		this.transfers = transfers;
		this.audit = audit;
		this.staff = staff;
		this.clock = clock;
	}

	/** A word to the agent only: a note set apart on the desk; the customer never sees notes. */
	@Transactional
	Note whisper(StaffCaller supervisor, UUID conversationId, @Nullable String text) {
		Conversation c = supervisedConversation(supervisor, conversationId);
		if (text == null || text.isBlank()) {
			throw new RequestRejected("invalid-note", "a whisper must be 1-4000 characters");
		}
		Note note = notes.whisper(supervisor.organizationId(), c.id(), supervisor.userId(), supervisor.displayName(),
				text);
		audit.record(supervisor.organizationId(), c.id(), supervisor.userId(), supervisor.displayName(),
				AuditTrail.Action.WHISPERED, note.text(), note.createdAt());
		return note;
	}

	@Transactional
	Conversation takeOver(StaffCaller supervisor, UUID conversationId, @Nullable String note) {
		Conversation before = supervisedConversation(supervisor, conversationId);
		Conversation after = transfers.takeOver(supervisor, conversationId, note);
		String from = before.agentId() == null ? "nobody"
				: staff.find(supervisor.organizationId(), before.agentId()).map(StaffMember::displayName).orElse("?");
		audit.record(supervisor.organizationId(), conversationId, supervisor.userId(), supervisor.displayName(),
				AuditTrail.Action.TOOK_OVER, "from " + from + (note == null ? "" : ": " + note), clock.instant());
		return after;
	}

	@EventListener
	void on(ConversationWatched watched) {
		audit.record(watched.organizationId(), watched.conversationId(), watched.supervisorId(),
				watched.supervisorName(), AuditTrail.Action.WATCHED, null, watched.at(), watched.sourceAddress());
	}

	private Conversation supervisedConversation(StaffCaller supervisor, UUID conversationId) {
		Conversation c = conversations.require(supervisor.organizationId(), conversationId);
		supervised.require(supervisor, c.groupId());
		return c;
	}
}
