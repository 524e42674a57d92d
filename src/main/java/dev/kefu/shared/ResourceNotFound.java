package dev.kefu.shared;

import org.springframework.http.HttpStatus;

/** Also used for resources of another organization, so that their existence does not leak. */
public class ResourceNotFound extends DomainException {

	public ResourceNotFound(String what, Object id) {
		super("not-found", what + " " + id + " was not found");
	}

	@Override
	public HttpStatus status() {
		return HttpStatus.NOT_FOUND;
	}
}
