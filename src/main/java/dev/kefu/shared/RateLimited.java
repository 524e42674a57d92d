package dev.kefu.shared;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/** Too many requests of one kind from one source; nothing was done. The caller may try again after a while. */
public class RateLimited extends DomainException {

	private final Duration retryAfter;

	public RateLimited(String message, Duration retryAfter) {
		this("rate-limited", message, retryAfter);
	}

	public RateLimited(String code, String message, Duration retryAfter) {
		super(code, message);
		this.retryAfter = retryAfter;
	}

	/** How long until a retry can succeed, rounded up to whole seconds for the {@code Retry-After} header. */
	public long retryAfterSeconds() {
		return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.TOO_MANY_REQUESTS;
	}
}
