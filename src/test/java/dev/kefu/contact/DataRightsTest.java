package dev.kefu.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import dev.kefu.organization.StaffMembers;
import dev.kefu.shared.Role;
import dev.kefu.testing.Api;
import dev.kefu.testing.ServedChat;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/**
 * A contact's data-subject rights over HTTP (#15): the export zip, erasure searched for in every column of every
 * table, legal holds, who may do what, and another organization's contacts. Files are kept in the database here, so
 * the search reaches an attachment's bytes too.
 */
@ServerTest
@TestPropertySource(properties = "kefu.storage.type=database")
class DataRightsTest {

	/** Each test's own customer: tests share the database, and the erasure test searches all of it. */
	private final String unique = Long.toString(System.nanoTime() % 100_000_000L);
	private final String NAME = "Zhaoxiao Mingyuan" + unique;
	private final String EMAIL = "zxm" + unique + "@example.net";
	private final String PHONE = "+86 139 " + unique;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	Api api;
	TestTenant tenant;
	String admin;
	String agent;

	@BeforeEach
	void organization() {
		api = new Api(port);
		tenant = TestTenant.create(context, 1, 5);
		admin = tenant.adminToken(api);
		agent = tenant.agentToken(api, 0);
	}

	/** A customer who gave name, e-mail and phone, chatted (with a file), rated, and left a message. */
	private record Customer(String contactId, ServedChat chat, byte[] file) {
	}

	private Customer customerWithHistory(String fileMarker) {
		ServedChat chat = ServedChat.start(api, tenant, agent);
		String contact = api.put("/api/v1/visitor/profile", chat.visitor(),
				Map.of("name", NAME, "email", EMAIL, "phone", PHONE, "attributes", Map.of("memberNo", "M-" + NAME)))
			.path("id").asString();
		api.put("/api/v1/visitor/conversations/" + chat.id() + "/visit", chat.visitor(), Map.of("pages",
				List.of(Map.of("url", "https://shop.example/account?mail=" + EMAIL, "title", "Account of " + NAME))));
		chat.customer("Hello, I am " + NAME + ", write to " + EMAIL + " or call " + PHONE);
		chat.agent("Thank you " + NAME + ", we will call " + PHONE);
		byte[] file = ("receipt " + fileMarker + " for " + NAME).getBytes(StandardCharsets.UTF_8);
		String attachment = api.upload("/api/v1/conversations/" + chat.id() + "/attachments", chat.visitor(),
				"receipt.txt", "text/plain", file).body().path("id").asString();
		api.post("/api/v1/conversations/" + chat.id() + "/messages", chat.visitor(), Map.of("clientMsgId",
				UUID.randomUUID().toString(), "text", "My receipt", "attachments", List.of(attachment)));
		api.post("/api/v1/conversations/" + chat.id() + "/notes", agent, Map.of("text", NAME + " is a VIP, " + PHONE));
		chat.close();
		api.post("/api/v1/visitor/conversations/" + chat.id() + "/rating", chat.visitor(),
				Map.of("rating", 5, "comment", "Great service for " + NAME));
		api.post("/api/v1/visitor/tickets", chat.visitor(), Map.of("clientMsgId", "t-1", "name", NAME, "email", EMAIL,
				"phone", PHONE, "subject", "Refund for " + NAME, "body", "Please call " + PHONE));
		return new Customer(contact, chat, file);
	}

	@Test
	void erasureLeavesTheContactsNameEmailPhoneAndFileInNoTableAndKeepsTheReportCounts() {
		String marker = "bytes-" + UUID.randomUUID();
		Customer customer = customerWithHistory(marker);
		settle();
		JsonNode reportBefore = report();
		Map<String, List<String>> before = search(NAME, EMAIL, PHONE, marker);
		assertThat(before.get(NAME)).as("the search finds what is there").contains("contact.name", "message.body");
		assertThat(before.get(marker)).as("the file's bytes are in the database").contains("stored_file_part.content");

		JsonNode erased = api.post("/api/v1/contacts/" + customer.contactId() + "/erase", admin, null);

		assertThat(erased.path("contactId").asString()).isEqualTo(customer.contactId());
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			settle();
			Map<String, List<String>> after = search(NAME, EMAIL, PHONE, marker);
			assertThat(after).allSatisfy((term, places) -> assertThat(places).as(term).isEmpty());
		});
		JsonNode profile = api.get("/api/v1/contacts/" + customer.contactId(), admin);
		assertThat(profile.path("name").isMissingNode() || profile.path("name").isNull()).isTrue();
		List<String> texts = api.get("/api/v1/conversations/" + customer.chat().id() + "/messages?after=0", agent)
			.valueStream()
			.filter(m -> !m.path("sender").path("type").asString().equals("SYSTEM"))
			.map(m -> m.path("text").asString())
			.toList();
		assertThat(texts).isNotEmpty().containsOnly(ContactErased.MARKER);
		assertThat(report()).isEqualTo(reportBefore);
		String audit = api.get("/api/v1/admin/audit", admin).toString();
		assertThat(audit).contains("contact.erased", "contact:" + customer.contactId()).doesNotContain(NAME);
	}

	@Test
	void exportIsAZipOfTheContactsDataWithTheAttachmentsBytes() throws IOException {
		Customer customer = customerWithHistory("export-" + UUID.randomUUID());

		HttpResponse<byte[]> response = download("/api/v1/contacts/" + customer.contactId() + "/export", admin);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("content-type")).hasValue("application/zip");
		Map<String, byte[]> zip = unzip(response.body());
		JsonNode document = Api.json.readTree(zip.get("contact.json"));
		assertThat(document.path("contact").path("name").asString()).isEqualTo(NAME);
		assertThat(document.path("contact").path("email").asString()).isEqualTo(EMAIL);
		JsonNode conversation = document.path("conversations").get(0);
		assertThat(conversation.path("conversation").path("id").asString()).isEqualTo(customer.chat().id());
		assertThat(conversation.path("conversation").path("rating").asInt()).isEqualTo(5);
		assertThat(conversation.path("messages").toString()).contains("Hello, I am " + NAME);
		assertThat(conversation.path("notes").toString()).contains(NAME + " is a VIP");
		assertThat(conversation.path("visit").toString()).contains("Account of " + NAME);
		String path = conversation.path("attachments").get(0).path("path").asString();
		assertThat(zip.get(path)).isEqualTo(customer.file());
		assertThat(document.path("tickets").get(0).path("ticket").path("subject").asString())
			.isEqualTo("Refund for " + NAME);
		assertThat(document.path("tickets").get(0).path("entries").toString()).contains("Please call " + PHONE);
		assertThat(api.get("/api/v1/admin/audit", admin).toString()).contains("contact.exported",
				"contact:" + customer.contactId());
	}

	@Test
	void aLegalHoldRefusesErasureUntilItIsCleared() {
		String contact = api.put("/api/v1/visitor/profile", api.visitor(tenant.slug()), Map.of("name", NAME))
			.path("id").asString();
		String supervisor = supervisor();

		assertThat(api.call("PUT", "/api/v1/contacts/" + contact + "/legal-hold", supervisor, Map.of("reason", " "))
			.code()).isEqualTo("invalid-reason");
		JsonNode hold = api.put("/api/v1/contacts/" + contact + "/legal-hold", supervisor,
				Map.of("reason", "Complaint 117 under review"));
		assertThat(hold.path("reason").asString()).isEqualTo("Complaint 117 under review");
		assertThat(api.get("/api/v1/contacts/" + contact + "/legal-hold", agent).path("held").asBoolean()).isTrue();

		Api.Response refused = api.call("POST", "/api/v1/contacts/" + contact + "/erase", admin, null);

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.code()).isEqualTo("contact-under-legal-hold");
		assertThat(api.get("/api/v1/contacts/" + contact, admin).path("name").asString()).isEqualTo(NAME);
		assertThat(api.call("DELETE", "/api/v1/contacts/" + contact + "/legal-hold", supervisor, null).status())
			.isEqualTo(204);
		assertThat(api.call("POST", "/api/v1/contacts/" + contact + "/erase", admin, null).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/admin/audit", admin).toString()).contains("contact.legal-hold-set",
				"contact.legal-hold-cleared", "contact.erased");
	}

	@Test
	void onlyAdminsExportAndEraseAndAgentsSetNoHolds() {
		String contact = api.put("/api/v1/visitor/profile", api.visitor(tenant.slug()), Map.of("name", NAME))
			.path("id").asString();

		assertThat(download("/api/v1/contacts/" + contact + "/export", agent).statusCode()).isEqualTo(403);
		assertThat(download("/api/v1/contacts/" + contact + "/export", supervisor()).statusCode()).isEqualTo(403);
		assertThat(api.call("POST", "/api/v1/contacts/" + contact + "/erase", agent, null).status()).isEqualTo(403);
		assertThat(api.call("PUT", "/api/v1/contacts/" + contact + "/legal-hold", agent, Map.of("reason", "x"))
			.status()).isEqualTo(403);
		assertThat(api.get("/api/v1/contacts/" + contact, admin).path("name").asString()).isEqualTo(NAME);
	}

	@Test
	void anotherOrganizationsContactIsNeitherExportedNorErasedNorHeld() {
		TestTenant other = TestTenant.create(context, 1, 5);
		String theirs = api.put("/api/v1/visitor/profile", api.visitor(other.slug()), Map.of("name", NAME))
			.path("id").asString();

		assertThat(download("/api/v1/contacts/" + theirs + "/export", admin).statusCode()).isEqualTo(404);
		assertThat(api.call("POST", "/api/v1/contacts/" + theirs + "/erase", admin, null).status()).isEqualTo(404);
		assertThat(api.call("PUT", "/api/v1/contacts/" + theirs + "/legal-hold", admin, Map.of("reason", "x"))
			.status()).isEqualTo(404);
		assertThat(api.get("/api/v1/contacts/" + theirs, other.adminToken(api)).path("name").asString())
			.isEqualTo(NAME);
	}

	private String supervisor() {
		context.getBean(StaffMembers.class).create(tenant.id(), tenant.slug() + "-lead", TestTenant.PASSWORD,
				new StaffMembers.Profile("Lead", null, Set.of(Role.SUPERVISOR), 1, true, List.of(tenant.group().id())));
		return api.login(tenant.slug() + "-lead", TestTenant.PASSWORD);
	}

	/** Every module's listeners have run: no event publication is still incomplete. */
	private void settle() {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")
				.query(Long.class)
				.single() == 0);
	}

	private JsonNode report() {
		LocalDate today = LocalDate.now();
		return api.get("/api/v1/reports/kpis?from=" + today.minusDays(2) + "&to=" + today.plusDays(2), admin)
			.path("totals");
	}

	/**
	 * Where each term occurs, as table.column: every character and binary column of every table of the database,
	 * found in its catalog, so a table added later is searched too.
	 */
	private Map<String, List<String>> search(String... terms) {
		List<Map<String, Object>> columns = jdbc.sql("""
				SELECT table_name, column_name, data_type FROM information_schema.columns
				WHERE table_schema = 'public' AND (LOWER(data_type) LIKE '%char%' OR LOWER(data_type) LIKE '%text%'
				  OR LOWER(data_type) LIKE '%clob%' OR LOWER(data_type) LIKE '%json%'
				  OR LOWER(data_type) LIKE '%binary%' OR LOWER(data_type) LIKE '%bytea%' OR LOWER(data_type) LIKE '%blob%'
				  OR LOWER(data_type) LIKE '%large object%')""")
			.query()
			.listOfRows();
		assertThat(columns).as("the catalog lists the columns").hasSizeGreaterThan(100);
		Map<String, List<String>> found = new HashMap<>();
		for (String term : terms) {
			found.put(term, new ArrayList<>());
		}
		for (Map<String, Object> column : columns) {
			String table = String.valueOf(column.get("table_name"));
			String name = String.valueOf(column.get("column_name"));
			String type = String.valueOf(column.get("data_type")).toLowerCase(Locale.ROOT);
			boolean binary = type.contains("binary") || type.contains("bytea") || type.contains("blob");
			List<byte[]> values = jdbc.sql("SELECT \"" + name + "\" FROM \"" + table + "\" WHERE \"" + name
					+ "\" IS NOT NULL")
				.query((rs, n) -> binary ? rs.getBytes(1) : rs.getString(1).getBytes(StandardCharsets.UTF_8))
				.list();
			for (String term : terms) {
				byte[] wanted = term.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
				if (values.stream().anyMatch(v -> contains(v, wanted))) {
					found.get(term).add(table + "." + name);
				}
			}
		}
		return found;
	}

	private static boolean contains(byte[] value, byte[] lowerTerm) {
		String text = new String(value, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
		return text.contains(new String(lowerTerm, StandardCharsets.ISO_8859_1));
	}

	private HttpResponse<byte[]> download(String path, String token) {
		try {
			return api.http().send(HttpRequest.newBuilder(URI.create(api.base() + path))
				.header("Authorization", "Bearer " + token)
				.GET()
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static Map<String, byte[]> unzip(byte[] bytes) throws IOException {
		Map<String, byte[]> entries = new HashMap<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
			ZipEntry entry;
			while ((entry = zip.getNextEntry()) != null) {
				entries.put(entry.getName(), zip.readAllBytes());
			}
		}
		return entries;
	}
}
