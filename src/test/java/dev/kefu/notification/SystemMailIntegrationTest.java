package dev.kefu.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.kefu.organization.BusinessGroup;
import dev.kefu.organization.StaffMember;
import dev.kefu.organization.StaffMembers;
import dev.kefu.testing.Api;
import dev.kefu.testing.ServedChat;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

/**
 * The system's mail end to end: real HTTP in, a real SMTP server (GreenMail) out. Each test mails its own addresses,
 * so tests sharing the server never see each other's mail.
 */
@ServerTest
class SystemMailIntegrationTest {

	static final SmtpServer smtp = new SmtpServer();

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtp.port);
		registry.add("kefu.mail.from", () -> "Kefu <kefu@test.example>");
		registry.add("kefu.mail.poll-interval", () -> "100ms");
		registry.add("kefu.mail.retry-base", () -> "300ms");
		registry.add("kefu.mail.retry-cap", () -> "600ms");
	}

	@AfterAll
	static void stopSmtp() {
		smtp.stop();
	}

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
	void customerWhoLeftAMessageGetsTheAgentsAnswerByEmail() {
		TestTenant tenant = TestTenant.create(context, 1, 3);
		String customer = address("wang");
		String ticket = leave(api.visitor(tenant.slug()), "My parcel <b>has not</b> arrived.", customer, null);
		String agent = tenant.agentToken(api, 0);
		assertThat(api.get("/api/v1/tickets/" + ticket + "/mail", agent).path("emailed").asBoolean()).isTrue();

		answer(agent, ticket, "It left our warehouse today & arrives tomorrow.");

		MimeMessage mail = awaitOne(customer);
		assertThat(SmtpServer.subject(mail)).isEqualTo("Re: My parcel <b>has not</b> arrived.");
		assertThat(SmtpServer.text(mail)).contains("Agent 1 of " + tenant.organization().name() + " answered",
				"It left our warehouse today & arrives tomorrow.", "> My parcel <b>has not</b> arrived.");
		assertThat(SmtpServer.html(mail)).contains("It left our warehouse today &amp; arrives tomorrow.",
				"My parcel &lt;b&gt;has not&lt;/b&gt; arrived.").doesNotContain("<b>has not</b>");
		await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/tickets/" + ticket + "/mail", agent)
			.path("mails").path(0).path("status").asString().equals("SENT"));
	}

	@Test
	void chineseCustomerGetsTheAnswerInChinese() {
		TestTenant tenant = TestTenant.create(context, 1, 3);
		String customer = address("li");
		String ticket = leave(api.visitor(tenant.slug()), "我的订单还没到，订单号 20261125", customer, "李娜");

		answer(tenant.agentToken(api, 0), ticket, "您的包裹今天已经发出，明天送达。");

		MimeMessage mail = awaitOne(customer);
		assertThat(SmtpServer.subject(mail)).isEqualTo("回复：我的订单还没到，订单号 20261125");
		assertThat(SmtpServer.text(mail)).contains("李娜，您好", "回复了您在", "您的包裹今天已经发出，明天送达。",
				"> 我的订单还没到，订单号 20261125", "您的留言");
	}

	@Test
	void visitorGetsTheTranscriptByEmailAtTheEndOfAChat() {
		TestTenant tenant = TestTenant.create(context, 1, 3);
		ServedChat chat = ServedChat.start(api, tenant, tenant.agentToken(api, 0));
		chat.customer("Where is order 42?").agent("It ships on Monday.");
		String path = "/api/v1/visitor/conversations/" + chat.id() + "/transcript/email";
		String customer = address("visitor");
		assertThat(api.call("POST", path, chat.visitor(), Map.of("email", customer)).code())
			.isEqualTo("conversation-open");
		chat.close();

		Api.Response asked = api.call("POST", path, chat.visitor(), Map.of("email", customer, "lang", "en"));

		assertThat(asked.status()).as(asked.text()).isEqualTo(202);
		MimeMessage mail = awaitOne(customer);
		assertThat(SmtpServer.subject(mail)).startsWith("Your chat with " + tenant.organization().name());
		assertThat(SmtpServer.text(mail)).contains("Where is order 42?", "Agent 1: It ships on Monday.",
				"Kefu: The conversation has ended");
		assertThat(SmtpServer.html(mail)).contains("Where is order 42?", "It ships on Monday.");
		String chinese = address("visitor-zh");
		api.post(path, chat.visitor(), Map.of("email", chinese, "lang", "zh-CN"));
		MimeMessage inChinese = awaitOne(chinese);
		assertThat(SmtpServer.subject(inChinese)).startsWith("您与 " + tenant.organization().name() + " 的对话记录");
		assertThat(SmtpServer.text(inChinese)).contains("Agent 1 正在为您服务", "Where is order 42?", "会话已结束");
		JsonNode state = api.get(path, chat.visitor());
		assertThat(state.path("configured").asBoolean()).isTrue();
		assertThat(state.path("address").asString()).isEqualTo(customer);
		assertThat(state.path("mails").size()).isEqualTo(2);
	}

	@Test
	void transcriptIsMailedOnlyForTheVisitorsOwnConversationAndOnlyAFewTimesAnHour() {
		TestTenant tenant = TestTenant.create(context, 1, 3);
		ServedChat chat = ServedChat.start(api, tenant, tenant.agentToken(api, 0));
		chat.customer("Hello").close();
		String path = "/api/v1/visitor/conversations/" + chat.id() + "/transcript/email";

		assertThat(api.call("POST", path, api.visitor(tenant.slug()), Map.of("email", address("x"))).status())
			.isEqualTo(404);
		TestTenant other = TestTenant.create(context, 1, 3);
		assertThat(api.call("POST", path, api.visitor(other.slug()), Map.of("email", address("x"))).status())
			.isEqualTo(404);
		assertThat(api.call("POST", path, chat.visitor(), Map.of("email", "not an address")).code())
			.isEqualTo("invalid-email");
		String first = address("again");
		assertThat(api.call("POST", path, chat.visitor(), Map.of("email", first)).status()).isEqualTo(202);
		assertThat(api.call("POST", path, chat.visitor(), Map.of("email", first)).status()).isEqualTo(200);
		assertThat(api.call("POST", path, chat.visitor(), Map.of("email", address("b"))).status()).isEqualTo(202);
		assertThat(api.call("POST", path, chat.visitor(), Map.of("email", address("c"))).status()).isEqualTo(202);
		assertThat(api.call("POST", path, chat.visitor(), Map.of("email", address("d"))).status()).isEqualTo(429);
	}

	@Test
	void leftMessageWithNobodyOnlineMailsTheGroupsAgentsOnlyWhereTheGroupAsksForIt() {
		TestTenant tenant = TestTenant.create(context, 1, 3);
		String alerted = address("agent-a");
		String quiet = address("agent-b");
		BusinessGroup sales = tenant.addGroup(context, "Sales", 50);
		addAgent(tenant, sales, quiet);
		setEmail(tenant, tenant.agent(0).id(), alerted);
		String admin = tenant.adminToken(api);
		JsonNode saved = api.put("/api/v1/admin/groups/" + tenant.group().id() + "/mail-alerts", admin,
				Map.of("enabled", true, "language", "en"));
		assertThat(saved.path("agentAddresses").valueStream().map(JsonNode::asString)).containsExactly(alerted);

		leave(api.visitor(tenant.slug()), tenant.group().id(), "Call me back please", address("c1"), "Zhang Wei");
		leave(api.visitor(tenant.slug()), sales.id(), "A quote for 20 seats", address("c2"), "Chen Jie");

		MimeMessage mail = awaitOne(alerted);
		assertThat(SmtpServer.subject(mail)).isEqualTo("[General] New message left: Call me back please");
		assertThat(SmtpServer.text(mail)).contains("Zhang Wei", "Call me back please", "no agent online");
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> smtp.to(quiet).isEmpty());
		await().atMost(Duration.ofSeconds(10)).until(() -> api
			.get("/api/v1/admin/groups/" + tenant.group().id() + "/mail-alerts", admin)
			.path("latest").path(0).path("status").asString().equals("SENT"));
		assertThat(api.get("/api/v1/admin/groups/" + sales.id() + "/mail-alerts", admin).path("latest").isEmpty())
			.isTrue();
	}

	@Test
	void groupAlertGoesToTheAdminsAddressesWhenListed() {
		TestTenant tenant = TestTenant.create(context, 1, 3);
		setEmail(tenant, tenant.agent(0).id(), address("agent"));
		String listed = address("night-desk");
		api.put("/api/v1/admin/groups/" + tenant.group().id() + "/mail-alerts", tenant.adminToken(api),
				Map.of("enabled", true, "recipients", List.of(listed), "language", "zh-CN"));

		leave(api.visitor(tenant.slug()), tenant.group().id(), "发票开错了", address("c3"), null);

		assertThat(SmtpServer.subject(awaitOne(listed))).isEqualTo("【General】新留言：发票开错了");
		assertThat(smtp.to(address("agent"))).isEmpty();
	}

	@Test
	void mailIsRetriedWhileTheSmtpServerIsDownAndDeliveredOnceWhenItComesBack() {
		TestTenant tenant = TestTenant.create(context, 1, 3);
		String customer = address("patient");
		String ticket = leave(api.visitor(tenant.slug()), "Is anyone there?", customer, null);
		String agent = tenant.agentToken(api, 0);
		smtp.stop();
		try {
			answer(agent, ticket, "Yes, sorry for the wait.");

			await().atMost(Duration.ofSeconds(15)).until(() -> {
				JsonNode mail = api.get("/api/v1/tickets/" + ticket + "/mail", agent).path("mails").path(0);
				return mail.path("status").asString().equals("PENDING") && mail.path("attempts").asInt() >= 2
						&& !mail.path("lastError").asString("").isEmpty();
			});
		}
		finally {
			smtp.restart();
		}

		awaitOne(customer);
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> smtp.to(customer).size() == 1);
		assertThat(api.get("/api/v1/tickets/" + ticket + "/mail", agent).path("mails").path(0).path("status")
			.asString()).isEqualTo("SENT");
	}

	@Test
	void cardNumbersInALeftMessageTheAnswerAndATranscriptAreMaskedInTheMails() {
		TestTenant tenant = TestTenant.create(context, 1, 3);
		String customer = address("card");
		String ticket = leave(api.visitor(tenant.slug()), "退款到 6222 0212 3456 7894", customer, null);
		String agent = tenant.agentToken(api, 0);
		answer(agent, ticket, "已退到 6222 0212 3456 7894，身份证 11010519491231002X 已核对");

		MimeMessage mail = awaitOne(customer);
		assertThat(SmtpServer.subject(mail)).contains("6222 **** **** 7894").doesNotContain("0212 3456");
		assertThat(SmtpServer.text(mail)).contains("已退到 6222 **** **** 7894", "110***********002X",
				"> 退款到 6222 **** **** 7894").doesNotContain("0212 3456", "19491231");
		assertThat(SmtpServer.html(mail)).doesNotContain("0212 3456", "19491231");

		ServedChat chat = ServedChat.start(api, tenant, agent);
		chat.customer("卡号 4111-1111-1111-1111").agent("收到 4111-1111-1111-1111");
		chat.close();
		String transcriptTo = address("transcript");
		api.post("/api/v1/visitor/conversations/" + chat.id() + "/transcript/email", chat.visitor(),
				Map.of("email", transcriptTo));
		MimeMessage transcript = awaitOne(transcriptTo);
		assertThat(SmtpServer.text(transcript)).contains("卡号 4111-****-****-1111", "收到 4111-****-****-1111")
			.doesNotContain("1111-1111-1111");
	}

	private MimeMessage awaitOne(String address) {
		await().atMost(Duration.ofSeconds(15)).until(() -> !smtp.to(address).isEmpty());
		List<MimeMessage> mails = smtp.to(address);
		assertThat(mails).hasSize(1);
		return mails.getFirst();
	}

	private String leave(String visitor, String body, String email, String name) {
		return leave(visitor, null, body, email, name);
	}

	private String leave(String visitor, UUID groupId, String body, String email, String name) {
		Map<String, Object> message = new HashMap<>();
		message.put("clientMsgId", "m-" + UUID.randomUUID());
		message.put("body", body);
		message.put("email", email);
		if (name != null) {
			message.put("name", name);
		}
		if (groupId != null) {
			message.put("groupId", groupId.toString());
		}
		Api.Response left = api.call("POST", "/api/v1/visitor/tickets", visitor, message);
		assertThat(left.status()).as(left.text()).isEqualTo(201);
		return left.body().path("id").asString();
	}

	private void answer(String agent, String ticket, String body) {
		Api.Response answered = api.call("POST", "/api/v1/tickets/" + ticket + "/answers", agent,
				Map.of("clientMsgId", "a-" + UUID.randomUUID(), "body", body));
		assertThat(answered.status()).as(answered.text()).isEqualTo(201);
	}

	private TestTenant.Agent addAgent(TestTenant tenant, BusinessGroup group, String email) {
		StaffMember member = context.getBean(StaffMembers.class).create(tenant.id(),
				tenant.slug() + "-" + group.name().toLowerCase(), TestTenant.PASSWORD,
				new StaffMembers.Profile(group.name() + " agent", email, java.util.Set.of(dev.kefu.shared.Role.AGENT), 3,
						true, List.of(group.id())));
		return new TestTenant.Agent(member.id(), member.username(), member.displayName());
	}

	private void setEmail(TestTenant tenant, UUID staffId, String email) {
		StaffMembers staff = context.getBean(StaffMembers.class);
		StaffMember current = staff.require(tenant.id(), staffId);
		staff.update(tenant.id(), staffId, new StaffMembers.Profile(current.displayName(), email, current.roles(),
				current.maxChats(), current.enabled(), new ArrayList<>(current.groupIds())));
	}

	private static String address(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}
}
