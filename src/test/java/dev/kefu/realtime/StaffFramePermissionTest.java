package dev.kefu.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.shared.Permission;
import dev.kefu.testing.Api;
import dev.kefu.testing.CustomRoles;
import dev.kefu.testing.ServedChat;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;
import dev.kefu.testing.LiveClient;
import tools.jackson.databind.JsonNode;

/**
 * Every WebSocket frame a staff member may send, sent by a person whose custom role lacks the permission it needs:
 * refused with {@code forbidden} naming the permission; sent by one holding everything, never refused for want of
 * one. The frames are the protocol's own table, so a frame added with a permission is walked too.
 */
@ServerTest
class StaffFramePermissionTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void everyStaffFrameRefusesAPersonWhoseRoleLacksItsPermission() {
		Api api = new Api(port);
		TestTenant tenant = TestTenant.create(context, 1, 5);
		CustomRoles roles = new CustomRoles(api, tenant.adminToken(api));
		List<String> all = roles.allPermissions();
		String chat = ServedChat.start(api, tenant, tenant.agentToken(api, 0)).customer("hello").agent("hi").id();
		Map<String, String> frames = Map.of(
				"send", "{\"type\":\"send\",\"id\":\"f\",\"conversationId\":\"%s\",\"clientMsgId\":\"c1\",\"text\":\"hi\"}",
				"typing", "{\"type\":\"typing\",\"id\":\"f\",\"conversationId\":\"%s\",\"typing\":true}",
				"status", "{\"type\":\"status\",\"id\":\"f\",\"status\":\"ONLINE\",\"conversationId\":\"%s\"}",
				"read", "{\"type\":\"read\",\"id\":\"f\",\"conversationId\":\"%s\",\"seq\":1}",
				"sync", "{\"type\":\"sync\",\"id\":\"f\",\"conversationId\":\"%s\",\"after\":0}",
				"watch", "{\"type\":\"watch\",\"id\":\"f\",\"conversationId\":\"%s\"}");
		assertThat(frames.keySet()).isEqualTo(Protocol.FRAME_PERMISSIONS.keySet());

		List<String> failures = new ArrayList<>();
		for (var entry : Protocol.FRAME_PERMISSIONS.entrySet()) {
			Set<Permission> needed = entry.getValue();
			String token = roles.holding(all.stream()
				.filter(key -> needed.stream().noneMatch(p -> p.key().equals(key)))
				.toList()).token();
			try (LiveClient socket = LiveClient.authenticated(api.http(), port, token)) {
				socket.send(frames.get(entry.getKey()).formatted(chat));
				JsonNode error = socket.next("error");
				if (!error.path("code").asString().equals("forbidden")
						|| !error.path("message").asString().contains(needed.iterator().next().key())) {
					failures.add(entry.getKey() + " without " + needed + " answered " + error);
				}
			}
		}
		assertThat(failures).isEmpty();

		String everything = roles.holding(all).token();
		try (LiveClient socket = LiveClient.authenticated(api.http(), port, everything)) {
			for (String type : frames.keySet()) {
				socket.send(frames.get(type).formatted(chat).replace("\"id\":\"f\"", "\"id\":\"" + type + "\""));
				socket.send("{\"type\":\"ping\",\"id\":\"after-" + type + "\"}");
				JsonNode answer = socket.next(frame -> frame.path("id").asString().equals(type)
						|| frame.path("id").asString().equals("after-" + type), "an answer to " + type);
				assertThat(answer.path("message").asString()).as(type).doesNotContain("lack the permission");
			}
		}
	}
}
