package dev.kefu.security;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.shared.StaffCaller;

/** The organization's API tokens, for admins (/api/v1/admin/** is for admins; tokens themselves are refused here). */
@RestController
@RequestMapping("/api/v1/admin/api-tokens")
class ApiTokenController {

	private final ApiTokens tokens;

	ApiTokenController(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping
	List<ApiToken> list(@AuthenticationPrincipal StaffCaller caller) {
		return tokens.all(caller.organizationId());
	}

	/** The answer carries the secret, this once; only a hash of it is kept. */
	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	ApiToken.IssuedApiToken create(@AuthenticationPrincipal StaffCaller caller,
			@RequestBody ApiToken.NewApiToken request, HttpServletRequest http) {
		return tokens.create(caller, request, http.getRemoteAddr());
	}

	@GetMapping("/{id}")
	ApiToken get(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id) {
		return tokens.require(caller.organizationId(), id);
	}

	/** Revokes the token at once, on every node; it stays listed with its revocation time. */
	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@AuthenticationPrincipal StaffCaller caller, @PathVariable UUID id, HttpServletRequest http) {
		tokens.revoke(caller, id, http.getRemoteAddr());
	}
}
