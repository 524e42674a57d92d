package dev.kefu.organization;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.shared.Ids;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.StateConflict;

/** Creates and finds tenants. */
@Service
public class Organizations {

	private final JdbcClient jdbc;
	private final Clock clock;

	Organizations(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	public Organization create(String slug, String name, String timeZone) {
		if (!slug.matches("[a-z0-9][a-z0-9-]{1,62}")) {
			throw new RequestRejected("invalid-slug", "slug must be 2-63 lower-case letters, digits or '-'");
		}
		if (findBySlug(slug).isPresent()) {
			throw new StateConflict("slug-taken", "an organization with slug " + slug + " exists");
		}
		Organization organization = new Organization(Ids.newId(), slug, name, zone(timeZone));
		jdbc.sql("INSERT INTO organization (id, slug, name, time_zone, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(organization.id(), slug, name, organization.timeZone().getId(), SqlTime.of(clock.instant()))
			.update();
		return organization;
	}

	public Optional<Organization> find(UUID id) {
		return jdbc.sql("SELECT * FROM organization WHERE id = ?").param(id).query(Organizations::map).optional();
	}

	public Organization require(UUID id) {
		return find(id).orElseThrow(() -> new ResourceNotFound("organization", id));
	}

	public Optional<Organization> findBySlug(String slug) {
		return jdbc.sql("SELECT * FROM organization WHERE slug = ?").param(slug).query(Organizations::map).optional();
	}

	private static ZoneId zone(String timeZone) {
		try {
			return ZoneId.of(timeZone);
		}
		catch (DateTimeException e) {
			throw new RequestRejected("invalid-time-zone", "unknown time zone " + timeZone);
		}
	}

	private static Organization map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Organization(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("name"),
				ZoneId.of(rs.getString("time_zone")));
	}
}
