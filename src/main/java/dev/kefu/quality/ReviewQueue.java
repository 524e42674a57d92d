package dev.kefu.quality;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.kefu.shared.Ids;
import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.SqlTime;

/**
 * The QA queue: one task per selected conversation, open until reviewed. Every read is scoped to an organization;
 * the review of a task is claimed with one conditional update, so two inspectors can never both review it.
 */
@Component
class ReviewQueue {

	private final JdbcClient jdbc;

	ReviewQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Puts a conversation in the queue with these reasons, or adds them to its task when it has one already (a late
	 * low rating). Safe to repeat.
	 */
	void enqueue(UUID organizationId, UUID conversationId, UUID agentId, UUID groupId, Set<ReviewTask.Reason> reasons,
			Instant now) {
		jdbc.sql("""
				INSERT INTO quality_task (id, organization_id, conversation_id, agent_id, group_id, state, created_at)
				VALUES (?, ?, ?, ?, ?, 'OPEN', ?)
				ON CONFLICT DO NOTHING""")
			.params(Ids.newId(), organizationId, conversationId, agentId, groupId, SqlTime.of(now))
			.update();
		UUID taskId = jdbc.sql("SELECT id FROM quality_task WHERE conversation_id = ? AND organization_id = ?")
			.params(conversationId, organizationId)
			.query(UUID.class)
			.single();
		for (ReviewTask.Reason reason : reasons) {
			jdbc.sql("INSERT INTO quality_task_reason (task_id, reason) VALUES (?, ?) ON CONFLICT DO NOTHING")
				.params(taskId, reason.name())
				.update();
		}
	}

	/** The open tasks of these groups (null: of every group), the oldest first. */
	List<ReviewTask> open(UUID organizationId, @Nullable Set<UUID> groups, int limit) {
		if (groups != null && groups.isEmpty()) {
			return List.of();
		}
		Map<String, Object> params = new java.util.HashMap<>(Map.of("org", organizationId, "limit", limit));
		if (groups != null) {
			params.put("groups", List.copyOf(groups));
		}
		List<ReviewTask> tasks = jdbc.sql("""
				SELECT * FROM quality_task WHERE organization_id = :org AND state = 'OPEN'"""
				+ (groups == null ? "" : " AND group_id IN (:groups)") + " ORDER BY created_at, id LIMIT :limit")
			.params(params)
			.query(ReviewQueue::map)
			.list();
		Map<UUID, Set<ReviewTask.Reason>> reasons = reasons(tasks.stream().map(ReviewTask::id).toList());
		return tasks.stream().map(task -> withReasons(task, reasons.getOrDefault(task.id(), Set.of()))).toList();
	}

	Optional<ReviewTask> find(UUID organizationId, UUID taskId) {
		return jdbc.sql("SELECT * FROM quality_task WHERE id = ? AND organization_id = ?")
			.params(taskId, organizationId)
			.query(ReviewQueue::map)
			.optional()
			.map(task -> withReasons(task, reasons(List.of(task.id())).getOrDefault(task.id(), Set.of())));
	}

	ReviewTask require(UUID organizationId, UUID taskId) {
		return find(organizationId, taskId).orElseThrow(() -> new ResourceNotFound("review task", taskId));
	}

	/** Takes an open task out of the queue; false, changing nothing, when it was reviewed already. */
	boolean complete(UUID organizationId, UUID taskId) {
		return jdbc.sql("UPDATE quality_task SET state = 'REVIEWED' WHERE id = ? AND organization_id = ? AND state = 'OPEN'")
			.params(taskId, organizationId)
			.update() == 1;
	}

	private Map<UUID, Set<ReviewTask.Reason>> reasons(Collection<UUID> taskIds) {
		if (taskIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("SELECT task_id, reason FROM quality_task_reason WHERE task_id IN (:tasks)")
			.param("tasks", taskIds)
			.query((rs, row) -> Map.entry(rs.getObject(1, UUID.class), ReviewTask.Reason.valueOf(rs.getString(2))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue,
					Collectors.toCollection(() -> EnumSet.noneOf(ReviewTask.Reason.class)))));
	}

	private static ReviewTask withReasons(ReviewTask task, Set<ReviewTask.Reason> reasons) {
		return new ReviewTask(task.id(), task.organizationId(), task.conversationId(), task.agentId(), task.groupId(),
				task.state(), reasons, task.createdAt());
	}

	private static ReviewTask map(ResultSet rs, int row) throws SQLException {
		return new ReviewTask(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
				rs.getObject("conversation_id", UUID.class), rs.getObject("agent_id", UUID.class),
				rs.getObject("group_id", UUID.class), ReviewTask.State.valueOf(rs.getString("state")), Set.of(),
				SqlTime.read(rs, "created_at"));
	}
}
