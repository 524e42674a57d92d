package dev.kefu.shared;

import org.springframework.http.HttpStatus;

/** The request is valid but the resource is not in a state that allows it (closing a closed chat, ...). */
public class StateConflict extends DomainException {

	public StateConflict(String code, String message) {
		super(code, message);
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.CONFLICT;
	}
}
