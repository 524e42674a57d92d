package dev.kefu.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.kefu.organization.SiteVisits.PageView;
import dev.kefu.testing.SettableClock;

/** The bounded cost of visitors online: a cap per organization (the longest idle go) and expiry. */
class MemoryVisitorsOnlineTest {

	final SettableClock clock = new SettableClock(Instant.parse("2026-01-05T10:00:00Z"));
	final UUID organization = UUID.randomUUID();

	@Test
	void aFullSiteMakesRoomByDroppingTheLongestIdleVisit() {
		MemoryVisitorsOnline online = new MemoryVisitorsOnline(clock, 3, Duration.ofMinutes(5));
		for (String id : new String[] { "visit-a", "visit-b", "visit-c" }) {
			online.viewed(organization, view(id), "desktop", "chrome");
			clock.advance(Duration.ofSeconds(1));
		}
		online.viewed(organization, view("visit-a"), "desktop", "chrome");
		clock.advance(Duration.ofSeconds(1));
		online.viewed(organization, view("visit-d"), "desktop", "chrome");

		assertThat(online.online(organization)).extracting(Visitor::id)
			.containsExactly("visit-d", "visit-a", "visit-c");
		assertThat(online.online(UUID.randomUUID())).isEmpty();
	}

	@Test
	void aVisitNotSeenForFiveMinutesDropsOutAndComesBackAsANewVisit() {
		MemoryVisitorsOnline online = new MemoryVisitorsOnline(clock);
		online.viewed(organization, view("visit-a"), "desktop", "chrome");
		online.viewed(organization, view("visit-a"), "desktop", "chrome");
		clock.advance(Duration.ofMinutes(4));
		online.viewed(organization, view("visit-b"), "mobile", "safari");

		assertThat(online.online(organization)).extracting(Visitor::id).containsExactly("visit-b", "visit-a");
		clock.advance(Duration.ofMinutes(1));
		assertThat(online.online(organization)).extracting(Visitor::id).containsExactly("visit-b");

		online.viewed(organization, view("visit-a"), "desktop", "chrome");
		assertThat(online.online(organization).getFirst().pageViews()).isEqualTo(1);
	}

	@Test
	void aVisitSurvivesItsStoredForm() {
		Visitor visitor = Visitor.viewed(null, new PageView("visit-a", "https://x.example/", "标题", null, "en", null),
				"mobile", "wechat", clock.instant());
		assertThat(Visitor.fromStored(visitor.stored())).isEqualTo(visitor);
	}

	private static PageView view(String id) {
		return new PageView(id, "https://shop.example/" + id, null, null, null, null);
	}
}
