package dev.kefu.crm;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.kefu.shared.Ids;
import dev.kefu.shared.StandardWebhookSignature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks an organization's CRM about one customer: a POST of the customer's identity, signed like Kefu's webhooks
 * (Standard Webhooks headers), answered within {@code kefu.crm.timeout} in all, or the card says the CRM is
 * unavailable and why. Never throws: whatever goes wrong is a reason on the card. Redirects are not followed (they
 * could lead to an internal address the target check never saw).
 */
@Component
class CrmClient {

	/** An answer larger than this is no card (and must not fill the memory). */
	static final int MAX_ANSWER_BYTES = 64 * 1024;

	/** Who the lookup is about: the contact's id, the host site's user id when verified, and what the profile holds. */
	record Customer(UUID contactId, @Nullable String externalId, boolean verified, @Nullable String name,
			@Nullable String email, @Nullable String phone) {
	}

	private final CrmTargets targets;
	private final Clock clock;
	private final Duration timeout;
	private final JsonMapper json;
	private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
	private final HttpClient http;

	CrmClient(CrmTargets targets, Clock clock, CrmProperties properties, JsonMapper json) {
		this.targets = targets;
		this.clock = clock;
		this.timeout = properties.timeout();
		this.json = json;
		this.http = HttpClient.newBuilder()
			.connectTimeout(timeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.executor(calls)
			.build();
	}

	/** Lookups under way end with the application; they would only be thrown away. */
	@PreDestroy
	void stop() {
		calls.shutdownNow();
		http.shutdownNow();
	}

	/** The CRM's card for the customer; waits at most the timeout (the calling thread is meant to be virtual). */
	CrmCard lookUp(UUID organizationId, CrmSettingsStore.Lookup lookup, Customer customer) {
		return lookUp(organizationId, lookup, customer, false);
	}

	/** An admin's test lookup of a made-up customer, marked {@code "test": true} so the CRM can tell. */
	CrmCard test(UUID organizationId, CrmSettingsStore.Lookup lookup, Customer sample) {
		return lookUp(organizationId, lookup, sample, true);
	}

	private CrmCard lookUp(UUID organizationId, CrmSettingsStore.Lookup lookup, Customer customer, boolean test) {
		Future<CrmCard> call = calls.submit(() -> call(organizationId, lookup, customer, test));
		try {
			return call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException e) {
			call.cancel(true);
			return timedOut();
		}
		catch (InterruptedException e) {
			call.cancel(true);
			Thread.currentThread().interrupt();
			return timedOut();
		}
		catch (ExecutionException e) {
			return CrmCard.unavailable("unreachable", "CRM could not be reached: " + e.getCause(), clock.instant());
		}
	}

	private CrmCard call(UUID organizationId, CrmSettingsStore.Lookup lookup, Customer customer, boolean test) {
		URI uri = URI.create(lookup.url());
		String refusal = targets.refusal(uri.getHost());
		if (refusal != null) {
			return CrmCard.unavailable("forbidden-target", "CRM lookup not sent: " + refusal, clock.instant());
		}
		String body = json.writeValueAsString(body(organizationId, customer, test));
		String id = "crm_" + Ids.newId();
		long timestamp = clock.instant().getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(timeout)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("User-Agent", "Kefu-CRM-Lookup")
			.header("webhook-id", id)
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature", StandardWebhookSignature.sign(lookup.secret(), id, timestamp, body))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
			byte[] answer;
			try (InputStream in = response.body()) {
				answer = in.readNBytes(MAX_ANSWER_BYTES + 1);
			}
			if (response.statusCode() / 100 != 2) {
				return CrmCard.unavailable("http-status", "CRM answered HTTP " + response.statusCode(), clock.instant());
			}
			if (answer.length > MAX_ANSWER_BYTES) {
				return CrmCard.unavailable("bad-answer",
						"CRM answer is larger than " + MAX_ANSWER_BYTES / 1024 + " KB", clock.instant());
			}
			return CardAnswer.read(new String(answer, StandardCharsets.UTF_8), clock.instant());
		}
		catch (CardAnswer.NotACard e) {
			return CrmCard.unavailable("bad-answer", "CRM answer is not a card: " + e.getMessage(), clock.instant());
		}
		catch (HttpTimeoutException e) {
			return timedOut();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return timedOut();
		}
		catch (IOException e) {
			return CrmCard.unavailable("unreachable", "CRM could not be reached: " + e.getMessage(), clock.instant());
		}
	}

	private Map<String, Object> body(UUID organizationId, Customer customer, boolean test) {
		// What Kefu does not know is left out, not sent as null.
		Map<String, Object> contact = new LinkedHashMap<>();
		contact.put("id", customer.contactId());
		putIfKnown(contact, "externalId", customer.externalId());
		contact.put("verified", customer.verified());
		putIfKnown(contact, "name", customer.name());
		putIfKnown(contact, "email", customer.email());
		putIfKnown(contact, "phone", customer.phone());
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "contact.lookup");
		body.put("organizationId", organizationId);
		body.put("contact", contact);
		if (test) {
			body.put("test", true);
		}
		return body;
	}

	private static void putIfKnown(Map<String, Object> map, String key, @Nullable String value) {
		if (value != null) {
			map.put(key, value);
		}
	}

	private CrmCard timedOut() {
		return CrmCard.unavailable("timeout", "CRM did not answer within " + seconds(timeout), clock.instant());
	}

	/** "2 s", "0.5 s". */
	static String seconds(Duration duration) {
		double seconds = duration.toMillis() / 1000.0;
		return (seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds)) + " s";
	}
}
