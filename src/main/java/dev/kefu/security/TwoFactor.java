package dev.kefu.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.audit.AuditLog;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.StaffCaller;
import dev.kefu.shared.StateConflict;

/**
 * TOTP second factor of local accounts: enrolment (a secret, confirmed by a first code), the check at login, one-time
 * recovery codes, and turning it off. A code counts once: the step it was made for is remembered, and a code of that
 * step or an earlier one is refused after. One step either side of now is accepted, for clocks that drift.
 */
@Service
@EnableConfigurationProperties(TwoFactorProperties.class)
class TwoFactor {

	static final int RECOVERY_CODES = 10;

	private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private final JdbcClient jdbc;
	private final SecretBox box;
	private final AuditLog audit;
	private final SignInPolicy policy;
	private final TwoFactorProperties properties;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	TwoFactor(JdbcClient jdbc, SecretBox box, AuditLog audit, SignInPolicy policy, TwoFactorProperties properties,
			Clock clock) {
		this.jdbc = jdbc;
		this.box = box;
		this.audit = audit;
		this.policy = policy;
		this.properties = properties;
		this.clock = clock;
	}

	/** What the staff member sees of their own second factor: never the secret. */
	record Status(boolean enabled, @Nullable Instant enabledAt, int recoveryCodesLeft, boolean required) {
	}

	/** A started enrolment: shown once, to be typed or scanned into an authenticator app. */
	record Enrolment(String secret, String uri, String qrSvg) {
	}

	/** The recovery codes, shown once; only their hashes are kept. */
	record RecoveryCodes(List<String> recoveryCodes) {
	}

	Status status(UUID organizationId, UUID staffId) {
		Optional<Instant> enabledAt = confirmedAt(staffId);
		int left = enabledAt.isEmpty() ? 0
				: jdbc.sql("SELECT COUNT(*) FROM staff_recovery_code WHERE staff_id = ? AND used_at IS NULL")
					.param(staffId)
					.query(Integer.class)
					.single();
		return new Status(enabledAt.isPresent(), enabledAt.orElse(null), left, policy.requiresTwoFactor(organizationId));
	}

	boolean enabled(UUID staffId) {
		return confirmedAt(staffId).isPresent();
	}

	private Optional<Instant> confirmedAt(UUID staffId) {
		return jdbc.sql("SELECT confirmed_at FROM staff_totp WHERE staff_id = ? AND confirmed_at IS NOT NULL")
			.param(staffId)
			.query((rs, n) -> SqlTime.read(rs, "confirmed_at"))
			.optional();
	}

	/** Starts (or starts over) an enrolment with a new secret; refused while a confirmed one is in force. */
	@Transactional
	Enrolment start(UUID organizationId, UUID staffId, String username) {
		if (enabled(staffId)) {
			throw new StateConflict("two-factor-enabled", "two-factor sign-in is already on; turn it off first");
		}
		byte[] secret = new byte[20];
		random.nextBytes(secret);
		jdbc.sql("DELETE FROM staff_totp WHERE staff_id = ?").param(staffId).update();
		jdbc.sql("INSERT INTO staff_totp (staff_id, organization_id, secret, created_at) VALUES (?, ?, ?, ?)")
			.params(staffId, organizationId, box.seal(secret), SqlTime.of(clock.instant()))
			.update();
		String base32 = Totp.base32(secret);
		String issuer = properties.issuer();
		String uri = "otpauth://totp/" + encode(issuer) + ":" + encode(username) + "?secret=" + base32 + "&issuer="
				+ encode(issuer) + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
		return new Enrolment(base32, uri, QrSvg.of(uri));
	}

	/**
	 * Turns a started enrolment on with its first code, and hands out fresh recovery codes. {@code actor} is the
	 * staff member themselves (at login, before they have a session, too).
	 */
	@Transactional
	RecoveryCodes confirm(StaffCaller actor, String code, @Nullable String address) {
		UUID staffId = actor.userId();
		String secret = jdbc.sql("SELECT secret FROM staff_totp WHERE staff_id = ? AND confirmed_at IS NULL")
			.param(staffId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new StateConflict("no-enrolment", "start an enrolment first"));
		Long step = matchingStep(box.open(secret), code, null)
			.orElseThrow(() -> new RequestRejected("wrong-code",
					"that code is not the one the app shows now; check the phone's time"));
		jdbc.sql("UPDATE staff_totp SET confirmed_at = ?, last_step = ? WHERE staff_id = ? AND confirmed_at IS NULL")
			.params(SqlTime.of(clock.instant()), step, staffId)
			.update();
		RecoveryCodes codes = newRecoveryCodes(staffId);
		audit.record(actor, "staff.totp-enabled", "staff:" + staffId, null, address);
		return codes;
	}

	/** New recovery codes in place of the old ones, all of which stop working. */
	@Transactional
	RecoveryCodes renewRecoveryCodes(StaffCaller caller, String code, @Nullable String address) {
		requireCode(caller.userId(), code);
		RecoveryCodes codes = newRecoveryCodes(caller.userId());
		audit.record(caller, "staff.recovery-codes-renewed", "staff:" + caller.userId(), null, address);
		return codes;
	}

	/** The staff member turns their own second factor off, with a code; refused where the organization requires it. */
	@Transactional
	void disable(StaffCaller caller, String code, @Nullable String address) {
		if (policy.requiresTwoFactor(caller.organizationId())) {
			throw new StateConflict("two-factor-required", "your organization requires two-factor sign-in");
		}
		requireCode(caller.userId(), code);
		remove(caller.userId());
		audit.record(caller, "staff.totp-disabled", "staff:" + caller.userId(), null, address);
	}

	/** An admin resets a staff member's second factor (a lost phone): they enrol again, or sign in with none. */
	@Transactional
	boolean reset(StaffCaller admin, UUID staffId, String staffName, @Nullable String address) {
		boolean had = jdbc.sql("SELECT COUNT(*) FROM staff_totp WHERE staff_id = ?").param(staffId).query(Integer.class)
			.single() > 0;
		remove(staffId);
		audit.record(admin, "staff.totp-reset", "staff:" + staffId, staffName, address);
		return had;
	}

	private void remove(UUID staffId) {
		jdbc.sql("DELETE FROM staff_totp WHERE staff_id = ?").param(staffId).update();
		jdbc.sql("DELETE FROM staff_recovery_code WHERE staff_id = ?").param(staffId).update();
	}

	private void requireCode(UUID staffId, String code) {
		if (!verify(staffId, code)) {
			throw new RequestRejected("wrong-code", "wrong, expired or already used code");
		}
	}

	/**
	 * Whether the code is good for this staff member's confirmed second factor: a TOTP code of a step not used yet,
	 * or an unused recovery code, which is then used up. Each is settled by one conditional UPDATE, so two nodes
	 * given the same code at once accept it once.
	 */
	boolean verify(UUID staffId, String code) {
		String typed = code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
		if (typed.matches("\\d{" + Totp.DIGITS + "}")) {
			record Row(String secret, @Nullable Long lastStep) {
			}
			Optional<Row> row = jdbc
				.sql("SELECT secret, last_step FROM staff_totp WHERE staff_id = ? AND confirmed_at IS NOT NULL")
				.param(staffId)
				.query((rs, n) -> new Row(rs.getString("secret"), rs.getObject("last_step", Long.class)))
				.optional();
			if (row.isEmpty()) {
				return false;
			}
			Optional<Long> step = matchingStep(box.open(row.get().secret()), typed, row.get().lastStep());
			return step.isPresent() && jdbc.sql("""
					UPDATE staff_totp SET last_step = ?
					WHERE staff_id = ? AND confirmed_at IS NOT NULL AND (last_step IS NULL OR last_step < ?)""")
				.params(step.get(), staffId, step.get())
				.update() == 1;
		}
		if (!typed.matches("[a-z0-9]{10}")) {
			return false;
		}
		return jdbc.sql("UPDATE staff_recovery_code SET used_at = ? WHERE staff_id = ? AND code_hash = ? AND used_at IS NULL")
			.params(SqlTime.of(clock.instant()), staffId, StaffTokens.hash(typed))
			.update() == 1;
	}

	/** The step (now, or one either side) whose code this is, if it is later than the last one used. */
	private Optional<Long> matchingStep(byte[] secret, String code, @Nullable Long lastStep) {
		String typed = code.replaceAll("\\s", "");
		if (!typed.matches("\\d{" + Totp.DIGITS + "}")) {
			return Optional.empty();
		}
		long now = Totp.step(clock.instant());
		for (long step = now - 1; step <= now + 1; step++) {
			if ((lastStep == null || step > lastStep) && Totp.matches(secret, step, typed)) {
				return Optional.of(step);
			}
		}
		return Optional.empty();
	}

	private RecoveryCodes newRecoveryCodes(UUID staffId) {
		jdbc.sql("DELETE FROM staff_recovery_code WHERE staff_id = ?").param(staffId).update();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			StringBuilder code = new StringBuilder();
			for (int c = 0; c < 10; c++) {
				code.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
			}
			jdbc.sql("INSERT INTO staff_recovery_code (staff_id, code_hash) VALUES (?, ?)")
				.params(staffId, StaffTokens.hash(code.toString()))
				.update();
			codes.add(code.substring(0, 5) + "-" + code.substring(5));
		}
		return new RecoveryCodes(codes);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}
}
