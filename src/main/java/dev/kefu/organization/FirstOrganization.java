package dev.kefu.organization;

import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.kefu.shared.Role;

/**
 * Creates the organization and admin named in {@code kefu.setup.*} when they do not exist yet, so that a production
 * installation (no demo) has someone to log in as. It never changes what exists: once the admin has changed the
 * password, restarting with the same settings does nothing. A generated password is printed by the start that
 * created the admin, and never again.
 */
@Component
class FirstOrganization {

	private static final Logger log = LoggerFactory.getLogger(FirstOrganization.class);

	private static final String PASSWORD_LETTERS = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final SetupProperties setup;
	private final Organizations organizations;
	private final StaffMembers staff;
	private final ProvisioningLock lock;
	private final SecureRandom random = new SecureRandom();

	FirstOrganization(SetupProperties setup, Organizations organizations, StaffMembers staff, ProvisioningLock lock) {
		if (setup.admin().wanted() && !setup.organization().wanted()) {
			throw new IllegalStateException("kefu.setup.admin.username needs kefu.setup.organization.slug: "
					+ "the organization the admin belongs to");
		}
		this.setup = setup;
		this.organizations = organizations;
		this.staff = staff;
		this.lock = lock;
	}

	/** First among the start's listeners: the platform module makes this admin the first platform operator. */
	@EventListener(ApplicationReadyEvent.class)
	@Order(0)
	public void createWhatIsMissing() {
		if (setup.organization().wanted()) {
			lock.inTurn(() -> {
				Organization organization = organization(setup.organization());
				if (setup.admin().wanted()) {
					admin(organization, setup.admin());
				}
				return organization;
			});
		}
	}

	private Organization organization(SetupProperties.Organization wanted) {
		String slug = wanted.slug().strip();
		return organizations.findBySlug(slug).orElseGet(() -> {
			String name = wanted.name() == null || wanted.name().isBlank() ? slug : wanted.name().strip();
			Organization created = organizations.create(slug, name, wanted.timeZone());
			log.info("Created organization '{}' ({}) from kefu.setup.organization", slug, name);
			return created;
		});
	}

	private void admin(Organization organization, SetupProperties.Admin wanted) {
		String username = wanted.username().strip();
		boolean exists = staff.all(organization.id()).stream().anyMatch(member -> member.username().equals(username));
		if (exists) {
			return;
		}
		String given = blankToNull(wanted.password());
		String password = given != null ? given : generatedPassword();
		staff.create(organization.id(), username, password, new StaffMembers.Profile(wanted.displayName(), null,
				Set.of(Role.ADMIN, Role.SUPERVISOR), 0, true, List.<UUID>of()));
		if (given != null) {
			log.info("Created admin '{}' of organization '{}' with the password from kefu.setup.admin.password",
					username, organization.slug());
		}
		else {
			log.warn("""

					==================================================================
					 Created admin '{}' of organization '{}'
					 Generated password: {}
					 It is shown this once: log in at /admin/ and change it.
					==================================================================""", username,
					organization.slug(), password);
		}
	}

	private String generatedPassword() {
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			password.append(PASSWORD_LETTERS.charAt(random.nextInt(PASSWORD_LETTERS.length())));
		}
		return password.toString();
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
