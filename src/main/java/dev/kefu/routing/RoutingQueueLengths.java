package dev.kefu.routing;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.kefu.organization.QueueLengths;

/** Queue lengths for the widget's invitation rules: a rule is held back while its group's queue is too long. */
@Component
class RoutingQueueLengths implements QueueLengths {

	private final JdbcClient jdbc;

	RoutingQueueLengths(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public int waiting(UUID organizationId, UUID groupId) {
		return jdbc.sql("SELECT COUNT(*) FROM queue_entry WHERE group_id = ? AND organization_id = ?")
			.params(groupId, organizationId)
			.query(Integer.class)
			.single();
	}
}
