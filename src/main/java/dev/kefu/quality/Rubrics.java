package dev.kefu.quality;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.shared.Ids;
import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.SqlTime;

/**
 * The rubrics of each organization. Editing one replaces its items (with new ids); past reviews keep the items they
 * were scored with, so nothing they say changes.
 */
@Component
class Rubrics {

	private final JdbcClient jdbc;
	private final Clock clock;

	Rubrics(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	Rubric create(UUID organizationId, String name, List<Rubric.Item> items) {
		Rubric.validate(name, items);
		UUID id = Ids.newId();
		Instant now = clock.instant();
		jdbc.sql("INSERT INTO quality_rubric (id, organization_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
			.params(id, organizationId, name.strip(), SqlTime.of(now), SqlTime.of(now))
			.update();
		insertItems(id, items);
		return require(organizationId, id);
	}

	@Transactional
	Rubric update(UUID organizationId, UUID rubricId, String name, List<Rubric.Item> items) {
		Rubric.validate(name, items);
		int updated = jdbc.sql("UPDATE quality_rubric SET name = ?, updated_at = ? WHERE id = ? AND organization_id = ?")
			.params(name.strip(), SqlTime.of(clock.instant()), rubricId, organizationId)
			.update();
		if (updated == 0) {
			throw new ResourceNotFound("rubric", rubricId);
		}
		jdbc.sql("DELETE FROM quality_rubric_item WHERE rubric_id = ?").param(rubricId).update();
		insertItems(rubricId, items);
		return require(organizationId, rubricId);
	}

	List<Rubric> all(UUID organizationId) {
		List<Rubric> rubrics = jdbc.sql("SELECT * FROM quality_rubric WHERE organization_id = ? ORDER BY name, id")
			.param(organizationId)
			.query((rs, row) -> new Rubric(rs.getObject("id", UUID.class), organizationId, rs.getString("name"),
					List.of(), SqlTime.read(rs, "created_at"), SqlTime.read(rs, "updated_at")))
			.list();
		if (rubrics.isEmpty()) {
			return rubrics;
		}
		Map<UUID, List<Rubric.Item>> items = jdbc.sql("""
				SELECT * FROM quality_rubric_item WHERE rubric_id IN (:rubrics) ORDER BY rubric_id, position""")
			.param("rubrics", rubrics.stream().map(Rubric::id).toList())
			.query((rs, row) -> Map.entry(rs.getObject("rubric_id", UUID.class), item(rs)))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		return rubrics.stream()
			.map(r -> new Rubric(r.id(), r.organizationId(), r.name(), items.getOrDefault(r.id(), List.of()),
					r.createdAt(), r.updatedAt()))
			.toList();
	}

	Optional<Rubric> find(UUID organizationId, UUID rubricId) {
		return jdbc.sql("SELECT * FROM quality_rubric WHERE id = ? AND organization_id = ?")
			.params(rubricId, organizationId)
			.query((rs, row) -> new Rubric(rubricId, organizationId, rs.getString("name"), itemsOf(rubricId),
					SqlTime.read(rs, "created_at"), SqlTime.read(rs, "updated_at")))
			.optional();
	}

	Rubric require(UUID organizationId, UUID rubricId) {
		return find(organizationId, rubricId).orElseThrow(() -> new ResourceNotFound("rubric", rubricId));
	}

	private List<Rubric.Item> itemsOf(UUID rubricId) {
		return jdbc.sql("SELECT * FROM quality_rubric_item WHERE rubric_id = ? ORDER BY position")
			.param(rubricId)
			.query((rs, row) -> item(rs))
			.list();
	}

	private void insertItems(UUID rubricId, List<Rubric.Item> items) {
		for (int i = 0; i < items.size(); i++) {
			Rubric.Item item = items.get(i);
			jdbc.sql("""
					INSERT INTO quality_rubric_item (id, rubric_id, position, name, weight, max_points)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(item.id(), rubricId, i, item.name().strip(), item.weight(), item.maxPoints())
				.update();
		}
	}

	private static Rubric.Item item(ResultSet rs) throws SQLException {
		return new Rubric.Item(rs.getObject("id", UUID.class), rs.getString("name"), rs.getInt("weight"),
				rs.getInt("max_points"));
	}
}
