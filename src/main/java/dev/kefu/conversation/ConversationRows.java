package dev.kefu.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import dev.kefu.shared.SqlTime;

/** Row mapping for the conversation table. */
final class ConversationRows {

	private ConversationRows() {
	}

	static Conversation map(ResultSet rs, int row) throws SQLException {
		Object rating = rs.getObject("rating");
		return new Conversation(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
				rs.getObject("contact_id", UUID.class), rs.getString("channel"), rs.getObject("group_id", UUID.class),
				ConversationState.valueOf(rs.getString("state")), rs.getObject("agent_id", UUID.class),
				rs.getLong("last_seq"), SqlTime.read(rs, "created_at"), SqlTime.read(rs, "queued_at"),
				SqlTime.read(rs, "assigned_at"), SqlTime.read(rs, "first_response_at"),
				SqlTime.read(rs, "awaiting_reply_since"), SqlTime.read(rs, "last_message_at"),
				rs.getString("last_message_preview"), SqlTime.read(rs, "closed_at"), rs.getString("closed_by"),
				rs.getString("close_reason"), rs.getString("summary"), SqlTime.read(rs, "summary_at"),
				rating == null ? null : ((Number) rating).intValue(), rs.getString("rating_comment"),
				SqlTime.read(rs, "rated_at"), rs.getLong("contact_read_seq"), rs.getLong("agent_read_seq"),
				rs.getObject("channel_id", UUID.class));
	}
}
