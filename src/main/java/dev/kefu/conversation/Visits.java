package dev.kefu.conversation;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.Text;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The visit of each conversation's customer, as the widget reports it. What a page claims is checked here, because a
 * visitor can send anything: only http(s) addresses (an agent clicks them), and every part bounded, so one row stays
 * small however long the customer browses.
 */
@Repository
class Visits {

	static final int MAX_URL = 2048;
	static final int MAX_TITLE = 200;
	static final int MAX_PAGES = 20;
	static final Duration MAX_VISIT = Duration.ofDays(1);
	private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,3}");

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	Visits(JdbcClient jdbc, JsonMapper json, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.events = events;
	}

	/** What the widget sends: the pages of this visit, oldest first, the current one last. */
	@Schema(name = "VisitReport")
	record Report(@Nullable List<Page> pages, @Nullable String referrer, @Nullable String language) {
	}

	record Page(@Nullable String url, @Nullable String title, @Nullable Instant at) {
	}

	/** Replaces the conversation's visit with the one reported; device and browser come from the User-Agent. */
	@Transactional
	Visit save(Conversation conversation, Report report, @Nullable String userAgent) {
		Instant now = clock.instant();
		List<Visit.PageView> pages = pages(report.pages(), now);
		Visit.PageView current = pages.getLast();
		String referrer = blank(report.referrer()) ? null : address(report.referrer(), "visit-referrer");
		String language = blank(report.language()) ? null : language(report.language());
		Visit visit = new Visit(conversation.id(), current.url(), current.title(), referrer,
				UserAgents.device(userAgent), UserAgents.browser(userAgent), language, pages, now);
		if (!update(conversation, visit)) {
			try {
				jdbc.sql("""
						INSERT INTO conversation_visit (conversation_id, organization_id, page_url, page_title, referrer,
						  device, browser, language, pages, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
					.params(visit.conversationId(), conversation.organizationId(), visit.url(), visit.title(),
							visit.referrer(), visit.device(), visit.browser(), visit.language(),
							json.writeValueAsString(visit.pages()), SqlTime.of(now))
					.update();
			}
			catch (DuplicateKeyException raced) {
				update(conversation, visit);
			}
		}
		events.publishEvent(new VisitChanged(conversation.organizationId(), conversation.id(), conversation.agentId()));
		return visit;
	}

	private boolean update(Conversation conversation, Visit visit) {
		return jdbc.sql("""
				UPDATE conversation_visit SET page_url = ?, page_title = ?, referrer = ?, device = ?, browser = ?,
				  language = ?, pages = ?, updated_at = ? WHERE conversation_id = ? AND organization_id = ?""")
			.params(visit.url(), visit.title(), visit.referrer(), visit.device(), visit.browser(), visit.language(),
					json.writeValueAsString(visit.pages()), SqlTime.of(visit.updatedAt()), visit.conversationId(),
					conversation.organizationId())
			.update() == 1;
	}

	Optional<Visit> find(UUID organizationId, UUID conversationId) {
		return jdbc.sql("SELECT * FROM conversation_visit WHERE conversation_id = ? AND organization_id = ?")
			.params(conversationId, organizationId)
			.query((rs, n) -> new Visit(conversationId, rs.getString("page_url"), rs.getString("page_title"),
					rs.getString("referrer"), rs.getString("device"), rs.getString("browser"), rs.getString("language"),
					json.readValue(rs.getString("pages"), new TypeReference<List<Visit.PageView>>() {
					}), SqlTime.read(rs, "updated_at")))
			.optional();
	}

	private static List<Visit.PageView> pages(@Nullable List<Page> pages, Instant now) {
		if (pages == null || pages.isEmpty() || pages.size() > MAX_PAGES) {
			throw new RequestRejected("visit-pages", "a visit has 1 to " + MAX_PAGES + " pages, the current one last");
		}
		return pages.stream().map(page -> {
			if (page == null) {
				throw new RequestRejected("visit-pages", "a page must not be null");
			}
			String title = page.title() == null ? "" : Text.requireWellFormed(page.title().strip(), "title");
			if (title.length() > MAX_TITLE) {
				throw new RequestRejected("visit-title", "a page title has at most " + MAX_TITLE + " characters");
			}
			// A page's time comes from the visitor's clock (or is made up): never in the future of ours, and never
			// further back than a visit lasts, so an agent is not shown a page viewed in 1970.
			Instant at = page.at() == null || page.at().isAfter(now) || page.at().isBefore(now.minus(MAX_VISIT)) ? now
					: page.at();
			return new Visit.PageView(address(page.url(), "visit-url"), title, at);
		}).toList();
	}

	/** An http(s) address of at most 2 KB; anything else (javascript:, data:, relative) is refused. */
	private static String address(@Nullable String url, String code) {
		if (url == null || url.length() > MAX_URL || !Text.wellFormed(url)) {
			throw new RequestRejected(code, "an http(s) address of at most " + MAX_URL + " characters is required");
		}
		try {
			URI uri = new URI(url);
			String scheme = uri.getScheme();
			if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
					|| uri.getHost() == null) {
				throw new RequestRejected(code, "only http and https addresses are kept");
			}
			return url;
		}
		catch (URISyntaxException e) {
			throw new RequestRejected(code, "not an address: " + e.getReason());
		}
	}

	private static String language(String language) {
		if (language.length() > 35 || !LANGUAGE.matcher(language).matches()) {
			throw new RequestRejected("visit-language", "a language tag such as zh-CN is expected");
		}
		return language;
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}
}
