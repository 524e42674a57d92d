package dev.kefu.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.organization.BusinessGroup;
import dev.kefu.testing.Api;
import dev.kefu.testing.CustomRoles;
import dev.kefu.testing.CustomRoles.Person;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;

/**
 * A reviewer whose qa.review is granted on one group works that group's queue only: the other group's task is not
 * listed and opening it is refused, while an inspector of the preset role still sees both.
 */
@ServerTest
class ReviewQueueReachTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	ReviewQueue queue;

	@Test
	void aReviewerOfOneGroupWorksThatGroupsQueueOnly() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		BusinessGroup returns = tenant.addGroup(context, "Returns", 10);
		UUID general = tenant.group().id();
		UUID agent = tenant.agent(0).id();
		UUID inGeneral = UUID.randomUUID();
		UUID inReturns = UUID.randomUUID();
		queue.enqueue(tenant.id(), inGeneral, agent, general, Set.of(ReviewTask.Reason.RANDOM), Instant.now());
		queue.enqueue(tenant.id(), inReturns, agent, returns.id(), Set.of(ReviewTask.Reason.RANDOM), Instant.now());
		String admin = tenant.adminToken(api);
		CustomRoles roles = new CustomRoles(api, admin);
		Person reviewer = roles.person(roles.role("Returns QA", List.of("qa.review")), "GROUP", returns.id(), List.of());

		List<String> listed = api.get("/api/v1/quality/queue", reviewer.token()).valueStream()
			.map(task -> task.path("conversationId").asString())
			.toList();
		assertThat(listed).containsExactly(inReturns.toString());
		String generalTask = api.get("/api/v1/quality/queue", admin).valueStream()
			.filter(task -> task.path("conversationId").asString().equals(inGeneral.toString()))
			.findFirst().orElseThrow().path("id").asString();
		Api.Response refused = api.call("GET", "/api/v1/quality/tasks/" + generalTask, reviewer.token(), null);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body().path("detail").asString()).contains("qa.review");
		assertThat(api.call("POST", "/api/v1/quality/tasks/" + generalTask + "/review", reviewer.token(),
				Map.of("rubricId", UUID.randomUUID().toString())).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/quality/queue", admin).size()).isEqualTo(2);
	}
}
