package dev.kefu.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/** Custom roles made through the admin API, and people who hold nothing else, signed in. */
public final class CustomRoles {

	private final Api api;
	private final String admin;
	private int made;

	public CustomRoles(Api api, String adminToken) {
		this.api = api;
		this.admin = adminToken;
	}

	/** Every permission key the server knows. */
	public List<String> allPermissions() {
		List<String> keys = new ArrayList<>();
		api.get("/api/v1/admin/roles", admin).path("permissions").forEach(p -> keys.add(p.path("key").asString()));
		assertThat(keys).isNotEmpty();
		return keys;
	}

	public String role(String name, Collection<String> permissions) {
		return api.post("/api/v1/admin/roles", admin, Map.of("name", name, "permissions", List.copyOf(permissions)))
			.path("id")
			.asString();
	}

	/** A new staff member with no preset role, granted one role, signed in: their bearer token. */
	public Person person(String roleId, String scope, @Nullable UUID scopeId, List<UUID> groupIds) {
		String username = "custom-" + UUID.randomUUID().toString().substring(0, 8) + "-" + (++made);
		JsonNode created = api.post("/api/v1/admin/staff", admin,
				Map.of("username", username, "displayName", "Custom " + made, "password", TestTenant.PASSWORD,
						"roles", List.of(), "maxChats", 3, "enabled", true, "groupIds", groupIds.stream().map(UUID::toString).toList()));
		String id = created.path("id").asString();
		assertThat(id).as("staff created: %s", created).isNotBlank();
		Map<String, Object> grant = new java.util.HashMap<>(Map.of("roleId", roleId, "scope", scope));
		if (scopeId != null) {
			grant.put("scopeId", scopeId.toString());
		}
		api.put("/api/v1/admin/staff/" + id + "/grants", admin, Map.of("grants", List.of(grant)));
		return new Person(UUID.fromString(id), api.login(username, TestTenant.PASSWORD));
	}

	/** A person holding exactly these permissions for the whole organization. */
	public Person holding(Collection<String> permissions) {
		return person(role("holding " + (made + 1) + " " + UUID.randomUUID(), permissions), "ORGANIZATION", null,
				List.of());
	}

	public record Person(UUID id, String token) {
	}
}
