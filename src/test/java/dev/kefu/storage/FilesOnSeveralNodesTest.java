package dev.kefu.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import dev.kefu.testing.Api;
import dev.kefu.testing.KefuNode;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;

/**
 * Two nodes on one database, each with a data folder of its own, as on two machines: a file uploaded through one node
 * is served by the other, because the files are kept in the database.
 */
@ServerTest
@TestPropertySource(properties = "kefu.storage.type=database")
class FilesOnSeveralNodesTest {

	static final byte[] PNG_HEADER = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

	static ConfigurableApplicationContext nodeB;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext nodeA;

	Api apiA;
	Api apiB;
	TestTenant tenant;

	@BeforeEach
	void twoNodesShareTheDatabaseButNotTheDataFolder() {
		if (nodeB == null) {
			nodeB = startSecondNode(nodeA.getEnvironment());
		}
		apiA = new Api(port);
		apiB = new Api(nodeB.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
		tenant = TestTenant.create(nodeA, 1, 3);
	}

	@AfterAll
	static void stopSecondNode() {
		if (nodeB != null) {
			nodeB.close();
			nodeB = null;
		}
	}

	@Test
	void attachmentUploadedThroughOneNodeIsDownloadedThroughTheOther() {
		apiB.status(tenant.agentToken(apiB, 0), "ONLINE");
		String visitor = apiA.visitor(tenant.slug());
		String conversation = apiA.startChat(visitor).path("conversation").path("id").asString();
		// Several parts and a short last one, so the file is really read back part by part.
		byte[] image = png(2 * 256 * 1024 + 12345);

		Api.Response upload = apiA.upload("/api/v1/conversations/" + conversation + "/attachments", visitor,
				"receipt.png", "image/png", image);
		assertThat(upload.status()).as(upload.text()).isEqualTo(201);
		String url = upload.body().path("url").asString();

		HttpResponse<byte[]> throughB = get(apiB, url);
		assertThat(throughB.statusCode()).as(new String(throughB.body())).isEqualTo(200);
		assertThat(throughB.body()).isEqualTo(image);
	}

	@Test
	void attachmentOverTheSizeLimitIsRefusedAndLeavesNoPartInTheDatabase() {
		apiA.status(tenant.agentToken(apiA, 0), "ONLINE");
		String visitor = apiA.visitor(tenant.slug());
		String conversation = apiA.startChat(visitor).path("conversation").path("id").asString();

		Api.Response refused = apiA.upload("/api/v1/conversations/" + conversation + "/attachments", visitor,
				"huge.png", "image/png", png(10 * 1024 * 1024 + 1));

		assertThat(refused.status()).as(refused.text()).isEqualTo(413);
		assertThat(refused.code()).isEqualTo("file-too-large");
		assertThat(nodeA.getBean(JdbcClient.class)
			.sql("SELECT COUNT(*) FROM stored_file_part WHERE file_key LIKE ?")
			.param(tenant.id() + "/%")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void articlePictureUploadedThroughOneNodeIsShownThroughTheOther() {
		byte[] picture = png(40_000);

		Api.Response upload = apiA.upload("/api/v1/knowledge/images", tenant.agentToken(apiA, 0), "steps.png",
				"image/png", picture);
		assertThat(upload.status()).as(upload.text()).isEqualTo(201);
		String url = upload.body().path("url").asString();

		HttpResponse<byte[]> throughB = get(apiB, url);
		assertThat(throughB.statusCode()).as(new String(throughB.body())).isEqualTo(200);
		assertThat(throughB.headers().firstValue("content-type")).contains("image/png");
		assertThat(throughB.body()).isEqualTo(picture);
	}

	private static byte[] png(int size) {
		byte[] bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		System.arraycopy(PNG_HEADER, 0, bytes, 0, PNG_HEADER.length);
		return bytes;
	}

	private static HttpResponse<byte[]> get(Api api, String path) {
		try {
			return api.http()
				.send(HttpRequest.newBuilder(URI.create(api.base() + path)).build(),
						HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	private static ConfigurableApplicationContext startSecondNode(Environment first) {
		// Node B's data folder is its own: nothing node A writes to its folder can be read here.
		return KefuNode.besides(first, Map.of("kefu.data-dir", first.getRequiredProperty("kefu.data-dir") + "-node-b",
				"kefu.storage.type", first.getRequiredProperty("kefu.storage.type")));
	}
}
