package dev.kefu.knowledge;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import dev.kefu.shared.StaffCaller;

/**
 * Pictures in articles: staff upload them (the answer gives the Markdown to paste), and anyone with the address
 * sees them, since published articles show them in the help center. Ids are random, so addresses are not guessable.
 */
@RestController
class KnowledgeImageController {

	private final KnowledgeImages images;

	KnowledgeImageController(KnowledgeImages images) {
		this.images = images;
	}

	@PostMapping(path = "/api/v1/knowledge/images", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	KnowledgeImages.Stored upload(@AuthenticationPrincipal StaffCaller caller, @RequestPart("file") MultipartFile file)
			throws IOException {
		return images.upload(caller, file.getOriginalFilename() == null ? "" : file.getOriginalFilename(),
				file.getInputStream());
	}

	@GetMapping("/api/v1/help/images/{id}")
	ResponseEntity<InputStreamResource> image(@PathVariable UUID id) throws IOException {
		KnowledgeImages.Image image = images.require(id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(image.contentType()))
			.contentLength(image.size())
			.cacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePublic().immutable())
			.header("X-Content-Type-Options", "nosniff")
			.body(new InputStreamResource(image.content()));
	}
}
