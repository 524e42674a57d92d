package dev.kefu.shared;

import org.springframework.http.HttpStatus;

/** The input breaks a rule (too long, wrong type, unknown reference). Nothing was changed. */
public class RequestRejected extends DomainException {

	private final HttpStatus status;

	public RequestRejected(String code, String message) {
		this(code, message, HttpStatus.BAD_REQUEST);
	}

	public RequestRejected(String code, String message, HttpStatus status) {
		super(code, message);
		this.status = status;
	}

	@Override
	public HttpStatus status() {
		return status;
	}
}
