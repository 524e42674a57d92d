package dev.kefu.bot;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.organization.Groups;
import dev.kefu.shared.AfterCommit;
import dev.kefu.shared.ShortLived;
import dev.kefu.shared.SqlTime;

/** Each group's assistant settings, kept a few seconds in memory since every new chat asks for them. */
@Service
class BotProfiles {

	private final JdbcClient jdbc;
	private final Groups groups;
	private final Clock clock;
	/** Keyed by organization and group: a group id alone must not fetch another organization's profile. */
	private final ShortLived<GroupOf, BotProfile> recent;

	private record GroupOf(UUID organizationId, UUID groupId) {
	}

	BotProfiles(JdbcClient jdbc, Groups groups, Clock clock) {
		this.jdbc = jdbc;
		this.groups = groups;
		this.clock = clock;
		this.recent = new ShortLived<>(Duration.ofSeconds(5));
	}

	/** The profile of a group of this organization; a group that has none, or is unknown, has the assistant off. */
	BotProfile of(UUID organizationId, UUID groupId) {
		return recent.get(new GroupOf(organizationId, groupId), key -> jdbc.sql("SELECT * FROM bot_profile WHERE group_id = ? AND organization_id = ?")
			.params(groupId, organizationId)
			.query((rs, n) -> new BotProfile(groupId, rs.getBoolean("enabled"), rs.getString("name"),
					rs.getString("greeting"), rs.getDouble("threshold")))
			.optional()
			.orElse(BotProfile.off(groupId)));
	}

	/** What an admin sees: the profile of a group that must be the organization's own, or else not found. */
	BotProfile configured(UUID organizationId, UUID groupId) {
		groups.require(organizationId, groupId);
		return of(organizationId, groupId);
	}

	@Transactional
	BotProfile save(UUID organizationId, BotProfile profile) {
		groups.require(organizationId, profile.groupId());
		jdbc.sql("DELETE FROM bot_profile WHERE group_id = ?").param(profile.groupId()).update();
		jdbc.sql("""
				INSERT INTO bot_profile (group_id, organization_id, enabled, name, greeting, threshold, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(profile.groupId(), organizationId, profile.enabled(), profile.name(), profile.greeting(),
					profile.threshold(), SqlTime.of(clock.instant()))
			.update();
		AfterCommit.run(() -> recent.forget(new GroupOf(organizationId, profile.groupId())));
		return profile;
	}
}
