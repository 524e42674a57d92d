package dev.kefu.organization;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** How the visitor widget of an organization looks and greets. */
public record WidgetSettings(String title, String primaryColor, String greeting, List<PrechatField> prechatFields,
		@Nullable UUID defaultGroupId) {

	public static WidgetSettings defaults() {
		return new WidgetSettings("Kefu", "#1f6feb", "Hello! How can we help you today?",
				List.of(new PrechatField("name", "Name", "text", false),
						new PrechatField("email", "E-mail", "email", false)),
				null);
	}
}
