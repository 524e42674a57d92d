package dev.kefu.conversation.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.organization.BusinessGroup;
import dev.kefu.organization.StaffMembers;
import dev.kefu.shared.Role;
import dev.kefu.testing.Api;
import dev.kefu.testing.ServedChat;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * Conversation search over HTTP: words in English and Chinese over messages and notes, every filter, and who finds
 * what. One organization with three chats, built once: A (agent 1, General, closed, rated 5, Chinese), B (agent 2,
 * General, open, with a note) and C (agent 2, the Returns group).
 */
@ServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConversationSearchTest {

	static final String SEARCH = "/api/v1/conversations/search";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;
	TestTenant tenant;
	BusinessGroup returns;
	String admin;
	String agent1;
	String agent2;
	String chatA;
	String chatB;
	String chatC;

	@BeforeAll
	void threeChats() {
		api = new Api(port);
		tenant = TestTenant.create(context, 2, 5);
		returns = tenant.addGroup(context, "Returns", 50, tenant.agent(1));
		admin = tenant.adminToken(api);
		agent1 = tenant.agentToken(api, 0);
		agent2 = tenant.agentToken(api, 1);

		ServedChat a = ServedChat.start(api, tenant, agent1).customer("你好，我想申请退款").agent("好的，马上为您处理");
		a.close();
		a.rate(5);
		chatA = a.id();
		api.status(agent1, "AWAY");

		ServedChat b = ServedChat.start(api, tenant, agent2).customer("My PARCEL never arrived").agent("Sorry to hear");
		chatB = b.id();
		api.post("/api/v1/conversations/" + chatB + "/notes", agent2, Map.of("text", "Promised a voucher for the parcel"));

		String visitor = api.visitor(tenant.slug());
		chatC = api.startChat(visitor, returns.id()).path("conversation").path("id").asString();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> api.get("/api/v1/conversations/" + chatC, agent2).path("state").asString().equals("ASSIGNED"));
		api.post("/api/v1/conversations/" + chatC + "/messages", visitor,
				Map.of("clientMsgId", "c-1", "text", "I want to return these shoes"));
	}

	@Test
	void findsAChineseWordInsideASentenceWithTheHitMarked() {
		JsonNode page = search(admin, "q=" + Api.encode("退款"));

		assertThat(ids(page)).containsExactly(chatA);
		JsonNode hit = page.path("items").get(0);
		assertThat(hit.path("snippet").path("source").asString()).isEqualTo("message");
		assertThat(hit.path("snippet").path("parts").toString())
			.isEqualTo("[{\"text\":\"你好，我想申请\",\"hit\":false},{\"text\":\"退款\",\"hit\":true}]");
		assertThat(hit.path("agentName").asString()).isEqualTo("Agent 1");
		assertThat(hit.path("groupName").asString()).isEqualTo("General");
		assertThat(hit.path("state").asString()).isEqualTo("CLOSED");
		assertThat(hit.path("rating").asInt()).isEqualTo(5);
		assertThat(hit.path("contactLabel").asString()).isNotBlank();
	}

	@Test
	void findsEnglishWordsWhateverTheirCaseAndEveryWordMustOccur() {
		assertThat(ids(search(admin, "q=parcel"))).containsExactly(chatB);
		assertThat(ids(search(admin, "q=" + Api.encode("parcel shoes")))).isEmpty();
		assertThat(ids(search(admin, "q=" + Api.encode("  Shoes  RETURN ")))).containsExactly(chatC);
	}

	@Test
	void findsWordsInNotesAndShowsTheNote() {
		JsonNode page = search(admin, "q=voucher");

		assertThat(ids(page)).containsExactly(chatB);
		assertThat(page.path("items").get(0).path("snippet").path("source").asString()).isEqualTo("note");
		// A message and a note together hold both words.
		assertThat(ids(search(admin, "q=" + Api.encode("arrived voucher")))).containsExactly(chatB);
	}

	@Test
	void systemLinesAreNotSearched() {
		assertThat(ids(search(admin, "q=" + Api.encode("is now serving you")))).isEmpty();
	}

	@Test
	void withoutWordsListsEverythingVisibleNewestFirst() {
		assertThat(ids(search(admin, ""))).containsExactly(chatC, chatB, chatA);
	}

	@Test
	void eachFilterNarrowsTheResults() {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		assertThat(ids(search(admin, "state=closed"))).containsExactly(chatA);
		assertThat(ids(search(admin, "state=ASSIGNED"))).containsExactly(chatC, chatB);
		assertThat(ids(search(admin, "rating=5"))).containsExactly(chatA);
		assertThat(ids(search(admin, "rating=1"))).isEmpty();
		assertThat(ids(search(admin, "agent=" + tenant.agent(1).id()))).containsExactly(chatC, chatB);
		assertThat(ids(search(admin, "group=" + returns.id()))).containsExactly(chatC);
		assertThat(ids(search(admin, "channel=web"))).containsExactly(chatC, chatB, chatA);
		assertThat(ids(search(admin, "channel=api"))).isEmpty();
		assertThat(ids(search(admin, "from=" + today.minusDays(1) + "&to=" + today.plusDays(1)))).hasSize(3);
		assertThat(ids(search(admin, "to=" + today.minusDays(1)))).isEmpty();
		assertThat(ids(search(admin, "from=" + today.plusDays(1)))).isEmpty();
		assertThat(ids(search(admin, "q=parcel&state=CLOSED"))).isEmpty();
	}

	@Test
	void pagesGoFromNewestToOldest() {
		JsonNode first = search(admin, "size=2");
		JsonNode second = search(admin, "size=2&page=1");

		assertThat(ids(first)).containsExactly(chatC, chatB);
		assertThat(first.path("hasMore").asBoolean()).isTrue();
		assertThat(ids(second)).containsExactly(chatA);
		assertThat(second.path("hasMore").asBoolean()).isFalse();
	}

	@Test
	void anAgentFindsOnlyTheChatsTheyServed() {
		assertThat(ids(search(agent1, ""))).containsExactly(chatA);
		assertThat(ids(search(agent1, "q=parcel"))).isEmpty();
		assertThat(ids(search(agent1, "agent=" + tenant.agent(1).id()))).isEmpty();
		assertThat(ids(search(agent2, ""))).containsExactly(chatC, chatB);
	}

	@Test
	void aSupervisorFindsTheirGroupsChats() {
		String username = tenant.slug() + "-lead";
		context.getBean(StaffMembers.class)
			.create(tenant.id(), username, TestTenant.PASSWORD, new StaffMembers.Profile("Lead", null,
					Set.of(Role.SUPERVISOR), 1, true, List.of(returns.id())));
		String lead = api.login(username, TestTenant.PASSWORD);

		assertThat(ids(search(lead, ""))).containsExactly(chatC);
		assertThat(ids(search(lead, "q=" + Api.encode("退款")))).isEmpty();
	}

	@Test
	void anotherOrganizationNeverFindsThem() {
		TestTenant other = TestTenant.create(context, 1, 5);
		String otherAdmin = other.adminToken(api);

		assertThat(ids(search(otherAdmin, ""))).isEmpty();
		assertThat(ids(search(otherAdmin, "q=" + Api.encode("退款")))).isEmpty();
		assertThat(api.call("GET", SEARCH + "?group=" + returns.id(), otherAdmin, null).code())
			.isEqualTo("invalid-group");
	}

	@Test
	void anApiTokenNeedsConversationsRead() {
		String reader = token(List.of("conversations:read"));
		String contactsOnly = token(List.of("contacts:read"));

		assertThat(ids(search(reader, "q=" + Api.encode("退款")))).containsExactly(chatA);
		assertThat(api.call("GET", SEARCH + "?q=x", contactsOnly, null).status()).isEqualTo(403);
	}

	@Test
	void badFiltersAreRefusedEachWithItsOwnCode() {
		Map<String, String> bad = Map.ofEntries(Map.entry("q=" + "x".repeat(201), "invalid-query"),
				Map.entry("q=" + Api.encode("a b c d e f g h i"), "invalid-query"),
				Map.entry("from=yesterday", "invalid-from"), Map.entry("to=2026-13-01", "invalid-to"),
				Map.entry("from=2026-02-02&to=2026-02-01", "invalid-range"), Map.entry("agent=li-na", "invalid-agent"),
				Map.entry("agent=" + UUID.randomUUID(), "invalid-agent"),
				Map.entry("group=" + UUID.randomUUID(), "invalid-group"), Map.entry("channel=Web!", "invalid-channel"),
				Map.entry("state=OPEN", "invalid-state"), Map.entry("rating=6", "invalid-rating"),
				Map.entry("rating=good", "invalid-rating"), Map.entry("page=-1", "invalid-page"),
				Map.entry("size=500", "invalid-size"), Map.entry("tag=vip", "unknown-tag"));
		bad.forEach((query, code) -> {
			Api.Response answer = api.call("GET", SEARCH + "?" + query, admin, null);
			assertThat(answer.status()).as(query).isEqualTo(400);
			assertThat(answer.code()).as(query).isEqualTo(code);
			assertThat(answer.body().path("detail").asString()).as(query).isNotBlank();
		});
	}

	private JsonNode search(String token, String query) {
		return api.get(SEARCH + "?" + query, token);
	}

	private static List<String> ids(JsonNode page) {
		return page.path("items").valueStream().map(i -> i.path("conversationId").asString()).toList();
	}

	private String token(List<String> scopes) {
		return api.post("/api/v1/admin/api-tokens", admin, Map.of("name", "search " + scopes, "scopes", scopes))
			.path("secret")
			.asString();
	}
}
