package dev.kefu.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

import dev.kefu.shared.RequestRejected;

class HashingPoolTest {

	@Test
	void hashesOnItsOwnPlatformThreads() {
		try (HashingPool pool = new HashingPool(new RecordingEncoder(), 1, 1)) {
			assertThat(pool.encode("secret")).startsWith("password-hashing-");
			assertThat(pool.matches("secret", "anything")).isTrue();
		}
	}

	@Test
	void refusesAtOnceWithLoginBusyWhenThePoolAndQueueAreFull() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		CountDownLatch started = new CountDownLatch(1);
		PasswordEncoder slow = new RecordingEncoder() {
			@Override
			public boolean matches(CharSequence raw, String encoded) {
				started.countDown();
				try {
					return release.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException e) {
					throw new IllegalStateException(e);
				}
			}
		};
		try (HashingPool pool = new HashingPool(slow, 1, 1);
				ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
			CompletableFuture<Boolean> running = CompletableFuture.supplyAsync(() -> pool.matches("a", "x"), callers);
			assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
			CompletableFuture<Boolean> queued = CompletableFuture.supplyAsync(() -> pool.matches("b", "x"), callers);
			org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> queuedOne(pool));

			long before = System.nanoTime();
			assertThatThrownBy(() -> pool.matches("c", "x")).isInstanceOfSatisfying(RequestRejected.class,
					e -> assertThat(e.code()).isEqualTo("login-busy"));
			assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(1));

			release.countDown();
			assertThat(running.get(5, TimeUnit.SECONDS)).isTrue();
			assertThat(queued.get(5, TimeUnit.SECONDS)).isTrue();
		}
	}

	private static boolean queuedOne(HashingPool pool) {
		return pool.queued() == 1;
	}

	/** Answers with the name of the thread that did the work. */
	static class RecordingEncoder implements PasswordEncoder {

		@Override
		public String encode(CharSequence raw) {
			return Thread.currentThread().getName();
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			return !Thread.currentThread().isVirtual() && Thread.currentThread().getName().startsWith("password-hashing-");
		}
	}
}
