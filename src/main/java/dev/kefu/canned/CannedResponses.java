package dev.kefu.canned;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.canned.CannedResponse.Scope;
import dev.kefu.organization.Groups;
import dev.kefu.organization.StaffMembers;
import dev.kefu.shared.Permission;
import dev.kefu.shared.Ids;
import dev.kefu.shared.RequestRejected;
import dev.kefu.shared.ResourceNotFound;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.StaffCaller;
import dev.kefu.shared.StateConflict;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Finds and keeps canned responses. The rules: everyone keeps their own personal responses and never sees anyone
 * else's; organization-wide ones are changed by admins and supervisors only; a response limited to a group is
 * offered to that group's members (and to supervisors). A personal shortcut may repeat an organization-wide one,
 * and then comes first.
 */
@Service
class CannedResponses {

	/** Lower-case letters, digits, '-' and CJK (Han, kana, Hangul); not starting with '-'. */
	static final Pattern SHORTCUT = Pattern
		.compile("[a-z0-9\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}][-a-z0-9\\p{IsHan}\\p{IsHiragana}"
				+ "\\p{IsKatakana}\\p{IsHangul}]{0,31}");

	private static final int MAX_RESULTS = 50;

	/** A folder name: 1-64 characters, no line breaks or other control characters. */
	static final Pattern FOLDER = Pattern.compile("[^\\p{Cntrl}]{1,64}");

	private final JdbcClient jdbc;
	private final Groups groups;
	private final StaffMembers staff;
	private final Clock clock;

	CannedResponses(JdbcClient jdbc, Groups groups, StaffMembers staff, Clock clock) {
		this.jdbc = jdbc;
		this.groups = groups;
		this.staff = staff;
		this.clock = clock;
	}

	/**
	 * What the caller may insert or edit: a shortcut typed with or without its '/', a title or text fragment, and a
	 * folder (blank or absent: unfiled).
	 */
	@Schema(name = "CannedResponseDraft")
	record Draft(@Nullable String shortcut, @Nullable String title, @Nullable String text,
			@Nullable UUID groupId, @Nullable String folder) {
	}

	/**
	 * The caller's personal responses and the organization-wide ones offered to them, matching {@code query} by
	 * shortcut prefix or by title, text or folder; shortcut matches first, then by shortcut with personal ones
	 * first.
	 */
	List<CannedResponse> search(StaffCaller caller, @Nullable String query, @Nullable Scope scope) {
		String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
		q = q.startsWith("/") ? q.substring(1) : q;
		String like = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		Set<UUID> myGroups = Set.copyOf(staff.require(caller.organizationId(), caller.userId()).groupIds());
		return jdbc.sql("""
				SELECT * FROM canned_response
				WHERE organization_id = :org AND (owner_id = :me OR owner_id = :org)
				  AND (:q = '' OR shortcut LIKE :prefix ESCAPE '\\' OR LOWER(title) LIKE :part ESCAPE '\\'
				       OR LOWER(body) LIKE :part ESCAPE '\\' OR LOWER(folder) LIKE :part ESCAPE '\\')
				ORDER BY CASE WHEN shortcut LIKE :prefix ESCAPE '\\' THEN 0 ELSE 1 END, shortcut,
				         CASE WHEN owner_id = :me THEN 0 ELSE 1 END, title""")
			.param("org", caller.organizationId())
			.param("me", caller.userId())
			.param("q", q)
			.param("prefix", like + "%")
			.param("part", "%" + like + "%")
			.query(CannedResponses::map)
			.list()
			.stream()
			.filter(r -> scope == null || r.scope() == scope)
			.filter(r -> r.groupId() == null || caller.may(Permission.CANNED_MANAGE) || myGroups.contains(r.groupId()))
			.limit(MAX_RESULTS)
			.toList();
	}

	@Transactional
	CannedResponse create(StaffCaller caller, Scope scope, Draft draft) {
		if (scope == Scope.ORGANIZATION) {
			requireSupervisor(caller);
		}
		Draft valid = validate(caller, scope, draft);
		UUID id = Ids.newId();
		Instant now = clock.instant();
		UUID owner = scope == Scope.ORGANIZATION ? caller.organizationId() : caller.userId();
		uniqueShortcut(() -> jdbc.sql("""
				INSERT INTO canned_response (id, organization_id, owner_id, shortcut, title, body, group_id, folder,
				                             created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, caller.organizationId(), owner, valid.shortcut(), valid.title(), valid.text(),
					valid.groupId(), valid.folder(), SqlTime.of(now), SqlTime.of(now))
			.update());
		return require(caller, id);
	}

	@Transactional
	CannedResponse update(StaffCaller caller, UUID id, Draft draft) {
		CannedResponse existing = editable(caller, id);
		Draft valid = validate(caller, existing.scope(), draft);
		uniqueShortcut(() -> jdbc.sql("""
				UPDATE canned_response SET shortcut = ?, title = ?, body = ?, group_id = ?, folder = ?, updated_at = ?
				WHERE id = ? AND organization_id = ?""")
			.params(valid.shortcut(), valid.title(), valid.text(), valid.groupId(), valid.folder(),
					SqlTime.of(clock.instant()), id, caller.organizationId())
			.update());
		return require(caller, id);
	}

	@Transactional
	void delete(StaffCaller caller, UUID id) {
		editable(caller, id);
		jdbc.sql("DELETE FROM canned_response WHERE id = ? AND organization_id = ?")
			.params(id, caller.organizationId())
			.update();
	}

	/** Another staff member's personal response is not found, never forbidden: its existence is not shared. */
	CannedResponse require(StaffCaller caller, UUID id) {
		return jdbc.sql("""
				SELECT * FROM canned_response WHERE id = ? AND organization_id = ? AND owner_id IN (?, ?)""")
			.params(id, caller.organizationId(), caller.userId(), caller.organizationId())
			.query(CannedResponses::map)
			.optional()
			.orElseThrow(() -> new ResourceNotFound("canned response", id));
	}

	private CannedResponse editable(StaffCaller caller, UUID id) {
		CannedResponse response = require(caller, id);
		if (response.scope() == Scope.ORGANIZATION) {
			requireSupervisor(caller);
		}
		return response;
	}

	private static void requireSupervisor(StaffCaller caller) {
		caller.require(Permission.CANNED_MANAGE);
	}

	private Draft validate(StaffCaller caller, Scope scope, Draft draft) {
		String shortcut = draft.shortcut() == null ? "" : draft.shortcut().strip();
		shortcut = shortcut.startsWith("/") ? shortcut.substring(1) : shortcut;
		if (!SHORTCUT.matcher(shortcut).matches()) {
			throw new RequestRejected("invalid-shortcut",
					"shortcut must be 1-32 lower-case letters, digits, '-' or CJK characters, not starting with '-'");
		}
		if (draft.title() == null || draft.title().isBlank() || draft.title().length() > 200) {
			throw new RequestRejected("invalid-title", "title must be 1-200 characters");
		}
		if (draft.text() == null || draft.text().isBlank() || draft.text().length() > 5000) {
			throw new RequestRejected("invalid-text", "text must be 1-5000 characters");
		}
		if (draft.groupId() != null) {
			if (scope == Scope.PERSONAL) {
				throw new RequestRejected("invalid-group", "only organization-wide responses can be limited to a group");
			}
			groups.require(caller.organizationId(), draft.groupId());
		}
		String folder = draft.folder() == null || draft.folder().isBlank() ? null : draft.folder().strip();
		if (folder != null && !FOLDER.matcher(folder).matches()) {
			throw new RequestRejected("invalid-folder", "folder must be 1-64 characters on one line, or empty for none");
		}
		return new Draft(shortcut, draft.title().strip(), draft.text(), draft.groupId(), folder);
	}

	private static void uniqueShortcut(Runnable write) {
		try {
			write.run();
		}
		catch (DuplicateKeyException e) {
			throw new StateConflict("shortcut-taken", "that shortcut is already used in this list");
		}
	}

	private static CannedResponse map(ResultSet rs, int row) throws SQLException {
		UUID organizationId = rs.getObject("organization_id", UUID.class);
		UUID owner = rs.getObject("owner_id", UUID.class);
		boolean shared = owner.equals(organizationId);
		return new CannedResponse(rs.getObject("id", UUID.class), organizationId,
				shared ? Scope.ORGANIZATION : Scope.PERSONAL, shared ? null : owner, rs.getString("shortcut"),
				rs.getString("title"), rs.getString("body"), rs.getObject("group_id", UUID.class),
				rs.getString("folder"), SqlTime.read(rs, "updated_at"));
	}
}
