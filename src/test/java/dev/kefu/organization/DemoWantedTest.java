package dev.kefu.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DemoWantedTest {

	static final String H2 = "jdbc:h2:file:./data/db/kefu;MODE=PostgreSQL";
	static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/kefu";

	@Test
	void seedsTheDemoOnTheEmbeddedDatabaseByDefault() {
		assertThat(DemoWanted.wanted(database(H2))).isTrue();
	}

	@Test
	void neverSeedsTheDemoOnPostgresUnlessAsked() {
		assertThat(DemoWanted.wanted(database(POSTGRES))).isFalse();
		assertThat(DemoWanted.wanted(database(POSTGRES).withProperty("kefu.demo.enabled", "true"))).isTrue();
	}

	@Test
	void anExplicitNoTurnsTheDemoOffOnTheEmbeddedDatabase() {
		assertThat(DemoWanted.wanted(database(H2).withProperty("kefu.demo.enabled", "false"))).isFalse();
	}

	private static MockEnvironment database(String url) {
		return new MockEnvironment().withProperty("spring.datasource.url", url);
	}
}
