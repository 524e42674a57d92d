package dev.kefu.notification;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.SqlTime;

/**
 * Per group, whether agents are mailed when a message is left while nobody is online. Off unless an admin turns it
 * on. With no addresses of its own the mail goes to the group's agents (those with an e-mail address).
 */
@Component
class GroupAlerts {

	static final int MAX_RECIPIENTS = 20;

	private final JdbcClient jdbc;
	private final Clock clock;

	GroupAlerts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** {@code recipients} empty: the group's agents. {@code language}: en or zh-CN, the language of the mail. */
	record Setting(boolean enabled, List<String> recipients, String language) {

		static final Setting OFF = new Setting(false, List.of(), Letters.ENGLISH);

		Setting {
			recipients = recipients == null ? List.of() : recipients.stream().map(r -> Addresses.require(r, "recipient"))
				.distinct().toList();
			if (recipients.size() > MAX_RECIPIENTS) {
				throw new RequestRejected("too-many-recipients", "at most " + MAX_RECIPIENTS + " addresses");
			}
			if (language == null) {
				language = Letters.ENGLISH;
			}
			if (!Letters.ENGLISH.equals(language) && !Letters.CHINESE.equals(language)) {
				throw new RequestRejected("invalid-language", "language must be en or zh-CN");
			}
		}
	}

	Setting of(UUID organizationId, UUID groupId) {
		return find(organizationId, groupId).orElse(Setting.OFF);
	}

	private Optional<Setting> find(UUID organizationId, UUID groupId) {
		return jdbc.sql("SELECT * FROM group_mail_alert WHERE group_id = ? AND organization_id = ?")
			.params(groupId, organizationId)
			.query((rs, row) -> new Setting(rs.getBoolean("enabled"), split(rs.getString("recipients")),
					rs.getString("language")))
			.optional();
	}

	void save(UUID organizationId, UUID groupId, Setting setting) {
		String recipients = String.join(",", setting.recipients());
		int updated = jdbc.sql("""
				UPDATE group_mail_alert SET enabled = ?, recipients = ?, language = ?, updated_at = ?
				WHERE group_id = ? AND organization_id = ?""")
			.params(setting.enabled(), recipients, setting.language(), SqlTime.of(clock.instant()), groupId,
					organizationId)
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO group_mail_alert (group_id, organization_id, enabled, recipients, language, updated_at)
					VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
				.params(groupId, organizationId, setting.enabled(), recipients, setting.language(),
						SqlTime.of(clock.instant()))
				.update();
		}
	}

	private static List<String> split(String recipients) {
		return Arrays.stream(recipients.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}
}
