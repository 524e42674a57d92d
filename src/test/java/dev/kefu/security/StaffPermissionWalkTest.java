package dev.kefu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import dev.kefu.shared.Permission;
import dev.kefu.testing.Api;
import dev.kefu.testing.ApiDescription;
import dev.kefu.testing.ApiDescription.Operation;
import dev.kefu.testing.CustomRoles;
import dev.kefu.testing.ServerTest;
import dev.kefu.testing.TestTenant;

/**
 * Walks every operation of the OpenAPI description under /api/v1 as people who hold custom roles only. For each
 * operation that needs a permission, a person holding every permission but the ones that would open it is refused
 * with 403 before anything runs, the detail naming what is missing; a person holding every permission is never refused
 * for want of one and never gets a server error. The permission table must decide every operation, so an endpoint
 * added without a decision fails here.
 */
@ServerTest
class StaffPermissionWalkTest {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Api api;
	ApiDescription description;

	@BeforeEach
	void description() {
		api = new Api(port);
		description = new ApiDescription(api);
	}

	@Test
	void thePermissionTableDecidesEveryOperationInTheDescription() {
		List<Operation> undecided = description.operations()
			.stream()
			.filter(op -> StaffPermissions.decide(op.method(), op.template()) == null)
			.toList();
		assertThat(description.operations()).hasSizeGreaterThan(150);
		assertThat(undecided).as("operations the permission table has no decision for").isEmpty();
	}

	@Test
	void everyOperationRefusesAPersonWhoseRoleLacksItsPermissionAndServesOneWhoseRoleHasThemAll() {
		TestTenant tenant = TestTenant.create(context, 1, 5);
		String admin = tenant.adminToken(api);
		CustomRoles roles = new CustomRoles(api, admin);
		List<String> all = roles.allPermissions();
		assertThat(all).hasSize(Permission.values().length);
		Map<String, String> ids = ApiDescription.realIds(api, tenant, admin);

		Map<Set<Permission>, String> lacking = new HashMap<>();
		List<String> failures = new ArrayList<>();
		Map<Operation, String> gated = new LinkedHashMap<>();
		for (Operation op : description.operations()) {
			if (!(StaffPermissions.decide(op.method(), op.template()) instanceof StaffPermissions.Needs needs)) {
				continue;
			}
			String token = lacking.computeIfAbsent(needs.anyOf(), missing -> roles
				.holding(all.stream().filter(key -> missing.stream().noneMatch(p -> p.key().equals(key))).toList())
				.token());
			String path = ApiDescription.concrete(op.template(), ids, tenant.slug()) + description.requiredQuery(op);
			String body = op.method().equals("GET") || op.method().equals("DELETE") ? null : description.sampleBody(op);
			Api.Response refused = api.call(op.method(), path, token, body);
			gated.put(op, path);
			if (refused.status() != 403 || !refused.code().equals("forbidden")
					|| !refused.body().path("detail").asString().contains(needs.anyOf().iterator().next().key())) {
				failures.add(op + " without " + needs.keys() + " answered " + refused.status() + " " + refused.text());
			}
		}
		assertThat(gated).as("operations that need a permission").hasSizeGreaterThan(100);
		assertThat(failures).isEmpty();

		// Everything held: reads first, then writes (which may close, delete or change what later calls use).
		String everything = roles.holding(all).token();
		List<Operation> ordered = new ArrayList<>(gated.keySet().stream().filter(op -> op.method().equals("GET")).toList());
		ordered.addAll(gated.keySet().stream().filter(op -> !op.method().equals("GET")).toList());
		for (Operation op : ordered) {
			if (description.streams(op)) {
				continue;
			}
			String body = op.method().equals("GET") || op.method().equals("DELETE") ? null : description.sampleBody(op);
			Api.Response answer = api.call(op.method(), gated.get(op), everything, body);
			if (answer.status() >= 500 || answer.status() == 401
					|| answer.status() == 403 && answer.text().contains("lack the permission")) {
				failures.add(op + " with every permission answered " + answer.status() + " " + answer.text());
			}
		}
		assertThat(failures).isEmpty();
	}
}
