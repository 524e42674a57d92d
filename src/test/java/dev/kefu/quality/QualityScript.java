package dev.kefu.quality;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;

import dev.kefu.organization.StaffMembers;
import dev.kefu.shared.Role;
import dev.kefu.testing.Api;
import dev.kefu.testing.ServedChat;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/** The steps quality tests are scripted with: a desk of staff, a real chat over HTTP, the queue, a review. */
final class QualityScript {

	private QualityScript() {
	}

	/** A tenant with two agents (the first online), a QA inspector and an admin, sampling the given share. */
	static final class Desk {

		final Api api;
		final TestTenant tenant;
		final String[] agents;
		final String admin;
		final String inspector;

		Desk(Api api, ApplicationContext context, int samplePercent) {
			this.api = api;
			tenant = TestTenant.create(context, 2, 3);
			agents = new String[] { tenant.agentToken(api, 0), tenant.agentToken(api, 1) };
			admin = tenant.adminToken(api);
			inspector = inspector(context, api, tenant);
			JsonNode settings = api.get("/api/v1/quality/settings", admin);
			api.put("/api/v1/quality/settings", admin,
					Map.of("samplePercent", samplePercent, "includeFindings", true, "includeLowRatings", true,
							"silenceLimitSeconds", 120, "greetings", strings(settings.path("greetings")), "closings",
							strings(settings.path("closings")), "forbidden", List.of("不归我管", "not my problem")));
			api.status(agents[0], "ONLINE");
		}

		/** A visitor's chat, assigned to the first agent. */
		ServedChat chat() {
			return ServedChat.start(api, tenant, agents[0]);
		}

		/** The chat's task, once the inspection queued it. */
		JsonNode awaitTask(ServedChat chat) {
			await().atMost(Duration.ofSeconds(10)).until(() -> queueEntry(chat) != null);
			return queueEntry(chat);
		}

		@Nullable
		JsonNode queueEntry(ServedChat chat) {
			return api.get("/api/v1/quality/queue", inspector)
				.valueStream()
				.filter(task -> task.path("conversationId").asString().equals(chat.id()))
				.findFirst()
				.orElse(null);
		}

		/** The inspector reviews the chat with a one-item rubric. */
		JsonNode review(ServedChat chat, int points) {
			String task = awaitTask(chat).path("id").asString();
			JsonNode rubric = api.post("/api/v1/quality/rubrics", inspector,
					Map.of("name", "Quick", "items", List.of(item("overall", 1, 5))));
			return api.post("/api/v1/quality/tasks/" + task + "/review", inspector,
					Map.of("rubricId", rubric.path("id").asString(), "scores",
							List.of(score(rubric.path("items").get(0).path("id").asString(), points))));
		}
	}

	/** A QA inspector of the tenant, logged in. */
	static String inspector(ApplicationContext context, Api api, TestTenant tenant) {
		String username = tenant.slug() + "-qa";
		context.getBean(StaffMembers.class)
			.create(tenant.id(), username, TestTenant.PASSWORD,
					new StaffMembers.Profile("QA", null, Set.of(Role.QA_INSPECTOR), 1, true, List.of()));
		return api.login(username, TestTenant.PASSWORD);
	}

	static Map<String, Object> item(String name, int weight, int maxPoints) {
		return Map.of("name", name, "weight", weight, "maxPoints", maxPoints);
	}

	static Map<String, Object> score(String itemId, int points) {
		return Map.of("itemId", itemId, "points", points);
	}

	static List<String> strings(JsonNode array) {
		return array.valueStream().map(JsonNode::asString).toList();
	}

	static List<String> rules(JsonNode findings) {
		return findings.valueStream().map(f -> f.path("rule").asString()).toList();
	}
}
