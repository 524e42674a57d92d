package dev.kefu.routing;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.kefu.organization.GroupUsage;

/** A group with chats waiting in its queue or being served in it must not be deleted under them. */
@Component
class RoutingGroupUsage implements GroupUsage {

	private final JdbcClient jdbc;

	RoutingGroupUsage(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<String> blocksDeletion(UUID organizationId, UUID groupId) {
		long waiting = jdbc.sql("SELECT COUNT(*) FROM queue_entry WHERE group_id = ? AND organization_id = ?")
			.params(groupId, organizationId)
			.query(Long.class)
			.single();
		long served = jdbc.sql("""
				SELECT COUNT(*) FROM assignment WHERE group_id = ? AND organization_id = ? AND released_at IS NULL""")
			.params(groupId, organizationId)
			.query(Long.class)
			.single();
		if (waiting + served == 0) {
			return Optional.empty();
		}
		return Optional.of(waiting + " chat(s) wait in the group's queue and " + served
				+ " are being served in it; let them finish or transfer them first");
	}
}
