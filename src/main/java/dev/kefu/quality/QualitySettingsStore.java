package dev.kefu.quality;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.shared.SqlTime;

/** Each organization's quality settings; the defaults until an admin saves some. */
@Component
class QualitySettingsStore {

	private final JdbcClient jdbc;
	private final Clock clock;

	QualitySettingsStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	QualitySettings of(UUID organizationId) {
		return jdbc.sql("SELECT * FROM quality_settings WHERE organization_id = ?")
			.param(organizationId)
			.query((rs, row) -> new QualitySettings(rs.getInt("sample_percent"), rs.getBoolean("include_findings"),
					rs.getBoolean("include_low_ratings"), Duration.ofSeconds(rs.getInt("silence_limit_seconds")),
					phrases(rs.getString("greetings")), phrases(rs.getString("closings")),
					phrases(rs.getString("forbidden"))))
			.optional()
			.orElse(QualitySettings.DEFAULT);
	}

	@Transactional
	QualitySettings save(UUID organizationId, QualitySettings settings) {
		Object[] values = { settings.samplePercent(), settings.includeFindings(), settings.includeLowRatings(),
				(int) settings.silenceLimit().toSeconds(), lines(settings.greetings()), lines(settings.closings()),
				lines(settings.forbidden()), SqlTime.of(clock.instant()), organizationId };
		int updated = jdbc.sql("""
				UPDATE quality_settings SET sample_percent = ?, include_findings = ?, include_low_ratings = ?,
				                            silence_limit_seconds = ?, greetings = ?, closings = ?, forbidden = ?,
				                            updated_at = ?
				WHERE organization_id = ?""").params(values).update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO quality_settings (sample_percent, include_findings, include_low_ratings,
					                              silence_limit_seconds, greetings, closings, forbidden, updated_at,
					                              organization_id)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""").params(values).update();
		}
		return settings;
	}

	private static String lines(Phrases phrases) {
		return String.join("\n", phrases.phrases());
	}

	private static Phrases phrases(String lines) {
		return new Phrases(Arrays.stream(lines.split("\n")).filter(line -> !line.isBlank()).toList());
	}
}
