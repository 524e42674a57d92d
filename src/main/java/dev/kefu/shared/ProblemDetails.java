package dev.kefu.shared;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
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
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns domain exceptions into RFC 9457 problem details; the base class does the same for Spring's own errors
 * (malformed JSON, validation, wrong media type), to which this adds the stable {@code code} every Kefu problem has.
 */
@RestControllerAdvice
class ProblemDetails extends ResponseEntityExceptionHandler {

	@ExceptionHandler(DomainException.class)
	ResponseEntity<ProblemDetail> on(DomainException e) {
		return ResponseEntity.status(e.status()).body(problem(e.status(), e.code(), e.getMessage()));
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
		if (response != null && response.getBody() instanceof ProblemDetail problem) {
			String code = codeOf(e, status);
			problem.setType(URI.create("https://kefu.dev/problems/" + code));
			problem.setProperty("code", code);
		}
		return response;
	}

	private static String codeOf(Exception e, HttpStatusCode status) {
		return switch (e) {
			case HttpMessageNotReadableException unreadable -> "malformed-request";
			case HttpMediaTypeNotSupportedException unsupported -> "unsupported-media-type";
			case HttpRequestMethodNotSupportedException method -> "method-not-allowed";
			case MethodArgumentNotValidException invalid -> "invalid-request";
			case HandlerMethodValidationException invalid -> "invalid-request";
			case MaxUploadSizeExceededException tooLarge -> "file-too-large";
			case NoResourceFoundException missing -> "not-found";
			case MissingPathVariableException missing when missing.isMissingAfterConversion() -> "invalid-id";
			case TypeMismatchException mismatch when UUID.class.equals(mismatch.getRequiredType()) -> "invalid-id";
			case TypeMismatchException mismatch -> "invalid-parameter";
			default -> {
				HttpStatus known = HttpStatus.resolve(status.value());
				yield known == null ? "error-" + status.value()
						: known.name().toLowerCase(Locale.ROOT).replace('_', '-');
			}
		};
	}
}
