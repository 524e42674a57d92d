package dev.kefu.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** An answer as the mail the customer gets: threaded, "Re:" once, the thread quoted, files attached, nothing raw. */
class OutgoingMailTest {

	@Test
	void anAnswerIsThreadedUnderTheCustomersMailWithItsOwnMessageIdAndOneRe() throws Exception {
		MimeMessage mime = written(new OutgoingMail("<m1@example.com>", new InternetAddress("support@example.com"),
				new InternetAddress("support+kabcdefghijk@example.com"), new InternetAddress("wang@example.org"),
				"RE: Re: Order 12345", List.of("<first@example.org>", "<m0@example.com>", "<second@example.org>"),
				"Hello <Wang>,\nit ships today.", List.of(new OutgoingMail.Quoted("You", Instant.EPOCH, "Where is it?")),
				List.of(), Instant.EPOCH));

		assertThat(mime.getMessageID()).isEqualTo("<m1@example.com>");
		assertThat(mime.getSubject()).isEqualTo("Re: Order 12345");
		assertThat(mime.getHeader("In-Reply-To", null)).isEqualTo("<second@example.org>");
		assertThat(mime.getHeader("References", " ").replaceAll("\\s+", " "))
			.isEqualTo("<first@example.org> <m0@example.com> <second@example.org>");
		assertThat(mime.getReplyTo()[0].toString()).isEqualTo("support+kabcdefghijk@example.com");
		IncomingMail read = MailReadingTest.read(raw(mime));
		assertThat(read.text()).isEqualTo("Hello <Wang>,\nit ships today.");
		assertThat(raw(mime)).contains("> Where is it?").contains("Hello &lt;Wang&gt;,<br>").doesNotContain("<Wang>,<br>");
	}

	@Test
	void filesAreAttachedByteForByte() throws Exception {
		byte[] pdf = "%PDF-1.4\nlooks like text\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
		MimeMessage mime = written(new OutgoingMail("<m2@example.com>", new InternetAddress("support@example.com"), null,
				new InternetAddress("wang@example.org"), "Invoice", List.of(), "Attached.", List.of(),
				List.of(new IncomingMail.File("发票.pdf", "application/pdf", pdf)), Instant.EPOCH));

		IncomingMail read = MailReadingTest.read(raw(mime));
		assertThat(read.files()).singleElement().satisfies(f -> {
			assertThat(f.name()).isEqualTo("发票.pdf");
			assertThat(f.content()).isEqualTo(pdf);
		});
	}

	private static MimeMessage written(OutgoingMail mail) throws Exception {
		MimeMessage mime = mail.toMime(Session.getInstance(new Properties()));
		return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes(mime)));
	}

	private static String raw(MimeMessage mime) throws Exception {
		return new String(bytes(mime), StandardCharsets.UTF_8).replace("\r\n", "\n");
	}

	private static byte[] bytes(MimeMessage mime) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		mime.writeTo(out);
		return out.toByteArray();
	}
}
