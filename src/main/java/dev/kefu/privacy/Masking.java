package dev.kefu.privacy;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

import dev.kefu.audit.AuditLog;
import dev.kefu.shared.Permission;
import dev.kefu.shared.AccessDenied;
import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.StaffCaller;

/**
 * The privacy module's API. Modules that store what people wrote call {@link #mask} on the text before they store it,
 * and {@link #keep} in the storing transaction; everything derived from the stored text (transcripts, exports,
 * webhooks, mails, the search index) is then masked without knowing it.
 */
@Service
@EnableConfigurationProperties(PrivacyProperties.class)
public class Masking {

	/** The subject type of a chat message's kept clear text; its scope is the conversation. */
	public static final String MESSAGE = "message";

	/** The subject type of a left message's (ticket entry's) kept clear text; its scope is the ticket. */
	public static final String TICKET_ENTRY = "ticket-entry";

	private static final Logger log = LoggerFactory.getLogger(Masking.class);

	private final PrivacyStore store;
	private final SealedTexts secrets;
	private final AuditLog audit;
	private final PrivacyProperties properties;
	private final Set<UUID> slowPatternsLogged = ConcurrentHashMap.newKeySet();

	Masking(PrivacyStore store, SealedTexts secrets, AuditLog audit, PrivacyProperties properties) {
		this.store = store;
		this.secrets = secrets;
		this.audit = audit;
		this.properties = properties;
	}

	/** The text as it may be stored: card and resident ID numbers and the organization's own patterns masked. */
	public Masked mask(UUID organizationId, String text) {
		if (text.isEmpty()) {
			return Masked.unchanged(text);
		}
		PrivacyStore.Policy policy = store.policy(organizationId);
		String masked = applyOwn(policy, SensitiveNumbers.mask(text));
		if (masked.equals(text)) {
			return Masked.unchanged(text);
		}
		boolean keep = policy.mode() == MaskingMode.ON_DISPLAY && secrets.configured();
		return new Masked(masked, true, keep ? text : null);
	}

	/** Seals the clear text of a masked text, in the caller's transaction, when the organization masks on display. */
	public void keep(UUID organizationId, String subjectType, UUID subjectId, @Nullable UUID scopeId, Masked masked) {
		String clear = masked.clear();
		if (clear != null) {
			secrets.keep(organizationId, subjectType, subjectId, scopeId, clear);
		}
	}

	/**
	 * Forgets the clear texts kept for everything in a scope (the messages of a conversation, the entries of a left
	 * message), in the caller's transaction: erasing or deleting the scope's text must not leave the numbers behind.
	 */
	public void forget(UUID organizationId, String subjectType, UUID scopeId) {
		secrets.forget(organizationId, subjectType, scopeId);
	}

	/**
	 * The clear text of something masked on display, for a permitted staff member; audited as
	 * {@code <subjectType>.revealed}. Not found when nothing was kept for it in the caller's organization.
	 */
	public String reveal(StaffCaller caller, String subjectType, UUID subjectId, @Nullable UUID scopeId,
			@Nullable String sourceAddress) {
		if (!mayReveal(caller)) {
			throw new AccessDenied("revealing masked numbers needs the admin or supervisor role");
		}
		String clear = secrets.open(caller.organizationId(), subjectType, subjectId, scopeId)
			.orElseThrow(() -> new ResourceNotFound(subjectType, subjectId));
		audit.record(caller, subjectType + ".revealed", subjectType + ":" + subjectId,
				scopeId == null ? null : "in " + scopeId, sourceAddress);
		return clear;
	}

	/**
	 * Who may see clear numbers: a person holding {@code data.reveal} (admins and supervisors among the presets), never
	 * an API token.
	 */
	public static boolean mayReveal(StaffCaller caller) {
		return !caller.apiToken() && caller.may(Permission.DATA_REVEAL);
	}

	/** Whether the organization masks on display, so screens offer a reveal. */
	public MaskingMode mode(UUID organizationId) {
		return store.policy(organizationId).mode();
	}

	private String applyOwn(PrivacyStore.Policy policy, String text) {
		if (policy.patterns().isEmpty()) {
			return text;
		}
		long deadline = System.nanoTime() + properties.patternBudget().toNanos();
		String result = text;
		for (OwnPattern pattern : policy.patterns()) {
			try {
				result = replace(pattern, result, deadline);
			}
			catch (PatternTimedOut slow) {
				if (slowPatternsLogged.add(pattern.id())) {
					log.warn("Privacy pattern {} ({}) took longer than {} on a text and was skipped for it; it is"
							+ " logged once", pattern.id(), pattern.name(), properties.patternBudget());
				}
				// Own patterns are given up for this text as a whole; the built-in masking (already done) stays.
				return text;
			}
		}
		return result;
	}

	static String replace(OwnPattern pattern, String text, long deadlineNanos) {
		Matcher matcher = pattern.compiled().matcher(new DeadlineText(text, deadlineNanos));
		StringBuilder out = new StringBuilder(text.length());
		int last = 0;
		while (matcher.find()) {
			if (matcher.end() == matcher.start()) {
				continue;
			}
			out.append(text, last, matcher.start());
			String replacement = pattern.replacement();
			int length = matcher.end() - matcher.start();
			// Never longer than what it replaces: a masked text still fits where the clear one did.
			out.append(replacement != null && replacement.length() <= length ? replacement : "*".repeat(length));
			last = matcher.end();
		}
		out.append(text, last, text.length());
		return out.toString();
	}

	/** The masking of a sample text, for the admin screen that tries patterns out. */
	String sample(UUID organizationId, String text) {
		return applyOwn(store.policy(organizationId), SensitiveNumbers.mask(text));
	}

	boolean keyConfigured() {
		return secrets.configured();
	}
}
