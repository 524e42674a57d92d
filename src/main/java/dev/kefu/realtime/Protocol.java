package dev.kefu.realtime;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.kefu.conversation.Conversation;
import dev.kefu.conversation.ConversationAccess;
import dev.kefu.conversation.Conversations;
import dev.kefu.conversation.Message;
import dev.kefu.conversation.Messages;
import dev.kefu.organization.StaffMembers;
import dev.kefu.routing.AgentLoad;
import dev.kefu.routing.AgentStatus;
import dev.kefu.routing.Agents;
import dev.kefu.routing.Presence;
import dev.kefu.routing.Queues;
import dev.kefu.security.StaffTokens;
import dev.kefu.security.VisitorTokens;
import dev.kefu.organization.StaffRoles;
import dev.kefu.shared.Permission;
import dev.kefu.shared.DomainException;
import dev.kefu.shared.Ids;
import dev.kefu.shared.StaffCaller;
import dev.kefu.shared.Text;
import dev.kefu.shared.TokenBucket;
import dev.kefu.shared.VisitorCaller;
import dev.kefu.shared.WellFormedBodies;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Protocol version 1 (docs/protocol.md): the frames a client may send and what the server does with each. A bad
 * frame gets an error frame and changes nothing; it never closes the connection or touches other conversations.
 */
@Component
class Protocol {

	static final int VERSION = 1;

	private static final Logger log = LoggerFactory.getLogger(Protocol.class);

	private final StaffRoles staffRoles;
	private final StaffTokens staffTokens;
	private final VisitorTokens visitorTokens;
	private final Messages messages;
	private final Conversations conversations;
	private final ConversationAccess access;
	private final StaffMembers staff;
	private final Agents agents;
	private final Presence presence;
	private final Queues queues;
	private final LiveHub hub;
	private final Frames frames;
	private final JsonMapper json;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	/** This node's live staff sessions, by staff member, so that a revoked login is cut off at once. */
	private final Map<UUID, Set<Session>> staffSessions = new ConcurrentHashMap<>();

	Protocol(StaffTokens staffTokens, VisitorTokens visitorTokens, Messages messages, Conversations conversations,
			ConversationAccess access, StaffMembers staff, Agents agents, Presence presence, Queues queues, LiveHub hub,
			Frames frames, JsonMapper json, ApplicationEventPublisher events, Clock clock, StaffRoles staffRoles) {
		this.staffRoles = staffRoles;
		this.staffTokens = staffTokens;
		this.visitorTokens = visitorTokens;
		this.messages = messages;
		this.conversations = conversations;
		this.access = access;
		this.staff = staff;
		this.agents = agents;
		this.presence = presence;
		this.queues = queues;
		this.hub = hub;
		this.frames = frames;
		this.json = json;
		this.events = events;
		this.clock = clock;
	}

	/** The state of one connection. */
	static final class Session {

		final LiveConnection connection;
		final TokenBucket frameBudget = new TokenBucket(20, 40);
		final FrameAssembly assembly = new FrameAssembly(WebSocketConfiguration.MAX_FRAME_CHARS);
		final List<String> topics = new ArrayList<>();
		volatile @Nullable Object caller;
		/** A staff member's bearer token, checked again whenever their access may have changed. */
		volatile @Nullable String staffToken;
		volatile boolean ended;

		Session(LiveConnection connection) {
			this.connection = connection;
		}
	}

	void handle(Session session, String text) {
		JsonNode frame;
		try {
			frame = json.readTree(text);
		}
		catch (JacksonException malformed) {
			frame = null;
		}
		if (frame == null || !frame.isObject()) {
			// Garbage counts against the budget too; past it, it is not even answered.
			if (session.frameBudget.tryTake()) {
				session.connection.send(frames.error(null, "malformed-frame", "a frame must be a JSON object"));
			}
			return;
		}
		String id = frame.path("id").isString() ? frame.path("id").asString() : null;
		// Counted after parsing (cheap next to what a frame may cost) so the refusal names the frame to resend.
		if (!session.frameBudget.tryTake()) {
			session.connection.send(frames.error(id, "rate-limited", "too many frames; slow down"));
			return;
		}
		String type = frame.path("type").asString("");
		if (session.ended || !stillAuthorized(session)) {
			return;
		}
		String flawed = WellFormedBodies.flawedField(frame);
		if (flawed != null) {
			session.connection.send(frames.error(id, "invalid-text", new Text.InvalidText(flawed).getMessage()));
			return;
		}
		try {
			if (session.caller == null && !type.equals("auth") && !type.equals("ping")) {
				session.connection.send(frames.error(id, "unauthenticated", "send an auth frame first"));
				return;
			}
			if (session.caller instanceof StaffCaller member && !permitted(member, type)) {
				session.connection.send(frames.error(id, "forbidden",
						"you lack the permission " + String.join(" or ",
								FRAME_PERMISSIONS.get(type).stream().map(Permission::key).toList())));
				return;
			}
			switch (type) {
				case "auth" -> authenticate(session, id, frame);
				case "ping" -> session.connection.send(frames.frame("pong", "id", id));
				case "send" -> send(session, id, frame);
				case "sync" -> sync(session, id, frame);
				case "typing" -> typing(session, frame);
				case "read" -> read(session, frame);
				case "status" -> status(session, id, frame);
				case "watch" -> watch(session, id, frame);
				default -> session.connection.send(frames.error(id, "unknown-frame", "unknown frame type '" + type + "'"));
			}
		}
		catch (DomainException refused) {
			session.connection.send(frames.error(id, refused.code(), refused.getMessage()));
		}
		catch (IllegalArgumentException invalid) {
			session.connection.send(frames.error(id, "invalid-frame", invalid.getMessage()));
		}
		catch (RuntimeException unexpected) {
			log.warn("Frame {} failed", type, unexpected);
			session.connection.send(frames.error(id, "internal-error", "the server could not handle this frame"));
		}
	}

	/**
	 * The permissions a staff member needs for each frame (any one of them), as the REST endpoints' table does for
	 * calls; a frame not named here ({@code auth}, {@code ping}) needs none. Visitors are held to their own chat.
	 */
	static final Map<String, Set<Permission>> FRAME_PERMISSIONS = Map.of(
			"send", Set.of(Permission.CONVERSATION_HANDLE),
			"typing", Set.of(Permission.CONVERSATION_HANDLE),
			"status", Set.of(Permission.CONVERSATION_HANDLE),
			"read", Set.of(Permission.CONVERSATION_HANDLE, Permission.CONVERSATION_READ),
			"sync", Set.of(Permission.CONVERSATION_HANDLE, Permission.CONVERSATION_READ),
			"watch", Set.of(Permission.CONVERSATION_SUPERVISE));

	private static boolean permitted(StaffCaller member, String type) {
		Set<Permission> needed = FRAME_PERMISSIONS.get(type);
		return needed == null || needed.stream().anyMatch(member::may);
	}

	private void authenticate(Session session, @Nullable String id, JsonNode frame) {
		if (session.caller != null) {
			session.connection.send(frames.error(id, "already-authenticated", "this connection is authenticated"));
			return;
		}
		String token = frame.path("token").asString("");
		Optional<?> caller = token.startsWith("v1.") ? visitorTokens.verify(token) : staffTokens.authenticate(token);
		if (caller.isEmpty()) {
			session.connection.send(frames.error(id, "unauthenticated", "invalid or expired token"));
			return;
		}
		// Frames act as a person (send, typing, status) and are not covered by a token's scopes; its live view is the
		// read-only event stream.
		if (caller.get() instanceof StaffCaller member && member.apiToken()) {
			session.connection.send(frames.error(id, "not-for-api-tokens",
					"API tokens use GET /api/v1/events, not the WebSocket"));
			return;
		}
		attach(session, caller.get(), token);
		session.connection.send(ready(session, id));
	}

	/**
	 * Subscribes a connection for its caller; used by WebSocket after auth and by the event stream at once. A staff
	 * member's token is kept to be checked again when their access changes.
	 */
	void attach(Session session, Object caller, @Nullable String token) {
		session.caller = caller;
		switch (caller) {
			case VisitorCaller visitor -> {
				subscribe(session, LiveHub.visitor(visitor.contactId()));
				subscribe(session, LiveHub.visitorsOf(visitor.organizationId()));
			}
			case StaffCaller member when member.apiToken() -> {
				// An API token sees the organization's conversations like an admin; it is nobody's presence.
				session.staffToken = token;
				staffSessions.computeIfAbsent(member.userId(), m -> ConcurrentHashMap.newKeySet()).add(session);
				subscribe(session, LiveHub.organization(member.organizationId()));
			}
			case StaffCaller member -> {
				session.staffToken = token;
				staffSessions.computeIfAbsent(member.userId(), m -> ConcurrentHashMap.newKeySet()).add(session);
				subscribe(session, LiveHub.staff(member.userId()));
				staff.require(member.organizationId(), member.userId())
					.groupIds()
					.forEach(groupId -> subscribe(session, LiveHub.group(groupId)));
				if (member.may(Permission.CONVERSATION_SUPERVISE)) {
					subscribe(session, LiveHub.organization(member.organizationId()));
				}
				presence.connected(member.organizationId(), member.userId());
			}
			default -> throw new IllegalStateException("unknown caller " + caller);
		}
	}

	String ready(Session session, @Nullable String id) {
		return switch (session.caller) {
			case VisitorCaller visitor -> {
				Conversation open = conversations.openOf(visitor.organizationId(), visitor.contactId()).orElse(null);
				yield frames.frame("ready", "id", id, "protocol", VERSION, "role", "visitor", "contactId",
						visitor.contactId(), "conversation", open, "agentName", servingName(open),
						"queue", open == null ? null : queues.position(visitor.organizationId(), open.id()).orElse(null));
			}
			case StaffCaller member when member.apiToken() -> frames.frame("ready", "id", id, "protocol", VERSION,
					"role", "api-token", "tokenId", member.userId());
			case StaffCaller member -> frames.frame("ready", "id", id, "protocol", VERSION, "role", "staff", "staffId",
					member.userId(), "agent", agents.require(member.organizationId(), member.userId()), "conversations",
					conversations.assignedTo(member.organizationId(), member.userId()));
			case null, default -> throw new IllegalStateException("not authenticated");
		};
	}

	/** The name of the agent serving an open chat, for the widget: the conversation itself carries only an id. */
	private @Nullable String servingName(@Nullable Conversation open) {
		if (open == null || open.agentId() == null) {
			return null;
		}
		return agents.find(open.organizationId(), open.agentId()).map(AgentLoad::displayName).orElse(null);
	}

	void closed(Session session) {
		session.ended = true;
		session.topics.forEach(topic -> hub.unsubscribe(topic, session.connection));
		if (session.caller instanceof StaffCaller member) {
			staffSessions.computeIfPresent(member.userId(), (m, sessions) -> {
				sessions.remove(session);
				return sessions.isEmpty() ? null : sessions;
			});
			if (!member.apiToken()) {
				presence.disconnected(member.organizationId(), member.userId());
			}
		}
	}

	/** Checks again every live session of one staff member on this node (their access changed somewhere). */
	void recheck(UUID staffId) {
		staffTokens.forget(staffId);
		staffSessions.getOrDefault(staffId, Set.of()).forEach(this::stillAuthorized);
	}

	/** Checks every staff session on this node: news of a revocation may have been missed, or a token expired. */
	@Scheduled(fixedDelay = 60_000)
	void recheckAll() {
		staffSessions.values().forEach(sessions -> sessions.forEach(this::stillAuthorized));
	}

	/**
	 * Whether the session's login still stands: not logged out, revoked, expired, disabled, and with the roles it
	 * had. Cheap, since token lookups are cached and forgotten when access changes; a session that fails is ended.
	 */
	private boolean stillAuthorized(Session session) {
		if (!(session.caller instanceof StaffCaller member) || session.ended) {
			return !session.ended;
		}
		Optional<StaffCaller> now = session.staffToken == null ? Optional.empty()
				: staffTokens.authenticate(session.staffToken);
		if (now.isEmpty()) {
			end(session, "session-ended", "this login has ended (logged out, disabled or a new password); log in again");
			return false;
		}
		if (!now.get().roles().equals(member.roles()) || !now.get().access().equals(member.access())) {
			end(session, "session-changed", "your roles changed; connect again");
			return false;
		}
		return true;
	}

	private void end(Session session, String code, String message) {
		session.ended = true;
		session.connection.send(frames.error(null, code, message));
		session.connection.close();
	}

	private void send(Session session, @Nullable String id, JsonNode frame) {
		Object caller = session.caller;
		UUID conversationId = uuid(frame, "conversationId");
		List<UUID> attachmentIds = new ArrayList<>();
		frame.path("attachments").forEach(node -> attachmentIds.add(Ids.parse(node.asString(""), "attachment")));
		Messages.Appended appended = messages.append(ConversationAccess.organizationOf(caller), conversationId,
				ConversationAccess.author(caller), frame.path("clientMsgId").asString(""),
				frame.path("text").asString(""), attachmentIds);
		session.connection.send(frames.frame("ack", "id", id, "clientMsgId", appended.message().clientMsgId(),
				"duplicate", appended.duplicate(), "message", appended.message()));
	}

	/** Everything after {@code after}, in order, then {@code synced}: the resume after a reconnect or a gap. */
	private void sync(Session session, @Nullable String id, JsonNode frame) {
		Conversation conversation = access.readable(session.caller, uuid(frame, "conversationId"));
		long after = frame.path("after").asLong(0);
		while (true) {
			List<Message> page = messages.after(conversation.organizationId(), conversation.id(), after,
					Messages.MAX_PAGE);
			page.forEach(message -> session.connection.send(frames.frame("message", "message", message)));
			if (page.size() < Messages.MAX_PAGE) {
				break;
			}
			after = page.getLast().seq();
		}
		Conversation now = conversations.require(conversation.organizationId(), conversation.id());
		session.connection.send(frames.frame("synced", "id", id, "conversationId", now.id(), "lastSeq",
				Math.max(after, now.lastSeq()), "conversation", now));
	}

	private void typing(Session session, JsonNode frame) {
		Conversation c = access.readable(session.caller, uuid(frame, "conversationId"));
		boolean typing = frame.path("typing").asBoolean(true);
		if (session.caller instanceof VisitorCaller) {
			if (c.agentId() != null) {
				hub.publish(LiveHub.staff(c.agentId()),
						frames.frame("typing", "conversationId", c.id(), "from", "contact", "typing", typing));
			}
		}
		else {
			hub.publish(LiveHub.visitor(c.contactId()),
					frames.frame("typing", "conversationId", c.id(), "from", "agent", "typing", typing));
		}
	}

	private void read(Session session, JsonNode frame) {
		Conversation c = access.readable(session.caller, uuid(frame, "conversationId"));
		messages.markRead(c.organizationId(), c.id(), ConversationAccess.sideOf(session.caller),
				frame.path("seq").asLong(0));
	}

	private void status(Session session, @Nullable String id, JsonNode frame) {
		if (!(session.caller instanceof StaffCaller member)) {
			session.connection.send(frames.error(id, "forbidden", "only staff have a status"));
			return;
		}
		AgentStatus status = AgentStatus.valueOf(frame.path("status").asString(""));
		session.connection.send(frames.frame("agent", "id", id, "agent",
				agents.choose(member.organizationId(), member.userId(), status)));
	}

	/** A supervisor follows a conversation live (read-only). */
	private void watch(Session session, @Nullable String id, JsonNode frame) {
		if (!(session.caller instanceof StaffCaller member)) {
			session.connection.send(frames.error(id, "forbidden", "only supervisors can watch conversations"));
			return;
		}
		Conversation c = access.readable(member, uuid(frame, "conversationId"));
		if (!staffRoles.reaches(member, Permission.CONVERSATION_SUPERVISE, c.groupId())) {
			session.connection.send(frames.error(id, "forbidden", "you supervise another group"));
			return;
		}
		subscribe(session, LiveHub.conversation(c.id()));
		// Supervision keeps an audit trail of who looked in on which chat.
		events.publishEvent(new ConversationWatched(member.organizationId(), c.id(), member.userId(),
				member.displayName(), clock.instant(), session.connection.remoteAddress()));
		session.connection.send(frames.frame("watching", "id", id, "conversationId", c.id()));
	}

	private void subscribe(Session session, String topic) {
		session.topics.add(topic);
		hub.subscribe(topic, session.connection);
	}

	private static UUID uuid(JsonNode frame, String field) {
		return Ids.parse(frame.path(field).asString(""), field);
	}
}
