package dev.kefu.shared;

import org.springframework.http.HttpStatus;

/**
 * A rule of the domain said no. Each subclass states the fact; the web edge maps it to a problem detail with the
 * status and a stable machine-readable {@link #code()}.
 */
public abstract class DomainException extends RuntimeException {

	private final String code;

	protected DomainException(String code, String message) {
		super(message);
		this.code = code;
	}

	public String code() {
		return code;
	}

	public abstract HttpStatus status();
}
