package dev.kefu.canned;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.kefu.organization.GroupUsage;

/** Responses limited to a group would silently vanish with it, so they hold the group until changed. */
@Component
class CannedGroupUsage implements GroupUsage {

	private final JdbcClient jdbc;

	CannedGroupUsage(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<String> blocksDeletion(UUID organizationId, UUID groupId) {
		long limited = jdbc.sql("SELECT COUNT(*) FROM canned_response WHERE group_id = ? AND organization_id = ?")
			.params(groupId, organizationId)
			.query(Long.class)
			.single();
		return limited == 0 ? Optional.empty()
				: Optional.of(limited + " canned response(s) are limited to this group; change or delete them first");
	}
}
