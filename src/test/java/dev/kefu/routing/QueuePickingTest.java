package dev.kefu.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.organization.BusinessGroup;
import dev.kefu.organization.StaffMember;
import dev.kefu.organization.StaffMembers;
import dev.kefu.testing.Api;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/** Agents see the queue of groups that let them pick, and pick from it only within the rules of routing. */
@ServerTest
class QueuePickingTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;

	@BeforeEach
	void client() {
		api = new Api(port);
	}

	@Test
	void inAPickOnlyGroupChatsWaitUntilAnAgentPicksOneAndTheCustomerSeesTheAgentJoin() {
		TestTenant tenant = TestTenant.create(context, 2, 2);
		String admin = tenant.adminToken(api);
		pickOnly(admin, tenant.group());
		String agent = tenant.agentToken(api, 0);
		api.status(agent, "ONLINE");
		String visitor = api.visitor(tenant.slug());
		String id = api.startChat(visitor).path("conversation").path("id").asString();
		api.post("/api/v1/conversations/" + id + "/messages", visitor,
				Map.of("clientMsgId", "c-1", "text", "Where is my parcel?"));

		JsonNode listed = await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get("/api/v1/queue", agent), q -> q.path("waiting").size() == 1);
		JsonNode waiting = listed.path("waiting").get(0);
		assertThat(waiting.path("conversationId").asString()).isEqualTo(id);
		assertThat(waiting.path("channel").asString()).isEqualTo("web");
		assertThat(waiting.path("preview").asString()).isEqualTo("Where is my parcel?");
		assertThat(waiting.path("groupName").asString()).isEqualTo(tenant.group().name());
		assertThat(waiting.path("mayPick").asBoolean()).isTrue();
		assertThat(listed.path("waitingCount").asInt()).isEqualTo(1);
		// Nobody was given it automatically, although the agent has free slots.
		assertThat(api.get("/api/v1/conversations/" + id, admin).path("state").asString()).isEqualTo("QUEUED");

		JsonNode picked = api.post("/api/v1/queue/" + id + "/pick", agent, null);

		assertThat(picked.path("state").asString()).isEqualTo("ASSIGNED");
		assertThat(picked.path("agentId").asString()).isEqualTo(tenant.agent(0).id().toString());
		assertThat(api.get("/api/v1/agents/me", agent).path("active").asInt()).isEqualTo(1);
		assertThat(api.get("/api/v1/queue", agent).path("waiting").size()).isZero();
		JsonNode transcript = api.get("/api/v1/conversations/" + id + "/messages?after=0", visitor);
		assertThat(transcript.valueStream().map(m -> m.path("text").asString()))
			.contains(tenant.agent(0).name() + " is now serving you");
		// The second agent is too late.
		String other = tenant.agentToken(api, 1);
		api.status(other, "ONLINE");
		Api.Response late = api.call("POST", "/api/v1/queue/" + id + "/pick", other, null);
		assertThat(late.status()).isEqualTo(409);
		assertThat(late.code()).isEqualTo("chat-taken");
	}

	@Test
	void aPickIsRefusedWhenTheAgentIsFullOfflineOrNotInTheGroupAndTheChatStaysWaiting() {
		TestTenant tenant = TestTenant.create(context, 2, 1);
		String admin = tenant.adminToken(api);
		pickOnly(admin, tenant.group());
		BusinessGroup other = tenant.addGroup(context, "Other", 10);
		onlyIn(tenant, 1, other);
		String agent = tenant.agentToken(api, 0);
		String outsider = tenant.agentToken(api, 1);
		api.status(agent, "ONLINE");
		String first = startChat(tenant);
		String second = startChat(tenant);

		api.post("/api/v1/queue/" + first + "/pick", agent, null);
		assertThat(refusal(agent, second)).isEqualTo("agent-full");
		api.status(agent, "AWAY");
		assertThat(refusal(agent, second)).isEqualTo("agent-unavailable");

		api.status(outsider, "ONLINE");
		assertThat(refusal(outsider, second)).isEqualTo("not-in-group");
		assertThat(api.get("/api/v1/queue", outsider).path("waiting").size()).as("the outsider's groups let nobody pick")
			.isZero();
		assertThat(other.queueAccess().agentsMayPick()).isFalse();

		assertThat(api.get("/api/v1/agents/me", agent).path("active").asInt()).isEqualTo(1);
		assertThat(api.get("/api/v1/conversations/" + second, admin).path("state").asString()).isEqualTo("QUEUED");
		assertThat(api.get("/api/v1/queue", agent).path("waiting").valueStream()
			.map(w -> w.path("conversationId").asString())).containsExactly(second);
		assertThat(api.call("POST", "/api/v1/queue/" + UUID.randomUUID() + "/pick", agent, null).status())
			.isEqualTo(404);
	}

	@Test
	void aGroupThatAssignsAutomaticallyLetsNobodyPickUnlessItAllowsIt() {
		TestTenant tenant = TestTenant.create(context, 1, 1);
		String admin = tenant.adminToken(api);
		String agent = tenant.agentToken(api, 0);
		api.status(agent, "ONLINE");
		String served = startChat(tenant);
		String waiting = startChat(tenant);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get("/api/v1/conversations/" + served, admin).path("state").asString(), "ASSIGNED"::equals);

		assertThat(api.get("/api/v1/queue", agent).path("waiting").size()).isZero();
		assertThat(refusal(agent, waiting)).isEqualTo("picking-not-allowed");
	}

	@Test
	void adminsChooseWhoTakesAGroupsChatsAndTurningAutomaticAssignmentOnDrainsTheQueue() {
		TestTenant tenant = TestTenant.create(context, 1, 2);
		String admin = tenant.adminToken(api);
		JsonNode group = pickOnly(admin, tenant.group());
		assertThat(group.path("autoAssign").asBoolean()).isFalse();
		assertThat(group.path("agentsMayPick").asBoolean()).isTrue();
		Api.Response nobody = api.call("PUT", "/api/v1/admin/groups/" + tenant.group().id(), admin,
				groupForm(tenant.group(), false, false));
		assertThat(nobody.status()).isEqualTo(400);
		assertThat(nobody.code()).isEqualTo("invalid-queue-access");
		String agent = tenant.agentToken(api, 0);
		api.status(agent, "ONLINE");
		String id = startChat(tenant);
		assertThat(api.get("/api/v1/conversations/" + id, admin).path("state").asString()).isEqualTo("QUEUED");

		api.put("/api/v1/admin/groups/" + tenant.group().id(), admin, groupForm(tenant.group(), true, true));

		await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get("/api/v1/conversations/" + id, admin).path("agentId").asString(),
					tenant.agent(0).id().toString()::equals);
	}

	private JsonNode pickOnly(String admin, BusinessGroup group) {
		return api.put("/api/v1/admin/groups/" + group.id(), admin, groupForm(group, false, true));
	}

	private static Map<String, Object> groupForm(BusinessGroup group, boolean autoAssign, boolean agentsMayPick) {
		return Map.of("centerId", group.centerId(), "name", group.name(), "queueLimit", group.queueLimit(),
				"offlinePolicy", group.offlinePolicy(), "requeueMinutes", 0, "autoAssign", autoAssign,
				"agentsMayPick", agentsMayPick);
	}

	/** Moves an agent out of every group but this one. */
	private void onlyIn(TestTenant tenant, int agent, BusinessGroup group) {
		StaffMembers staff = context.getBean(StaffMembers.class);
		StaffMember member = staff.require(tenant.id(), tenant.agent(agent).id());
		staff.update(tenant.id(), member.id(), new StaffMembers.Profile(member.displayName(), member.email(),
				member.roles(), member.maxChats(), member.enabled(), List.of(group.id())));
	}

	private String startChat(TestTenant tenant) {
		return api.startChat(api.visitor(tenant.slug())).path("conversation").path("id").asString();
	}

	private String refusal(String token, String conversationId) {
		Api.Response response = api.call("POST", "/api/v1/queue/" + conversationId + "/pick", token, null);
		assertThat(response.status()).as(response.text()).isEqualTo(409);
		return response.code();
	}
}
