package dev.kefu.knowledge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.shared.Ids;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.StaffCaller;
import dev.kefu.shared.StateConflict;

/** The category tree of each organization's knowledge base. Editors shape it; everyone reads it. */
@Service
class Categories {

	private final JdbcClient jdbc;

	Categories(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Category> all(UUID organizationId) {
		return jdbc.sql("SELECT * FROM kb_category WHERE organization_id = ? ORDER BY position, name")
			.param(organizationId)
			.query((rs, row) -> new Category(rs.getObject("id", UUID.class), rs.getObject("parent_id", UUID.class),
					rs.getString("name"), rs.getInt("position")))
			.list();
	}

	Category require(UUID organizationId, UUID id) {
		return all(organizationId).stream()
			.filter(c -> c.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new ResourceNotFound("category", id));
	}

	@Transactional
	Category create(StaffCaller caller, String name, @Nullable UUID parentId, int position) {
		KnowledgeRoles.requireEditor(caller);
		String clean = validName(name);
		if (parentId != null) {
			require(caller.organizationId(), parentId);
		}
		Category category = new Category(Ids.newId(), parentId, clean, position);
		jdbc.sql("INSERT INTO kb_category (id, organization_id, parent_id, name, position) VALUES (?, ?, ?, ?, ?)")
			.params(category.id(), caller.organizationId(), parentId, clean, position)
			.update();
		return category;
	}

	/** Renames or moves a category; a category cannot move under itself or its own descendants. */
	@Transactional
	Category update(StaffCaller caller, UUID id, String name, @Nullable UUID parentId, int position) {
		KnowledgeRoles.requireEditor(caller);
		require(caller.organizationId(), id);
		if (parentId != null && subtree(caller.organizationId(), id).contains(parentId)) {
			throw new RequestRejected("invalid-parent", "a category cannot move under itself or its subcategories");
		}
		if (parentId != null) {
			require(caller.organizationId(), parentId);
		}
		jdbc.sql("UPDATE kb_category SET name = ?, parent_id = ?, position = ? WHERE id = ? AND organization_id = ?")
			.params(validName(name), parentId, position, id, caller.organizationId())
			.update();
		return require(caller.organizationId(), id);
	}

	/** Only an empty category goes: no subcategories and no articles, so nothing is left without a place. */
	@Transactional
	void delete(StaffCaller caller, UUID id) {
		KnowledgeRoles.requireEditor(caller);
		require(caller.organizationId(), id);
		long children = jdbc.sql("SELECT COUNT(*) FROM kb_category WHERE parent_id = ?").param(id).query(Long.class).single();
		long articles = jdbc.sql("SELECT COUNT(*) FROM kb_article WHERE category_id = ?").param(id).query(Long.class).single();
		if (children + articles > 0) {
			throw new StateConflict("category-in-use", "the category still holds " + children + " subcategories and "
					+ articles + " articles; move them first");
		}
		jdbc.sql("DELETE FROM kb_category WHERE id = ? AND organization_id = ?").params(id, caller.organizationId()).update();
	}

	/** The category and all below it: an article filed under a subcategory is found under its parents too. */
	Set<UUID> subtree(UUID organizationId, UUID id) {
		List<Category> all = all(organizationId);
		Set<UUID> found = new HashSet<>(List.of(id));
		List<UUID> frontier = new ArrayList<>(List.of(id));
		while (!frontier.isEmpty()) {
			UUID parent = frontier.removeLast();
			for (Category c : all) {
				if (parent.equals(c.parentId()) && found.add(c.id())) {
					frontier.add(c.id());
				}
			}
		}
		return found;
	}

	/** The category and its ancestors, for indexing an article under each. */
	List<UUID> pathTo(List<Category> all, @Nullable UUID id) {
		List<UUID> path = new ArrayList<>();
		UUID at = id;
		while (at != null && path.size() < 64) {
			path.add(at);
			UUID current = at;
			at = all.stream().filter(c -> c.id().equals(current)).findFirst().map(Category::parentId).orElse(null);
		}
		return path;
	}

	private static String validName(String name) {
		String clean = name == null ? "" : name.strip();
		if (clean.isEmpty() || clean.length() > 200) {
			throw new RequestRejected("invalid-name", "name must be 1-200 characters");
		}
		return clean;
	}
}
