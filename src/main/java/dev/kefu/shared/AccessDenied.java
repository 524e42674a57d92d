package dev.kefu.shared;

import org.springframework.http.HttpStatus;

/** The caller is known but may not do this. */
public class AccessDenied extends DomainException {

	public AccessDenied(String message) {
		super("forbidden", message);
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.FORBIDDEN;
	}
}
