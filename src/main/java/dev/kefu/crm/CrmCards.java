package dev.kefu.crm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import dev.kefu.contact.Contact;
import dev.kefu.contact.ContactErased;
import dev.kefu.contact.Contacts;
import dev.kefu.conversation.ConversationOpened;
import dev.kefu.shared.AfterCommit;
import dev.kefu.shared.ResourceNotFound;

/**
 * Contacts' CRM cards. The lookup starts when a chat opens, on a thread of its own after the opening has committed,
 * so a slow or broken CRM never holds up the chat; the desk asks for the card a moment later and gets the answer, or
 * {@code loading} while it is still on its way. Answers are kept per contact for the organization's cache time (a
 * failure for at most {@value #FAILURE_KEPT_SECONDS} s, so a CRM that comes back is seen soon) in a bounded cache
 * of this node's own: in a cluster each node looks a customer up at most once per cache time.
 */
@Service
@EnableConfigurationProperties(CrmProperties.class)
public class CrmCards {

	static final int FAILURE_KEPT_SECONDS = 30;

	/** One lookup of one contact: under way while {@code card} is not done. */
	private record Cached(UUID organizationId, Instant settingsChangedAt, Instant startedAt,
			CompletableFuture<CrmCard> card) {
	}

	private final CrmSettingsStore settings;
	private final CrmClient client;
	private final Contacts contacts;
	private final Clock clock;
	private final Duration wait;
	private final Map<UUID, Cached> cache;
	private final ExecutorService lookups = Executors.newVirtualThreadPerTaskExecutor();

	CrmCards(CrmSettingsStore settings, CrmClient client, Contacts contacts, Clock clock, CrmProperties properties) {
		this.settings = settings;
		this.client = client;
		this.contacts = contacts;
		this.clock = clock;
		// A little longer than a lookup may take, so the desk asking while one is under way gets its end.
		this.wait = properties.timeout().plusMillis(300);
		int size = properties.cacheSize();
		this.cache = new LinkedHashMap<>(256, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<UUID, Cached> eldest) {
				return size() > size;
			}
		};
	}

	@PreDestroy
	void stop() {
		lookups.shutdownNow();
	}

	/**
	 * A chat opened: look its customer up once that has committed, so the card is ready when the agent takes the
	 * chat. After commit by hand, not with {@code @TransactionalEventListener}: Spring Modulith records every
	 * transactional listener and marks it done on a second connection while the first is still held, which starved
	 * the pool when 200 chats opened at once.
	 */
	@EventListener
	void on(ConversationOpened opened) {
		AfterCommit.run(() -> lookups.execute(() -> current(opened.organizationId(), opened.contactId(), false)));
	}

	/**
	 * The contact's card as it is now, for staff of its organization (another organization's contact is not found).
	 * Waits a little for a lookup under way; {@code refresh} asks the CRM again unless a lookup is under way.
	 */
	public CrmCard card(UUID organizationId, UUID contactId, boolean refresh) {
		contacts.find(organizationId, contactId).orElseThrow(() -> new ResourceNotFound("contact", contactId));
		Optional<CompletableFuture<CrmCard>> card = current(organizationId, contactId, refresh);
		if (card.isEmpty()) {
			return CrmCard.notConfigured();
		}
		try {
			return card.get().get(wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException stillUnderWay) {
			return CrmCard.loading();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return CrmCard.loading();
		}
		catch (ExecutionException e) {
			throw new IllegalStateException("a CRM lookup failed unexpectedly", e.getCause());
		}
	}

	/** An admin's test: the CRM's answer for a made-up customer, never cached. */
	CrmCard test(UUID organizationId, CrmClient.Customer sample) {
		return settings.lookup(organizationId)
			.map(lookup -> client.test(organizationId, lookup, sample))
			.orElseGet(CrmCard::notConfigured);
	}

	/**
	 * An erased contact's card leaves this node's cache at once; other nodes' copies run out with the organization's
	 * cache time.
	 */
	@EventListener
	void on(ContactErased erased) {
		synchronized (cache) {
			erased.contactIds().forEach(cache::remove);
		}
	}

	/** The cached or under-way lookup of the contact, or a new one; empty when the organization has no CRM card. */
	private Optional<CompletableFuture<CrmCard>> current(UUID organizationId, UUID contactId, boolean refresh) {
		Optional<CrmSettingsStore.Lookup> configured = settings.lookup(organizationId);
		if (configured.isEmpty()) {
			return Optional.empty();
		}
		CrmSettingsStore.Lookup lookup = configured.get();
		Cached started;
		synchronized (cache) {
			Cached known = cache.get(contactId);
			if (known != null && usable(known, organizationId, lookup, refresh)) {
				return Optional.of(known.card());
			}
			started = new Cached(organizationId, lookup.changedAt(), clock.instant(), new CompletableFuture<>());
			cache.put(contactId, started);
		}
		lookups.execute(() -> started.card().complete(lookUp(organizationId, contactId, lookup)));
		return Optional.of(started.card());
	}

	private boolean usable(Cached known, UUID organizationId, CrmSettingsStore.Lookup lookup, boolean refresh) {
		if (!known.organizationId().equals(organizationId) || !known.settingsChangedAt().equals(lookup.changedAt())) {
			return false;
		}
		if (!known.card().isDone()) {
			return true;
		}
		if (refresh) {
			return false;
		}
		CrmCard card = known.card().join();
		long keptSeconds = card.isOk() ? lookup.cacheSeconds() : Math.min(lookup.cacheSeconds(), FAILURE_KEPT_SECONDS);
		return known.startedAt().plusSeconds(keptSeconds).isAfter(clock.instant());
	}

	private CrmCard lookUp(UUID organizationId, UUID contactId, CrmSettingsStore.Lookup lookup) {
		try {
			Optional<Contact> contact = contacts.find(organizationId, contactId);
			if (contact.isEmpty()) {
				return CrmCard.unavailable("unknown-contact", "the contact no longer exists", clock.instant());
			}
			Contact c = contact.get();
			return client.lookUp(organizationId, lookup,
					new CrmClient.Customer(c.id(), c.externalId(), c.verified(), c.name(), c.email(), c.phone()));
		}
		catch (RuntimeException e) {
			return CrmCard.unavailable("unreachable", "CRM lookup failed: " + e.getMessage(), clock.instant());
		}
	}
}
