package dev.kefu.routing;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import dev.kefu.conversation.Conversation;
import dev.kefu.conversation.ConversationState;
import dev.kefu.conversation.Conversations;
import dev.kefu.conversation.Notes;
import dev.kefu.conversation.Participant;
import dev.kefu.organization.BusinessGroup;
import dev.kefu.organization.Groups;
import dev.kefu.organization.StaffMember;
import dev.kefu.organization.StaffMembers;
import dev.kefu.organization.StaffRoles;
import dev.kefu.shared.Permission;
import dev.kefu.shared.AccessDenied;
import dev.kefu.shared.AfterCommit;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.StaffCaller;
import dev.kefu.shared.StateConflict;

/**
 * Hands a conversation to another agent (who must be online with a free slot: transfers never overload anyone) or
 * back to a group's queue. The note is kept as an internal note, so the receiving agent sees why.
 */
@Service
public class Transfers {

	private final StaffRoles staffRoles;
	private final Conversations conversations;
	private final Notes notes;
	private final StaffMembers staff;
	private final Groups groups;
	private final Slots slots;
	private final Queues queues;
	private final Dispatcher dispatcher;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;

	Transfers(Conversations conversations, Notes notes, StaffMembers staff, Groups groups, Slots slots, Queues queues,
			Dispatcher dispatcher, ApplicationEventPublisher events, TransactionTemplate transactions, StaffRoles staffRoles) {
		this.staffRoles = staffRoles;
		this.conversations = conversations;
		this.notes = notes;
		this.staff = staff;
		this.groups = groups;
		this.slots = slots;
		this.queues = queues;
		this.dispatcher = dispatcher;
		this.events = events;
		this.transactions = transactions;
	}

	public Conversation toAgent(StaffCaller actor, UUID conversationId, UUID toAgentId, @Nullable String note) {
		Conversation c = transferable(actor, conversationId);
		if (toAgentId.equals(c.agentId())) {
			throw new RequestRejected("same-agent", "the conversation is already with that agent");
		}
		StaffMember target = staff.require(actor.organizationId(), toAgentId);
		transactions.executeWithoutResult(status -> {
			if (!slots.take(toAgentId)) {
				throw new StateConflict("agent-unavailable", target.displayName() + " is not online or has no free slot");
			}
			if (!conversations.transferToAgent(actor.organizationId(), conversationId, c.agentId(), toAgentId,
					target.displayName(), Participant.agent(actor.userId(), actor.displayName()), note)) {
				throw new StateConflict("conversation-changed", "the conversation changed meanwhile; reload it");
			}
			slots.release(conversationId);
			slots.record(actor.organizationId(), conversationId, toAgentId, c.groupId());
			keepNote(actor, conversationId, "Transferred to " + target.displayName(), note);
			AfterCommit.run(() -> events.publishEvent(new QueueChanged(actor.organizationId(), c.groupId())));
		});
		return conversations.require(actor.organizationId(), conversationId);
	}

	/**
	 * A supervisor takes an assigned conversation from its agent and serves the customer themselves, whatever
	 * their own load. The customer sees the new name as after any transfer; the agent's slot is freed.
	 */
	public Conversation takeOver(StaffCaller supervisor, UUID conversationId, @Nullable String note) {
		supervisor.require(Permission.CONVERSATION_SUPERVISE);
		Conversation c = transferable(supervisor, conversationId);
		if (supervisor.userId().equals(c.agentId())) {
			throw new RequestRejected("same-agent", "the conversation is already yours");
		}
		transactions.executeWithoutResult(status -> {
			if (!conversations.transferToAgent(supervisor.organizationId(), conversationId, c.agentId(),
					supervisor.userId(), supervisor.displayName(),
					Participant.agent(supervisor.userId(), supervisor.displayName()), note)) {
				throw new StateConflict("conversation-changed", "the conversation changed meanwhile; reload it");
			}
			slots.release(conversationId);
			slots.takeAnyway(supervisor.userId());
			slots.record(supervisor.organizationId(), conversationId, supervisor.userId(), c.groupId());
			keepNote(supervisor, conversationId, "Taken over by " + supervisor.displayName(), note);
			// Releasing the agent's slot asks the groups' dispatchers to fill it.
			AfterCommit.run(() -> events.publishEvent(new QueueChanged(supervisor.organizationId(), c.groupId())));
		});
		return conversations.require(supervisor.organizationId(), conversationId);
	}

	public Conversation toGroup(StaffCaller actor, UUID conversationId, UUID groupId, @Nullable String note) {
		Conversation c = transferable(actor, conversationId);
		BusinessGroup group = groups.require(actor.organizationId(), groupId);
		requeue(c, group.id(), Participant.agent(actor.userId(), actor.displayName()), "transfer", note);
		keepNote(actor, conversationId, "Transferred to group " + group.name(), note);
		return conversations.require(actor.organizationId(), conversationId);
	}

	/** Back to a queue, keeping the original place in line; used for transfers and the offline policy. */
	void requeue(Conversation c, UUID groupId, Participant actor, String reason, @Nullable String note) {
		transactions.executeWithoutResult(status -> {
			if (!conversations.requeue(c.organizationId(), c.id(), c.agentId(), groupId, actor, reason, note)) {
				throw new StateConflict("conversation-changed", "the conversation changed meanwhile; reload it");
			}
			slots.release(c.id());
			Conversation requeued = conversations.require(c.organizationId(), c.id());
			queues.enqueue(requeued, c.queuedAt() == null ? c.createdAt() : c.queuedAt());
			AfterCommit.run(() -> {
				dispatcher.request(c.organizationId(), groupId);
				events.publishEvent(new QueueChanged(c.organizationId(), c.groupId()));
			});
		});
	}

	private Conversation transferable(StaffCaller actor, UUID conversationId) {
		Conversation c = conversations.require(actor.organizationId(), conversationId);
		if (c.state() != ConversationState.ASSIGNED || c.agentId() == null) {
			throw new StateConflict("not-assigned", "only an assigned conversation can be transferred");
		}
		if (!actor.userId().equals(c.agentId())
				&& !staffRoles.reaches(actor, Permission.CONVERSATION_SUPERVISE, c.groupId())) {
			throw new AccessDenied("only the assigned agent or a supervisor may transfer this conversation");
		}
		return c;
	}

	private void keepNote(StaffCaller actor, UUID conversationId, String what, @Nullable String note) {
		String text = note == null || note.isBlank() ? what : what + ": " + note.strip();
		notes.add(actor.organizationId(), conversationId, actor.userId(), actor.displayName(), text);
	}
}
