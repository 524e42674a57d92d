package dev.kefu.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.kefu.testing.Api;
import dev.kefu.testing.DatabaseTest;
import dev.kefu.testing.KefuNode;
import dev.kefu.testing.SharedDatabase;

/**
 * A production installation's first start: two nodes come up together on one empty database, each configured with
 * the first organization and admin (and, here, the demo too). Both start; everything exists once; the generated
 * password and the demo's passwords are printed once, by whichever node created them, and never on a later start;
 * the demo's knowledge base, canned responses and assistant are there once, and a later start adds nothing.
 */
@DatabaseTest
@ExtendWith(OutputCaptureExtension.class)
class FirstStartTest {

	static final Pattern GENERATED = Pattern.compile("Generated password: (\\S+)");

	@Test
	void twoNodesStartingTogetherOnAnEmptyDatabaseProvisionItOnce(CapturedOutput output) throws Exception {
		List<ConfigurableApplicationContext> nodes = new ArrayList<>();
		try (SharedDatabase database = SharedDatabase.create()) {
			try {
				nodes.addAll(startTogether(database, 2));
				JdbcClient jdbc = nodes.getFirst().getBean(JdbcClient.class);
				assertThat(jdbc.sql("SELECT slug FROM organization ORDER BY slug").query(String.class).list())
					.containsExactly("acme", "demo");
				assertThat(jdbc.sql("SELECT COUNT(*) FROM staff_member WHERE username = 'acme-admin'")
					.query(Long.class)
					.single()).isEqualTo(1);
				// Two Spring applications in one JVM may each hook up the console, so count against a line that
				// the unique key on the slug lets only one node ever log.
				int once = occurrences(output, "Created organization 'acme'");
				assertThat(once).isPositive();
				assertThat(occurrences(output, "Generated password: ")).isEqualTo(once);
				assertThat(occurrences(output, "admin  / kefu-admin")).isEqualTo(once);
				awaitDemoContent(jdbc);

				Matcher generated = GENERATED.matcher(output.getAll());
				assertThat(generated.find()).isTrue();
				Api api = new Api(port(nodes.getLast()));
				String token = api.login("acme-admin", generated.group(1));
				// The admin of the first organization is the installation's first platform operator, once.
				assertThat(jdbc.sql("SELECT COUNT(*) FROM platform_operator").query(Long.class).single()).isEqualTo(1);
				assertThat(api.get("/api/v1/platform/organizations", token).valueStream()
					.map(o -> o.path("slug").asString())).containsExactlyInAnyOrder("acme", "demo");
				assertThat(api.get("/api/v1/admin/organization", token).path("slug").asString()).isEqualTo("acme");
				api.put("/api/v1/admin/staff/" + api.get("/api/v1/auth/me", token).path("id").asString()
						+ "/password", token, Map.of("password", "a-new-password-42"));

				nodes.add(start(database, 3));
				assertThat(occurrences(output, "Generated password: ")).as("printed again on a later start")
					.isEqualTo(once);
				assertThat(occurrences(output, "admin  / kefu-admin")).as("printed again on a later start")
					.isEqualTo(once);
				assertThat(new Api(port(nodes.getLast())).login("acme-admin", "a-new-password-42")).isNotBlank();
				assertThat(demoContent(jdbc)).as("the demo's content after a later start").isEqualTo(DEMO_CONTENT);
			}
			finally {
				nodes.forEach(ConfigurableApplicationContext::close);
			}
		}
	}

	/** FAQ entries, articles, canned responses and groups with the assistant on, as the demo's resource files give. */
	static final List<Long> DEMO_CONTENT = List.of(24L, 6L, 10L, 1L);

	/** The demo's modules fill in their part after the organization's commit, each in its own transaction. */
	private static void awaitDemoContent(JdbcClient jdbc) {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(demoContent(jdbc)).isEqualTo(DEMO_CONTENT));
	}

	private static List<Long> demoContent(JdbcClient jdbc) {
		String demo = "(SELECT id FROM organization WHERE slug = 'demo')";
		return List.of(
				count(jdbc, "SELECT COUNT(*) FROM kb_article WHERE kind = 'FAQ' AND status = 'PUBLISHED' AND organization_id = " + demo),
				count(jdbc, "SELECT COUNT(*) FROM kb_article WHERE kind = 'ARTICLE' AND status = 'PUBLISHED' AND organization_id = " + demo),
				count(jdbc, "SELECT COUNT(*) FROM canned_response WHERE organization_id = " + demo),
				count(jdbc, "SELECT COUNT(*) FROM bot_profile WHERE enabled = TRUE AND organization_id = " + demo));
	}

	private static long count(JdbcClient jdbc, String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private static List<ConfigurableApplicationContext> startTogether(SharedDatabase database, int count)
			throws InterruptedException {
		List<ConfigurableApplicationContext> started = new ArrayList<>();
		List<Throwable> failures = new ArrayList<>();
		try (ExecutorService starts = Executors.newFixedThreadPool(count)) {
			List<Future<ConfigurableApplicationContext>> nodes = new ArrayList<>();
			for (int node = 1; node <= count; node++) {
				int number = node;
				nodes.add(starts.submit(() -> start(database, number)));
			}
			for (Future<ConfigurableApplicationContext> node : nodes) {
				try {
					started.add(node.get(3, TimeUnit.MINUTES));
				}
				catch (ExecutionException | java.util.concurrent.TimeoutException e) {
					failures.add(e.getCause() == null ? e : e.getCause());
				}
			}
		}
		if (!failures.isEmpty()) {
			started.forEach(ConfigurableApplicationContext::close);
			throw new AssertionError("a node failed to start: " + failures.getFirst(), failures.getFirst());
		}
		return started;
	}

	private static ConfigurableApplicationContext start(SharedDatabase database, int node) {
		Map<String, String> settings = new HashMap<>(database.properties());
		String dataDir = "target/test-data/" + database.name() + "-node" + node;
		settings.putAll(Map.of("kefu.data-dir", dataDir, "server.port", "0", "kefu.demo.enabled", "true",
				"kefu.setup.organization.slug", "acme", "kefu.setup.organization.name", "ACME",
				"kefu.setup.organization.time-zone", "Asia/Shanghai", "kefu.setup.admin.username", "acme-admin",
				"spring.modulith.events.republish-outstanding-events-on-restart", "false",
				"spring.main.banner-mode", "off"));
		return KefuNode.start(settings);
	}

	private static int port(ConfigurableApplicationContext node) {
		return KefuNode.port(node);
	}

	private static int occurrences(CapturedOutput output, String text) {
		String all = output.getAll();
		int count = 0;
		for (int at = all.indexOf(text); at >= 0; at = all.indexOf(text, at + 1)) {
			count++;
		}
		return count;
	}
}
