package dev.kefu.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.kefu.testing.Api;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.SettableClock;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.json.JsonMapper;

/**
 * The log keeps each organization's entries for its retention period and no longer: the prune, run on a clock moved
 * forward, deletes what is older, leaves the rest and another organization's (on the default period) alone, and says
 * in the log what it deleted.
 */
@ServerTest
class AuditRetentionTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Test
	void prunesEntriesPastEachOrganizationsPeriodAsTheClockMovesOn() {
		Api api = new Api(port);
		TestTenant short_ = TestTenant.create(context, 1, 1);
		TestTenant long_ = TestTenant.create(context, 1, 1);
		String admin = short_.adminToken(api);
		assertThat(api.get("/api/v1/admin/audit/settings", admin).path("retentionDays").asInt())
			.as("the default, for banks").isEqualTo(1095);
		api.put("/api/v1/admin/audit/settings", admin, Map.of("retentionDays", 180));
		assertThat(api.get("/api/v1/admin/audit/settings", admin).path("retentionDays").asInt()).isEqualTo(180);

		SettableClock clock = new SettableClock(Instant.now());
		AuditLog log = new AuditLog(jdbc, clock, json);
		AuditRetention retention = new AuditRetention(jdbc, clock, log, 1095);
		log.entry(AuditLog.Actor.system(short_.id()), "test.first").record();
		log.entry(AuditLog.Actor.system(long_.id()), "test.first").record();
		clock.advance(Duration.ofDays(100));
		log.entry(AuditLog.Actor.system(short_.id()), "test.second").record();

		clock.advance(Duration.ofDays(90));
		retention.prune();
		assertThat(actions(short_.id())).as("190 days on, past 180: the first and the logins went")
			.containsExactlyInAnyOrder("test.second", "audit.pruned");
		assertThat(actions(long_.id())).as("190 days is within the default").containsExactly("test.first");
		String pruned = jdbc.sql("SELECT detail FROM audit_entry WHERE organization_id = ? AND action = 'audit.pruned'")
			.param(short_.id())
			.query(String.class)
			.single();
		assertThat(pruned).startsWith("3 entries older than");

		clock.advance(Duration.ofDays(1000));
		retention.prune();
		assertThat(actions(long_.id())).as("1190 days on, past the default 1095").containsExactly("audit.pruned");
		assertThat(actions(short_.id())).containsExactly("audit.pruned");
	}

	private List<String> actions(UUID organizationId) {
		return jdbc.sql("SELECT action FROM audit_entry WHERE organization_id = ?")
			.param(organizationId)
			.query(String.class)
			.list();
	}
}
