package dev.kefu.conversation.search;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.kefu.contact.Contact;
import dev.kefu.contact.Contacts;
import dev.kefu.conversation.ConversationState;
import dev.kefu.conversation.ConversationTags;
import dev.kefu.organization.BusinessGroup;
import dev.kefu.organization.Groups;
import dev.kefu.organization.Organizations;
import dev.kefu.organization.StaffMember;
import dev.kefu.organization.StaffMembers;
import dev.kefu.organization.StaffRoles;
import dev.kefu.shared.Permission;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.StaffCaller;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Finds conversations by the words in their messages and notes, in the conversation module's own tables, newest
 * first. A caller finds only what they may see: an admin (and an API token) the whole organization, a supervisor the
 * chats of their groups and those they served, everyone else the chats they served (were assigned at some time).
 */
@Component
class ConversationSearch {

	/** The matching messages or notes read per result to pick its snippet from. */
	private static final int SNIPPET_CANDIDATES = 20;

	private final StaffRoles staffRoles;
	private final JdbcClient jdbc;
	private final StaffMembers staff;
	private final Groups groups;
	private final Contacts contacts;
	private final Organizations organizations;
	private final ObjectProvider<ConversationTags> tags;

	ConversationSearch(JdbcClient jdbc, StaffMembers staff, Groups groups, Contacts contacts,
			Organizations organizations, ObjectProvider<ConversationTags> tags, StaffRoles staffRoles) {
		this.staffRoles = staffRoles;
		this.jdbc = jdbc;
		this.staff = staff;
		this.groups = groups;
		this.contacts = contacts;
		this.organizations = organizations;
		this.tags = tags;
	}

	record Result(UUID conversationId, Instant createdAt, @Nullable Instant closedAt, ConversationState state,
			String channel, UUID groupId, @Nullable String groupName, @Nullable UUID agentId, @Nullable String agentName,
			UUID contactId, String contactLabel, @Nullable Integer rating, Snippet snippet) {
	}

	@Schema(name = "ConversationSearchPage")
	record Page(List<Result> items, int page, int size, boolean hasMore) {
	}

	private record Row(UUID id, UUID contactId, String channel, UUID groupId, ConversationState state,
			@Nullable UUID agentId, Instant createdAt, @Nullable Instant closedAt, @Nullable Integer rating,
			@Nullable String preview, @Nullable Instant lastMessageAt) {
	}

	Page search(StaffCaller caller, SearchCriteria criteria) {
		UUID org = caller.organizationId();
		Sql sql = new Sql(org);
		restrictToVisible(sql, caller);
		filter(sql, org, criteria);
		sql.where.append(" ORDER BY c.created_at DESC, c.id DESC LIMIT :limit OFFSET :offset");
		sql.params.put("limit", criteria.size() + 1);
		sql.params.put("offset", criteria.page() * criteria.size());
		List<Row> rows = jdbc.sql("""
				SELECT c.id, c.contact_id, c.channel, c.group_id, c.state, c.agent_id, c.created_at, c.closed_at, c.rating,
				       c.last_message_preview, c.last_message_at
				FROM conversation c WHERE c.organization_id = :org""" + sql.where)
			.params(sql.params)
			.query((rs, n) -> {
				Object rating = rs.getObject("rating");
				return new Row(rs.getObject("id", UUID.class), rs.getObject("contact_id", UUID.class),
						rs.getString("channel"), rs.getObject("group_id", UUID.class),
						ConversationState.valueOf(rs.getString("state")), rs.getObject("agent_id", UUID.class),
						SqlTime.read(rs, "created_at"), SqlTime.read(rs, "closed_at"),
						rating == null ? null : ((Number) rating).intValue(), rs.getString("last_message_preview"),
						SqlTime.read(rs, "last_message_at"));
			})
			.list();
		boolean more = rows.size() > criteria.size();
		Names names = new Names(org);
		List<Result> items = rows.stream()
			.limit(criteria.size())
			.map(r -> new Result(r.id(), r.createdAt(), r.closedAt(), r.state(), r.channel(), r.groupId(),
					names.group(r.groupId()), r.agentId(), r.agentId() == null ? null : names.agent(r.agentId()),
					r.contactId(), names.contact(r.contactId()), r.rating(), snippet(r, criteria.words())))
			.toList();
		return new Page(items, criteria.page(), criteria.size(), more);
	}

	/** A WHERE clause in the making, with its named parameters. */
	private static final class Sql {

		final StringBuilder where = new StringBuilder();
		final Map<String, Object> params = new HashMap<>();

		Sql(UUID organizationId) {
			params.put("org", organizationId);
		}

		void and(String condition, String name, Object value) {
			where.append("\n  AND ").append(condition);
			params.put(name, value);
		}
	}

	/** The agent was given the conversation at some time: it is theirs now, or went through their hands. */
	private static String served(String param) {
		return "(c.agent_id = :" + param + " OR EXISTS (SELECT 1 FROM conversation_transition t"
				+ " WHERE t.conversation_id = c.id AND t.agent_id = :" + param + "))";
	}

	private void restrictToVisible(Sql sql, StaffCaller caller) {
		Set<UUID> reached = staffRoles.groupsReached(caller, Permission.CONVERSATION_READ);
		if (reached == null) {
			return;
		}
		List<UUID> supervised = List.copyOf(reached);
		if (supervised.isEmpty()) {
			sql.and(served("me"), "me", caller.userId());
			return;
		}
		sql.and("(c.group_id IN (:supervised) OR " + served("me") + ")", "me", caller.userId());
		sql.params.put("supervised", supervised);
	}

	private void filter(Sql sql, UUID org, SearchCriteria criteria) {
		if (criteria.from() != null || criteria.to() != null) {
			ZoneId zone = organizations.require(org).timeZone();
			if (criteria.from() != null) {
				sql.and("c.created_at >= :from", "from", SqlTime.of(criteria.from().atStartOfDay(zone).toInstant()));
			}
			if (criteria.to() != null) {
				sql.and("c.created_at < :to", "to",
						SqlTime.of(criteria.to().plusDays(1).atStartOfDay(zone).toInstant()));
			}
		}
		if (criteria.agentId() != null) {
			staff.find(org, criteria.agentId())
				.orElseThrow(() -> new RequestRejected("invalid-agent", "agent is not a staff member of yours"));
			sql.and(served("agent"), "agent", criteria.agentId());
		}
		if (criteria.groupId() != null) {
			groups.find(org, criteria.groupId())
				.orElseThrow(() -> new RequestRejected("invalid-group", "group is not a group of yours"));
			sql.and("c.group_id = :group", "group", criteria.groupId());
		}
		if (criteria.channel() != null) {
			sql.and("c.channel = :channel", "channel", criteria.channel());
		}
		if (criteria.state() != null) {
			sql.and("c.state = :state", "state", criteria.state().name());
		}
		if (criteria.rating() != null) {
			sql.and("c.rating = :rating", "rating", criteria.rating());
		}
		if (criteria.tag() != null) {
			ConversationTags kept = tags.getIfAvailable();
			if (kept == null) {
				throw new RequestRejected("tags-unavailable", "this installation does not tag conversations yet");
			}
			Collection<UUID> tagged = kept.tagged(org, criteria.tag());
			// An empty IN () is not SQL; no tagged conversation means no result.
			sql.and(tagged.isEmpty() ? "1 = :tagged" : "c.id IN (:tagged)", "tagged",
					tagged.isEmpty() ? 0 : tagged);
		}
		List<String> words = criteria.words();
		for (int i = 0; i < words.size(); i++) {
			String p = "w" + i;
			sql.and("(EXISTS (SELECT 1 FROM message m WHERE m.conversation_id = c.id AND m.sender_type <> 'SYSTEM'"
					+ " AND LOWER(m.body) LIKE :" + p + " ESCAPE '\\')"
					+ " OR EXISTS (SELECT 1 FROM conversation_note n WHERE n.conversation_id = c.id"
					+ " AND LOWER(n.body) LIKE :" + p + " ESCAPE '\\'))", p, like(words.get(i)));
		}
	}

	private static String like(String word) {
		return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	/**
	 * The message or note that matches the most words, the earliest among equals; without words, the chat's last
	 * message. System lines ("… is now serving you") are not searched: every chat has them.
	 */
	private Snippet snippet(Row row, List<String> words) {
		if (words.isEmpty()) {
			return Snippet.of("message", row.lastMessageAt(), Optional.ofNullable(row.preview()).orElse(""), words);
		}
		StringBuilder any = new StringBuilder();
		Map<String, Object> params = new HashMap<>();
		params.put("id", row.id());
		params.put("limit", SNIPPET_CANDIDATES);
		for (int i = 0; i < words.size(); i++) {
			any.append(i == 0 ? "" : " OR ").append("LOWER(body) LIKE :w").append(i).append(" ESCAPE '\\'");
			params.put("w" + i, like(words.get(i)));
		}
		List<Snippet.Candidate> candidates = new ArrayList<>();
		candidates.addAll(candidates("message", """
				SELECT body, created_at FROM message
				WHERE conversation_id = :id AND sender_type <> 'SYSTEM' AND (%s) ORDER BY seq LIMIT :limit""", any, params));
		candidates.addAll(candidates("note", """
				SELECT body, created_at FROM conversation_note
				WHERE conversation_id = :id AND (%s) ORDER BY created_at LIMIT :limit""", any, params));
		return candidates.stream()
			.min(Comparator.comparingLong((Snippet.Candidate c) -> -c.matches(words)).thenComparing(Snippet.Candidate::at))
			.map(c -> Snippet.of(c.source(), c.at(), c.text(), words))
			.orElseGet(() -> Snippet.of("message", row.lastMessageAt(), "", words));
	}

	private List<Snippet.Candidate> candidates(String source, String sql, CharSequence any, Map<String, Object> params) {
		return jdbc.sql(sql.formatted(any))
			.params(params)
			.query((rs, n) -> new Snippet.Candidate(source, rs.getString("body"), SqlTime.read(rs, "created_at")))
			.list();
	}

	/** Names for the results, each looked up once per search. */
	private final class Names {

		private final UUID org;
		private final Map<UUID, Optional<String>> cache = new HashMap<>();

		Names(UUID org) {
			this.org = org;
		}

		@Nullable String agent(UUID id) {
			return cache.computeIfAbsent(id, k -> staff.find(org, k).map(StaffMember::displayName)).orElse(null);
		}

		@Nullable String group(UUID id) {
			return cache.computeIfAbsent(id, k -> groups.find(org, k).map(BusinessGroup::name)).orElse(null);
		}

		String contact(UUID id) {
			return cache.computeIfAbsent(id, k -> contacts.find(org, k).map(Contact::label)).orElse("");
		}
	}
}
