package dev.kefu.organization;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.kefu.shared.Ids;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.Text;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Each organization's invitation rules, checked before they are kept: every rule travels in the widget's settings
 * answer on every page view, so there are few of them and each is small.
 */
@Repository
class InvitationRules {

	static final int MAX_RULES = 10;

	private final JdbcClient jdbc;
	private final Groups groups;
	private final Clock clock;

	InvitationRules(JdbcClient jdbc, Groups groups, Clock clock) {
		this.jdbc = jdbc;
		this.groups = groups;
		this.clock = clock;
	}

	/** A rule as an admin writes it; a rule is on unless {@code enabled} is false. */
	@Schema(name = "InvitationRuleDraft")
	record Draft(@Nullable String name, @Nullable String greeting, @Nullable String urlPattern,
			@Nullable Integer secondsOnPage, @Nullable Integer minPages, @Nullable Boolean returningOnly,
			@Nullable UUID groupId, @Nullable Integer maxQueue, @Nullable Boolean enabled) {
	}

	List<InvitationRule> all(UUID organizationId) {
		return jdbc.sql("SELECT * FROM invitation_rule WHERE organization_id = ? ORDER BY created_at, id")
			.param(organizationId)
			.query((rs, n) -> new InvitationRule(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getString("greeting"), rs.getString("url_pattern"), (Integer) rs.getObject("seconds_on_page"),
					(Integer) rs.getObject("min_pages"), rs.getBoolean("returning_only"),
					rs.getObject("group_id", UUID.class), (Integer) rs.getObject("max_queue"), rs.getBoolean("enabled")))
			.list();
	}

	Optional<InvitationRule> find(UUID organizationId, UUID id) {
		return all(organizationId).stream().filter(rule -> rule.id().equals(id)).findFirst();
	}

	InvitationRule create(UUID organizationId, Draft draft) {
		if (all(organizationId).size() >= MAX_RULES) {
			throw new RequestRejected("invitation-limit", "an organization has at most " + MAX_RULES + " invitation rules");
		}
		InvitationRule rule = checked(organizationId, draft, Ids.newId());
		jdbc.sql("""
				INSERT INTO invitation_rule (id, organization_id, name, greeting, url_pattern, seconds_on_page, min_pages,
				  returning_only, group_id, max_queue, enabled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(rule.id(), organizationId, rule.name(), rule.greeting(), rule.urlPattern(), rule.secondsOnPage(),
					rule.minPages(), rule.returningOnly(), rule.groupId(), rule.maxQueue(), rule.enabled(),
					SqlTime.of(clock.instant()))
			.update();
		return rule;
	}

	InvitationRule replace(UUID organizationId, UUID id, Draft draft) {
		InvitationRule rule = checked(organizationId, draft, id);
		int changed = jdbc.sql("""
				UPDATE invitation_rule SET name = ?, greeting = ?, url_pattern = ?, seconds_on_page = ?, min_pages = ?,
				  returning_only = ?, group_id = ?, max_queue = ?, enabled = ? WHERE id = ? AND organization_id = ?""")
			.params(rule.name(), rule.greeting(), rule.urlPattern(), rule.secondsOnPage(), rule.minPages(),
					rule.returningOnly(), rule.groupId(), rule.maxQueue(), rule.enabled(), id, organizationId)
			.update();
		if (changed == 0) {
			throw new ResourceNotFound("invitation", id);
		}
		return rule;
	}

	void delete(UUID organizationId, UUID id) {
		if (jdbc.sql("DELETE FROM invitation_rule WHERE id = ? AND organization_id = ?").params(id, organizationId)
			.update() == 0) {
			throw new ResourceNotFound("invitation", id);
		}
	}

	private InvitationRule checked(UUID organizationId, Draft draft, UUID id) {
		String name = required(draft.name(), 100, "invitation-name");
		String greeting = required(draft.greeting(), 500, "invitation-greeting");
		String pattern = blank(draft.urlPattern()) ? null : draft.urlPattern().strip();
		if (pattern != null && (pattern.length() > 300 || !Text.wellFormed(pattern)
				|| pattern.chars().filter(c -> c == '*').count() > 5)) {
			throw new RequestRejected("invitation-url-pattern",
					"an address pattern has at most 300 characters and 5 wildcards (*)");
		}
		within(draft.secondsOnPage(), 0, 3600, "invitation-seconds", "seconds on the page are 0 to 3600");
		within(draft.minPages(), 1, 20, "invitation-pages", "pages viewed are 1 to 20");
		within(draft.maxQueue(), 0, 10_000, "invitation-queue", "a queue length is 0 to 10000");
		if ((draft.groupId() == null) != (draft.maxQueue() == null)) {
			throw new RequestRejected("invitation-queue", "a group and its longest queue go together, or neither");
		}
		if (draft.groupId() != null && groups.find(organizationId, draft.groupId()).isEmpty()) {
			throw new RequestRejected("invitation-group", "no such group: " + draft.groupId());
		}
		return new InvitationRule(id, name, greeting, pattern, draft.secondsOnPage(), draft.minPages(),
				Boolean.TRUE.equals(draft.returningOnly()), draft.groupId(), draft.maxQueue(),
				!Boolean.FALSE.equals(draft.enabled()));
	}

	private static String required(@Nullable String text, int max, String code) {
		if (blank(text) || text.strip().length() > max || !Text.wellFormed(text)) {
			throw new RequestRejected(code, "required, at most " + max + " characters");
		}
		return text.strip();
	}

	private static void within(@Nullable Integer value, int min, int max, String code, String rule) {
		if (value != null && (value < min || value > max)) {
			throw new RequestRejected(code, rule);
		}
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}
}
