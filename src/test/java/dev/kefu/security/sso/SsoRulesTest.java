package dev.kefu.security.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.Role;

/** The rules of single sign-on that need no server: which providers may be called, and what a groups claim grants. */
class SsoRulesTest {

	@Test
	void refusesIssuersOnTheServersOwnNetworksUnlessAllowed() {
		for (String issuer : List.of("http://127.0.0.1:8080/realms/x", "http://10.0.0.5", "http://169.254.169.254",
				"http://localhost")) {
			assertThatThrownBy(() -> new SsoTargets(false).check(issuer)).isInstanceOf(RequestRejected.class)
				.extracting(e -> ((RequestRejected) e).code())
				.isEqualTo("forbidden-target");
		}
		assertThat(new SsoTargets(true).check("http://127.0.0.1:8080/realms/x")).hasPort(8080);
	}

	@Test
	void grantsTheRolesAndGroupsOfEveryMatchingValueAndOfTheWildcard() {
		UUID vip = UUID.randomUUID();
		List<SsoSettings.Mapping> mappings = List.of(new SsoSettings.Mapping("support", Role.AGENT, null),
				new SsoSettings.Mapping("leads", Role.SUPERVISOR, vip), new SsoSettings.Mapping("*", Role.KB_EDITOR, null),
				new SsoSettings.Mapping("admins", Role.ADMIN, null));

		SsoSignIn.Grants grants = SsoSignIn.Grants.of(mappings, List.of("support", "leads", "marketing"));

		assertThat(grants.roles()).containsExactlyInAnyOrder(Role.AGENT, Role.SUPERVISOR, Role.KB_EDITOR);
		assertThat(grants.groupIds()).containsExactly(vip);
	}

	@Test
	void readsAGroupsClaimGivenAsAListOrAsOneString() {
		assertThat(SsoSignIn.values(List.of("a", "b"))).containsExactly("a", "b");
		assertThat(SsoSignIn.values("a")).containsExactly("a");
		assertThat(SsoSignIn.values(null)).isEmpty();
	}
}
