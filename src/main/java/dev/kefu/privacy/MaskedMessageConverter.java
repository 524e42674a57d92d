package dev.kefu.privacy;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * The log message ({@code %m}, {@code %msg}, {@code %message}) with card and resident ID numbers masked, whatever
 * logged it: a customer's text that ends up in a log line is masked like a stored one.
 */
public class MaskedMessageConverter extends MessageConverter {

	@Override
	public String convert(ILoggingEvent event) {
		return SensitiveNumbers.mask(super.convert(event));
	}
}
