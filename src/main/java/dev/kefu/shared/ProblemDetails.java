package dev.kefu.shared;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns domain exceptions into RFC 9457 problem details; the base class does the same for Spring's own errors
 * (malformed JSON, validation, wrong media type), and {@link #handleExceptionInternal} gives those a stable
 * {@code code} too, so clients never have to parse the human-readable detail.
 */
@RestControllerAdvice
class ProblemDetails extends ResponseEntityExceptionHandler {

	@ExceptionHandler(DomainException.class)
	ResponseEntity<ProblemDetail> on(DomainException e) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status());
		ProblemDetail problem = problem(e.status(), e.code(), e.getMessage());
		if (e instanceof RateLimited limited) {
			response.header(HttpHeaders.RETRY_AFTER, String.valueOf(limited.retryAfterSeconds()));
			problem.setProperty("retryAfter", limited.retryAfterSeconds());
		}
		return response.body(problem);
	}

	/**
	 * Two requests changed the same rows at once and the database gave up on one (a deadlock, a lock timeout).
	 * Nothing was changed by the loser, so it may simply try again.
	 */
	@ExceptionHandler(ConcurrencyFailureException.class)
	ResponseEntity<ProblemDetail> on(ConcurrencyFailureException e) {
		return ResponseEntity.status(HttpStatus.CONFLICT)
			.body(problem(HttpStatus.CONFLICT, "concurrent-change",
					"another request changed the same thing at the same moment; nothing was changed, try again"));
	}

	public static ProblemDetail problem(HttpStatus status, String code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("https://kefu.dev/problems/" + code));
		problem.setTitle(status.getReasonPhrase());
		problem.setProperty("code", code);
		return problem;
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem
				&& (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
			String code = code(e, status);
			problem.setType(URI.create("https://kefu.dev/problems/" + code));
			problem.setProperty("code", code);
			if (e instanceof MethodArgumentNotValidException invalid) {
				describe(problem, invalid);
			}
		}
		return response;
	}

	private static void describe(ProblemDetail problem, MethodArgumentNotValidException invalid) {
		problem.setProperty("errors", invalid.getFieldErrors()
			.stream()
			.map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
			.toList());
		problem.setDetail("invalid fields: " + invalid.getFieldErrors()
			.stream()
			.map(error -> error.getField() + " " + error.getDefaultMessage())
			.sorted()
			.collect(Collectors.joining(", ")));
	}

	private static String code(Exception e, HttpStatusCode status) {
		return switch (e) {
			case HttpMessageNotReadableException x -> "malformed-request";
			case MethodArgumentNotValidException x -> "invalid-request";
			case HandlerMethodValidationException x -> "invalid-request";
			case MaxUploadSizeExceededException x -> "file-too-large";
			case MissingPathVariableException x when x.isMissingAfterConversion() -> "invalid-id";
			case TypeMismatchException x when UUID.class.equals(x.getRequiredType()) -> "invalid-id";
			case TypeMismatchException x -> "invalid-parameter";
			case MissingServletRequestParameterException x -> "missing-parameter";
			case HttpRequestMethodNotSupportedException x -> "method-not-allowed";
			case HttpMediaTypeNotSupportedException x -> "unsupported-media-type";
			case NoResourceFoundException x -> "not-found";
			default -> {
				HttpStatus known = HttpStatus.resolve(status.value());
				yield known == null ? "error" : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
			}
		};
	}
}
