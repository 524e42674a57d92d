package dev.kefu.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.kefu.organization.SiteVisits.PageView;
import dev.kefu.testing.SettableClock;
import dev.kefu.testing.RedisAvailable;

/** Visitors online in a cluster: two nodes share one list, with the same cap and expiry as a single node. */
@ExtendWith(RedisAvailable.class)
class RedisVisitorsOnlineTest {

	final SettableClock clock = new SettableClock(Instant.now());
	final String cluster = "test-" + UUID.randomUUID();
	final RedisVisitorsOnline one = new RedisVisitorsOnline(RedisAvailable.URL, cluster, clock);
	final RedisVisitorsOnline two = new RedisVisitorsOnline(RedisAvailable.URL, cluster, clock);
	final UUID organization = UUID.randomUUID();

	@AfterEach
	void close() {
		one.destroy();
		two.destroy();
	}

	@Test
	void everyNodeSeesTheSameVisitsWhichExpireAndMakeRoomAtTheCap() {
		one.viewed(organization, view("visit-a", "https://shop.example/"), "mobile", "safari");
		clock.advance(Duration.ofSeconds(1));
		two.viewed(organization, view("visit-a", "https://shop.example/cart"), "mobile", "safari");
		two.viewed(organization, view("visit-b", "https://shop.example/"), "desktop", "chrome");

		assertThat(one.online(organization)).extracting(Visitor::id).containsExactly("visit-b", "visit-a");
		Visitor a = one.online(organization).get(1);
		assertThat(a.pageViews()).isEqualTo(2);
		assertThat(a.url()).isEqualTo("https://shop.example/cart");
		assertThat(one.online(UUID.randomUUID())).isEmpty();

		clock.advance(VisitorsOnline.EXPIRY);
		assertThat(two.online(organization)).isEmpty();

		for (int i = 0; i <= VisitorsOnline.CAP; i++) {
			clock.advance(Duration.ofMillis(1));
			(i % 2 == 0 ? one : two).viewed(organization, view("visit-" + i, "https://shop.example/"), "desktop",
					"chrome");
		}
		assertThat(one.online(organization)).hasSize(VisitorsOnline.CAP)
			.extracting(Visitor::id)
			.startsWith("visit-" + VisitorsOnline.CAP)
			.doesNotContain("visit-0");
	}

	private static PageView view(String id, String url) {
		return new PageView(id, url, "标题", null, "en", null);
	}
}
