package dev.kefu.platform;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.audit.AuditLog;
import dev.kefu.organization.Organization;
import dev.kefu.organization.Organizations;
import dev.kefu.organization.StaffMember;
import dev.kefu.organization.StaffMembers;
import dev.kefu.organization.StoredBytes;
import dev.kefu.organization.Tenants;
import dev.kefu.organization.Tenants.Tenant;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.Role;
import dev.kefu.shared.StaffCaller;
import dev.kefu.shared.StateConflict;
import dev.kefu.shared.Text;

/**
 * What a platform operator does to organizations. Each action is audited in the operator's own organization, and in
 * the organization acted on while it exists, so that its admins can see who suspended or limited it.
 */
@Service
class Platform {

	/** An organization with what it uses against its limits. */
	record Usage(long seats, long storageBytes) {
	}

	record Listed(Tenant tenant, Usage usage) {
	}

	/** A new organization's first admin; the password policy of every account applies. */
	record FirstAdmin(@Nullable String username, @Nullable String displayName, @Nullable String email,
			@Nullable String password) {
	}

	private final Tenants tenants;
	private final Organizations organizations;
	private final StaffMembers staff;
	private final List<StoredBytes> stored;
	private final OrganizationPurge purge;
	private final AuditLog audit;

	Platform(Tenants tenants, Organizations organizations, StaffMembers staff, List<StoredBytes> stored,
			OrganizationPurge purge, AuditLog audit) {
		this.tenants = tenants;
		this.organizations = organizations;
		this.staff = staff;
		this.stored = stored;
		this.purge = purge;
		this.audit = audit;
	}

	List<Listed> all() {
		return tenants.all().stream().map(tenant -> new Listed(tenant, usage(tenant.id()))).toList();
	}

	Listed one(UUID organizationId) {
		return new Listed(tenants.require(organizationId), usage(organizationId));
	}

	Usage usage(UUID organizationId) {
		return new Usage(tenants.seatsUsed(organizationId),
				stored.stream().mapToLong(each -> each.of(organizationId)).sum());
	}

	/** The organization and its admin, both or neither. */
	@Transactional
	StaffMember create(StaffCaller operator, String slug, String name, @Nullable String timeZone, FirstAdmin admin) {
		String n = Text.requireWellFormed(name.strip(), "name");
		if (n.isEmpty() || n.length() > 200) {
			throw new RequestRejected("invalid-name", "an organization's name has 1 to 200 characters");
		}
		if (admin.username() == null || admin.password() == null) {
			throw new RequestRejected("invalid-admin", "the first admin needs a username and a password");
		}
		String displayName = admin.displayName() == null || admin.displayName().isBlank() ? "Admin"
				: admin.displayName();
		Organization organization = organizations.create(slug, n,
				timeZone == null || timeZone.isBlank() ? "UTC" : timeZone.strip());
		StaffMember created = staff.create(organization.id(), admin.username(), admin.password(),
				new StaffMembers.Profile(displayName, blankToNull(admin.email()), Set.of(Role.ADMIN, Role.SUPERVISOR), 0,
						true, List.of()));
		audited(operator, organization.id(), "platform.organization-created", organization.slug() + " (" + n + ")");
		return created;
	}

	@Transactional
	Tenant changeLimits(StaffCaller operator, UUID organizationId, Tenants.Limits limits) {
		Tenant changed = tenants.changeLimits(organizationId, limits);
		audited(operator, organizationId, "platform.limits-changed", changed.slug() + ": seats " + show(limits.maxSeats())
				+ ", storage " + show(limits.maxStorageBytes()) + " bytes, API " + show(limits.apiRequestsPerMinute())
				+ "/min");
		return changed;
	}

	@Transactional
	Tenant suspend(StaffCaller operator, UUID organizationId, @Nullable String reason) {
		notOwn(operator, organizationId, "suspend");
		Tenant suspended = tenants.suspend(organizationId, reason);
		audited(operator, organizationId, "platform.organization-suspended",
				suspended.slug() + (suspended.suspendedReason() == null ? "" : ": " + suspended.suspendedReason()));
		return suspended;
	}

	@Transactional
	Tenant resume(StaffCaller operator, UUID organizationId) {
		Tenant resumed = tenants.resume(organizationId);
		audited(operator, organizationId, "platform.organization-resumed", resumed.slug());
		return resumed;
	}

	/**
	 * Deletes a suspended organization and everything of it, when {@code confirm} is its slug; never the operator's
	 * own. Suspending first gives its people time to notice, and makes a deletion two deliberate steps.
	 */
	@Transactional
	void delete(StaffCaller operator, UUID organizationId, @Nullable String confirm) {
		notOwn(operator, organizationId, "delete");
		Tenant tenant = tenants.require(organizationId);
		if (tenant.status() != Tenants.Status.SUSPENDED) {
			throw new StateConflict("organization-active", "suspend the organization before deleting it");
		}
		if (!tenant.slug().equals(confirm)) {
			throw new RequestRejected("confirmation-mismatch",
					"to delete, repeat the organization's slug as ?confirm=" + tenant.slug());
		}
		purge.purge(organizationId);
		tenants.forget(organizationId);
		// The organization's own log went with it: the record is the operator's.
		audit.entry(operator, "platform.organization-deleted")
			.target("organization:" + organizationId)
			.detail(tenant.slug() + " (" + tenant.name() + ")")
			.record();
	}

	void operatorGranted(StaffCaller operator, StaffMember member) {
		audited(operator, member.organizationId(), "platform.operator-granted", member.username());
	}

	void operatorRevoked(StaffCaller operator, UUID userId) {
		audit.entry(operator, "platform.operator-revoked").target("staff:" + userId).record();
	}

	private static void notOwn(StaffCaller operator, UUID organizationId, String what) {
		if (operator.organizationId().equals(organizationId)) {
			throw new RequestRejected("own-organization", "a platform operator cannot " + what
					+ " their own organization", HttpStatus.CONFLICT);
		}
	}

	private void audited(StaffCaller operator, UUID organizationId, String action, String detail) {
		String target = "organization:" + organizationId;
		audit.entry(operator, action).target(target).detail(detail).record();
		if (!operator.organizationId().equals(organizationId)) {
			audit.entry(new AuditLog.Actor(organizationId, operator.userId(), operator.displayName() + " (platform operator)"),
					action)
				.target(target)
				.detail(detail)
				.record();
		}
	}

	private static String show(@Nullable Number limit) {
		return limit == null ? "unlimited" : limit.toString();
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
