package dev.kefu.organization;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * How the visitor widget of an organization looks and greets, and where it may appear: {@code allowedSites} are the
 * origins that may embed it ({@code https://shop.example.com}, {@code https://*.example.com}); empty means every
 * site. Always present when read; left out of a change ({@code null}), the stored list stays as it is.
 */
public record WidgetSettings(String title, String primaryColor, String greeting, List<PrechatField> prechatFields,
		@Nullable UUID defaultGroupId, @Nullable List<String> allowedSites) {

	public WidgetSettings(String title, String primaryColor, String greeting, List<PrechatField> prechatFields,
			@Nullable UUID defaultGroupId) {
		this(title, primaryColor, greeting, prechatFields, defaultGroupId, null);
	}

	public static WidgetSettings defaults() {
		return new WidgetSettings("Kefu", "#1f6feb", "Hello! How can we help you today?",
				List.of(new PrechatField("name", "Name", "text", false),
						new PrechatField("email", "E-mail", "email", false)),
				null, List.of());
	}

	WidgetSettings withAllowedSites(List<String> sites) {
		return new WidgetSettings(title, primaryColor, greeting, prechatFields, defaultGroupId, sites);
	}
}
