package dev.kefu.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Locale;
import java.util.UUID;

/**
 * Adds agents to the demo organization, straight into Kefu's tables, while Kefu is stopped. A stopgap: Kefu has no
 * admin API for staff yet, and the demo's two agents with five chats each cannot carry 2,000 messages/s (a connection
 * may send 20 frames/s) or a burst of 200 chats/s. The rows are what StaffMembers.create writes; the password hash is
 * agent1's, so the password is the demo one.
 */
final class BenchAgents {

	static final String PASSWORD = "kefu-agent";

	private BenchAgents() {
	}

	static String username(int i) {
		return String.format(Locale.ROOT, "bench-agent-%03d", i);
	}

	static void seed(Args args) throws SQLException {
		int count = args.getInt("agents", 64);
		int capacity = args.getInt("capacity", 50);
		try (Connection db = DriverManager.getConnection(args.require("db-url"), args.get("db-user", "sa"),
				args.get("db-password", ""))) {
			db.setAutoCommit(false);
			String hash;
			UUID organization;
			try (ResultSet rs = db.createStatement()
				.executeQuery("SELECT password_hash, organization_id FROM staff_member WHERE username = 'agent1'")) {
				if (!rs.next()) {
					throw new IllegalStateException("no demo organization: start Kefu once with kefu.demo.enabled");
				}
				hash = rs.getString(1);
				organization = rs.getObject(2, UUID.class);
			}
			UUID general = general(db, organization);
			try (PreparedStatement staff = db.prepareStatement("""
					INSERT INTO staff_member (id, organization_id, username, password_hash, display_name, email, roles,
					                          max_chats, enabled, created_at)
					VALUES (?, ?, ?, ?, ?, NULL, 'AGENT', ?, TRUE, ?)""");
					PreparedStatement member = db.prepareStatement(
							"INSERT INTO group_member (group_id, staff_id) VALUES (?, ?)")) {
				for (int i = 1; i <= count; i++) {
					UUID id = UUID.randomUUID();
					staff.setObject(1, id);
					staff.setObject(2, organization);
					staff.setString(3, username(i));
					staff.setString(4, hash);
					staff.setString(5, "Bench Agent " + i);
					staff.setInt(6, capacity);
					staff.setTimestamp(7, new Timestamp(System.currentTimeMillis()));
					staff.executeUpdate();
					member.setObject(1, general);
					member.setObject(2, id);
					member.executeUpdate();
				}
			}
			db.commit();
		}
		System.out.println("seeded " + count + " bench agents with capacity " + capacity);
	}

	private static UUID general(Connection db, UUID organization) throws SQLException {
		try (PreparedStatement q = db
			.prepareStatement("SELECT id FROM business_group WHERE organization_id = ? AND name = 'General'")) {
			q.setObject(1, organization);
			try (ResultSet rs = q.executeQuery()) {
				rs.next();
				return rs.getObject(1, UUID.class);
			}
		}
	}
}
