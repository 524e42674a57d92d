package dev.kefu.platform;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.organization.Organizations;
import dev.kefu.organization.StaffMember;
import dev.kefu.organization.StaffMembers;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.StaffCaller;
import dev.kefu.shared.StateConflict;

/**
 * Who may run the installation. Being an operator is a fact about one staff account, kept here, not a role of an
 * organization: no organization's admin can grant it. The admin that {@code kefu.setup} creates becomes the first
 * operator; operators grant it to others and revoke it, never from the last one.
 */
@Service
class PlatformOperators {

	private static final Logger log = LoggerFactory.getLogger(PlatformOperators.class);

	/** An operator: a staff member of some organization. */
	record Operator(UUID userId, UUID organizationId, @Nullable String organizationSlug, @Nullable String username,
			@Nullable String displayName, Instant grantedAt, @Nullable UUID grantedBy) {
	}

	private final JdbcClient jdbc;
	private final StaffMembers staff;
	private final Organizations organizations;
	private final Clock clock;
	private final String setupOrganization;
	private final String setupAdmin;

	PlatformOperators(JdbcClient jdbc, StaffMembers staff, Organizations organizations, Clock clock,
			@Value("${kefu.setup.organization.slug:}") String setupOrganization,
			@Value("${kefu.setup.admin.username:}") String setupAdmin) {
		this.jdbc = jdbc;
		this.staff = staff;
		this.organizations = organizations;
		this.clock = clock;
		this.setupOrganization = setupOrganization.strip();
		this.setupAdmin = setupAdmin.strip();
	}

	/**
	 * While there is no operator, the admin named in {@code kefu.setup} becomes one: on the start that created them
	 * (after organization's FirstOrganization), and on the first start after an upgrade.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Order(10)
	public void firstOperator() {
		if (setupOrganization.isEmpty() || setupAdmin.isEmpty() || count() > 0) {
			return;
		}
		organizations.findBySlug(setupOrganization)
			.flatMap(org -> staff.all(org.id()).stream().filter(m -> m.username().equals(setupAdmin)).findFirst())
			.ifPresent(admin -> {
				try {
					insert(admin, null);
					log.info("'{}' of organization '{}' is the first platform operator (console: /platform/)", setupAdmin,
							setupOrganization);
				}
				catch (DuplicateKeyException anotherNodeWasFirst) {
					// Nodes starting together: one of them granted it.
				}
			});
	}

	boolean isOperator(UUID userId) {
		return jdbc.sql("SELECT COUNT(*) FROM platform_operator WHERE user_id = ?").param(userId).query(Long.class)
			.single() > 0;
	}

	/** The caller, if they are an operator signed in as themselves (never an API token, never a visitor). */
	StaffCaller require(@Nullable StaffCaller caller) {
		if (caller == null || caller.apiToken() || !isOperator(caller.userId())) {
			throw new RequestRejected("not-a-platform-operator", "only a platform operator may do this",
					HttpStatus.FORBIDDEN);
		}
		return caller;
	}

	List<Operator> all() {
		record Row(UUID userId, UUID organizationId, Instant grantedAt, @Nullable UUID grantedBy) {
		}
		return jdbc.sql("SELECT * FROM platform_operator ORDER BY granted_at, user_id")
			.query((rs, n) -> new Row(rs.getObject("user_id", UUID.class), rs.getObject("organization_id", UUID.class),
					SqlTime.read(rs, "granted_at"), rs.getObject("granted_by", UUID.class)))
			.list()
			.stream()
			.map(row -> {
				StaffMember member = staff.find(row.organizationId(), row.userId()).orElse(null);
				return new Operator(row.userId(), row.organizationId(),
						organizations.find(row.organizationId()).map(o -> o.slug()).orElse(null),
						member == null ? null : member.username(), member == null ? null : member.displayName(),
						row.grantedAt(), row.grantedBy());
			})
			.toList();
	}

	/** Makes an enabled staff member of an organization an operator; granting it twice changes nothing. */
	@Transactional
	StaffMember grant(StaffCaller operator, UUID organizationId, UUID userId) {
		StaffMember member = staff.find(organizationId, userId)
			.filter(StaffMember::enabled)
			.orElseThrow(() -> new ResourceNotFound("staff member", userId));
		if (!isOperator(userId)) {
			insert(member, operator.userId());
		}
		return member;
	}

	/** Takes it back; refused for the last operator, so that the installation always has one. */
	@Transactional
	void revoke(UUID userId) {
		// Locks every operator's row: two operators revoking each other at once must not leave none.
		List<UUID> operators = jdbc.sql("SELECT user_id FROM platform_operator ORDER BY user_id FOR UPDATE")
			.query(UUID.class)
			.list();
		if (!operators.contains(userId)) {
			throw new ResourceNotFound("platform operator", userId);
		}
		if (operators.size() == 1) {
			throw new StateConflict("last-platform-operator",
					"the installation needs at least one platform operator; grant it to someone else first");
		}
		jdbc.sql("DELETE FROM platform_operator WHERE user_id = ?").param(userId).update();
	}

	private long count() {
		return jdbc.sql("SELECT COUNT(*) FROM platform_operator").query(Long.class).single();
	}

	private void insert(StaffMember member, @Nullable UUID grantedBy) {
		jdbc.sql("INSERT INTO platform_operator (user_id, organization_id, granted_at, granted_by) VALUES (?, ?, ?, ?)")
			.params(member.id(), member.organizationId(), SqlTime.of(clock.instant()), grantedBy)
			.update();
	}
}
