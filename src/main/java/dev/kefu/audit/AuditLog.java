package dev.kefu.audit;

import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import dev.kefu.shared.Ids;
import dev.kefu.shared.SqlTime;
import dev.kefu.shared.StaffCaller;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Records what was done, in the caller's transaction: an entry is kept exactly when the change it describes is.
 * Entries are only ever added; the one way out is the retention prune ({@link AuditRetention}).
 *
 * <h2>Naming actions</h2>
 * Actions are dotted, past-tense names of the thing and the act, lower case with dashes inside a word, so that they
 * read alike and can be filtered by prefix ({@code staff.} finds every staff action):
 * <ul>
 * <li>{@code auth.login}, {@code auth.login-failed} (no actor id; the actor name is the attempted username),
 * {@code auth.logout}</li>
 * <li>{@code staff.created}, {@code staff.changed}, {@code staff.disabled}, {@code staff.enabled},
 * {@code staff.roles-changed}, {@code staff.groups-changed}, {@code staff.password-reset} (by an admin),
 * {@code staff.password-changed} (by oneself); other helpers: {@code staff.totp-enabled}, {@code session.revoked}</li>
 * <li>settings: {@code <family>.created | .changed | .deleted}, e.g. {@code group.changed}, {@code group.hours-changed},
 * {@code widget.changed}, {@code channel.secret-rotated}, {@code audit.retention-changed}</li>
 * <li>exports: {@code <thing>.exported}, e.g. {@code report.exported}, {@code audit.exported}; reveals:
 * {@code message.revealed}</li>
 * <li>{@code knowledge.published}, {@code knowledge.unpublished}, {@code knowledge.deleted}</li>
 * <li>{@code supervision.watched}, {@code supervision.whispered}, {@code supervision.took-over}</li>
 * <li>a platform operator's, in their organization and in the one acted on: {@code platform.organization-created},
 * {@code platform.limits-changed}, {@code platform.organization-suspended}, {@code platform.organization-resumed},
 * {@code platform.organization-deleted} (the operator's only), {@code platform.operator-granted},
 * {@code platform.operator-revoked}</li>
 * </ul>
 * Targets are {@code <kind>:<id>} ({@code staff:0193…}). Use {@link #entry} for before/after: {@code
 * audit.entry(caller, "group.changed").target("group:" + id).changed(before, after).record()} stores only the fields
 * that differ, as compact JSON; fields whose names speak of a password, secret, hash, token or key are never stored,
 * only marked {@code "***"} when they changed. The source address is the current HTTP request's
 * {@link HttpServletRequest#getRemoteAddr()} unless given: the connection's, or a trusted proxy's forwarded one when
 * {@code server.forward-headers-strategy} says to believe it.
 */
@Service
public class AuditLog {

	private static final Pattern SECRET_FIELD = Pattern
		.compile("(?i).*(password|secret|hash|token|key|credential|private).*");

	/** Who did it: a staff member, an API token, somebody who failed to log in (no id), or the system itself. */
	public record Actor(UUID organizationId, @Nullable UUID id, String name) {

		public static Actor of(StaffCaller caller) {
			return new Actor(caller.organizationId(), caller.userId(), caller.displayName());
		}

		/** Someone who is not (yet) known, such as a failed login: {@code name} is what they typed. */
		public static Actor unknown(UUID organizationId, String attemptedName) {
			return new Actor(organizationId, null, attemptedName);
		}

		public static Actor system(UUID organizationId) {
			return new Actor(organizationId, null, "system");
		}
	}

	private final JdbcClient jdbc;
	private final Clock clock;
	private final JsonMapper json;

	AuditLog(JdbcClient jdbc, Clock clock, JsonMapper json) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.json = json;
	}

	/**
	 * @param target what was acted on, e.g. {@code api-token:<id>}
	 * @param detail a short human-readable note (a name, what changed); never a secret
	 * @param sourceAddress the address the request came from, if it came over HTTP
	 */
	public void record(StaffCaller actor, String action, @Nullable String target, @Nullable String detail,
			@Nullable String sourceAddress) {
		entry(actor, action).target(target).detail(detail).from(sourceAddress).record();
	}

	/** As {@link #record(StaffCaller, String, String, String, String)}, from the current request's address. */
	public void record(StaffCaller actor, String action, @Nullable String target, @Nullable String detail) {
		entry(actor, action).target(target).detail(detail).record();
	}

	/** An entry to fill in and {@link Entry#record() record}. */
	public Entry entry(StaffCaller actor, String action) {
		return new Entry(Actor.of(actor), action);
	}

	public Entry entry(Actor actor, String action) {
		return new Entry(actor, action);
	}

	/** An entry being written; nothing is stored until {@link #record()}. */
	public final class Entry {

		private final Actor actor;
		private final String action;
		private @Nullable String target;
		private @Nullable String detail;
		private @Nullable String sourceAddress;
		private boolean addressGiven;
		private @Nullable String before;
		private @Nullable String after;

		private Entry(Actor actor, String action) {
			this.actor = actor;
			this.action = action;
		}

		public Entry target(@Nullable String target) {
			this.target = target;
			return this;
		}

		public Entry detail(@Nullable String detail) {
			this.detail = detail;
			return this;
		}

		/** The source address, when the action did not come with the current HTTP request. */
		public Entry from(@Nullable String sourceAddress) {
			this.sourceAddress = sourceAddress;
			this.addressGiven = sourceAddress != null;
			return this;
		}

		/** The state before, whole (for something deleted); a string is kept as it is, anything else as JSON. */
		public Entry before(@Nullable Object state) {
			this.before = render(state);
			return this;
		}

		/** The state after, whole (for something created). */
		public Entry after(@Nullable Object state) {
			this.after = render(state);
			return this;
		}

		/** Of two states of one thing, only the fields that differ. */
		public Entry changed(@Nullable Object before, @Nullable Object after) {
			JsonNode old = tree(before);
			JsonNode now = tree(after);
			if (old instanceof ObjectNode o && now instanceof ObjectNode n) {
				ObjectNode b = json.createObjectNode();
				ObjectNode a = json.createObjectNode();
				for (String name : union(o, n)) {
					JsonNode x = o.get(name);
					JsonNode y = n.get(name);
					if (x == null ? y == null : x.equals(y)) {
						continue;
					}
					b.set(name, SECRET_FIELD.matcher(name).matches() ? StringNode.valueOf("***") : clean(x));
					a.set(name, SECRET_FIELD.matcher(name).matches() ? StringNode.valueOf("***") : clean(y));
				}
				this.before = b.isEmpty() ? null : b.toString();
				this.after = a.isEmpty() ? null : a.toString();
			}
			else {
				this.before = render(before);
				this.after = render(after);
			}
			return this;
		}

		/** Whether {@link #changed} found any difference (or before/after were given). */
		public boolean changesSomething() {
			return before != null || after != null;
		}

		public void record() {
			String address = addressGiven ? sourceAddress : currentRequestAddress();
			jdbc.sql("""
					INSERT INTO audit_entry (id, organization_id, occurred_at, actor_id, actor_name, action, target,
					                         detail, source_address, before_value, after_value)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(Ids.newId(), actor.organizationId(), SqlTime.of(clock.instant()), actor.id(),
						cut(actor.name(), 200), cut(action, 100), target == null ? null : cut(target, 200),
						detail == null ? null : cut(detail, 2000), address == null ? null : cut(address, 100), before,
						after)
				.update();
		}
	}

	private @Nullable String render(@Nullable Object state) {
		if (state == null) {
			return null;
		}
		if (state instanceof String text) {
			return cut(text, 20_000);
		}
		return clean(tree(state)).toString();
	}

	private @Nullable JsonNode tree(@Nullable Object state) {
		return state == null ? null : json.valueToTree(state);
	}

	/** A copy without secret-named fields, at any depth. */
	private @Nullable JsonNode clean(@Nullable JsonNode node) {
		if (node instanceof ObjectNode object) {
			ObjectNode copy = json.createObjectNode();
			for (Map.Entry<String, JsonNode> field : object.properties()) {
				if (!SECRET_FIELD.matcher(field.getKey()).matches()) {
					copy.set(field.getKey(), clean(field.getValue()));
				}
			}
			return copy;
		}
		if (node != null && node.isArray()) {
			var copy = json.createArrayNode();
			for (Iterator<JsonNode> it = node.iterator(); it.hasNext();) {
				copy.add(clean(it.next()));
			}
			return copy;
		}
		return node;
	}

	private static java.util.Set<String> union(ObjectNode a, ObjectNode b) {
		java.util.Set<String> names = new java.util.LinkedHashSet<>(a.propertyNames());
		names.addAll(b.propertyNames());
		return names;
	}

	private static @Nullable String currentRequestAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return attributes.getRequest().getRemoteAddr();
		}
		return null;
	}

	static String cut(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max);
	}
}
