package dev.kefu.platform;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.kefu.organization.StaffMember;
import dev.kefu.organization.Tenants;
import dev.kefu.shared.StaffCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The platform operator's API. Spring Security lets any signed-in staff member reach it; every handler then requires
 * a platform operator ({@code 403 not-a-platform-operator} otherwise). API tokens are refused before (ApiScopes).
 */
@RestController
@RequestMapping("/api/v1/platform")
class PlatformController {

	private final Platform platform;
	private final PlatformOperators operators;

	PlatformController(Platform platform, PlatformOperators operators) {
		this.platform = platform;
		this.operators = operators;
	}

	@Schema(name = "PlatformLimits", description = "null: unlimited. Lowering a limit below use is allowed: it stops growth")
	record Limits(@Schema(description = "Enabled staff members", example = "20") @Nullable Integer maxSeats,
			@Schema(description = "Bytes of attachments", example = "10737418240") @Nullable Long maxStorageBytes,
			@Schema(description = "Requests of all its API tokens together, per minute (per node)", example = "600") @Nullable Integer apiRequestsPerMinute) {

		Tenants.Limits toTenant() {
			return new Tenants.Limits(maxSeats, maxStorageBytes, apiRequestsPerMinute);
		}

		static Limits of(Tenants.Limits limits) {
			return new Limits(limits.maxSeats(), limits.maxStorageBytes(), limits.apiRequestsPerMinute());
		}
	}

	@Schema(name = "PlatformUsage")
	record Usage(long seats, long storageBytes) {
	}

	@Schema(name = "PlatformOrganization")
	record OrganizationView(UUID id, String slug, String name, String timeZone, Tenants.Status status,
			Instant createdAt, @Nullable Instant suspendedAt, @Nullable String suspendedReason, Limits limits,
			Usage usage) {

		static OrganizationView of(Platform.Listed listed) {
			Tenants.Tenant t = listed.tenant();
			return new OrganizationView(t.id(), t.slug(), t.name(), t.timeZone(), t.status(), t.createdAt(),
					t.suspendedAt(), t.suspendedReason(), Limits.of(t.limits()),
					new Usage(listed.usage().seats(), listed.usage().storageBytes()));
		}
	}

	@Schema(name = "PlatformFirstAdmin")
	record FirstAdmin(@Schema(example = "acme-admin") @NotBlank @Size(max = 100) String username,
			@Schema(example = "Admin") @Nullable @Size(max = 200) String displayName,
			@Nullable @Size(max = 320) String email, @NotBlank @Size(max = 128) String password) {
	}

	@Schema(name = "PlatformNewOrganization")
	record NewOrganization(@Schema(example = "acme") @NotBlank @Size(max = 63) String slug,
			@Schema(example = "ACME Ltd.") @NotBlank @Size(max = 200) String name,
			@Schema(example = "Asia/Shanghai") @Nullable @Size(max = 64) String timeZone,
			@NotNull @Valid FirstAdmin admin) {
	}

	@Schema(name = "PlatformCreatedOrganization")
	record Created(OrganizationView organization, UUID adminId) {
	}

	@Schema(name = "PlatformSuspension")
	record Suspension(@Schema(example = "unpaid invoice") @Nullable @Size(max = 500) String reason) {
	}

	@Schema(name = "PlatformOperator")
	record OperatorView(UUID userId, UUID organizationId, @Nullable String organizationSlug, @Nullable String username,
			@Nullable String displayName, Instant grantedAt, @Nullable UUID grantedBy) {

		static OperatorView of(PlatformOperators.Operator o) {
			return new OperatorView(o.userId(), o.organizationId(), o.organizationSlug(), o.username(), o.displayName(),
					o.grantedAt(), o.grantedBy());
		}
	}

	@Schema(name = "PlatformNewOperator")
	record NewOperator(@NotNull UUID organizationId, @NotNull UUID userId) {
	}

	@Operation(summary = "Every organization with its status, limits and use")
	@GetMapping("/organizations")
	List<OrganizationView> organizations(@AuthenticationPrincipal @Nullable StaffCaller caller) {
		operators.require(caller);
		return platform.all().stream().map(OrganizationView::of).toList();
	}

	@Operation(summary = "Creates an organization and its first admin")
	@PostMapping("/organizations")
	@ResponseStatus(HttpStatus.CREATED)
	Created create(@AuthenticationPrincipal @Nullable StaffCaller caller, @Valid @RequestBody NewOrganization request) {
		StaffCaller operator = operators.require(caller);
		FirstAdmin admin = request.admin();
		StaffMember created = platform.create(operator, request.slug(), request.name(), request.timeZone(),
				new Platform.FirstAdmin(admin.username(), admin.displayName(), admin.email(), admin.password()));
		return new Created(OrganizationView.of(platform.one(created.organizationId())), created.id());
	}

	@Operation(summary = "Sets an organization's limits (null: unlimited)")
	@PutMapping("/organizations/{id}/limits")
	OrganizationView limits(@AuthenticationPrincipal @Nullable StaffCaller caller, @PathVariable UUID id,
			@Valid @RequestBody Limits limits) {
		platform.changeLimits(operators.require(caller), id, limits.toTenant());
		return OrganizationView.of(platform.one(id));
	}

	@Operation(summary = "Suspends an organization: its staff are signed out and cannot sign in, its widget says the "
			+ "service is unavailable, its API tokens and channel callbacks are refused")
	@PostMapping("/organizations/{id}/suspend")
	OrganizationView suspend(@AuthenticationPrincipal @Nullable StaffCaller caller, @PathVariable UUID id,
			@Valid @RequestBody(required = false) @Nullable Suspension suspension) {
		platform.suspend(operators.require(caller), id, suspension == null ? null : suspension.reason());
		return OrganizationView.of(platform.one(id));
	}

	@Operation(summary = "Serves a suspended organization again")
	@PostMapping("/organizations/{id}/resume")
	OrganizationView resume(@AuthenticationPrincipal @Nullable StaffCaller caller, @PathVariable UUID id) {
		platform.resume(operators.require(caller), id);
		return OrganizationView.of(platform.one(id));
	}

	@Operation(summary = "Deletes a suspended organization and all its data; confirm with its slug")
	@DeleteMapping("/organizations/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@AuthenticationPrincipal @Nullable StaffCaller caller, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable String confirm) {
		platform.delete(operators.require(caller), id, confirm);
	}

	@Operation(summary = "The platform operators")
	@GetMapping("/operators")
	List<OperatorView> operators(@AuthenticationPrincipal @Nullable StaffCaller caller) {
		operators.require(caller);
		return operators.all().stream().map(OperatorView::of).toList();
	}

	@Operation(summary = "Makes a staff member a platform operator")
	@PostMapping("/operators")
	@ResponseStatus(HttpStatus.CREATED)
	List<OperatorView> grant(@AuthenticationPrincipal @Nullable StaffCaller caller,
			@Valid @RequestBody NewOperator request) {
		StaffCaller operator = operators.require(caller);
		platform.operatorGranted(operator, operators.grant(operator, request.organizationId(), request.userId()));
		return operators.all().stream().map(OperatorView::of).toList();
	}

	@Operation(summary = "Takes platform operator away from someone (never from the last one)")
	@DeleteMapping("/operators/{userId}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void revoke(@AuthenticationPrincipal @Nullable StaffCaller caller, @PathVariable UUID userId) {
		StaffCaller operator = operators.require(caller);
		operators.revoke(userId);
		platform.operatorRevoked(operator, userId);
	}
}
