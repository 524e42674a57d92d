package dev.kefu.privacy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.audit.AuditLog;
import dev.kefu.shared.Permission;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.StaffCaller;
import dev.kefu.shared.StateConflict;
import dev.kefu.shared.Text;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The organization's masking settings (admins) and the reveal of a masked message (admins and supervisors, in the
 * mask-on-display mode).
 */
@RestController
class PrivacyController {

	static final int MAX_PATTERNS = 50;
	static final int MAX_SAMPLE = 5000;

	private final PrivacyStore store;
	private final Masking masking;
	private final AuditLog audit;

	PrivacyController(PrivacyStore store, Masking masking, AuditLog audit) {
		this.audit = audit;
		this.store = store;
		this.masking = masking;
	}

	/** {@code keyConfigured}: whether the on-display mode can be chosen. */
	@Schema(name = "PrivacySettings")
	record Settings(String mode, boolean keyConfigured) {
	}

	@Schema(name = "PrivacySettingsBody")
	record SettingsBody(@Nullable String mode) {
	}

	record PatternBody(@Nullable String name, @Nullable String regex, @Nullable String replacement) {
	}

	record PatternView(UUID id, String name, String regex, @Nullable String replacement) {

		static PatternView of(OwnPattern pattern) {
			return new PatternView(pattern.id(), pattern.name(), pattern.regex(), pattern.replacement());
		}
	}

	@Schema(name = "PrivacySample")
	record Sample(@Nullable String text) {
	}

	record SampleResult(String text, boolean masked) {
	}

	record Revealed(UUID messageId, String text) {
	}

	@GetMapping("/api/v1/admin/privacy/settings")
	Settings settings(@AuthenticationPrincipal StaffCaller caller) {
		requireAdmin(caller);
		return new Settings(store.mode(caller.organizationId()).name(), masking.keyConfigured());
	}

	@Transactional
	@PutMapping("/api/v1/admin/privacy/settings")
	Settings saveSettings(@AuthenticationPrincipal StaffCaller caller, @RequestBody SettingsBody body) {
		requireAdmin(caller);
		MaskingMode mode;
		try {
			mode = MaskingMode.valueOf(String.valueOf(body.mode()));
		}
		catch (IllegalArgumentException unknown) {
			throw new RequestRejected("invalid-masking-mode", "mode must be AT_REST or ON_DISPLAY");
		}
		if (mode == MaskingMode.ON_DISPLAY && !masking.keyConfigured()) {
			throw new StateConflict("privacy-key-missing", "masking on display keeps clear numbers encrypted, and no"
					+ " key is configured: set kefu.privacy.key (base64 of 32 bytes) on every node first");
		}
		MaskingMode before = store.mode(caller.organizationId());
		store.saveMode(caller.organizationId(), mode);
		audit.entry(caller, "privacy.mode-changed")
			.target("privacy")
			.before(Map.of("mode", before.name()))
			.after(Map.of("mode", mode.name()))
			.record();
		return new Settings(mode.name(), masking.keyConfigured());
	}

	@GetMapping("/api/v1/admin/privacy/patterns")
	List<PatternView> patterns(@AuthenticationPrincipal StaffCaller caller) {
		requireAdmin(caller);
		return store.patterns(caller.organizationId()).stream().map(PatternView::of).toList();
	}

	@Transactional
	@PostMapping("/api/v1/admin/privacy/patterns")
	@ResponseStatus(HttpStatus.CREATED)
	PatternView addPattern(@AuthenticationPrincipal StaffCaller caller, @RequestBody PatternBody body) {
		requireAdmin(caller);
		String name = body.name() == null ? "" : body.name().strip();
		if (name.isEmpty() || name.length() > 100) {
			throw new RequestRejected("invalid-pattern-name", "name must be 1 to 100 characters");
		}
		Text.requireWellFormed(name, "name");
		String regex = body.regex() == null ? "" : body.regex();
		if (regex.isEmpty() || regex.length() > 500) {
			throw new RequestRejected("invalid-regex", "regex must be 1 to 500 characters");
		}
		String replacement = body.replacement() == null || body.replacement().isEmpty() ? null : body.replacement();
		if (replacement != null && replacement.length() > 100) {
			throw new RequestRejected("invalid-replacement", "replacement must be at most 100 characters");
		}
		if (replacement != null) {
			Text.requireWellFormed(replacement, "replacement");
		}
		PatternCheck.check(regex);
		if (store.patterns(caller.organizationId()).size() >= MAX_PATTERNS) {
			throw new RequestRejected("too-many-patterns", "an organization may have at most " + MAX_PATTERNS
					+ " patterns");
		}
		PatternView added = PatternView.of(store.addPattern(caller.organizationId(), name, regex, replacement));
		audit.entry(caller, "privacy.pattern-added").target("privacy-pattern:" + added.id()).after(added).record();
		return added;
	}

	@Transactional
	@DeleteMapping("/api/v1/admin/privacy/patterns/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void removePattern(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		requireAdmin(caller);
		store.removePattern(caller.organizationId(), id);
		audit.entry(caller, "privacy.pattern-removed").target("privacy-pattern:" + id).record();
	}

	/** How a text would be stored, with the organization's patterns as saved. */
	@PostMapping("/api/v1/admin/privacy/test")
	SampleResult test(@AuthenticationPrincipal StaffCaller caller, @RequestBody Sample body) {
		requireAdmin(caller);
		String text = body.text() == null ? "" : body.text();
		if (text.length() > MAX_SAMPLE) {
			throw new RequestRejected("sample-too-long", "a sample may have at most " + MAX_SAMPLE + " characters");
		}
		String masked = masking.sample(caller.organizationId(), text);
		return new SampleResult(masked, !masked.equals(text));
	}

	/** For the desk: whether to offer a reveal on masked messages (the mode is on display and the caller may). */
	record RevealPolicy(String mode, boolean mayReveal) {
	}

	@GetMapping("/api/v1/privacy/reveal-policy")
	RevealPolicy revealPolicy(@AuthenticationPrincipal StaffCaller caller) {
		MaskingMode mode = masking.mode(caller.organizationId());
		return new RevealPolicy(mode.name(), mode == MaskingMode.ON_DISPLAY && Masking.mayReveal(caller));
	}

	/** The clear text of a message masked on display; 404 when none was kept (masked at rest, or not masked). */
	@PostMapping("/api/v1/conversations/{conversationId}/messages/{messageId}/reveal")
	Revealed reveal(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID conversationId,
			@PathVariable UUID messageId, HttpServletRequest http) {
		return new Revealed(messageId,
				masking.reveal(caller, Masking.MESSAGE, messageId, conversationId, http.getRemoteAddr()));
	}

	private static void requireAdmin(StaffCaller caller) {
		caller.require(Permission.SETTINGS_MANAGE);
	}

	/** A pattern is refused when it does not compile, matches an empty text, or backtracks catastrophically. */
	static final class PatternCheck {

		/**
		 * Texts on which nested repetition explodes: long runs of one character, then one that fails the match. Java
		 * memoizes the simplest cases, making them polynomial rather than exponential; at a message's length that is
		 * still too slow, so the runs are long.
		 */
		private static final List<String> HOSTILE = List.of("a".repeat(1000) + "!", "0".repeat(1000) + "!",
				"A1".repeat(500) + "!", " ".repeat(1000) + "!", "PL" + "1".repeat(1000) + "x");

		private PatternCheck() {
		}

		static void check(String regex) {
			Pattern pattern;
			try {
				pattern = Pattern.compile(regex);
			}
			catch (PatternSyntaxException invalid) {
				throw new RequestRejected("invalid-regex", "the regex does not compile: " + invalid.getDescription()
						+ " near index " + invalid.getIndex());
			}
			if (pattern.matcher("").matches() || matchesEmpty(pattern, "abc 123")) {
				throw new RequestRejected("regex-matches-empty",
						"the regex matches an empty text, so it would mask nothing or everything");
			}
			for (String hostile : HOSTILE) {
				try {
					long deadline = System.nanoTime() + 100_000_000L;
					pattern.matcher(new DeadlineText(hostile, deadline)).find();
				}
				catch (PatternTimedOut slow) {
					throw new RequestRejected("regex-too-slow", "the regex backtracks too much on a long text"
							+ " (nested repetition, a back reference in a repeated group): it would slow down every message");
				}
				catch (StackOverflowError deep) {
					throw new RequestRejected("regex-too-slow", "the regex recurses too deeply");
				}
			}
		}

		private static boolean matchesEmpty(Pattern pattern, String text) {
			var matcher = pattern.matcher(text);
			while (matcher.find()) {
				if (matcher.end() == matcher.start()) {
					return true;
				}
			}
			return false;
		}
	}
}
