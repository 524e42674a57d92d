package dev.kefu.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import dev.kefu.contact.Contact;
import dev.kefu.contact.Contacts;
import dev.kefu.conversation.Conversation;
import dev.kefu.conversation.ConversationState;
import dev.kefu.conversation.Conversations;
import dev.kefu.conversation.MessageAppended;
import dev.kefu.conversation.Messages;
import dev.kefu.conversation.ParticipantType;
import dev.kefu.organization.BusinessGroup;
import dev.kefu.organization.Groups;
import dev.kefu.organization.StaffMembers;
import dev.kefu.shared.Permission;
import dev.kefu.shared.StaffCaller;
import dev.kefu.shared.StateConflict;

/**
 * Agents picking chats from the queue by hand, in groups that allow it. The waiting list is what the desk shows; a
 * pick goes through the same guarded steps as automatic assignment ({@link Assigner#pick}), so capacity and "one
 * agent per chat" hold whoever is faster: another agent's pick, a dispatcher's round, or the customer leaving.
 */
@Service
class Picking {

	/** How many waiting chats the desk lists: the longest waiting, with the count of all of them. */
	static final int LISTED = 50;

	/** Asking again after losing a lock costs little; a pick that keeps losing is answered as "try again". */
	private static final int ATTEMPTS = 3;

	private final Queues queues;
	private final Assigner assigner;
	private final Agents agents;
	private final Groups groups;
	private final StaffMembers staff;
	private final Conversations conversations;
	private final Messages messages;
	private final Contacts contacts;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Picking(Queues queues, Assigner assigner, Agents agents, Groups groups, StaffMembers staff,
			Conversations conversations, Messages messages, Contacts contacts, ApplicationEventPublisher events,
			Clock clock) {
		this.queues = queues;
		this.assigner = assigner;
		this.agents = agents;
		this.groups = groups;
		this.staff = staff;
		this.conversations = conversations;
		this.messages = messages;
		this.contacts = contacts;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A waiting chat as the desk lists it. {@code preview} is the customer's first message; {@code mayPick} whether the
	 * caller serves its group (an admin sees every group's queue but picks only in their own).
	 */
	record WaitingChat(UUID conversationId, UUID groupId, String groupName, Instant queuedAt,
			long waitingSeconds, String channel, @Nullable UUID channelId, UUID contactId, @Nullable String contactName,
			@Nullable String preview, boolean mayPick) {
	}

	/** The longest waiting chats (at most {@link #LISTED}), longest first, and how many wait in all. */
	record WaitingList(int waitingCount, List<WaitingChat> waiting) {
	}

	/**
	 * The chats waiting in the caller's groups that let agents pick; an admin sees those of every such group, as the
	 * supervision view does.
	 */
	WaitingList waiting(StaffCaller caller) {
		Set<UUID> mine = groupsOf(caller);
		Map<UUID, BusinessGroup> visible = groups.all(caller.organizationId())
			.stream()
			.filter(g -> g.queueAccess().agentsMayPick() && (mine.contains(g.id()) || caller.reach(Permission.CONVERSATION_SUPERVISE).organization()))
			.collect(Collectors.toMap(BusinessGroup::id, Function.identity()));
		Queues.Longest longest = queues.longestWaiting(caller.organizationId(), visible.keySet(), LISTED);
		List<UUID> ids = longest.head().stream().map(Queues.Waiting::conversationId).toList();
		Map<UUID, Conversation> chats = conversations.findAll(caller.organizationId(), ids)
			.stream()
			.collect(Collectors.toMap(Conversation::id, Function.identity()));
		Map<UUID, String> previews = messages.firstFromContact(caller.organizationId(), ids);
		Instant now = clock.instant();
		List<WaitingChat> listed = longest.head()
			.stream()
			.filter(w -> chats.containsKey(w.conversationId()))
			.map(w -> {
				Conversation c = chats.get(w.conversationId());
				return new WaitingChat(w.conversationId(), w.groupId(), visible.get(w.groupId()).name(), w.queuedAt(),
						Math.max(0, Duration.between(w.queuedAt(), now).toSeconds()), c.channel(), c.channelId(),
						w.contactId(), contactName(caller.organizationId(), w.contactId()),
						previews.get(w.conversationId()), mine.contains(w.groupId()));
			})
			.toList();
		return new WaitingList(longest.count(), listed);
	}

	/**
	 * The caller takes a waiting chat, as if routing had given it to them: the customer sees them join, the desk opens
	 * it. Refused with a reason when it is not theirs to take or no longer waiting, or when they are not online with a
	 * free slot.
	 */
	Conversation pick(StaffCaller caller, UUID conversationId) {
		UUID org = caller.organizationId();
		conversations.require(org, conversationId); // 404 for a chat that does not exist here
		Queues.Waiting waiting = queues.waiting(org, conversationId)
			.orElseThrow(() -> new StateConflict("chat-taken", "the chat is no longer waiting: someone else took it,"
					+ " or the customer left"));
		BusinessGroup group = groups.require(org, waiting.groupId());
		if (!group.queueAccess().agentsMayPick()) {
			throw new StateConflict("picking-not-allowed", "agents may not pick chats in group " + group.name());
		}
		if (!groupsOf(caller).contains(group.id())) {
			throw new StateConflict("not-in-group", "you do not serve group " + group.name());
		}
		AgentLoad load = agents.find(org, caller.userId())
			.orElseThrow(() -> new StateConflict("agent-unavailable", "go online before picking a chat"));
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
			switch (assigner.pick(org, group.id(), conversationId, caller.userId(), load.displayName())) {
				case ASSIGNED -> {
					events.publishEvent(new QueueChanged(org, group.id()));
					return conversations.require(org, conversationId);
				}
				case GONE -> throw new StateConflict("chat-taken",
						"the chat is no longer waiting: someone else took it, or the customer left");
				case NO_SLOT -> throw unavailable(org, caller.userId());
				case CONTENDED -> {
					// another transaction held a row we needed; ask again
				}
			}
		}
		throw new StateConflict("pick-contended", "many picks at once; try again");
	}

	/**
	 * A customer wrote while waiting: the desks listing the chat show its first message, so a group that lets agents
	 * pick tells them its queue changed. Often the chat is queued a moment before its first message is stored.
	 */
	@EventListener
	void on(MessageAppended appended) {
		if (appended.state() != ConversationState.QUEUED
				|| appended.message().sender().type() != ParticipantType.CONTACT) {
			return;
		}
		queues.waiting(appended.organizationId(), appended.message().conversationId())
			.filter(w -> groups.routable(appended.organizationId(), w.groupId()).group().queueAccess().agentsMayPick())
			.ifPresent(w -> events.publishEvent(new QueueChanged(appended.organizationId(), w.groupId())));
	}

	/** The groups the caller serves, as the organization has them now (routing's copy follows on the next refresh). */
	private Set<UUID> groupsOf(StaffCaller caller) {
		return staff.find(caller.organizationId(), caller.userId())
			.map(member -> Set.copyOf(member.groupIds()))
			.orElse(Set.of());
	}

	/** Why the agent could not take a slot, read after the fact. */
	private StateConflict unavailable(UUID organizationId, UUID staffId) {
		AgentLoad now = agents.require(organizationId, staffId);
		if (now.status() != AgentStatus.ONLINE) {
			return new StateConflict("agent-unavailable", "go online before picking a chat (you are "
					+ now.status().name().toLowerCase() + ")");
		}
		return new StateConflict("agent-full",
				"you already serve " + now.active() + " of " + now.capacity() + " chats; close one first");
	}

	private @Nullable String contactName(UUID organizationId, UUID contactId) {
		Contact contact = contacts.find(organizationId, contactId).orElse(null);
		if (contact == null) {
			return null;
		}
		for (String candidate : new String[] { contact.name(), contact.email(), contact.phone() }) {
			if (candidate != null && !candidate.isBlank()) {
				return candidate;
			}
		}
		return null;
	}
}
