package dev.kefu.shared;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Every JSON the server writes (HTTP answers and live frames alike) repairs text on the way out: a lone surrogate
 * stored before text was checked at the edge, or cut from a longer text, becomes U+FFFD instead of an encoding error
 * that would fail the whole list or frame it sits in.
 */
@Configuration(proxyBeanMethods = false)
class RepairedJsonText {

	@Bean
	JsonMapperBuilderCustomizer repairedStrings() {
		SimpleModule module = new SimpleModule("kefu-repaired-text");
		module.addSerializer(String.class, new RepairedString());
		return builder -> builder.addModule(module);
	}

	static final class RepairedString extends StdSerializer<String> {

		RepairedString() {
			super(String.class);
		}

		@Override
		public void serialize(String value, JsonGenerator generator, SerializationContext context) {
			generator.writeString(Text.repaired(value));
		}
	}
}
