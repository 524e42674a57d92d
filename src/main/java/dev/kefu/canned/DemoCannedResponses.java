package dev.kefu.canned;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.kefu.canned.CannedResponse.Scope;
import dev.kefu.organization.DemoOrganizationCreated;
import dev.kefu.shared.Role;
import dev.kefu.shared.StaffCaller;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo shop's organization-wide canned responses, in English and Chinese, from {@code demo/canned.json}, so an
 * agent can try typing '/' at once. Left alone when the organization already has any: a republished event must not
 * add them twice.
 */
@Component
class DemoCannedResponses {

	static final String CONTENT = "demo/canned.json";

	private final CannedResponses responses;
	private final JsonMapper json;

	DemoCannedResponses(CannedResponses responses, JsonMapper json) {
		this.responses = responses;
		this.json = json;
	}

	@ApplicationModuleListener
	void on(DemoOrganizationCreated created) {
		StaffCaller admin = new StaffCaller(created.adminId(), created.organizationId(), "Admin",
				Set.of(Role.ADMIN, Role.SUPERVISOR));
		if (!responses.search(admin, null, Scope.ORGANIZATION).isEmpty()) {
			return;
		}
		for (CannedResponses.Draft draft : content()) {
			responses.create(admin, Scope.ORGANIZATION, draft);
		}
	}

	List<CannedResponses.Draft> content() {
		try (InputStream in = new ClassPathResource(CONTENT).getInputStream()) {
			return json.readValue(in, new TypeReference<List<CannedResponses.Draft>>() {
			});
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read " + CONTENT, e);
		}
	}
}
