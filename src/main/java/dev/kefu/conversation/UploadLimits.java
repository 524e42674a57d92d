package dev.kefu.conversation;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The servlet container's multipart limits, derived from {@code kefu.attachments.max-size}. Spring Boot's own default
 * (1 MB a file) refused files well within Kefu's limit. The container allows twice Kefu's limit, so a file just over it
 * still reaches {@link Attachments} and gets its clear {@code file-too-large} answer, while a far larger upload is cut
 * off before it fills the disk.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimits {

	@Bean
	MultipartConfigElement multipartConfigElement(@Value("${kefu.attachments.max-size:10MB}") DataSize maxSize) {
		MultipartConfigFactory factory = new MultipartConfigFactory();
		factory.setMaxFileSize(DataSize.ofBytes(2 * maxSize.toBytes()));
		factory.setMaxRequestSize(DataSize.ofBytes(2 * maxSize.toBytes() + DataSize.ofKilobytes(64).toBytes()));
		return factory.createMultipartConfig();
	}
}
