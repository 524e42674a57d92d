package dev.kefu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.ServedChat;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;

/**
 * What an outsider can send to the inputs added with visits, invitations, tags, canned folders, contact merges,
 * conversation search and the widget's page views: lone surrogates, NULs, a megabyte of text, the wrong JSON types and
 * another organization's ids. Each is a 400 (or 404) problem, never a 500, and nothing of it is stored.
 */
@ServerTest
class HostileInputTest {

	/** A lone high surrogate and a NUL, as JSON escapes: valid JSON, invalid text. */
	static final String LONE_SURROGATE = "\"a\\ud800b\"";
	static final String NUL = "\"a\\u0000b\"";
	static final String MEGABYTE = "x".repeat(1024 * 1024);

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;
	TestTenant tenant;
	TestTenant other;
	String admin;
	String otherAdmin;

	@BeforeEach
	void twoOrganizations() {
		api = new Api(port);
		tenant = TestTenant.create(context, 1, 5);
		other = TestTenant.create(context, 1, 5);
		admin = tenant.adminToken(api);
		otherAdmin = other.adminToken(api);
	}

	@Test
	void visitReportRefusesBrokenTextHugeBodiesWrongTypesAndAnotherOrganizationsChat() {
		ServedChat chat = ServedChat.start(api, tenant, tenant.agentToken(api, 0));
		ServedChat foreign = ServedChat.start(api, other, other.agentToken(api, 0));
		String path = "/api/v1/visitor/conversations/" + chat.id() + "/visit";

		assertProblem(api.call("PUT", path, chat.visitor(), page("\"https://shop.example/\"", LONE_SURROGATE)), 400);
		assertProblem(api.call("PUT", path, chat.visitor(), page("\"https://shop.example/\"", NUL)), 400);
		assertProblem(api.call("PUT", path, chat.visitor(), page("\"https://shop.example/\"", "\"" + MEGABYTE + "\"")),
				400);
		assertProblem(api.call("PUT", path, chat.visitor(), "{\"pages\": \"https://shop.example/\"}"), 400);
		assertProblem(api.call("PUT", path, chat.visitor(), "{\"pages\": [{\"url\": {\"href\": 1}}]}"), 400);
		assertProblem(api.call("PUT", path, chat.visitor(),
				"{\"pages\": [{\"url\": \"https://shop.example/\", \"at\": \"yesterday\"}]}"), 400);
		assertProblem(api.call("PUT", path, chat.visitor(), "{\"pages\": [{\"url\": \"https://shop.example/\"}], "
				+ "\"language\": [\"en\"]}"), 400);

		String foreignPath = "/api/v1/visitor/conversations/" + foreign.id() + "/visit";
		assertProblem(api.call("PUT", foreignPath, chat.visitor(), page("\"https://shop.example/\"", "\"x\"")), 404);
		assertThat(api.call("GET", "/api/v1/conversations/" + chat.id() + "/visit", chat.agentToken(), null).status())
			.as("nothing was kept").isEqualTo(204);
		assertThat(api.call("GET", "/api/v1/conversations/" + foreign.id() + "/visit", foreign.agentToken(), null)
			.status()).isEqualTo(204);

		// A page time no clock could show is not kept as it came: the page counts as viewed now.
		api.put(path, chat.visitor(), "{\"pages\": [{\"url\": \"https://shop.example/\", \"at\": 1e300}, "
				+ "{\"url\": \"https://shop.example/tea\", \"at\": \"1970-01-01T00:00:00Z\"}]}");
		assertThat(api.get("/api/v1/conversations/" + chat.id() + "/visit", chat.agentToken()).path("pages").valueStream()
			.map(p -> Instant.parse(p.path("at").asString())))
			.hasSize(2)
			.allSatisfy(at -> assertThat(at).isAfter(Instant.now().minus(Duration.ofHours(1))));
	}

	@Test
	void invitationRulesRefuseBrokenTextHugeBodiesWrongTypesAndAnotherOrganizationsIds() {
		String path = "/api/v1/admin/invitations";
		assertProblem(api.call("POST", path, admin, "{\"name\": " + LONE_SURROGATE + ", \"greeting\": \"Hi\"}"), 400);
		assertProblem(api.call("POST", path, admin, "{\"name\": \"N\", \"greeting\": " + NUL + "}"), 400);
		assertProblem(api.call("POST", path, admin, Map.of("name", "N", "greeting", MEGABYTE)), 400);
		assertProblem(api.call("POST", path, admin, Map.of("name", "N", "greeting", "Hi", "urlPattern", MEGABYTE)), 400);
		assertProblem(api.call("POST", path, admin, "{\"name\": \"N\", \"greeting\": \"Hi\", \"secondsOnPage\": \"soon\"}"),
				400);
		assertProblem(api.call("POST", path, admin,
				"{\"name\": \"N\", \"greeting\": \"Hi\", \"secondsOnPage\": 99999999999999999999}"), 400);
		assertProblem(api.call("POST", path, admin, "{\"name\": \"N\", \"greeting\": \"Hi\", \"enabled\": \"maybe\"}"),
				400);
		assertProblem(api.call("POST", path, admin, "{\"name\": [\"N\"], \"greeting\": \"Hi\"}"), 400);
		assertProblem(api.call("POST", path, admin,
				Map.of("name", "N", "greeting", "Hi", "groupId", other.group().id(), "maxQueue", 3)), 400);

		String foreign = api.post(path, otherAdmin, Map.of("name", "Theirs", "greeting", "Hello")).path("id").asString();
		assertProblem(api.call("GET", path + "/" + foreign, admin, null), 404);
		assertProblem(api.call("PUT", path + "/" + foreign, admin, Map.of("name", "Mine", "greeting", "Hi")), 404);
		assertProblem(api.call("DELETE", path + "/" + foreign, admin, null), 404);

		assertThat(api.get(path, admin)).as("nothing was kept").isEmpty();
		assertThat(api.get(path + "/" + foreign, otherAdmin).path("name").asString()).isEqualTo("Theirs");
	}

	@Test
	void tagAndDispositionNamesRefuseBrokenTextControlCharactersHugeBodiesAndWrongTypes() {
		for (String path : List.of("/api/v1/admin/tags", "/api/v1/admin/dispositions")) {
			assertProblem(api.call("POST", path, admin, "{\"name\": " + LONE_SURROGATE + "}"), 400);
			assertProblem(api.call("POST", path, admin, "{\"name\": " + NUL + "}"), 400);
			assertProblem(api.call("POST", path, admin, Map.of("name", MEGABYTE)), 400);
			assertProblem(api.call("POST", path, admin, Map.of("name", "VIP\nurgent")), 400);
			assertProblem(api.call("POST", path, admin, Map.of("name", "bell\u0007")), 400);
			assertProblem(api.call("POST", path, admin, "{\"name\": [\"VIP\"]}"), 400);
			assertProblem(api.call("POST", path, admin, "{\"name\": {\"en\": \"VIP\"}}"), 400);
			assertThat(api.get(path, admin)).as("nothing was kept at %s", path).isEmpty();
		}
		assertProblem(api.call("POST", "/api/v1/admin/tags", admin, Map.of("name", "VIP", "colour", 1234567)), 400);
		assertThat(api.get("/api/v1/admin/tags", admin)).isEmpty();
	}

	@Test
	void tagsAndDispositionsRefuseAnotherOrganizationsIds() {
		String theirTag = api.post("/api/v1/admin/tags", otherAdmin, Map.of("name", "Theirs")).path("id").asString();
		String theirCode = api.post("/api/v1/admin/dispositions", otherAdmin, Map.of("name", "Theirs"))
			.path("id")
			.asString();
		assertProblem(api.call("PUT", "/api/v1/admin/tags/" + theirTag, admin, Map.of("name", "Mine")), 404);
		assertProblem(api.call("DELETE", "/api/v1/admin/tags/" + theirTag, admin, null), 404);
		assertProblem(api.call("PUT", "/api/v1/admin/dispositions/" + theirCode, admin, Map.of("name", "Mine")), 404);
		assertProblem(api.call("DELETE", "/api/v1/admin/dispositions/" + theirCode, admin, null), 404);
		assertProblem(api.call("POST", "/api/v1/admin/dispositions", admin, Map.of("name", "Sub", "parentId", theirCode)),
				400);

		ServedChat chat = ServedChat.start(api, tenant, tenant.agentToken(api, 0));
		assertProblem(api.call("PUT", "/api/v1/conversations/" + chat.id() + "/tags/" + theirTag, chat.agentToken(),
				null), 400);

		String required = "/api/v1/admin/dispositions/required-groups";
		assertProblem(api.call("PUT", required, admin, Map.of("groupIds", List.of(other.group().id()))), 400);
		assertProblem(api.call("PUT", required, admin, "{\"groupIds\": [null]}"), 400);
		assertProblem(api.call("PUT", required, admin, "{\"groupIds\": \"" + tenant.group().id() + "\"}"), 400);

		assertThat(api.get("/api/v1/admin/dispositions", admin)).isEmpty();
		assertThat(api.get("/api/v1/conversations/" + chat.id() + "/tags", chat.agentToken())).isEmpty();
		assertThat(api.get(required, admin).path("groupIds")).isEmpty();
		assertThat(api.get("/api/v1/admin/tags", otherAdmin).get(0).path("name").asString()).isEqualTo("Theirs");
	}

	@Test
	void cannedFolderNamesRefuseBrokenTextHugeBodiesAndWrongTypes() {
		String path = "/api/v1/canned-responses";
		String agent = tenant.agentToken(api, 0);
		String draft = "{\"shortcut\": \"hi\", \"title\": \"Hi\", \"text\": \"Hello\", \"folder\": %s}";
		assertProblem(api.call("POST", path, agent, draft.formatted(LONE_SURROGATE)), 400);
		assertProblem(api.call("POST", path, agent, draft.formatted(NUL)), 400);
		assertProblem(api.call("POST", path, agent, draft.formatted("\"" + MEGABYTE + "\"")), 400);
		assertProblem(api.call("POST", path, agent, draft.formatted("\"Greetings\\nand more\"")), 400);
		assertProblem(api.call("POST", path, agent, draft.formatted("[\"Greetings\"]")), 400);
		assertProblem(api.call("POST", path, agent, draft.formatted("{\"name\": \"Greetings\"}")), 400);
		assertThat(api.get(path, agent)).as("nothing was kept").isEmpty();
	}

	@Test
	void contactMergeRefusesWrongTypesHugeBodiesAndAnotherOrganizationsContacts() {
		String mine = customer(tenant, "Li Lei");
		String alsoMine = customer(tenant, "Li L.");
		String theirs = customer(other, "Han Meimei");
		String merge = "/api/v1/contacts/" + mine + "/merge";

		assertProblem(api.call("POST", merge, admin, "{\"from\": 5}"), 400);
		assertProblem(api.call("POST", merge, admin, "{\"from\": [\"" + alsoMine + "\"]}"), 400);
		assertProblem(api.call("POST", merge, admin, "{\"from\": " + NUL + "}"), 400);
		assertProblem(api.call("POST", merge, admin, Map.of("from", MEGABYTE)), 400);
		assertProblem(api.call("POST", merge, admin, "{\"from\": null}"), 400);
		assertProblem(api.call("POST", merge, admin, Map.of("from", theirs)), 404);
		assertProblem(api.call("POST", "/api/v1/contacts/" + theirs + "/merge", admin, Map.of("from", mine)), 404);

		assertThat(api.get("/api/v1/contacts?size=100", admin).path("items")).as("both still stand").hasSize(2);
		assertThat(api.get("/api/v1/contacts/" + theirs, otherAdmin).path("name").asString()).isEqualTo("Han Meimei");
	}

	@Test
	void conversationSearchRefusesBadParametersAndAnotherOrganizationsIds() {
		String search = "/api/v1/conversations/search?";
		assertProblem(api.call("GET", search + "q=%00", admin, null), 400);
		assertProblem(api.call("GET", search + "q=" + "x".repeat(201), admin, null), 400);
		assertProblem(api.call("GET", search + "from=%2B999999999-12-31", admin, null), 400);
		assertProblem(api.call("GET", search + "to=%2B999999999-12-31", admin, null), 400);
		assertProblem(api.call("GET", search + "from=-999999999-01-01", admin, null), 400);
		assertProblem(api.call("GET", search + "from=2026-02-30", admin, null), 400);
		assertProblem(api.call("GET", search + "rating=1e3", admin, null), 400);
		assertProblem(api.call("GET", search + "page=99999999999", admin, null), 400);
		assertProblem(api.call("GET", search + "size=-1", admin, null), 400);
		assertProblem(api.call("GET", search + "state=OPEN%00", admin, null), 400);
		assertProblem(api.call("GET", search + "agent=" + other.agent(0).id(), admin, null), 400);
		assertProblem(api.call("GET", search + "group=" + other.group().id(), admin, null), 400);
		String theirTag = api.post("/api/v1/admin/tags", otherAdmin, Map.of("name", "Theirs")).path("id").asString();
		assertProblem(api.call("GET", search + "tag=" + theirTag, admin, null), 400);
		assertProblem(api.call("GET", search + "tag=Theirs", admin, null), 400);
		assertProblem(api.call("GET", search + "tag=" + "x".repeat(2000), admin, null), 400);
	}

	@Test
	void widgetSettingsIgnoreOrRefuseBadPageViewParameters() {
		String widget = "/api/v1/widget/" + tenant.slug() + "?v=visit-12345678&u=https%3A%2F%2Fshop.example%2F";
		assertProblem(api.call("GET", widget + "&t=a%00b", null, null), 400);
		assertProblem(api.call("GET", widget.replace("visit-", "vi%00t-"), null, null), 400);
		// A lone surrogate in UTF-8 cannot even be decoded: refused like a NUL, with a problem code.
		assertProblem(api.call("GET", widget + "&t=a%ED%A0%80b", null, null), 400);
		// Otherwise a bad page view never breaks the widget: it is dropped or cleaned.
		assertThat(api.call("GET", widget + "&t=" + "x".repeat(4000) + "&r=javascript:alert(1)", null, null).status())
			.isEqualTo(200);
		assertThat(api.call("GET", "/api/v1/widget/" + tenant.slug() + "?v=short&u=javascript:alert(1)", null, null)
			.status()).isEqualTo(200);
		assertProblem(api.call("GET", "/api/v1/widget/no-such-" + tenant.slug() + "?v=visit-12345678", null, null), 404);

		String supervisor = api.get("/api/v1/supervision/visitors", admin).toString();
		assertThat(supervisor).doesNotContain("\u0000", "\ud800", "javascript:").contains("visit-12345678");
		assertThat(api.get("/api/v1/supervision/visitors", otherAdmin)).as("another organization sees none").isEmpty();
	}

	private static String page(String url, String title) {
		return "{\"pages\": [{\"url\": " + url + ", \"title\": " + title + "}]}";
	}

	private String customer(TestTenant of, String name) {
		String visitor = api.visitor(of.slug());
		return api.put("/api/v1/visitor/profile", visitor, Map.of("name", name)).path("id").asString();
	}

	static void assertProblem(Api.Response response, int status) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.contentType()).as(response.text()).startsWith("application/problem+json");
		assertThat(response.code()).as("code of %s", response.text()).isNotBlank();
	}
}
