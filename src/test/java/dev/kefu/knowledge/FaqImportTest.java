package dev.kefu.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.testing.Api;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import tools.jackson.databind.JsonNode;

/** Bulk FAQ import reports each bad row with its reason and loads the good ones; export gives them back. */
@ServerTest
class FaqImportTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;
	String editor;

	@BeforeEach
	void editorOfAFreshOrganization() {
		api = new Api(port);
		editor = TestTenant.create(context, 1, 5).adminToken(api);
	}

	@Test
	void csvImportReportsBadRowsAndLoadsTheGoodOnes() {
		String csv = """
				question,answer,phrasings,category,tags,status
				怎么修改收货地址？,在“我的订单”里点击修改地址。,"地址填错了怎么办|能改地址吗",订单/地址,"地址,订单",PUBLISHED
				,An answer without its question,,,,
				"How do I cancel an order?","Open the order and press ""Cancel"".
				Refunds follow within 3 days.",cancel my order,Orders,,
				Bad status,Answer,,,,LIVE
				""";

		JsonNode report = api.raw("POST", "/api/v1/knowledge/import?status=PUBLISHED", editor, "text/csv", csv).body();

		assertThat(report.path("imported").asInt()).isEqualTo(2);
		assertThat(report.path("errors").valueStream().map(e -> e.path("row").asInt() + ":" + e.path("code").asString()))
			.containsExactly("3:invalid-title", "6:invalid-status");
		JsonNode exported = api.get("/api/v1/knowledge/export", editor);
		assertThat(exported.valueStream().map(e -> e.path("question").asString()))
			.containsExactlyInAnyOrder("怎么修改收货地址？", "How do I cancel an order?");
		JsonNode address = exported.valueStream().filter(e -> e.path("question").asString().startsWith("怎么")).findFirst()
			.orElseThrow();
		assertThat(address.path("category").asString()).isEqualTo("订单/地址");
		assertThat(address.path("phrasings").valueStream().map(JsonNode::asString)).containsExactly("地址填错了怎么办", "能改地址吗");
		assertThat(address.path("tags").valueStream().map(JsonNode::asString)).containsExactly("地址", "订单");
		assertThat(api.get("/api/v1/knowledge/search?q=" + Api.encode("取消订单 cancel"), editor).path(0).path("title")
			.asString()).contains("<mark>cancel</mark>");
	}

	@Test
	void jsonImportAndCsvExportRoundTrip() {
		String json = """
				[{"question": "Do you ship abroad?", "answer": "Yes, to 40 countries.", "phrasings": ["international shipping"],
				  "tags": ["shipping"]},
				 {"question": "Do you ship abroad?", "answer": ""},
				 "not an entry"]""";

		JsonNode report = api.raw("POST", "/api/v1/knowledge/import", editor, "application/json", json).body();

		assertThat(report.path("imported").asInt()).isEqualTo(1);
		assertThat(report.path("errors").valueStream().map(e -> e.path("row").asInt())).containsExactly(2, 3);
		Api.Response csv = api.call("GET", "/api/v1/knowledge/export?format=csv", editor, null);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.text()).isEqualTo("question,answer,phrasings,category,tags,status\r\n"
				+ "Do you ship abroad?,\"Yes, to 40 countries.\",international shipping,,shipping,DRAFT\r\n");
	}

	@Test
	void csvExportDefusesFormulasAndItsImportGivesTheTextBack() {
		String json = """
				[{"question": "=HYPERLINK(\\"http://evil.example\\",\\"Refund\\")", "answer": "-5 °C is too cold",
				  "phrasings": ["@admin help", "+86 phone"], "tags": ["ok"]}]""";
		api.raw("POST", "/api/v1/knowledge/import", editor, "application/json", json);

		String csv = api.call("GET", "/api/v1/knowledge/export?format=csv", editor, null).text();

		assertThat(csv).isEqualTo("question,answer,phrasings,category,tags,status\r\n"
				+ "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Refund\"\")\",'-5 °C is too cold,\"'@admin help\n+86 phone\",,ok,DRAFT\r\n");
		String other = TestTenant.create(context, 1, 5).adminToken(api);
		assertThat(api.raw("POST", "/api/v1/knowledge/import", other, "text/csv", csv).body().path("imported").asInt())
			.isEqualTo(1);
		JsonNode entry = api.get("/api/v1/knowledge/export", other).get(0);
		assertThat(entry.path("question").asString()).isEqualTo("=HYPERLINK(\"http://evil.example\",\"Refund\")");
		assertThat(entry.path("answer").asString()).isEqualTo("-5 °C is too cold");
		assertThat(entry.path("phrasings").valueStream().map(JsonNode::asString)).containsExactly("@admin help", "+86 phone");
	}

	@Test
	void fileThatIsNotCsvOrJsonIsRefusedWhole() {
		assertThat(api.raw("POST", "/api/v1/knowledge/import", editor, "application/json", "{\"question\":").code())
			.isEqualTo("invalid-json");
		assertThat(api.raw("POST", "/api/v1/knowledge/import", editor, "text/csv", "title,text\nA,B").code())
			.isEqualTo("invalid-csv");
		assertThat(api.get("/api/v1/knowledge/articles", editor)).isEmpty();
	}
}
