package dev.kefu.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import dev.kefu.conversation.Conversation;
import dev.kefu.conversation.ConversationState;
import dev.kefu.conversation.Conversations;
import dev.kefu.organization.BusinessGroup;
import dev.kefu.organization.Groups;
import dev.kefu.organization.StaffMember;
import dev.kefu.organization.StaffMembers;
import dev.kefu.routing.AgentLoad;
import dev.kefu.routing.AgentStatus;
import dev.kefu.routing.Agents;
import dev.kefu.shared.Role;
import dev.kefu.shared.StaffCaller;

/**
 * The desk as a supervisor sees it now, per center and group: agents with status, load and time in status; the
 * queue's length and longest wait; and the chats whose customer has waited past the group's first-response target.
 * The screen asks again whenever a {@code queue.group} or {@code agent} frame says something changed.
 */
@Service
class LiveOverview {

	private final SupervisedGroups supervised;
	private final Groups groups;
	private final Agents agents;
	private final StaffMembers staff;
	private final Conversations conversations;
	private final Clock clock;

	LiveOverview(SupervisedGroups supervised, Groups groups, Agents agents, StaffMembers staff,
			Conversations conversations, Clock clock) {
		this.supervised = supervised;
		this.groups = groups;
		this.agents = agents;
		this.staff = staff;
		this.conversations = conversations;
		this.clock = clock;
	}

	/** {@code secondsInStatus} is null for a member of the group who has never been online. */
	record AgentView(UUID id, String name, String status, @Nullable Long secondsInStatus, int active, int capacity) {
	}

	/**
	 * {@code waits}: how long each customer now waiting for a person has waited, longest first, so that a screen can
	 * tell between two reads which of them cross the target.
	 */
	record GroupView(UUID id, String name, long firstResponseTargetSeconds, int waiting, long longestWaitSeconds,
			int withAssistant, int served, int late, List<Long> waits, List<AgentView> agents) {
	}

	record CenterView(UUID id, String name, List<GroupView> groups) {
	}

	record Overview(Instant at, List<CenterView> centers) {
	}

	/** A live chat as the supervisor's list shows it; {@code waitingSeconds} is how long the customer has waited. */
	record LiveChat(UUID id, String state, @Nullable UUID agentId, @Nullable String agentName, Instant startedAt,
			long waitingSeconds, boolean late, @Nullable String lastMessage) {
	}

	Overview now(StaffCaller caller) {
		Instant now = clock.instant();
		Map<UUID, List<BusinessGroup>> byCenter = supervised.of(caller)
			.stream()
			.collect(Collectors.groupingBy(BusinessGroup::centerId));
		List<CenterView> views = groups.centers(caller.organizationId())
			.stream()
			.filter(center -> byCenter.containsKey(center.id()))
			.map(center -> new CenterView(center.id(), center.name(), byCenter.get(center.id())
				.stream()
				.map(g -> group(caller.organizationId(), g, now))
				.toList()))
			.sorted(Comparator.comparing(CenterView::name))
			.toList();
		return new Overview(now, views);
	}

	List<LiveChat> chats(StaffCaller caller, UUID groupId) {
		BusinessGroup group = supervised.require(caller, groupId);
		Instant now = clock.instant();
		Map<UUID, String> names = staff.all(caller.organizationId())
			.stream()
			.collect(Collectors.toMap(StaffMember::id, StaffMember::displayName));
		return conversations.live(caller.organizationId(), groupId)
			.stream()
			.map(c -> {
				Instant since = waitingSince(c);
				long waited = since == null ? 0 : Duration.between(since, now).toSeconds();
				return new LiveChat(c.id(), c.state().name(), c.agentId(),
						c.agentId() == null ? null : names.getOrDefault(c.agentId(), null), c.createdAt(), waited,
						late(c, group, now), c.lastMessagePreview());
			})
			.toList();
	}

	private GroupView group(UUID organizationId, BusinessGroup group, Instant now) {
		List<Conversation> live = conversations.live(organizationId, group.id());
		List<AgentView> staff = agentsOf(organizationId, group.id(), now);
		List<Conversation> queued = live.stream().filter(c -> c.state() == ConversationState.QUEUED).toList();
		long longest = queued.stream()
			.map(LiveOverview::waitingSince)
			.filter(since -> since != null)
			.mapToLong(since -> Duration.between(since, now).toSeconds())
			.max()
			.orElse(0);
		List<Long> waits = live.stream()
			.map(LiveOverview::waitingSince)
			.filter(since -> since != null)
			.map(since -> Duration.between(since, now).toSeconds())
			.sorted(Comparator.reverseOrder())
			.toList();
		return new GroupView(group.id(), group.name(), group.replyTargets().warnAfter().toSeconds(), queued.size(),
				longest, count(live, ConversationState.BOT), count(live, ConversationState.ASSIGNED),
				(int) live.stream().filter(c -> late(c, group, now)).count(), waits, staff);
	}

	/** The group's agents: with their load once they have been online, offline with none before. */
	private List<AgentView> agentsOf(UUID organizationId, UUID groupId, Instant now) {
		Map<UUID, AgentLoad> loads = agents.ofGroup(organizationId, groupId)
			.stream()
			.collect(Collectors.toMap(AgentLoad::staffId, Function.identity()));
		return staff.membersOf(organizationId, groupId)
			.stream()
			.filter(m -> m.enabled() && (m.roles().contains(Role.AGENT) || loads.containsKey(m.id())))
			.map(m -> {
				AgentLoad load = loads.get(m.id());
				return load == null ? new AgentView(m.id(), m.displayName(), AgentStatus.OFFLINE.name(), null, 0,
						m.maxChats())
						: new AgentView(m.id(), load.displayName(), load.status().name(),
								Duration.between(load.statusSince(), now).toSeconds(), load.active(), load.capacity());
			})
			.toList();
	}

	/**
	 * Since when the customer has waited for a person: in the queue since they entered it, with an agent since their
	 * oldest message the agent has not answered. Nobody waits on the assistant.
	 */
	private static @Nullable Instant waitingSince(Conversation c) {
		return switch (c.state()) {
			case QUEUED -> c.queuedAt() == null ? c.createdAt() : c.queuedAt();
			case ASSIGNED -> c.awaitingReplySince();
			default -> null;
		};
	}

	private static boolean late(Conversation c, BusinessGroup group, Instant now) {
		Instant since = waitingSince(c);
		return since != null && Duration.between(since, now).compareTo(group.replyTargets().warnAfter()) > 0;
	}

	private static int count(List<Conversation> live, ConversationState state) {
		return (int) live.stream().filter(c -> c.state() == state).count();
	}
}
