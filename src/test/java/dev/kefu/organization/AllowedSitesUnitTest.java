package dev.kefu.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.kefu.shared.RequestRejected;

/** How an allowed site is written down and which origins it lets in. */
class AllowedSitesUnitTest {

	@ParameterizedTest
	@CsvSource({ "https://shop.example.com, https://shop.example.com",
			"HTTPS://Shop.Example.COM/, https://shop.example.com",
			"https://shop.example.com:443, https://shop.example.com",
			"http://localhost:8080, http://localhost:8080",
			"http://127.0.0.1:9000, http://127.0.0.1:9000",
			"https://*.example.com, https://*.example.com",
			"https://*.example.com:8443, https://*.example.com:8443",
			"https://商店.example.cn, https://xn--czrs0t.example.cn",
			"'  https://shop.example.com  ', https://shop.example.com" })
	void writesAnAllowedSiteTheOneWay(String entry, String stored) {
		assertThat(AllowedSites.normalize(entry)).isEqualTo(stored);
	}

	@ParameterizedTest
	@ValueSource(strings = { "shop.example.com", "ftp://shop.example.com", "https://shop.example.com/shop",
			"https://shop.example.com/?a=1", "https://shop.example.com#x", "https://user@shop.example.com",
			"https://shop.example.com:0", "https://shop.example.com:70000", "https://*", "https://*.com",
			"https://shop.*.com", "*://shop.example.com", "https://shop example.com", "https://-shop.example.com",
			"https://shop.example.com;frame-ancestors *", "https://shop.example.com 'unsafe-inline'", "",
			"javascript:alert(1)", "https://", "https://shop.example.com\u0000" })
	void refusesAnythingButSchemeHostAndPort(String entry) {
		assertThatThrownBy(() -> AllowedSites.normalize(entry)).isInstanceOf(RequestRejected.class)
			.hasFieldOrPropertyWithValue("code", "invalid-site");
	}

	@Test
	void refusesAMissingEntryAndTooManyAndKeepsEachOnce() {
		assertThatThrownBy(() -> AllowedSites.validated(Arrays.asList("https://a.example.com", null)))
			.hasFieldOrPropertyWithValue("code", "invalid-site");
		assertThatThrownBy(() -> AllowedSites.validated(java.util.Collections.nCopies(101, "https://a.example.com")))
			.hasFieldOrPropertyWithValue("code", "invalid-site");
		List<String> long60 = java.util.stream.IntStream.range(0, 80)
			.mapToObj(i -> "https://shop-" + i + "-" + "x".repeat(40) + ".example.com")
			.toList();
		assertThatThrownBy(() -> AllowedSites.validated(long60)).hasMessageContaining("at most 4000 characters");
		assertThat(AllowedSites.validated(List.of("https://a.example.com", "https://A.example.com/")))
			.containsExactly("https://a.example.com");
	}

	@Test
	void aWildcardLetsInSubdomainsOnTheSameSchemeAndPortButNotTheDomainItself() {
		List<String> sites = List.of("https://*.example.com", "http://localhost:8080");

		assertThat(AllowedSites.allows(sites, "https://shop.example.com")).isTrue();
		assertThat(AllowedSites.allows(sites, "https://a.b.example.com")).isTrue();
		assertThat(AllowedSites.allows(sites, "http://localhost:8080")).isTrue();
		assertThat(AllowedSites.allows(sites, "https://example.com")).isFalse();
		assertThat(AllowedSites.allows(sites, "http://shop.example.com")).isFalse();
		assertThat(AllowedSites.allows(sites, "https://shop.example.com:8443")).isFalse();
		assertThat(AllowedSites.allows(sites, "https://shop.example.com.evil.test")).isFalse();
		assertThat(AllowedSites.allows(sites, "https://evilexample.com")).isFalse();
		assertThat(AllowedSites.allows(sites, "http://localhost:8081")).isFalse();
		assertThat(AllowedSites.allows(List.of(), "https://anything.test")).isTrue();
	}

	@Test
	void readsTheOriginOfAnOriginOrRefererHeader() {
		assertThat(AllowedSites.origin("https://Shop.Example.com/cart?x=1")).hasValue("https://shop.example.com");
		assertThat(AllowedSites.origin("http://localhost:8080")).hasValue("http://localhost:8080");
		assertThat(AllowedSites.origin("null")).isEmpty();
		assertThat(AllowedSites.origin("https://*.example.com")).isEmpty();
	}
}
