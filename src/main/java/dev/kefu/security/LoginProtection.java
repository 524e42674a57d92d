package dev.kefu.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Slows password guessing without locking the real user out. Two limits ({@link LoginRule}): per source address,
 * which stops one address from trying many usernames, and per account, which stops many addresses from trying one.
 * An address the account has logged in from before is exempt from the account's limit, so a flood of wrong
 * passwords from elsewhere never keeps the user out of their own account. Both limits answer at once with how long
 * to wait; nothing sleeps. Shared by all nodes through Redis when {@code kefu.cluster.redis-url} is set.
 */
@Component
class LoginProtection {

	private final LoginRecords records;
	private final LoginRule perAddress;
	private final LoginRule perAccount;
	private final Duration knownAddressFor;
	private final Clock clock;

	LoginProtection(LoginRecords records, LoginProperties properties, Clock clock) {
		this.records = records;
		this.perAddress = Objects.requireNonNull(properties.perAddress()).rule();
		this.perAccount = Objects.requireNonNull(properties.perAccount()).rule();
		this.knownAddressFor = properties.knownAddressFor();
		this.clock = clock;
	}

	/** One login attempt: who it is for and where it comes from. */
	record Attempt(String account, String address) {

		static Attempt of(String username, String remoteAddress) {
			return new Attempt(username.strip().toLowerCase(Locale.ROOT), source(remoteAddress));
		}
	}

	/** How long this attempt must wait before its password is even checked; zero when it may go ahead. */
	Duration wait(Attempt attempt) {
		Instant now = clock.instant();
		Duration address = perAddress.wait(records.failures("address:" + attempt.address()), now);
		if (records.known(attempt.account(), attempt.address())) {
			return address;
		}
		Duration account = perAccount.wait(records.failures("account:" + attempt.account()), now);
		return address.compareTo(account) >= 0 ? address : account;
	}

	void failed(Attempt attempt) {
		Instant now = clock.instant();
		records.fail("address:" + attempt.address(), now, perAddress.forgetAfter());
		records.fail("account:" + attempt.account(), now, perAccount.forgetAfter());
	}

	/**
	 * A good password: the account's failures are forgiven and the address is remembered. The address's failures
	 * stay, or an attacker could clear them by logging in to an account of their own between guesses.
	 */
	void succeeded(Attempt attempt) {
		records.forget("account:" + attempt.account());
		records.remember(attempt.account(), attempt.address(), knownAddressFor);
	}

	/**
	 * How long a second-step code (TOTP or recovery) for this staff member must wait. Wrong codes count like wrong
	 * passwords, per address and per account, but with no exemption for known addresses: whoever is at this step
	 * already has the password.
	 */
	Duration codeWait(UUID staffId, String remoteAddress) {
		Instant now = clock.instant();
		Duration address = perAddress.wait(records.failures("address:" + source(remoteAddress)), now);
		Duration account = perAccount.wait(records.failures("code:" + staffId), now);
		return address.compareTo(account) >= 0 ? address : account;
	}

	void codeFailed(UUID staffId, String remoteAddress) {
		Instant now = clock.instant();
		records.fail("address:" + source(remoteAddress), now, perAddress.forgetAfter());
		records.fail("code:" + staffId, now, perAccount.forgetAfter());
	}

	void codeSucceeded(UUID staffId) {
		records.forget("code:" + staffId);
	}

	/** IPv6 hands each host a /64, so one attacker has billions of addresses: count the /64 as one source. */
	static String source(String remoteAddress) {
		if (remoteAddress.indexOf(':') < 0) {
			return remoteAddress;
		}
		try {
			// A literal address is parsed, never looked up.
			byte[] bytes = InetAddress.getByName(remoteAddress).getAddress();
			return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : remoteAddress;
		}
		catch (UnknownHostException notALiteral) {
			return remoteAddress;
		}
	}

}
