package dev.kefu.organization;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.kefu.shared.RequestRejected;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The visitor widget's settings per organization. */
@Service
public class Widgets {

	private static final Set<String> FIELD_TYPES = Set.of("text", "email", "phone", "textarea");

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Groups groups;
	private final AllowedSites sites;

	Widgets(JdbcClient jdbc, JsonMapper json, Groups groups, AllowedSites sites) {
		this.jdbc = jdbc;
		this.json = json;
		this.groups = groups;
		this.sites = sites;
	}

	public WidgetSettings settings(UUID organizationId) {
		return jdbc.sql("SELECT * FROM widget_settings WHERE organization_id = ?")
			.param(organizationId)
			.query((rs, row) -> new WidgetSettings(rs.getString("title"), rs.getString("primary_color"),
					rs.getString("greeting"),
					json.readValue(rs.getString("prechat_fields"), new TypeReference<List<PrechatField>>() {
					}), rs.getObject("default_group_id", UUID.class)))
			.optional()
			.orElseGet(WidgetSettings::defaults)
			.withAllowedSites(sites.of(organizationId));
	}

	@Transactional
	public WidgetSettings save(UUID organizationId, WidgetSettings settings) {
		validate(organizationId, settings);
		jdbc.sql("DELETE FROM widget_settings WHERE organization_id = ?").param(organizationId).update();
		jdbc.sql("""
				INSERT INTO widget_settings (organization_id, title, primary_color, greeting, prechat_fields,
				                             default_group_id)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(organizationId, settings.title().strip(), settings.primaryColor(), settings.greeting(),
					json.writeValueAsString(settings.prechatFields()), settings.defaultGroupId())
			.update();
		if (settings.allowedSites() != null) {
			sites.replace(organizationId, settings.allowedSites());
		}
		groups.forgetRoutables();
		return settings(organizationId);
	}

	private void validate(UUID organizationId, WidgetSettings settings) {
		if (settings.title() == null || settings.title().isBlank() || settings.title().length() > 100) {
			throw new RequestRejected("invalid-title", "title must be 1-100 characters");
		}
		if (settings.primaryColor() == null || !settings.primaryColor().matches("#[0-9a-fA-F]{6}")) {
			throw new RequestRejected("invalid-color", "primary colour must look like #1f6feb");
		}
		if (settings.greeting() == null || settings.greeting().length() > 1000) {
			throw new RequestRejected("invalid-greeting", "greeting must be at most 1000 characters");
		}
		if (settings.prechatFields() == null || settings.prechatFields().size() > 20) {
			throw new RequestRejected("invalid-prechat-field", "pre-chat fields must be a list of at most 20");
		}
		for (PrechatField field : settings.prechatFields()) {
			if (field == null || field.key() == null || !field.key().matches("[a-zA-Z][a-zA-Z0-9_]{0,39}")
					|| !FIELD_TYPES.contains(field.type()) || field.label() == null || field.label().isBlank()) {
				throw new RequestRejected("invalid-prechat-field",
						"pre-chat fields need a key (letters, digits, _), a label and a type of " + FIELD_TYPES);
			}
		}
		if (settings.prechatFields().stream().map(PrechatField::key).distinct().count() < settings.prechatFields().size()) {
			throw new RequestRejected("invalid-prechat-field", "each pre-chat field needs its own key");
		}
		if (settings.defaultGroupId() != null) {
			groups.require(organizationId, settings.defaultGroupId());
		}
		if (settings.allowedSites() != null) {
			AllowedSites.validated(settings.allowedSites());
		}
	}
}
