package dev.kefu.security;

import java.time.Duration;
import java.time.Instant;

import dev.kefu.security.LoginRule.Failures;

/**
 * What login protection remembers: failures in a row per key, and the addresses each account has logged in from.
 * On one node it lives in memory; in a cluster in Redis, so every node counts the same failures.
 */
interface LoginRecords {

	Failures failures(String key);

	/** Counts one more failure at {@code now}; the count is forgotten {@code forgetAfter} after the last one. */
	void fail(String key, Instant now, Duration forgetAfter);

	void forget(String key);

	boolean known(String account, String address);

	void remember(String account, String address, Duration forHowLong);
}
