package dev.kefu.organization;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;

import dev.kefu.shared.RequestRejected;

/**
 * A password encoder that hashes on a bounded pool of platform threads and queue. The caller (a virtual thread)
 * waits without holding a carrier thread; when the queue is full the call is refused at once with
 * {@code login-busy} instead of piling up, so a login flood costs at most the pool's threads, never the chats.
 */
final class HashingPool implements PasswordEncoder, AutoCloseable {

	private final PasswordEncoder encoder;
	private final ThreadPoolExecutor pool;
	private final HashingBudget budget;

	HashingPool(PasswordEncoder encoder, int threads, int queue) {
		this(encoder, threads, queue, 1.0);
	}

	/** {@code cpuShare}: the share of the threads' time that hashing may take, over any second (see {@link HashingBudget}). */
	HashingPool(PasswordEncoder encoder, int threads, int queue, double cpuShare) {
		this.encoder = encoder;
		this.budget = new HashingBudget(cpuShare, threads, System::nanoTime);
		this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
				Thread.ofPlatform().name("password-hashing-", 0).daemon().factory(),
				new ThreadPoolExecutor.AbortPolicy());
	}

	@Override
	public String encode(CharSequence rawPassword) {
		// Setting a password is an admin's or the owner's deliberate act, not something a flood can do: no share.
		return run(() -> encoder.encode(rawPassword), false);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		return run(() -> encoder.matches(rawPassword, encodedPassword), true);
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return encoder.upgradeEncoding(encodedPassword);
	}

	private <T> T run(Callable<T> hashing, boolean withinShare) {
		if (withinShare && !budget.admits()) {
			throw busy();
		}
		Future<T> result;
		try {
			result = pool.submit(() -> timed(hashing));
		}
		catch (RejectedExecutionException full) {
			throw busy();
		}
		try {
			return result.get();
		}
		catch (ExecutionException e) {
			throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
		}
		catch (InterruptedException e) {
			result.cancel(true);
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while hashing a password", e);
		}
	}

	private <T> T timed(Callable<T> hashing) throws Exception {
		long started = System.nanoTime();
		try {
			return hashing.call();
		}
		finally {
			budget.spent(System.nanoTime() - started);
		}
	}

	private static RequestRejected busy() {
		return new RequestRejected("login-busy", "too many logins at once; try again in a moment",
				HttpStatus.SERVICE_UNAVAILABLE);
	}

	/** Hashings waiting for a thread. */
	int queued() {
		return pool.getQueue().size();
	}

	@Override
	public void close() {
		pool.shutdownNow();
	}
}
