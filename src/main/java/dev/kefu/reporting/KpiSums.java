package dev.kefu.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the sums behind the KPIs from the fact tables, one row per day and key: a month split by group is at most
 * 31 × groups rows, however many conversations it holds, so a report costs one indexed range scan per table.
 */
@Repository
class KpiSums {

	private final JdbcClient jdbc;

	KpiSums(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The sums of one day for one key (a center, group, agent or channel; the organization's id when not split). */
	record Daily(LocalDate day, @Nullable String key, Kpis sums) {
	}

	List<Daily> read(UUID organizationId, KpiQuery query) {
		if (query.groups() != null && query.groups().isEmpty()) {
			return List.of();
		}
		List<Daily> rows = new ArrayList<>(conversations(organizationId, query));
		if (query.conversationsOnly()) {
			return rows;
		}
		if (query.by().ticketColumn != null && query.channel() == null) {
			rows.addAll(tickets(organizationId, query));
		}
		rows.addAll(reviews(organizationId, query));
		return rows;
	}

	/** Split by tag, a conversation is one row per tag, and one without tags a row of its own (key null). */
	private static final String TAG_JOIN = """
			LEFT JOIN report_conversation_tag
			       ON report_conversation_tag.conversation_id = report_conversation.conversation_id""";

	private List<Daily> conversations(UUID organizationId, KpiQuery query) {
		String key = query.by().conversationColumn;
		return select("""
				SELECT started_day AS on_day, %s AS k, COUNT(*) AS conversations, SUM(offered) AS offered,
				       SUM(answered) AS answered, SUM(abandoned) AS abandoned, SUM(effective) AS effective,
				       SUM(transfers) AS transfers, COUNT(wait_ms) AS waits, SUM(wait_ms) AS wait_ms,
				       COUNT(first_response_ms) AS firsts, SUM(first_response_ms) AS first_ms,
				       SUM(responses) AS responses, SUM(response_ms) AS response_ms, COUNT(handle_ms) AS handled,
				       SUM(handle_ms) AS handle_ms, COUNT(after_chat_work_ms) AS acws, SUM(after_chat_work_ms) AS acw_ms,
				       SUM(CASE WHEN answered = 1 THEN customer_messages + agent_messages ELSE 0 END) AS messages,
				       COUNT(rating) AS rated, SUM(rating) AS rating_sum,
				       SUM(CASE WHEN rating >= 4 THEN 1 ELSE 0 END) AS satisfied,
				       SUM(assistant_served) AS served, SUM(assistant_resolved) AS resolved,
				       SUM(handed_over) AS handed_over
				FROM report_conversation %s
				WHERE report_conversation.organization_id = :org AND started_day BETWEEN :from AND :to""".formatted(key,
						query.by() == KpiQuery.Dimension.TAG ? TAG_JOIN : ""),
				"started_day", key, "agent_id", "channel", organizationId, query, (rs, n) -> new Kpis(
						rs.getLong("conversations"), rs.getLong("offered"), rs.getLong("answered"),
						rs.getLong("abandoned"), rs.getLong("effective"), rs.getLong("transfers"), rs.getLong("waits"),
						rs.getLong("wait_ms"), rs.getLong("firsts"), rs.getLong("first_ms"), rs.getLong("responses"),
						rs.getLong("response_ms"), rs.getLong("handled"), rs.getLong("handle_ms"), rs.getLong("acws"),
						rs.getLong("acw_ms"), rs.getLong("messages"), rs.getLong("rated"), rs.getLong("rating_sum"),
						rs.getLong("satisfied"), rs.getLong("served"), rs.getLong("resolved"),
						rs.getLong("handed_over"), 0, 0, 0, 0, 0, Kpis.Callbacks.NONE));
	}

	private List<Daily> tickets(UUID organizationId, KpiQuery query) {
		String key = query.by().ticketColumn;
		return select("""
				SELECT opened_day AS on_day, %s AS k, COUNT(*) AS tickets, COUNT(answered_epoch_ms) AS answered,
				       SUM(answered_epoch_ms - opened_epoch_ms) AS answer_ms,
				       SUM(CASE WHEN kind = 'CALLBACK' THEN 1 ELSE 0 END) AS callbacks,
				       SUM(callback_attempts) AS callback_attempts,
				       SUM(CASE WHEN callback_outcome = 'REACHED' THEN 1 ELSE 0 END) AS reached,
				       SUM(CASE WHEN callback_outcome = 'NO_ANSWER' THEN 1 ELSE 0 END) AS no_answer,
				       SUM(CASE WHEN callback_outcome = 'WRONG_NUMBER' THEN 1 ELSE 0 END) AS wrong_number,
				       SUM(CASE WHEN callback_outcome = 'CUSTOMER_CANCELLED' THEN 1 ELSE 0 END) AS cancelled
				FROM report_ticket
				WHERE organization_id = :org AND opened_day BETWEEN :from AND :to""".formatted(key),
				"opened_day", key, "answered_by", null, organizationId, query,
				(rs, n) -> Kpis.ofTickets(rs.getLong("tickets"), rs.getLong("answered"), rs.getLong("answer_ms"),
						new Kpis.Callbacks(rs.getLong("callbacks"), rs.getLong("callback_attempts"),
								rs.getLong("reached"), rs.getLong("no_answer"), rs.getLong("wrong_number"),
								rs.getLong("cancelled"))));
	}

	private List<Daily> reviews(UUID organizationId, KpiQuery query) {
		String key = Objects.requireNonNull(query.by().reviewColumn);
		return select("""
				SELECT reviewed_day AS on_day, %s AS k, COUNT(*) AS reviews, SUM(score) AS score_sum
				FROM report_review
				WHERE organization_id = :org AND reviewed_day BETWEEN :from AND :to""".formatted(key),
				"reviewed_day", key, "agent_id", "channel", organizationId, query,
				(rs, n) -> Kpis.ofReviews(rs.getLong("reviews"), rs.getDouble("score_sum")));
	}

	interface SumsMapper {
		Kpis map(ResultSet rs, int row) throws SQLException;
	}

	/** Adds the query's filters to a statement over one fact table, groups it by day and key, and maps each row. */
	private List<Daily> select(String sql, String dayColumn, String keyColumn, String agentColumn,
			@Nullable String channelColumn, UUID organizationId, KpiQuery query, SumsMapper sums) {
		StringBuilder statement = new StringBuilder(sql);
		Map<String, Object> params = new HashMap<>(Map.of("org", organizationId, "from", query.from(), "to", query.to()));
		if (query.centerId() != null) {
			statement.append(" AND center_id = :center");
			params.put("center", query.centerId());
		}
		if (query.groups() != null) {
			statement.append(" AND group_id IN (:groups)");
			params.put("groups", query.groups());
		}
		if (query.agentId() != null) {
			statement.append(" AND ").append(agentColumn).append(" = :agent");
			params.put("agent", query.agentId());
		}
		if (query.channel() != null && channelColumn != null) {
			statement.append(" AND ").append(channelColumn).append(" = :channel");
			params.put("channel", query.channel());
		}
		// Asked of report_conversation only: see KpiQuery.conversationsOnly.
		if (query.dispositionId() != null) {
			statement.append(" AND disposition_id = :disposition");
			params.put("disposition", query.dispositionId());
		}
		if (query.tagId() != null) {
			statement.append(" AND report_conversation.conversation_id IN (SELECT tagged.conversation_id")
				.append(" FROM report_conversation_tag tagged WHERE tagged.organization_id = :org AND tagged.tag_id = :tag)");
			params.put("tag", query.tagId());
		}
		statement.append(" GROUP BY ").append(dayColumn).append(", ").append(keyColumn);
		return jdbc.sql(statement.toString())
			.params(params)
			.query((rs, n) -> new Daily(rs.getObject("on_day", LocalDate.class), rs.getString("k"), sums.map(rs, n)))
			.list();
	}
}
